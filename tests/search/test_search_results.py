"""Snippets and facets over the fixture store."""

from __future__ import annotations

import pytest

from habar.search.snippets import snippet


def first_snippet(searcher, q):
    return searcher.search(q, facets=False)["hits"][0]["snippet"]


@pytest.mark.parametrize("query, marked", [
    ("меморандум", ["<mark>Меморандумға</mark>", "<mark>Меморандум</mark>"]),  # the forms present, not the lemma
    ('"ақпараттық қоғам"', ["<mark>ақпараттық</mark> <mark>қоғам</mark>"]),
    ('entity:"Қасым-Жомарт Тоқаев"', ["<mark>Қасым-Жомарт Тоқаев</mark>"]),
])
def test_snippets_mark_forms_present(searcher, query, marked):
    text = first_snippet(searcher, query)
    for m in marked:
        assert m in text


def test_snippet_escapes_html(searcher):
    text = first_snippet(searcher, "код")
    assert "&lt;b&gt;<mark>кодтары</mark>&lt;/b&gt; &amp; белгілер" in text
    assert "<b>" not in text


def test_snippet_window_moves_to_the_matches():
    text = "бір " * 200 + "меморандумға қол қойды"
    terms = [("меморандум", 200, 800, 812)]
    out = snippet(text, terms, {"меморандум"})
    assert out.startswith("…") and "<mark>меморандумға</mark>" in out and len(out) < 300


def test_snippet_without_matches_is_the_beginning():
    assert snippet("Қысқа мәтін.", [], {"жоқ"}) == "Қысқа мәтін."


def test_facets(searcher):
    facets = searcher.search("-жоқсөз")["facets"]
    assert {b["value"]: b["count"] for b in facets["source"]} == {"zakon.kz": 2, "tengri.kz": 2, "inform.kz": 1,
                                                                 "blog.kz": 1}
    assert {b["value"]: b["count"] for b in facets["lang"]} == {"kk": 5, "ru": 1}
    assert [b["value"] for b in facets["month"]] == ["2019-11", "2019-12", "2020-01", "2020-02"]
    assert facets["entities"]["PERSON"] == [{"value": "Қасым-Жомарт Тоқаев", "count": 2}]
    assert {b["value"] for b in facets["entities"]["GPE"]} >= {"Астана", "Корея"}


def test_facets_follow_the_query(searcher):
    facets = searcher.search("технопарк")["facets"]
    assert {b["value"] for b in facets["lang"]} == {"kk", "ru"}
    assert {b["value"] for b in facets["source"]} == {"tengri.kz", "inform.kz"}
