"""Migrations, the SQLite dialect adapter, the lemma tsvector, and rebuilding the search columns."""

from __future__ import annotations

import threading

import psycopg
import pytest

from habar.pg import compat, schema
from habar.pg.terms import tsvector_text

pytestmark = pytest.mark.postgres


# --- the adapter: what shared SQL written for SQLite becomes --------------------------------------------------
TRANSLATIONS = [
    ("SELECT a FROM t WHERE x = ? AND y = ?", "SELECT a FROM t WHERE x = %s AND y = %s"),
    ("SELECT '?', \"a?\" FROM t WHERE x = ?", "SELECT '?', \"a?\" FROM t WHERE x = %s"),  # quoted ? stays
    ("SELECT x FROM t WHERE y LIKE '50%' AND z = ?", "SELECT x FROM t WHERE y LIKE '50%%' AND z = %s"),
    ("SELECT 'it''s ?' , ?", "SELECT 'it''s ?' , %s"),
    ("BEGIN IMMEDIATE", "BEGIN"),
    ("begin exclusive", "BEGIN"),
    ("INSERT OR REPLACE INTO clusters(article, cluster, method) SELECT rowid, ?, ? FROM articles WHERE id = ?",
     "INSERT INTO clusters(article, cluster, method) SELECT rowid, %s, %s FROM articles WHERE id = %s "
     "ON CONFLICT (article) DO UPDATE SET cluster = EXCLUDED.cluster, method = EXCLUDED.method"),
    ("INSERT OR IGNORE INTO names(label, norm, key) VALUES (?, ?, ?)",
     "INSERT INTO names(label, norm, key) VALUES (%s, %s, %s) ON CONFLICT DO NOTHING"),
]


@pytest.mark.parametrize("sqlite,pg", TRANSLATIONS)
def test_translate(sqlite, pg):
    assert compat.translate(sqlite) == pg


def test_replace_into_an_unknown_table_says_where_to_add_its_key():
    with pytest.raises(ValueError, match="CONFLICT_KEYS"):
        compat.translate("INSERT OR REPLACE INTO mystery(a, b) VALUES (?, ?)")


def test_passwords_stay_out_of_messages():
    assert compat.redact("postgresql://me:secret@127.0.0.1:5432/db") == "postgresql://me:***@127.0.0.1:5432/db"


def test_an_unreachable_server_is_one_clear_error():
    with pytest.raises(compat.Unavailable, match=r"postgresql://habar@127\.0\.0\.1:1/x: .*scripts/postgres\.sh start"):
        compat.Conn("postgresql://habar@127.0.0.1:1/x")


# --- migrations -------------------------------------------------------------------------------------------------
def test_migrations_run_once_even_when_many_open_a_new_database(pg_server):
    url = pg_server.database()
    errors = []

    def open_one():
        try:
            with psycopg.connect(url, autocommit=True) as conn:
                schema.migrate(conn)
        except Exception as exc:  # noqa: BLE001 - collected and asserted below
            errors.append(exc)

    threads = [threading.Thread(target=open_one) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    with psycopg.connect(url, autocommit=True) as conn:
        assert schema.migrate(conn) == len(schema.MIGRATIONS)  # and again: nothing left to do
        versions = [v for v, in conn.execute("SELECT version FROM schema_version ORDER BY version")]
        assert versions == list(range(1, len(schema.MIGRATIONS) + 1))
        assert conn.execute("SELECT count(*) FROM state WHERE key = 'epoch'").fetchone()[0] == 1
        kind = conn.execute("SELECT value FROM state WHERE key = 'search_index'").fetchone()[0]
        assert kind == ("rum" if schema.rum_available(conn) else "gin")


def test_a_newer_schema_is_refused(pg_server):
    url = pg_server.database()
    with psycopg.connect(url, autocommit=True) as conn:
        schema.migrate(conn)
        conn.execute("INSERT INTO schema_version(version) VALUES (%s)", (len(schema.MIGRATIONS) + 1,))
        with pytest.raises(RuntimeError, match="upgrade habar"):
            schema.migrate(conn)


def test_opening_a_missing_store_without_create_says_how_to_make_one(pg_server):
    from habar.pg.store import PgStore

    with pytest.raises(FileNotFoundError, match="habar ingest PATH --db"):
        PgStore(pg_server.database(), create=False)


# --- the tsvector: positions and weights -------------------------------------------------------------------------
TSVECTORS = [
    # title at 1.., then a gap; the lede (B) then the body (C); other readings (D) at their token's position
    ("\nжыл|жы\n\nкел\n", "жыл", "жыл", "'жыл':1A,3B 'жы':3D 'кел':5C"),
    # punctuation keeps its position, so "a . b" is not the phrase "a b"
    ("\nа\n\nб\n", "", "", "'а':2C 'б':4C"),
    # quotes and backslashes in lemmas
    ("\nд'артаньян\nc:\\x\n", "", "", "'д''артаньян':2C 'c:\\\\x':3C"),
]


@pytest.mark.parametrize("terms,title,lead,expected", TSVECTORS)
def test_tsvector_text(terms, title, lead, expected, pg_server):
    assert tsvector_text(terms, title, lead) == expected
    with psycopg.connect(pg_server.url) as conn:  # and PostgreSQL reads it as written
        assert conn.execute("SELECT %s::tsvector::text", (expected,)).fetchone()[0]


def test_rebuilding_the_search_columns_changes_no_result(pg_server):
    from habar.document import Article, Entity
    from habar.pg.reindex import rebuild
    from habar.pg.search import PgSearcher
    from habar.search.analysis import Analyzer
    from habar.store.records import to_record
    from habar.pg.store import PgStore

    url = pg_server.database()
    texts = ["Астанада жаңа саябақ ашылды.", "Алматыда жаңа мектеп салынды.", "Шымкентте көпір ашылды."]
    with PgStore(url) as store:
        recs = []
        for i, text in enumerate(texts):
            city = text.split()[0]
            a = Article(id=f"r{i}", raw=text, title=city, source="s", published=f"2020-0{i + 1}-01",
                        entities=[Entity(city, "GPE", 0, len(city), norm=city)])
            recs.append(to_record(a, ""))
        assert store.write(recs) == ["new"] * 3
    s = PgSearcher(url, analyzer=Analyzer(plain=True))
    queries = ["ашылды", '"жаңа саябақ"', "date:2020-02", "type:GPE -жаңа"]
    before = [s.search(q) for q in queries]
    n, kind = rebuild(s.store)
    assert n == 3 and kind == s.store.search_index()
    assert [s.search(q) for q in queries] == before
    assert [r["total"] for r in before] == [2, 1, 1, 1]
    s.close()
