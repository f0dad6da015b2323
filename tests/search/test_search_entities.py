"""Entity data for entity pages, over the fixture store."""

from __future__ import annotations

import pytest

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


def _names_in(store, article_id: str) -> set[tuple[str, str]]:
    rows = store.conn.execute("SELECT e.label, e.norm FROM entities e JOIN articles a ON a.rowid = e.article "
                              "WHERE a.id = ?", (article_id,))
    return set(rows)


def test_cooccurring_within_counts_the_newest_articles_only(searcher):
    store = searcher.store
    newest = entities.articles(store, "Қасым-Жомарт Тоқаев", "PERSON", limit=1)["articles"][0]["id"]
    got = entities.cooccurring(store, "Қасым-Жомарт Тоқаев", "PERSON", within=1)
    assert {(c["label"], c["norm"]) for c in got} == _names_in(store, newest) - {("PERSON", "Қасым-Жомарт Тоқаев")}
    assert all(c["articles"] == 1 for c in got)
    # a bound above the entity's article count changes nothing
    assert entities.cooccurring(store, "Қасым-Жомарт Тоқаев", "PERSON", within=2) == \
        entities.cooccurring(store, "Қасым-Жомарт Тоқаев", "PERSON")


@pytest.mark.parametrize("label", ["GPE", None])
def test_cooccurring_leaves_out_excluded_labels(searcher, label):
    every = entities.cooccurring(searcher.store, "Корея", label, limit=100)
    got = entities.cooccurring(searcher.store, "Корея", label, limit=100, exclude={"ORGANISATION", "DATE"})
    assert got == [c for c in every if c["label"] not in {"ORGANISATION", "DATE"}]
    assert any(c["label"] == "ORGANISATION" for c in every)
