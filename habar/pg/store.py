"""The store on PostgreSQL: the SQLite store's methods (habar.store.store.Store) over one psycopg connection.

Writes come in batches through habar.pg.load (COPY into staging tables, then one merge transaction), so many
ingest processes can write at once. Revs come from a sequence: each writer draws its own without waiting. There
is no separate index to catch up, the tsvector is written with the row, so `rev` here only says that something
changed (the web app's caches) and orders `changed_since` for exports.
"""

from __future__ import annotations

from typing import Iterable, Iterator

import psycopg
from psycopg.rows import dict_row

from habar.document import Article
from habar.pg import load
from habar.pg.compat import Conn, unavailable
from habar.pg.schema import defer_search_index, finish_search_index, migrate
from habar.store import records
from habar.store.backend import BatchWriter
from habar.store.records import Record
from habar.store.store import Basics, hit_rows, table_stats

_ARTICLE = ("a.rowid, a.id, a.url, a.title, a.source, a.published, a.lang, a.raw, a.changes, a.meta, a.spans, "
            "a.rev, n.data AS annotations")


class PgStore(Basics):
    def __init__(self, url: str, create: bool = True):
        self.url = url
        self.conn = Conn(url)
        try:
            if not create and not self._exists():
                raise FileNotFoundError(f"{url}: no habar store in this database; run `habar ingest PATH --db {url}` "
                                        "first or pass the right --db")
            migrate(self.conn.raw)
        except BaseException:
            self.conn.close()
            raise

    def _exists(self) -> bool:
        return self.conn.execute("SELECT to_regclass('schema_version') IS NOT NULL").fetchone()[0]

    # --- state -------------------------------------------------------------------------------------------
    def rev(self) -> int:
        return self.conn.execute("SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM revs").fetchone()[0]

    def search_index(self) -> str:
        """'rum' or 'gin': which index serves the lemma tsvector (habar.pg.schema.create_search_index)."""
        return self.state("search_index")

    # --- writing -------------------------------------------------------------------------------------------
    def write(self, batch: Iterable[Record]) -> list[str]:
        """Store a batch; one outcome per record: new, updated, unchanged or duplicate."""
        try:
            return load.write(self.conn.raw, list(batch))
        except (psycopg.OperationalError, psycopg.InterfaceError) as exc:  # after load's retries of deadlocks
            raise unavailable(self.url, exc) from None

    def delete(self, ids: Iterable[str] = (), source: str | None = None) -> int:
        """Delete articles by id and/or by source, leaving tombstones with their own revs; returns how many."""
        conn = self.conn
        conn.execute("BEGIN")
        try:
            gone = conn.execute(
                "WITH gone AS (DELETE FROM articles WHERE id = ANY(?) OR source = ? RETURNING id) "
                "INSERT INTO deleted(rev, id) SELECT nextval('revs'), id FROM gone RETURNING id",
                (list(ids), source)).fetchall()
            conn.execute("COMMIT")
        except BaseException:
            if not conn.raw.closed:
                conn.execute("ROLLBACK")
            raise
        return len(gone)

    def set_clusters(self, assignments: Iterable[tuple[str, str]], method: str) -> None:
        """Record (article id, cluster id) pairs, e.g. from near-duplicate detection."""
        with_rows = [(cluster, method, article_id) for article_id, cluster in assignments]
        self.conn.execute("BEGIN")
        self.conn.executemany("INSERT OR REPLACE INTO clusters(article, cluster, method) "
                              "SELECT rowid, ?, ? FROM articles WHERE id = ?", with_rows)
        self.conn.execute("COMMIT")

    # --- reading ------------------------------------------------------------------------------------------
    def changed_since(self, rev: int, batch: int = 500) -> Iterator[tuple]:
        """Rows written after `rev`, oldest first, shaped as habar.store.store.Store.changed_since's. With many
        writers at once, a rev drawn earlier may commit later: read after the writers have finished."""
        while True:
            rows = [(*r[:6], records.decode_terms(r[6], records.article_text(r[10], r[11])), *r[7:10])
                    for r in self.conn.execute(
                        "SELECT rowid, id, rev, source, published, lang, terms, title_terms, lead_terms, meta, raw, "
                        "changes FROM articles WHERE rev > ? ORDER BY rev LIMIT ?", (rev, batch))]
            if not rows:
                return
            ents: dict[int, list] = {}
            facts: dict[int, list] = {}
            rowids = [r[0] for r in rows]
            for article, label, norm, key, mentions in self.conn.execute(
                    "SELECT article, label, norm, key, mentions FROM entities WHERE article = ANY(?)", (rowids,)):
                ents.setdefault(article, []).append((label, norm, key, mentions))
            for article, kind, start, end, args in self.conn.execute(
                    'SELECT article, kind, start, "end", args FROM facts WHERE article = ANY(?)', (rowids,)):
                facts.setdefault(article, []).append((kind, start, end, args))
            for r in rows:
                yield (*r, ents.get(r[0], []), facts.get(r[0], []))
            rev = rows[-1][2]

    def deleted_since(self, rev: int) -> list[tuple[int, str]]:
        return self.conn.execute("SELECT rev, id FROM deleted WHERE rev > ? ORDER BY rev", (rev,)).fetchall()

    def _articles(self, cur: psycopg.Cursor, where: str, args: tuple) -> list[tuple[int, Article]]:
        """(rev, article) of the rows `where` selects."""
        rows = cur.execute(f"SELECT {_ARTICLE} FROM articles a JOIN annotations n ON n.article = a.rowid "
                           f"WHERE {where}", args).fetchall()
        facts: dict[int, list] = {}
        for article, *fact in self.conn.raw.execute('SELECT article, kind, start, "end", args FROM facts '
                                                    "WHERE article = ANY(%s) ORDER BY rowid",
                                                    ([r["rowid"] for r in rows],)):
            facts.setdefault(article, []).append(tuple(fact))
        return [(r["rev"], records.decode_article(r, facts.get(r["rowid"], []))) for r in rows]

    def get(self, article_id: str) -> Article | None:
        found = self._articles(self.conn.raw.cursor(row_factory=dict_row), "a.id = %s", (article_id,))
        return found[0][1] if found else None

    def iter_articles(self, batch: int = 500) -> Iterator[Article]:
        """Every stored article, decoded, in rev order (`habar export`), `batch` rows at a time. One repeatable-read
        transaction spans the walk, so writers running meanwhile are not seen halfway."""
        conn = self.conn.raw
        cur = conn.cursor(row_factory=dict_row)
        conn.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
        try:
            rev = -1
            while found := self._articles(cur, "a.rev > %s ORDER BY a.rev LIMIT %s", (rev, batch)):
                yield from (article for _, article in found)
                rev = found[-1][0]
        finally:
            if not conn.closed and self.conn.in_transaction:
                conn.execute("COMMIT")

    def hit_rows(self, ids: list[str]) -> dict[str, tuple]:
        """id -> (title, source, published, lang, text, terms text, spans array), as Store.hit_rows."""
        if not ids:
            return {}
        return hit_rows(self.conn.execute(
            "SELECT id, title, source, published, lang, raw, changes, terms, spans FROM articles WHERE id = ANY(?)",
            (list(ids),)).fetchall())

    def stats(self) -> dict:
        # plain counts here (habar.store.stats.STATS_SQL), not the SQLite store's tallies: a tally row kept by
        # triggers would be one more lock that every concurrent writer waits for (habar.pg.load lets many write)
        return {**table_stats(self.conn), "rev": self.rev(), "backend": "postgresql",
                "search_index": self.search_index()}


BATCH = 500  # records per COPY and merge: one transaction each
BATCH_SECONDS = 2.0  # ...or fewer, when analysis is slow, so that a stopped server or a kill loses little work


class PgWriter(BatchWriter):
    """An ingest writer (habar.store.ingest.Writer's add, flush, close and counts). Any number of them may write
    to one database at once, from one machine or many."""

    def __init__(self, url: str, vectors: bool = False):
        if vectors:
            raise RuntimeError(f"{url}: semantic vectors are kept beside the embedded store only; ingest into "
                               "PostgreSQL with --no-vectors (HABAR_VECTORS=0)")
        super().__init__(PgStore(url), BATCH, BATCH_SECONDS)
        self.deferred = defer_search_index(self.store.conn.raw)  # a first load builds the lemma index at the end

    def close(self) -> None:
        try:
            self.flush(final=True)
            if self.deferred:
                finish_search_index(self.store.conn.raw)
        finally:
            self.store.close()
