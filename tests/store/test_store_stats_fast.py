"""Store statistics from indexes and maintained tallies: the same figures as the full-scan SQL they replace.

The tallies (schema 4 and 5's triggers: mentions, facts, articles per language and per source) must equal what the
tables hold after every kind of write: ingest, re-ingest of a changed article, deletion (foreign-key cascades), a
batch that fails and rolls back, a writer killed before its commit, and direct SQL (INSERT OR REPLACE, UPDATE).
"""

from __future__ import annotations

import pickle
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from habar.document import Article, Entity, Fact, Sentence, Token
from habar.store import Store
from habar.store.records import to_record
from habar.store.stats import STATS_SQL, table_stats

ROOT = Path(__file__).resolve().parents[2]

# the statistics as they were computed before schema 4, by full scans: the reference the fast SQL must equal
OLD = {
    "articles": "SELECT count(*) FROM articles",
    "dates": "SELECT min(published), max(published) FROM articles WHERE published != ''",
    "languages": "SELECT lang, count(*) FROM articles GROUP BY lang ORDER BY 2 DESC",
    "sources": "SELECT source, count(*) FROM articles GROUP BY source ORDER BY 2 DESC LIMIT 20",
    "distinct": "SELECT count(DISTINCT name) FROM mentions",
    "mentions": "SELECT coalesce(sum(count), 0) FROM mentions",
    "by_type": "SELECT label, count(DISTINCT key) FROM entities GROUP BY label ORDER BY 2 DESC",
    "facts": "SELECT count(*) FROM facts",
}

# (word, entity label or None); the same name twice in an article is one mentions row with count 2
WORDS = {
    "a": [("Алматыда", "GPE"), ("жаңа", None), ("мектеп", None), ("ашылды", None), ("Алматы", "GPE"),
          ("әкімдігі", "ORGANISATION"), ("хабарлады", None)],
    "b": [("Асқар", "PERSON"), ("Жұмабаев", "PERSON"), ("Астанаға", "GPE"), ("келді", None)],
    "c": [("Ауа", None), ("райы", None), ("жылы", None), ("болады", None)],
    "d": [("Қазақстан", "GPE"), ("пен", None), ("Қытай", "GPE"), ("келісімге", None), ("келді", None),
          ("Қазақстан", "GPE")],
}


def article(aid: str, words: str = "a", lang: str = "kk", source: str = "a.kz", published: str = "2021-05-01",
            title: str = "Жаңалық") -> Article:
    pieces = [*WORDS[words], (aid, None)]  # the id as the last word: every article's text is its own
    text = " ".join(w for w, _ in pieces) + "."
    tokens, entities, at = [], [], 0
    for w, label in pieces:
        tokens.append(Token(w, at, at + len(w), "word", w.lower()))
        if label:
            norm = w.removesuffix("да").removesuffix("ға")  # the base form, as habar.ner gives it
            entities.append(Entity(w, label, at, at + len(w), norm=norm, group=len(entities)))
        at += len(w) + 1
    tokens.append(Token(".", len(text) - 1, len(text), "punct"))
    facts = [Fact("statistic", 0, len(text) - 1, {"value": n}) for n in range(len(entities) // 2)]
    return Article(id=aid, raw=text, text=text, title=title, source=source, url=f"https://{source}/{aid}",
                   published=published, lang=lang, sentences=[Sentence(0, len(text))], tokens=tokens,
                   entities=entities, facts=facts)


def write(store: Store, *articles: Article) -> list[str]:
    return store.write([to_record(a, "a") for a in articles])


def _ranked(conn: sqlite3.Connection, sql: str) -> list[tuple]:
    """The old SQL left the order of ties to the plan; the new one orders them by name."""
    return sorted(conn.execute(sql), key=lambda r: (-r[1], r[0]))


def old_stats(conn: sqlite3.Connection) -> dict:
    one = {k: conn.execute(OLD[k]).fetchone() for k in ("articles", "dates", "distinct", "mentions", "facts")}
    return {
        "articles": one["articles"][0],
        "languages": _ranked(conn, OLD["languages"]),
        "sources": _ranked(conn, OLD["sources"]),
        "dates": {"first": one["dates"][0], "last": one["dates"][1]},
        "entities": {"distinct": one["distinct"][0], "mentions": one["mentions"][0],
                     "by_type": _ranked(conn, OLD["by_type"])},
        "facts": one["facts"][0],
    }


def new_stats(store: Store) -> dict:
    s = store.stats()
    assert s.pop("rev") == store.rev()
    # ordered lists: the order must be the same too, where the old SQL fixed it
    return {**s, "languages": list(s["languages"].items()), "sources": list(s["sources"].items()),
            "entities": {**s["entities"], "by_type": list(s["entities"]["by_type"].items())}}


TALLIES = {  # what the triggers keep: what the tables hold
    "SELECT CAST(value AS INTEGER) FROM state WHERE key = 'mentions'": "SELECT coalesce(sum(count), 0) FROM mentions",
    "SELECT CAST(value AS INTEGER) FROM state WHERE key = 'facts'": "SELECT count(*) FROM facts",
    "SELECT field, value, n FROM tallies WHERE n > 0 ORDER BY 1, 2":
        "SELECT 'lang', lang, count(*) FROM articles GROUP BY lang UNION ALL "
        "SELECT 'source', source, count(*) FROM articles GROUP BY source ORDER BY 1, 2",
}


def tally(store: Store) -> tuple[list, list]:
    """(the maintained tallies, the same counted over the tables): always equal."""
    return ([store.conn.execute(kept).fetchall() for kept in TALLIES],
            [store.conn.execute(counted).fetchall() for counted in TALLIES.values()])


def base(store: Store) -> None:
    write(store, article("x1"), article("x2", "b", lang="ru", source="b.kz", published="2020-01-02"),
          article("x3", "c", published=""), article("x4", "d", source="b.kz", published="2022-12-31T10:00:00"))


# --- the same figures -----------------------------------------------------------------------------------------
STORES = {
    "empty": [],
    "no dates": [article("n1", published=""), article("n2", "b", published="")],
    "mixed": [article("m1"), article("m2", "b", lang="ru", source="b.kz", published="2020-01-02"),
              article("m3", "c", lang="", published=""), article("m4", "d", lang="en", source="c.kz")],
    # more than 20 sources, with distinct counts so that the old SQL's top 20 is defined
    "many sources": [article(f"s{k}-{i}", "abcd"[i % 4], source=f"src{k:02}.kz", title=f"Жаңалық {k} {i}")
                     for k in range(1, 24) for i in range(k)],
}


@pytest.mark.parametrize("name", STORES)
def test_stats_equal_the_full_scans(tmp_path, name):
    with Store(tmp_path) as store:
        if STORES[name]:
            write(store, *STORES[name])
        assert new_stats(store) == old_stats(store.conn)
        # the SQL PostgreSQL runs (no tallies) gives them too
        assert table_stats(store.conn, STATS_SQL) == {k: v for k, v in store.stats().items() if k != "rev"}


def test_empty_store_figures(tmp_path):
    with Store(tmp_path) as store:
        s = store.stats()
    assert s["articles"] == 0 and s["dates"] == {"first": None, "last": None}
    assert s["entities"] == {"distinct": 0, "mentions": 0, "by_type": {}}


# --- the tally of mentions after every kind of write -------------------------------------------------------------
def _changed(store):  # fewer names and mentions, then more
    assert write(store, article("x1", "c")) == ["updated"]
    assert write(store, article("x3", "d", published="")) == ["updated"]


def _failed_batch(store):
    bad = to_record(article("y2", "d"), "a")
    bad.terms = bad.store_terms = None  # NOT NULL: fails after y1's mentions went in
    with pytest.raises(sqlite3.Error):
        store.write([to_record(article("y1", "b", source="y.kz"), "a"), bad])
    assert store.count() == 4


def _killed_before_commit(store):
    """A writer process dies (os._exit, no rollback) after its mentions are written, before COMMIT."""
    recs = store.dir / "recs.pickle"
    recs.write_bytes(pickle.dumps([to_record(article("x2", "d", lang="ru"), "a"), to_record(article("z1", "a"), "a")]))
    child = ("import os, pickle, sys\n"
             "from habar.store import Store\n"
             "store = Store(sys.argv[1])\n"
             "real = store.conn\n"
             "class Dying:\n"
             "    def __getattr__(self, name):\n"
             "        return getattr(real, name)\n"
             "    def execute(self, sql, *args):\n"
             "        if sql.startswith('UPDATE state SET value = ? WHERE key'):\n"
             "            assert real.execute('SELECT count(*) FROM mentions').fetchone()[0] > 0\n"
             "            os._exit(9)\n"
             "        return real.execute(sql, *args)\n"
             "store.conn = Dying()\n"
             "store.write(pickle.loads(open(sys.argv[2], 'rb').read()))\n")
    done = subprocess.run([sys.executable, "-c", child, str(store.dir), str(recs)], cwd=ROOT, capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 9, done.stderr
    assert store.get("z1") is None and store.count() == 4


OPERATIONS = {
    "ingest": lambda store: None,
    "re-ingest unchanged": lambda store: write(store, article("x1")),
    "re-ingest changed": _changed,
    "delete by id": lambda store: store.delete(["x1", "x4"]),
    "delete by source": lambda store: store.delete(source="b.kz"),
    "delete all": lambda store: store.delete(["x1", "x2", "x3", "x4"]),
    "delete all, then write again": lambda store: (store.delete(["x1", "x2", "x3", "x4"]),
                                                   write(store, article("x2", "b", lang="ru", source="b.kz"))),
    "re-ingest with another language and source": lambda store: write(
        store, article("x2", "b", lang="kk", source="a.kz"), article("x4", "d", lang="en", source="new.kz")),
    "update of languages": lambda store: store.conn.execute("UPDATE articles SET lang = 'kk', source = 'z.kz'"),
    "replace of an article": lambda store: store.conn.execute(
        "INSERT OR REPLACE INTO articles SELECT * FROM articles WHERE id = 'x1'"),
    "failed batch rolled back": _failed_batch,
    "writer killed before commit": _killed_before_commit,
    "insert or replace": lambda store: store.conn.execute(
        "INSERT OR REPLACE INTO mentions(name, article, count) SELECT name, article, count + 5 FROM mentions"),
    "update of counts": lambda store: store.conn.execute("UPDATE mentions SET count = count * 3 WHERE count = 1"),
}


@pytest.mark.parametrize("name", OPERATIONS)
def test_tally_equals_the_sum(tmp_path, name):
    with Store(tmp_path) as store:
        base(store)
        before = tally(store)
        assert before[0] == before[1] and before[0][0][0][0] > 0 and before[0][1][0][0] > 0
        OPERATIONS[name](store)
        kept, summed = tally(store)
        assert kept == summed
        assert new_stats(store) == old_stats(store.conn)
    with Store(tmp_path) as store:  # and as the next process sees it
        assert tally(store) == (summed, summed)


def test_a_store_of_schema_3_gets_its_tallies_and_indexes(tmp_path, monkeypatch):
    from older_schema import older_schema

    from habar.store import schema

    older_schema(monkeypatch, 3)
    with Store(tmp_path) as store:
        base(store)
        assert store.conn.execute("PRAGMA user_version").fetchone()[0] == 3
        old = old_stats(store.conn)
    monkeypatch.undo()
    with Store(tmp_path) as store:
        assert store.conn.execute("PRAGMA user_version").fetchone()[0] == len(schema.MIGRATIONS)
        indexes = {r[0] for r in store.conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
        assert {"articles_lang", "articles_source"} <= indexes
        kept, counted = tally(store)
        assert kept == counted and kept[0][0][0] == old["entities"]["mentions"] > 0
        assert new_stats(store) == old
        write(store, article("x5", "d"))
        kept, counted = tally(store)
        assert kept == counted


# --- no full scans ------------------------------------------------------------------------------------------------
# what a step of a plan may scan whole: names (one row per distinct entity, a probe of mentions each); with the
# shared SQL (PostgreSQL's, here run on SQLite) also the narrow indexes on lang and source, facts' smallest index
# and mentions, whose sum PostgreSQL computes without a tally
SCANS = {
    "tallied": ("SCAN CONSTANT ROW", "SCAN n USING COVERING INDEX"),
    "shared": ("SCAN CONSTANT ROW", "SCAN n USING COVERING INDEX", "SCAN articles USING COVERING INDEX articles_lang",
               "SCAN articles USING COVERING INDEX articles_source", "SCAN facts USING COVERING INDEX",
               "SCAN mentions"),
}


@pytest.mark.parametrize("sql", SCANS)
def test_every_statistic_reads_an_index_or_a_small_table(tmp_path, sql):
    with Store(tmp_path) as store:
        base(store)
        store.conn.execute("ANALYZE")  # the planner's choice with statistics, as on a grown store
        seen: list[str] = []
        store.conn.set_trace_callback(seen.append)
        figures = store.stats() if sql == "tallied" else table_stats(store.conn, STATS_SQL)
        store.conn.set_trace_callback(None)
        plans = {q: [r[3] for r in store.conn.execute("EXPLAIN QUERY PLAN " + q)] for q in seen}
        figures.pop("rev", None)
        assert figures == {k: v for k, v in store.stats().items() if k != "rev"}  # both SQL give the same
    assert len(plans) >= 6
    for q, steps in plans.items():
        for step in steps:
            assert not step.startswith("SCAN") or step.startswith(SCANS[sql]), (q, step)
