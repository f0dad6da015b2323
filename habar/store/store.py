"""The system of record: one SQLite file in WAL mode, one writer and many readers.

Every write of an article gives it the next store sequence number (`rev`); a deletion leaves a tombstone with
its own rev. The search index remembers the last rev it committed and catches up from there, so the store
alone decides what exists, and a crash between the two is repaired on the next open.
"""

from __future__ import annotations

import sqlite3
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterable, Iterator

from habar.document import Article
from habar.store import records
from habar.store.argcodec import args_json, encode_args
from habar.store.compact import decode_field_terms, decode_meta
from habar.store.facets import FacetNames, write_facet_names
from habar.store.records import Record
from habar.store.schema import migrate
from habar.store.stats import TALLIED_SQL, table_stats  # table_stats: habar.pg's too

DB_NAME = "habar.sqlite"

_COLUMNS = ("id", "url", "title", "source", "published", "lang", "raw_hash", "content_hash", "text_hash",
            "analysis", "raw", "changes", "meta", "terms", "spans", "title_terms", "lead_terms", "annotations")

_STORE_FORMS = {"terms": "store_terms", "title_terms": "store_title_terms", "lead_terms": "store_lead_terms",
                "meta": "store_meta", "annotations": "store_annotations"}

# what decode_article reads; the annotations from the article's row, or from the annotations table for rows
# written before schema 3
_ARTICLE = ("SELECT a.rowid, a.id, a.url, a.title, a.source, a.published, a.lang, a.raw, a.changes, a.meta, a.terms, "
            "a.spans, a.rev, coalesce(a.annotations, n.data) AS annotations "
            "FROM articles a LEFT JOIN annotations n ON n.article = a.rowid ")


def _column(rec: Record, name: str):
    """A record's value for a column of `articles`: the terms in the store's own, smaller encoding when given."""
    if name in _STORE_FORMS:
        return getattr(rec, _STORE_FORMS[name]) or getattr(rec, name)
    return getattr(rec, name)


class Basics:
    """What both store backends do alike over `self.conn` (habar.pg's adapter takes the same SQL)."""

    conn: sqlite3.Connection
    tallied = False  # whether triggers keep the tallies per month (schema 6) that the dashboard and entities read

    def close(self) -> None:
        self.conn.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def state(self, key: str) -> str:
        return self.conn.execute("SELECT value FROM state WHERE key = ?", (key,)).fetchone()[0]

    def epoch(self) -> str:
        return self.state("epoch")

    def count(self) -> int:
        return self.conn.execute("SELECT count(*) FROM articles").fetchone()[0]

    def article_meta(self, article_id: str) -> dict | None:
        """An article's meta (keyphrases, summary, topic, quality...) in any stored format; None if unknown."""
        row = self.conn.execute("SELECT meta, raw, changes FROM articles WHERE id = ?", (article_id,)).fetchone()
        if row is None:
            return None
        raw, text = records.raw_and_text(row[1], row[2])
        return records.restore_meta(decode_meta(bytes(row[0]), raw), text)

    def precheck(self, article: Article, analysis: str) -> str | None:
        """'unchanged' or 'duplicate' when analysing the article again would change nothing; else None."""
        q = "SELECT content_hash, analysis FROM articles WHERE "
        row = self.conn.execute(q + "id = ?", (article.id,)).fetchone()
        if row is None and article.url:
            # "url != ''" lets SQLite use the partial index articles_url; without it every lookup scans the table
            row = self.conn.execute(q + "url = ? AND url != '' LIMIT 1", (article.url,)).fetchone()
        if row is not None:
            return "unchanged" if tuple(row) == (records.content_key(article), records.analysis_key(analysis)) else None
        same_raw = self.conn.execute("SELECT 1 FROM articles WHERE raw_hash = ? LIMIT 1",
                                     (records.sha1(article.raw),)).fetchone()
        return "duplicate" if same_raw else None


class Store(Basics):
    tallied = True

    def __init__(self, data_dir: str | Path, create: bool = True):
        self.dir = Path(data_dir)
        path = self.dir / DB_NAME
        if not path.exists() and not create:
            raise FileNotFoundError(
                f"{path}: no habar store here; run `habar ingest PATH --db {self.dir}` first or pass the right --db"
            )
        self.dir.mkdir(parents=True, exist_ok=True)
        # autocommit mode: transactions are opened explicitly, so a batch is exactly one transaction
        self.conn = sqlite3.connect(path, isolation_level=None, timeout=60, check_same_thread=False)
        # small pages: an article's blobs spill into overflow pages whose last one is on average half empty,
        # which at the default 4 KiB cost 40% of the store; fixed when the file is created, ignored after
        self.conn.execute("PRAGMA page_size=1024")
        self.conn.execute("PRAGMA journal_mode=WAL")
        self.conn.execute("PRAGMA synchronous=NORMAL")  # WAL + NORMAL survives kill -9; only power loss may drop the last commit
        self.conn.execute("PRAGMA foreign_keys=ON")
        # so that the delete triggers keeping the tallies (schema 4, 5) fire for INSERT OR REPLACE too
        self.conn.execute("PRAGMA recursive_triggers=ON")
        migrate(self.conn)
        self._facet_names: FacetNames | None = None

    def rev(self) -> int:
        return int(self.state("rev"))

    def last_rowid(self) -> int:
        """The last rowid given to an article, deleted or not (schema 7)."""
        return int(self.state("rowid"))

    # --- writing -------------------------------------------------------------------------------------------
    def write(self, batch: Iterable[Record]) -> list[str]:
        """Store a batch in one transaction; one outcome per record: new, updated, unchanged or duplicate."""
        outcomes = []
        conn = self.conn
        conn.execute("BEGIN IMMEDIATE")
        try:
            rev, last_rowid = self.rev(), self.last_rowid()
            for rec in batch:
                outcome, rowid = self._match(rec)
                if outcome in ("new", "updated"):
                    rev += 1
                    if rowid is None:  # never a deleted article's rowid (schema 7): the index may still name it
                        last_rowid += 1
                    self._put(rec, rowid or last_rowid, rev, new=rowid is None)
                outcomes.append(outcome)
            conn.execute("UPDATE state SET value = ? WHERE key = 'rev'", (str(rev),))
            conn.execute("UPDATE state SET value = ? WHERE key = 'rowid'", (str(last_rowid),))
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        return outcomes

    def _match(self, rec: Record) -> tuple[str, int | None]:
        q = "SELECT rowid, content_hash, analysis FROM articles WHERE "
        row = self.conn.execute(q + "id = ?", (rec.id,)).fetchone()
        if row is None and rec.url:
            row = self.conn.execute(q + "url = ? AND url != ''", (rec.url,)).fetchone()
        if row is None:
            twin = self.conn.execute(q + "text_hash = ? LIMIT 1", (rec.text_hash,)).fetchone()
            # the same text under another id and URL (a reprint): the first copy stays the one stored
            return ("duplicate", None) if twin else ("new", None)
        if (row[1], row[2]) == (rec.content_hash, rec.analysis):
            return "unchanged", row[0]
        return "updated", row[0]

    def _put(self, rec: Record, rowid: int, rev: int, new: bool) -> None:
        values = [_column(rec, c) for c in _COLUMNS]
        now = datetime.now(timezone.utc).isoformat(timespec="seconds")
        conn = self.conn
        if new:
            conn.execute(
                f"INSERT INTO articles(rowid, {', '.join(_COLUMNS)}, rev, updated) "
                f"VALUES (?, {', '.join('?' * len(_COLUMNS))}, ?, ?)", [rowid] + values + [rev, now])
        else:
            # an update keeps the stored id, so that links to the article stay valid
            cols = [c for c in _COLUMNS if c != "id"]
            conn.execute(f"UPDATE articles SET {', '.join(c + ' = ?' for c in cols)}, rev = ?, updated = ? WHERE rowid = ?",
                         [_column(rec, c) for c in cols] + [rev, now, rowid])
            for table in ("mentions", "facts", "annotations"):  # annotations: a row from before schema 3
                conn.execute(f"DELETE FROM {table} WHERE article = ?", (rowid,))
        if rec.signature:
            conn.execute("INSERT OR REPLACE INTO signatures(article, length, sig) VALUES (?, ?, ?)",
                         (rowid, rec.length, rec.signature))
        conn.executemany("INSERT INTO names(label, norm, key) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                         [(label, norm, key) for label, norm, key, _, _ in rec.entities])
        conn.executemany("INSERT INTO mentions(name, article, count) "
                         "SELECT id, ?, ? FROM names WHERE key = ? AND label = ?",
                         [(rowid, n, key, label) for label, _, key, n, _ in rec.entities])
        conn.executemany('INSERT INTO facts(article, kind, start, "end", args) VALUES (?, ?, ?, ?, ?)',
                         [(rowid, kind, start, end, encode_args(args)) for kind, start, end, args in rec.facts])
        write_facet_names(conn, rowid)

    def delete(self, ids: Iterable[str] = (), source: str | None = None) -> int:
        """Delete articles by id and/or by source, leaving tombstones for the index; returns how many."""
        conn = self.conn
        conn.execute("BEGIN IMMEDIATE")
        try:
            found = [r[0] for i in ids for r in conn.execute("SELECT id FROM articles WHERE id = ?", (i,))]
            if source is not None:
                found += [r[0] for r in conn.execute("SELECT id FROM articles WHERE source = ?", (source,))]
            rev = self.rev()
            for article_id in dict.fromkeys(found):
                rev += 1
                conn.execute("DELETE FROM articles WHERE id = ?", (article_id,))
                conn.execute("INSERT INTO deleted(rev, id) VALUES (?, ?)", (rev, article_id))
            conn.execute("UPDATE state SET value = ? WHERE key = 'rev'", (str(rev),))
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        return len(dict.fromkeys(found))

    def set_clusters(self, assignments: Iterable[tuple[str, str]], method: str) -> None:
        """Record (article id, cluster id) pairs, e.g. from near-duplicate detection."""
        with_rows = [(cluster, method, article_id) for article_id, cluster in assignments]
        self.conn.execute("BEGIN IMMEDIATE")
        self.conn.executemany("INSERT OR REPLACE INTO clusters(article, cluster, method) "
                              "SELECT rowid, ?, ? FROM articles WHERE id = ?", with_rows)
        self.conn.execute("COMMIT")

    # --- reading ------------------------------------------------------------------------------------------
    def changed_since(self, rev: int, batch: int = 500) -> Iterator[sqlite3.Row]:
        """Rows written after `rev`, oldest first, with what the index needs (see habar.search.index): the
        article columns (terms decoded to text), then its entities (label, norm, key, mentions) and facts (kind,
        start, end, args JSON)."""
        while True:
            rows = [self._index_row(r) for r in self.conn.execute(
                "SELECT rowid, id, rev, source, published, lang, terms, title_terms, lead_terms, meta, raw, "
                "changes, title FROM articles WHERE rev > ? ORDER BY rev LIMIT ?", (rev, batch))]
            if not rows:
                return
            ents: dict[int, list] = {}
            facts: dict[int, list] = {}
            marks = ",".join("?" * len(rows))
            rowids = [r[0] for r in rows]
            for article, label, norm, key, mentions in self.conn.execute(
                    f"SELECT article, label, norm, key, mentions FROM entities WHERE article IN ({marks})", rowids):
                ents.setdefault(article, []).append((label, norm, key, mentions))
            for article, kind, start, end, args in self.conn.execute(
                    f'SELECT article, kind, start, "end", args FROM facts WHERE article IN ({marks})', rowids):
                facts.setdefault(article, []).append((kind, start, end, args_json(args)))
            for r in rows:
                yield (*r, ents.get(r[0], []), facts.get(r[0], []))
            rev = rows[-1][2]

    @staticmethod
    def _index_row(r: tuple) -> tuple:
        """The meta goes decoded (a dict: records.unpack passes it through), as its stored form needs the raw."""
        (raw, text), title = records.raw_and_text(r[10], r[11]), r[12]
        return (*r[:6], records.decode_terms(r[6], text), decode_field_terms(r[7], title, text),
                decode_field_terms(r[8], title, text), decode_meta(r[9], raw))

    def deleted_since(self, rev: int) -> list[tuple[int, str]]:
        return self.conn.execute("SELECT rev, id FROM deleted WHERE rev > ? ORDER BY rev", (rev,)).fetchall()

    def get(self, article_id: str) -> Article | None:
        cur = self.conn.cursor()
        cur.row_factory = sqlite3.Row
        row = cur.execute(_ARTICLE + "WHERE a.id = ?", (article_id,)).fetchone()
        if row is None:
            return None
        facts = self.conn.execute('SELECT kind, start, "end", args FROM facts WHERE article = ? ORDER BY rowid',
                                  (row["rowid"],)).fetchall()
        return records.decode_article(row, facts)

    def iter_articles(self, batch: int = 500) -> Iterator[Article]:
        """Every stored article, decoded, oldest write (rev) first, `batch` rows at a time so that memory stays
        bounded. One read transaction spans the walk: an ingest running meanwhile is not seen halfway, and an
        article it rewrites is neither skipped nor yielded twice."""
        cur = self.conn.cursor()
        cur.row_factory = sqlite3.Row
        cur.execute("BEGIN")
        try:
            rev = 0
            while rows := cur.execute(_ARTICLE + "WHERE a.rev > ? ORDER BY a.rev LIMIT ?", (rev, batch)).fetchall():
                facts: dict[int, list] = {}
                rowids = [r["rowid"] for r in rows]
                for article, *fact in self.conn.execute(
                        f'SELECT article, kind, start, "end", args FROM facts WHERE article IN '
                        f'({",".join("?" * len(rowids))}) ORDER BY rowid', rowids):
                    facts.setdefault(article, []).append(tuple(fact))
                for row in rows:
                    yield records.decode_article(row, facts.get(row["rowid"], []))
                rev = rows[-1]["rev"]
        finally:
            if self.conn.in_transaction:
                self.conn.execute("COMMIT")

    def hit_rows(self, ids: list[str]) -> dict[str, tuple]:
        """id -> (title, source, published, lang, text, terms text, spans array) for a page of search hits
        (records.decode_terms and decode_spans)."""
        if not ids:
            return {}
        return hit_rows(self.conn.execute(
            "SELECT id, title, source, published, lang, raw, changes, terms, spans FROM articles "
            f"WHERE id IN ({','.join('?' * len(ids))})", ids).fetchall())

    def hits_at(self, rowids: list[int]) -> dict[int, tuple]:
        """Store.hit_rows by rowid, the article's id last (the search index keeps rowids); a deleted one is absent."""
        if not rowids:
            return {}
        return hit_rows(self.conn.execute(
            "SELECT rowid, title, source, published, lang, raw, changes, terms, spans, id FROM articles "
            f"WHERE rowid IN ({','.join('?' * len(rowids))})", rowids).fetchall())

    def facet_names(self, rowids: list[int]) -> dict[int, list[str]]:
        """rowid -> the article's entity facet values, "LABEL:base form" (habar.store.facets)."""
        if self._facet_names is None:
            self._facet_names = FacetNames(self.conn)
        return self._facet_names(rowids)

    def stats(self) -> dict:
        return {**table_stats(self.conn, TALLIED_SQL), "rev": self.rev()}


def hit_rows(rows) -> dict:
    """Store.hit_rows from its selected rows (key, title, source, published, lang, raw, changes, terms, spans, and
    any more columns, passed through); shared with the PostgreSQL store, whose columns are the same."""
    out = {}
    for r in rows:
        text = records.article_text(r[5], r[6])
        out[r[0]] = (r[1], r[2], r[3], r[4], text, records.decode_terms(r[7], text), records.decode_spans(r[8]),
                     *r[9:])
    return out
