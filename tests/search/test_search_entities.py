"""Entity data for entity pages, over the fixture store."""

from __future__ import annotations

from habar.search import entities


def test_mentions_per_month(searcher):
    assert entities.mentions_per_month(searcher.store, "Қасым-Жомарт Тоқаев") == [
        {"month": "2020-01", "articles": 1, "mentions": 1}, {"month": "2020-02", "articles": 1, "mentions": 1}]


def test_cooccurring(searcher):
    got = entities.cooccurring(searcher.store, "Корея", "GPE")
    assert {(c["norm"], c["articles"]) for c in got} == {("Зерде", 1), ("Сеул", 1), ("Қазақстан", 1)}


def test_articles_per_entity(searcher):
    got = entities.articles(searcher.store, "астана")
    assert got["total"] == 2 and [a["id"] for a in got["articles"]] == ["k4", "k2"]
    assert entities.articles(searcher.store, "астана", label="PERSON")["total"] == 0


def test_top(searcher):
    assert entities.top(searcher.store, "PERSON") == [
        {"label": "PERSON", "norm": "Қасым-Жомарт Тоқаев", "articles": 2, "mentions": 2}]
