"""Snippets and facets over the fixture store."""

from __future__ import annotations

import pytest

import numpy as np

from habar.search.snippets import matches, snippet


def first_snippet(searcher, q):
    return searcher.search(q, facets=False)["hits"][0]["snippet"]


@pytest.mark.parametrize("query, marked", [
    ("меморандум", ["<mark>Меморандумға</mark>", "<mark>Меморандум</mark>"]),  # the forms present, not the lemma
    ('"ақпараттық қоғам"', ["<mark>ақпараттық</mark> <mark>қоғам</mark>"]),
    ('entity:"Қасым-Жомарт Тоқаев"', ["<mark>Қасым-Жомарт</mark> <mark>Тоқаев</mark>"]),  # the name's words
])
def test_snippets_mark_forms_present(searcher, query, marked):
    text = first_snippet(searcher, query)
    for m in marked:
        assert m in text


def test_entity_snippet_marks_inflected_mentions(searcher):
    hits = searcher.search('entity:"Қасым-Жомарт Тоқаев"', facets=False)["hits"]
    assert "<mark>Тоқаевтың</mark>" in next(h["snippet"] for h in hits if h["id"] == "k3")


def test_snippet_escapes_html(searcher):
    text = first_snippet(searcher, "код")
    assert "&lt;b&gt;<mark>кодтары</mark>&lt;/b&gt; &amp; белгілер" in text
    assert "<b>" not in text


def test_snippet_window_moves_to_the_matches():
    text = "бір " * 200 + "меморандумға қол қойды"
    out = snippet(text, [(800, 812)])
    assert out.startswith("…") and "<mark>меморандумға</mark>" in out and len(out) < 300


def test_snippet_without_matches_is_the_beginning():
    assert snippet("Қысқа мәтін.", []) == "Қысқа мәтін."


@pytest.mark.parametrize("wanted, found", [
    ({"меморандум"}, [(0, 12), (30, 40)]),
    ({"қой"}, [(17, 22)]),  # an alternative lemma counts
    ({"қол"}, [(13, 16)]),
    ({"қо"}, []),  # whole terms only
    ({"меморандум", "қол"}, [(0, 12), (13, 16), (30, 40)]),
    (set(), []),
])
def test_matches_find_terms_by_line(wanted, found):
    terms = "\nмеморандум\nқол\nқойды|қой\n\nтағы|тақ\nмеморандум\n"
    spans = np.array([(0, 12), (13, 16), (17, 22), (22, 23), (24, 28), (30, 40)])
    assert matches(terms, spans, wanted) == found


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


@pytest.mark.parametrize("query", ["-жоқсөз", "технопарк", "меморандум OR сауда", '"ақпараттық қоғам"', "жоқсөз",
                                   "source:zakon.kz", "date:2020", 'entity:"Корея" -сауда'])
def test_total_with_facets_is_the_count(searcher, query):
    # with facets the total comes from the lang buckets (habar.search.search.facet_total), without from a count
    assert searcher.search(query)["total"] == searcher.search(query, facets=False)["total"]


def test_total_counts_articles_without_a_language(tmp_path):
    from habar.options import Options
    from habar.search.search import Searcher
    from habar.store.ingest import ingest
    from search_articles import make_article

    articles = [make_article("a", "x.kz", "2020-01-01", "", "Сауда", "Сауда өсті.", []),
                make_article("b", "x.kz", "2020-01-02", "kk", "Сауда", "Сауда артты.", [])]
    ingest(articles, tmp_path, Options(workers=1), steps=[])
    searcher = Searcher(tmp_path)
    try:
        out = searcher.search("сауда")
        assert out["total"] == 2
        assert out["facets"]["lang"] == [{"value": "kk", "count": 1}]  # no bucket for the missing language
    finally:
        searcher.close()


def test_hits_of_articles_deleted_after_the_index_committed(tmp_path):
    """The index names articles by store rowid (habar.search.index `row`): a hit whose article the store deleted
    since is left out, with its facet names, and a newer article never takes over its rowid."""
    from habar.options import Options
    from habar.search.search import Searcher
    from habar.store import Store
    from habar.store.ingest import ingest
    from search_articles import make_article

    def one(aid: str, text: str):
        return make_article(aid, "x.kz", "2020-01-01", "kk", "Сауда", text, [("Алматыда", "GPE", "Алматы")])

    ingest([one("a", "Алматыда сауда өсті."), one("b", "Алматыда сауда артты.")], tmp_path, Options(workers=1),
           steps=[])
    searcher = Searcher(tmp_path)
    try:
        assert {h["id"] for h in searcher.search("сауда")["hits"]} == {"a", "b"}
        with Store(tmp_path) as store:  # another process: the store moves on, this searcher's index does not
            store.delete(["b"])
            store.write([to_record(one("c", "Алматыда сауда тоқтады."))])
        out = searcher.search("сауда")
        assert [h["id"] for h in out["hits"]] == ["a"]
        assert out["facets"]["entities"]["GPE"] == [{"value": "Алматы", "count": 1}]
    finally:
        searcher.close()


def to_record(article):
    from habar.pipeline import Pipeline
    from habar.store import records

    return records.to_record(Pipeline([]).run_one(article), "steps")
