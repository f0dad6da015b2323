"""The SQLite schema as numbered migrations; `PRAGMA user_version` records how many have run.

A migration is appended, never edited, so that every existing store can be brought forward by `migrate`.
"""

from __future__ import annotations

import sqlite3
import uuid

MIGRATIONS: list[str] = [
    # 1: articles (raw and clean), annotations, entities, facts, clusters, tombstones and the store's state
    """
    CREATE TABLE articles (
        rowid INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        url TEXT NOT NULL DEFAULT '',
        title TEXT NOT NULL DEFAULT '',
        source TEXT NOT NULL DEFAULT '',
        published TEXT NOT NULL DEFAULT '',
        lang TEXT NOT NULL DEFAULT '',
        raw_hash TEXT NOT NULL,      -- sha1 of raw: the same bytes seen again
        content_hash TEXT NOT NULL,  -- sha1 of raw and metadata: unchanged or updated
        text_hash TEXT NOT NULL,     -- sha1 of the normalised, case-folded text: the same article under another id
        analysis TEXT NOT NULL,      -- hash of the pipeline steps that produced the annotations
        raw BLOB NOT NULL,           -- zlib
        changes BLOB,                -- zlib JSON [[raw_start, raw_end, new, reason]]; text = raw + changes
        meta BLOB NOT NULL,          -- zlib JSON: author, cleaning record, quality, summary...
        terms BLOB NOT NULL,         -- zlib: per token its index terms (see habar.store.records)
        spans BLOB NOT NULL,         -- zlib: per token start and end, as int32 deltas
        title_terms TEXT NOT NULL DEFAULT '',  -- the title's terms, space-separated, in order
        lead_terms TEXT NOT NULL DEFAULT '',   -- the first sentence's terms: the lede says what the story is about
        rev INTEGER NOT NULL,        -- store sequence number of the last write; the index catches up on it
        updated TEXT NOT NULL
    );
    CREATE INDEX articles_url ON articles(url) WHERE url != '';
    CREATE INDEX articles_raw_hash ON articles(raw_hash);
    CREATE INDEX articles_text_hash ON articles(text_hash);
    CREATE INDEX articles_rev ON articles(rev);
    CREATE INDEX articles_published ON articles(published);
    CREATE TABLE annotations (
        article INTEGER PRIMARY KEY REFERENCES articles(rowid) ON DELETE CASCADE,
        data BLOB NOT NULL           -- zlib JSON, columnar: sentences, tokens, entities, facts
    );
    -- entities: each distinct (type, base form) once in `names`; `mentions` links it to articles with three
    -- integers, a tenth of the size of a row that repeats the name (news has some 30 entities per article)
    CREATE TABLE names (
        id INTEGER PRIMARY KEY,
        label TEXT NOT NULL,
        key TEXT NOT NULL,           -- case-folded base form, what queries match
        norm TEXT NOT NULL,          -- the base form as the NER first gave it
        UNIQUE (key, label)
    );
    CREATE TABLE mentions (
        name INTEGER NOT NULL REFERENCES names(id),
        article INTEGER NOT NULL REFERENCES articles(rowid) ON DELETE CASCADE,
        count INTEGER NOT NULL,
        PRIMARY KEY (name, article)
    ) WITHOUT ROWID;
    CREATE INDEX mentions_article ON mentions(article);
    CREATE VIEW entities AS
        SELECT n.label, n.key, n.norm, m.article, m.count AS mentions FROM mentions m JOIN names n ON n.id = m.name;
    CREATE TABLE facts (
        article INTEGER NOT NULL REFERENCES articles(rowid) ON DELETE CASCADE,
        kind TEXT NOT NULL,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        args TEXT NOT NULL
    );
    CREATE INDEX facts_article ON facts(article);
    CREATE INDEX facts_kind ON facts(kind);
    CREATE TABLE clusters (
        article INTEGER PRIMARY KEY REFERENCES articles(rowid) ON DELETE CASCADE,
        cluster TEXT NOT NULL,
        method TEXT NOT NULL DEFAULT ''
    );
    CREATE INDEX clusters_cluster ON clusters(cluster);
    CREATE TABLE deleted (
        rev INTEGER PRIMARY KEY,
        id TEXT NOT NULL
    );
    CREATE TABLE state (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
    );
    """,
    # 2: MinHash signatures, from which near-duplicate clusters are recomputed after each ingest
    """
    CREATE TABLE signatures (
        article INTEGER PRIMARY KEY REFERENCES articles(rowid) ON DELETE CASCADE,
        length INTEGER NOT NULL,     -- characters of clean text
        sig BLOB NOT NULL            -- MinHash values, uint32 little-endian
    );
    """,
    # 3: the annotations blob in the article's own row: a second row per article left on average 200 bytes of
    # its 1 KiB leaf pages unused. Rows written before keep theirs in `annotations`; readers take either.
    """
    ALTER TABLE articles ADD COLUMN annotations BLOB;
    """,
    # 4: statistics that read an index or one row, not the whole store (habar stats, the web dashboard). The
    # GROUP BYs on lang and source become covering-index scans instead of reading 1M rows that carry blobs; the
    # total of mentions (a sum over 30M rows) is a tally the triggers keep in `state`. Foreign-key cascades fire
    # the delete trigger; INSERT OR REPLACE fires it only with recursive_triggers on, which Store turns on.
    """
    CREATE INDEX articles_lang ON articles(lang);
    CREATE INDEX articles_source ON articles(source);
    INSERT INTO state(key, value) SELECT 'mentions', coalesce(sum(count), 0) FROM mentions;
    CREATE TRIGGER mentions_tally_insert AFTER INSERT ON mentions BEGIN
        UPDATE state SET value = CAST(value AS INTEGER) + NEW.count WHERE key = 'mentions';
    END;
    CREATE TRIGGER mentions_tally_delete AFTER DELETE ON mentions BEGIN
        UPDATE state SET value = CAST(value AS INTEGER) - OLD.count WHERE key = 'mentions';
    END;
    CREATE TRIGGER mentions_tally_update AFTER UPDATE OF count ON mentions BEGIN
        UPDATE state SET value = CAST(value AS INTEGER) - OLD.count + NEW.count WHERE key = 'mentions';
    END;
    """,
    # 5: the articles per language and per source, and the facts, kept as tallies too: at 1M articles the index
    # scans of 4 still take 0.1-0.2 s each with the pages cached and seconds without (they lie scattered through
    # the file), and the web app recomputes the statistics after every write. A value whose count fell to 0 keeps
    # its row: readers skip it.
    """
    CREATE TABLE tallies (
        field TEXT NOT NULL,         -- 'lang' or 'source'
        value TEXT NOT NULL,
        n INTEGER NOT NULL,          -- articles with this value
        PRIMARY KEY (field, value)
    ) WITHOUT ROWID;
    INSERT INTO tallies(field, value, n) SELECT 'lang', lang, count(*) FROM articles GROUP BY lang;
    INSERT INTO tallies(field, value, n) SELECT 'source', source, count(*) FROM articles GROUP BY source;
    INSERT INTO state(key, value) SELECT 'facts', count(*) FROM facts;
    CREATE TRIGGER articles_tally_insert AFTER INSERT ON articles BEGIN
        INSERT INTO tallies(field, value, n) VALUES ('lang', NEW.lang, 1), ('source', NEW.source, 1)
            ON CONFLICT (field, value) DO UPDATE SET n = n + 1;
    END;
    CREATE TRIGGER articles_tally_delete AFTER DELETE ON articles BEGIN
        UPDATE tallies SET n = n - 1 WHERE field = 'lang' AND value = OLD.lang;
        UPDATE tallies SET n = n - 1 WHERE field = 'source' AND value = OLD.source;
    END;
    CREATE TRIGGER articles_tally_update AFTER UPDATE OF lang, source ON articles BEGIN
        UPDATE tallies SET n = n - 1 WHERE field = 'lang' AND value = OLD.lang;
        UPDATE tallies SET n = n - 1 WHERE field = 'source' AND value = OLD.source;
        INSERT INTO tallies(field, value, n) VALUES ('lang', NEW.lang, 1), ('source', NEW.source, 1)
            ON CONFLICT (field, value) DO UPDATE SET n = n + 1;
    END;
    CREATE TRIGGER facts_tally_insert AFTER INSERT ON facts BEGIN
        UPDATE state SET value = CAST(value AS INTEGER) + 1 WHERE key = 'facts';
    END;
    CREATE TRIGGER facts_tally_delete AFTER DELETE ON facts BEGIN
        UPDATE state SET value = CAST(value AS INTEGER) - 1 WHERE key = 'facts';
    END;
    """,
]


def migrate(conn: sqlite3.Connection) -> int:
    """Run the migrations this store has not seen yet; returns the schema version."""
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if version > len(MIGRATIONS):
        raise RuntimeError(
            f"the store has schema version {version}, newer than this habar knows ({len(MIGRATIONS)}); "
            "upgrade habar or use another --db directory"
        )
    for number in range(version, len(MIGRATIONS)):
        seed = ""
        if number == 0:  # the epoch tells an index which store it was built from
            seed = f"INSERT INTO state(key, value) VALUES ('epoch', '{uuid.uuid4().hex}'), ('rev', '0');"
        try:
            conn.executescript(f"BEGIN IMMEDIATE; {MIGRATIONS[number]}; {seed} PRAGMA user_version = {number + 1}; COMMIT;")
        except sqlite3.Error:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
    return len(MIGRATIONS)
