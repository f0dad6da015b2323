"""The store: lossless round trip, outcomes of writes (new/updated/unchanged/duplicate), deletion, migrations."""

from __future__ import annotations

import sqlite3
from dataclasses import replace

import pytest

from habar.document import Article, Change, Entity, Fact, Sentence, Token
from habar.store import Store
from habar.store.records import to_record
from habar.store.schema import MIGRATIONS


def analysed(aid="a1", raw="Астанада  жаңа саябақ ашылды.", **kw) -> Article:
    text = raw.replace("  ", " ", 1)
    changes = [Change(8, 10, " ", "spaces")] if text != raw else []
    head = {"title": "Саябақ", "source": "s.kz", "url": f"https://s.kz/{aid}", "published": "2021-05-01",
            "lang": "kk", **kw}
    return Article(
        id=aid, raw=raw, text=text, **head, sentences=[Sentence(0, len(text))],
        tokens=[Token("Астанада", 0, 8, "word", "Астана", "PROPN", "Case=Loc"), Token("жаңа", 9, 13, "word", "жаңа"),
                Token("саябақ", 14, 20, "word", "саябақ"), Token("ашылды", 21, 27, "word", "ашыл", "VERB"),
                Token(".", 27, 28, "punct")],
        entities=[Entity("Астанада", "GPE", 0, 8, norm="Астана", group=0)],
        facts=[Fact("statistic", 0, 28, {"value": 1})],
        changes=changes, meta={"author": "Ә. Бек"})


def write(store, *articles, analysis="a"):
    return store.write([to_record(a, analysis) for a in articles])


def test_round_trip_is_lossless(tmp_path):
    with Store(tmp_path) as store:
        a = analysed()
        write(store, a)
        assert store.get("a1") == a


def test_token_text_differing_from_span_survives(tmp_path):
    a = analysed()
    a.tokens[1].text = "жана"  # e.g. a tokenizer that repaired a letter
    with Store(tmp_path) as store:
        write(store, a)
        assert store.get("a1").tokens[1].text == "жана"


@pytest.mark.parametrize("second, outcome", [
    (analysed(), "unchanged"),
    (analysed(title="Жаңа саябақ"), "updated"),  # metadata changed
    (analysed(raw="Астанада жаңа саябақ ашылды!"), "updated"),  # text changed
    (analysed(aid="other", url="https://s.kz/a1"), "unchanged"),  # same URL under another id
    (analysed(aid="copy", url="https://other.kz/x"), "duplicate"),  # same normalised text elsewhere
    (analysed(aid="new", url="", raw="Басқа мәтін."), "new"),
])
def test_write_outcomes(tmp_path, second, outcome):
    with Store(tmp_path) as store:
        assert write(store, analysed()) == ["new"]
        assert write(store, second) == [outcome]
        assert store.count() == (2 if outcome == "new" else 1)


def test_new_analysis_updates(tmp_path):
    with Store(tmp_path) as store:
        write(store, analysed(), analysis="normalise")
        assert write(store, analysed(), analysis="normalise,morph") == ["updated"]


def test_update_replaces_entities_and_keeps_id(tmp_path):
    with Store(tmp_path) as store:
        write(store, analysed())
        b = analysed(aid="b", title="Жаңа")  # found by URL: the stored id stays
        b.url = "https://s.kz/a1"
        b.entities = []
        assert write(store, b) == ["updated"]
        assert store.get("a1").title == "Жаңа" and store.get("b") is None
        assert store.conn.execute("SELECT count(*) FROM entities").fetchone()[0] == 0


@pytest.mark.parametrize("article, expected", [
    (analysed(), "unchanged"),
    (analysed(title="Өзгерген"), None),
    (analysed(aid="z", url="https://z.kz"), "duplicate"),  # the same raw bytes
    (analysed(aid="z", url="https://z.kz", raw="Жаңа мәтін."), None),
])
def test_precheck_skips_finished_work(tmp_path, article, expected):
    with Store(tmp_path) as store:
        write(store, analysed())
        assert store.precheck(article, "a") == expected


def test_revs_and_tombstones(tmp_path):
    with Store(tmp_path) as store:
        write(store, analysed("a1"), analysed("a2", raw="Басқа."), analysed("a3", raw="Үшінші."))
        assert store.rev() == 3
        assert store.delete(["a2", "missing"]) == 1
        assert store.rev() == 4 and store.deleted_since(3) == [(4, "a2")]
        assert store.delete(source="s.kz") == 2
        assert store.count() == 0
        assert store.conn.execute("SELECT count(*) FROM annotations").fetchone()[0] == 0  # cascades


def test_a_failed_batch_writes_nothing(tmp_path):
    with Store(tmp_path) as store:
        bad = to_record(analysed("a2", raw="Басқа."), "a")
        bad.terms = bad.store_terms = None  # NOT NULL: the insert fails mid-batch
        with pytest.raises(sqlite3.Error):
            store.write([to_record(analysed(), "a"), bad])
        assert store.count() == 0 and store.rev() == 0


def test_migrations_run_once_and_refuse_newer(tmp_path):
    Store(tmp_path).close()
    with Store(tmp_path) as store:
        assert store.conn.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
        assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        store.conn.execute(f"PRAGMA user_version = {len(MIGRATIONS) + 1}")
    with pytest.raises(RuntimeError, match="newer than this habar"):
        Store(tmp_path)


def test_missing_store_names_the_fix(tmp_path):
    with pytest.raises(FileNotFoundError, match="habar ingest"):
        Store(tmp_path / "nothing", create=False)


def test_stats(tmp_path):
    with Store(tmp_path) as store:
        write(store, analysed(), replace(analysed("b", raw="Басқа."), lang="ru", published="2019-01-02"))
        s = store.stats()
    assert s["articles"] == 2 and s["languages"] == {"kk": 1, "ru": 1}
    assert s["dates"] == {"first": "2019-01-02", "last": "2021-05-01"}
    assert s["entities"]["by_type"] == {"GPE": 1} and s["entities"]["mentions"] == 2
