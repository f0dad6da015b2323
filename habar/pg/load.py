"""Bulk writes: a batch of records is COPYed into staging tables and merged into the store in one transaction.

The outcomes are those of the SQLite store (habar.store.store.Store.write): an article is matched by id, then by
URL; unmatched, the same text under another id and URL is a `duplicate`; matched, `unchanged` when content and
analysis are equal, else `updated` (keeping its id). Many writers may merge at once: each first takes transaction
advisory locks on the ids, URLs and text hashes of its batch, in one global order, so two writers holding the
same article wait for each other instead of both inserting it; names are inserted in key order with ON CONFLICT,
so concurrent batches cannot deadlock on them. A deadlock the server still reports is retried.
"""

from __future__ import annotations

import hashlib
import time
from datetime import datetime, timezone

import psycopg

from habar.pg.terms import record_columns
from habar.store.facets import FACET_ENTITIES as FACET_LIMIT, VALUE_TYPES
from habar.store.records import Record

RETRIES = 5
_STORE_COLS = ("id", "url", "title", "source", "published", "lang", "raw_hash", "content_hash", "text_hash",
               "analysis", "raw", "changes", "meta", "terms", "spans", "title_terms", "lead_terms")
_SEARCH_COLS = ("tsv", "pub", "pub_month", "source_key", "lang_key", "etype", "has", "speaker", "event", "topic",
                "ent")  # ent: filled in by the merge (FACET_ENTITIES), from the stored names
_STAGE_COLS = ("n", *_STORE_COLS, "annotations", "sig", "length", *_SEARCH_COLS[:-1])

STAGING = """
CREATE TEMP TABLE IF NOT EXISTS stage (
    n integer, id text, url text, title text, source text, published text, lang text, raw_hash text,
    content_hash text, text_hash text, analysis text, raw bytea, changes bytea, meta bytea, terms bytea, spans bytea,
    title_terms text, lead_terms text, annotations bytea, sig bytea, length integer,
    tsv text, pub timestamp, pub_month text, source_key text, lang_key text,
    etype text[], has text[], speaker text[], event text[], topic text[]
) ON COMMIT DELETE ROWS;
-- what the merge decides per record, apart from the wide rows: updating a thin row is cheap
CREATE TEMP TABLE IF NOT EXISTS stage_key (n integer PRIMARY KEY, match bigint, outcome text, ent text[])
    ON COMMIT DELETE ROWS;
CREATE TEMP TABLE IF NOT EXISTS stage_ent (n integer, label text, norm text, key text, count integer)
    ON COMMIT DELETE ROWS;
CREATE INDEX IF NOT EXISTS stage_ent_n ON stage_ent (n);
CREATE TEMP TABLE IF NOT EXISTS stage_fact (n integer, i integer, kind text, start integer, "end" integer, args text)
    ON COMMIT DELETE ROWS;
"""
_WRITTEN = "k.outcome IN ('new', 'updated')"
_KEYED = "stage s JOIN stage_key k ON k.n = s.n"
# an article's most mentioned named entities as the entity facets show them, ties in the order names were first
# stored: what the tantivy index keeps for them (habar.search.index.make_document)
FACET_ENTITIES = (
    "coalesce((SELECT array_agg(x.v ORDER BY x.c DESC, x.id) FROM (SELECT nm.label || ':' || "
    "regexp_replace(btrim(nm.norm), '\\s+', ' ', 'g') AS v, e.count AS c, nm.id FROM {mentions} WHERE {article} "
    "AND nm.label <> ALL(%(values)s) ORDER BY e.count DESC, nm.id LIMIT {limit}) x), '{{}}')")
_ARTICLE_VALUES = ", ".join("s.tsv::tsvector" if c == "tsv" else "k.ent" if c == "ent" else "s." + c
                            for c in (*_STORE_COLS, *_SEARCH_COLS))
MERGE = [
    # match by id, then by URL; then the outcome
    "INSERT INTO stage_key(n, match, outcome) SELECT s.n, m.rowid, CASE WHEN m.rowid IS NULL THEN CASE WHEN EXISTS "
    "(SELECT 1 FROM articles a WHERE a.text_hash = s.text_hash) THEN 'duplicate' ELSE 'new' END "
    "WHEN m.content_hash = s.content_hash AND m.analysis = s.analysis THEN 'unchanged' ELSE 'updated' END "
    "FROM stage s LEFT JOIN LATERAL (SELECT * FROM ("
    "(SELECT a.rowid, a.content_hash, a.analysis, 0 AS pref FROM articles a WHERE a.id = s.id) UNION ALL "
    "(SELECT a.rowid, a.content_hash, a.analysis, 1 FROM articles a WHERE s.url <> '' AND a.url = s.url "
    "AND a.url <> '' ORDER BY a.rowid LIMIT 1)) c ORDER BY pref LIMIT 1) m ON TRUE",
    # the first base form seen for a name stays its name, as in the SQLite store
    "INSERT INTO names(label, norm, key) SELECT DISTINCT ON (e.key, e.label) e.label, e.norm, e.key FROM stage_ent e "
    "JOIN stage_key k ON k.n = e.n WHERE " + _WRITTEN + " ORDER BY e.key, e.label, e.n ON CONFLICT DO NOTHING",
    "UPDATE stage_key k SET ent = " + FACET_ENTITIES.format(
        mentions="stage_ent e JOIN names nm ON nm.key = e.key AND nm.label = e.label", article="e.n = k.n",
        limit=FACET_LIMIT)
    + " WHERE " + _WRITTEN,
    # an update keeps the stored id, so that links to the article stay valid
    "UPDATE articles a SET " + ", ".join(f"{c} = s.{c}" for c in (*_STORE_COLS[1:], *_SEARCH_COLS)
                                         if c not in ("tsv", "ent"))
    + ", tsv = s.tsv::tsvector, ent = k.ent, rev = nextval('revs'), updated = %(now)s "
    "FROM " + _KEYED + " WHERE k.outcome = 'updated' AND a.rowid = k.match",
    "DELETE FROM mentions WHERE article IN (SELECT match FROM stage_key WHERE outcome = 'updated')",
    "DELETE FROM facts WHERE article IN (SELECT match FROM stage_key WHERE outcome = 'updated')",
    f"INSERT INTO articles({', '.join((*_STORE_COLS, *_SEARCH_COLS))}, rev, updated) "
    f"SELECT {_ARTICLE_VALUES}, nextval('revs'), %(now)s FROM " + _KEYED
    + " WHERE k.outcome = 'new' ORDER BY s.id ON CONFLICT (id) DO NOTHING",
    "UPDATE stage_key k SET match = a.rowid FROM stage s, articles a "
    "WHERE k.outcome = 'new' AND s.n = k.n AND a.id = s.id",
    "INSERT INTO annotations(article, data) SELECT k.match, s.annotations FROM " + _KEYED + " WHERE " + _WRITTEN
    + " ON CONFLICT (article) DO UPDATE SET data = EXCLUDED.data",
    "INSERT INTO signatures(article, length, sig) SELECT k.match, s.length, s.sig FROM " + _KEYED + " WHERE "
    + _WRITTEN + " AND length(s.sig) > 0 ON CONFLICT (article) DO UPDATE SET length = EXCLUDED.length, sig = EXCLUDED.sig",
    "INSERT INTO mentions(name, article, count) SELECT nm.id, k.match, e.count FROM stage_ent e "
    "JOIN stage_key k ON k.n = e.n JOIN names nm ON nm.key = e.key AND nm.label = e.label WHERE " + _WRITTEN
    + " ON CONFLICT (name, article) DO UPDATE SET count = EXCLUDED.count",
    'INSERT INTO facts(article, kind, start, "end", args) SELECT k.match, f.kind, f.start, f."end", f.args '
    "FROM stage_fact f JOIN stage_key k ON k.n = f.n WHERE " + _WRITTEN + " ORDER BY f.n, f.i",
]


def lock_key(kind: str, value: str) -> int:
    """A signed 64-bit advisory lock key."""
    return int.from_bytes(hashlib.sha1(f"{kind}:{value}".encode()).digest()[:8], "big", signed=True)


def rounds(batch: list[Record]) -> list[list[Record]]:
    """The batch in rounds whose records share no id, URL or text: a record that repeats an earlier one of its
    batch is merged after it, and then sees it, as the SQLite store's record-by-record writes do."""
    out: list[tuple[set, list[Record]]] = []
    for rec in batch:
        keys = {("id", rec.id), ("text", rec.text_hash)} | ({("url", rec.url)} if rec.url else set())
        for seen, recs in out:
            if not seen & keys:
                seen |= keys
                recs.append(rec)
                break
        else:
            out.append((keys, [rec]))
    return [recs for _, recs in out]


def _stage_row(n: int, rec: Record) -> list:
    cols = record_columns(rec)
    return [n, *(getattr(rec, c) for c in _STORE_COLS), rec.annotations, rec.signature or b"", rec.length,
            *(cols[c] for c in _SEARCH_COLS[:-1])]


def _merge(conn: psycopg.Connection, batch: list[Record]) -> list[str]:
    keys = sorted({lock_key(k, v) for rec in batch
                   for k, v in (("id", rec.id), ("url", rec.url), ("text", rec.text_hash)) if v})
    now = datetime.now(timezone.utc).isoformat(timespec="seconds")
    with conn.transaction():
        cur = conn.cursor()
        cur.execute(STAGING)
        with cur.copy(f"COPY stage ({', '.join(_STAGE_COLS)}) FROM STDIN") as copy:
            for n, rec in enumerate(batch):
                copy.write_row(_stage_row(n, rec))
        with cur.copy("COPY stage_ent (n, label, norm, key, count) FROM STDIN") as copy:
            for n, rec in enumerate(batch):
                for label, norm, key, count, _ in rec.entities:
                    copy.write_row((n, label, norm, key, count))
        with cur.copy('COPY stage_fact (n, i, kind, start, "end", args) FROM STDIN') as copy:
            for n, rec in enumerate(batch):
                for i, fact in enumerate(rec.facts):
                    copy.write_row((n, i, *fact))
        # the array is unnested in order: every writer takes its locks in the same global order
        cur.execute("SELECT count(pg_advisory_xact_lock(k)) FROM unnest(%s::bigint[]) AS k", (keys,))
        for sql in MERGE:
            cur.execute(sql, {"now": now, "values": sorted(VALUE_TYPES)} if "%(" in sql else None)
        return [o for _, o in cur.execute("SELECT n, outcome FROM stage_key ORDER BY n").fetchall()]


def write(conn: psycopg.Connection, batch: list[Record]) -> list[str]:
    """Merge a batch; outcomes in batch order."""
    outcomes: dict[int, str] = {}
    index = {id(rec): i for i, rec in enumerate(batch)}
    for part in rounds(batch):
        for attempt in range(RETRIES):
            try:
                done = _merge(conn, part)
                break
            except psycopg.errors.TransactionRollback:  # a deadlock or serialization failure: nothing was written
                if attempt == RETRIES - 1:
                    raise
                time.sleep(0.05 * (attempt + 1))
        outcomes.update((index[id(rec)], o) for rec, o in zip(part, done))
    return [outcomes[i] for i in range(len(batch))]
