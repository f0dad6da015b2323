"""The query language over the hand-analysed fixture store (tests/search/conftest.py), by phenomenon."""

from __future__ import annotations

import pytest

from habar.search.query import QueryError, parse


def ids(searcher, q, **kw):
    return [h["id"] for h in searcher.search(q, facets=False, **kw)["hits"]]


@pytest.mark.parametrize("query, expected", [
    # a lemma finds every inflected form (Меморандумға, Меморандум, Меморандумдар)
    ("меморандум", {"k1", "k3"}),
    ("форум", {"k3"}),
    ("Сеул", {"k1"}),
    ("технопарк", {"k2", "k4"}),
    # case does not matter
    ("МЕМОРАНДУМ", {"k1", "k3"}),
    # several words: all of them
    ("меморандум ақпараттық", {"k1", "k3"}),
    ("меморандум форум", {"k3"}),
    ("жоқсөз", set()),
])
def test_words_match_lemmas(searcher, query, expected):
    assert set(ids(searcher, query)) == expected


@pytest.mark.parametrize("query, expected", [
    ('"ақпараттық қоғам"', {"k3"}),
    ('"қоғам ақпараттық"', set()),  # order matters
    ('"қол қой"', {"k1"}),  # lemmas at consecutive positions: "қол қойды"
    ('"меморандум қол қой"', {"k1"}),  # three words: both pairs, then the positions
    ('"меморандум қой"', set()),  # both words there, not adjacent
    ('"ашылды технопарктің"', set()),  # "ашылды. Технопарктің": a sentence end is a gap
    ('«ақпараттық қоғам»', {"k3"}),  # typographic quotes
    ('"NIA меморандумға"', {"k1"}),  # in the title only
    ('"Зерде мен NIA"', {"k1"}),  # three words, in the title only
    ('title:"технопарк ашылды"', {"k2"}),
    ('title:"жаңа технопарк"', set()),  # in k2's body, not its title
])
def test_phrases_match_lemma_positions(searcher, query, expected):
    assert set(ids(searcher, query)) == expected


@pytest.mark.parametrize("query, expected", [
    ("меморандум -форум", {"k1"}),
    ("Сеул OR Алматы", {"k1", "k3"}),
    ("Сеул OR Алматы ақпараттық", {"k1", "k3"}),
    ("Сеул OR Алматы -форум", {"k1"}),
    ("-меморандум", {"k2", "k4", "k5", "k6"}),
])
def test_exclusion_and_or(searcher, query, expected):
    assert set(ids(searcher, query)) == expected


@pytest.mark.parametrize("query, expected", [
    ("source:tengri.kz", {"k2", "k3"}),
    ("source:TENGRI.KZ технопарк", {"k2"}),
    ("lang:ru", {"k4"}),
    ("date:2019-11..2019-12", {"k1", "k5"}),
    ("date:2020", {"k2", "k3", "k4"}),
    ("date:2020-02-03", {"k3"}),
    ("date:..2019-11", {"k1"}),
    ("date:2020-02..", {"k3", "k4"}),
    ('entity:"Қасым-Жомарт Тоқаев"', {"k2", "k3"}),
    ('entity:"қасым-жомарт тоқаев"', {"k2", "k3"}),
    ("type:PERSON", {"k2", "k3"}),
    ("entity:Астана type:GPE", {"k2", "k4"}),
    ("entity:Астана type:PERSON", set()),
    ("entity:Корея -source:zakon.kz", set()),
    ("title:технопарк", {"k2", "k4"}),
    ("title:форум", {"k3"}),
])
def test_field_filters(searcher, query, expected):
    assert set(ids(searcher, query)) == expected


def test_bad_date_names_the_fix(searcher):
    with pytest.raises(QueryError, match="YYYY-MM"):
        searcher.search("date:ноябрь")


def test_unknown_field_is_a_word():
    assert parse("сағат 12:30").groups[1][0].field is None


def test_ranking_prefers_more_and_title_matches(searcher):
    # k1 has the lemma twice in its text, k3 once
    assert ids(searcher, "меморандум") == ["k1", "k3"]


def test_entity_ranks_by_mentions(searcher):
    hits = searcher.search('entity:"Қасым-Жомарт Тоқаев"', facets=False)["hits"]
    assert {h["id"] for h in hits} == {"k2", "k3"}


def test_sort_by_date_and_pages(searcher):
    assert ids(searcher, "-жоқсөз", sort="date", limit=3) == ["k4", "k3", "k2"]
    assert ids(searcher, "-жоқсөз", sort="date", limit=3, offset=3) == ["k5", "k1", "k6"]
    result = searcher.search("-жоқсөз", limit=2, facets=False)
    assert result["total"] == 6 and len(result["hits"]) == 2


def test_hit_fields(searcher):
    hit = searcher.search("форум", facets=False)["hits"][0]
    assert set(hit) >= {"id", "title", "source", "published", "score", "snippet"}
    assert (hit["id"], hit["title"], hit["source"], hit["published"]) == ("k3", "Алматыда форум өтті", "tengri.kz",
                                                                          "2020-02-03")
    assert hit["score"] > 0
