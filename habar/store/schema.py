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
    # 6: the dashboard and the entity page from tallies per month: articles per (month, language) and (month,
    # source), per (name, month) the articles and mentions, and per name their totals. At 1M articles the GROUP
    # BYs they replace read every article row (20 s) or join 30M mentions with the articles (minutes). The month is
    # substr(published, 1, 7), '' for an undated article. A mention's month is its article's, so an article's
    # mentions are deleted before the article (BEFORE DELETE), while the month can still be read: after it, the
    # foreign-key cascade finds none left. Rows whose counts fell to 0 stay: readers skip them.
    """
    CREATE TABLE month_tallies (
        field TEXT NOT NULL,         -- 'lang' or 'source'
        month TEXT NOT NULL,
        value TEXT NOT NULL,
        n INTEGER NOT NULL,          -- articles with this value published in this month
        PRIMARY KEY (field, month, value)
    ) WITHOUT ROWID;
    INSERT INTO month_tallies(field, month, value, n)
        SELECT 'lang', substr(published, 1, 7), lang, count(*) FROM articles GROUP BY 2, 3;
    INSERT INTO month_tallies(field, month, value, n)
        SELECT 'source', substr(published, 1, 7), source, count(*) FROM articles GROUP BY 2, 3;
    CREATE TABLE name_months (
        name INTEGER NOT NULL,
        month TEXT NOT NULL,
        articles INTEGER NOT NULL,   -- articles of this month that name it
        mentions INTEGER NOT NULL,   -- the sum of their mention counts
        PRIMARY KEY (name, month)
    ) WITHOUT ROWID;
    -- the month of every article first, from the index on published: joining 30M mentions with the article rows
    -- themselves would read pages scattered through the whole file
    CREATE TEMP TABLE article_month AS SELECT rowid AS article, substr(published, 1, 7) AS month FROM articles;
    CREATE UNIQUE INDEX temp.article_month_article ON article_month(article);
    INSERT INTO name_months(name, month, articles, mentions)
        SELECT m.name, t.month, count(*), sum(m.count)
        FROM mentions m JOIN temp.article_month t ON t.article = m.article
        GROUP BY m.name, t.month;
    DROP TABLE temp.article_month;
    -- and per name over all months, so that the top entities of all time read 7k rows, not 800k
    CREATE TABLE name_totals (
        name INTEGER PRIMARY KEY,
        articles INTEGER NOT NULL,
        mentions INTEGER NOT NULL
    );
    INSERT INTO name_totals(name, articles, mentions)
        SELECT name, sum(articles), sum(mentions) FROM name_months GROUP BY name;
    CREATE TRIGGER articles_month_insert AFTER INSERT ON articles BEGIN
        INSERT INTO month_tallies(field, month, value, n)
            VALUES ('lang', substr(NEW.published, 1, 7), NEW.lang, 1),
                   ('source', substr(NEW.published, 1, 7), NEW.source, 1)
            ON CONFLICT (field, month, value) DO UPDATE SET n = n + 1;
    END;
    CREATE TRIGGER articles_month_delete AFTER DELETE ON articles BEGIN
        UPDATE month_tallies SET n = n - 1
            WHERE field = 'lang' AND month = substr(OLD.published, 1, 7) AND value = OLD.lang;
        UPDATE month_tallies SET n = n - 1
            WHERE field = 'source' AND month = substr(OLD.published, 1, 7) AND value = OLD.source;
    END;
    CREATE TRIGGER articles_month_update AFTER UPDATE OF lang, source, published ON articles BEGIN
        UPDATE month_tallies SET n = n - 1
            WHERE field = 'lang' AND month = substr(OLD.published, 1, 7) AND value = OLD.lang;
        UPDATE month_tallies SET n = n - 1
            WHERE field = 'source' AND month = substr(OLD.published, 1, 7) AND value = OLD.source;
        INSERT INTO month_tallies(field, month, value, n)
            VALUES ('lang', substr(NEW.published, 1, 7), NEW.lang, 1),
                   ('source', substr(NEW.published, 1, 7), NEW.source, 1)
            ON CONFLICT (field, month, value) DO UPDATE SET n = n + 1;
    END;
    CREATE TRIGGER articles_mentions_first BEFORE DELETE ON articles BEGIN
        DELETE FROM mentions WHERE article = OLD.rowid;
    END;
    CREATE TRIGGER articles_month_move AFTER UPDATE OF published ON articles
    WHEN substr(OLD.published, 1, 7) IS NOT substr(NEW.published, 1, 7) BEGIN
        UPDATE name_months SET articles = articles - 1, mentions = mentions -
                (SELECT m.count FROM mentions m WHERE m.name = name_months.name AND m.article = OLD.rowid)
            WHERE month = substr(OLD.published, 1, 7) AND name IN (SELECT name FROM mentions WHERE article = OLD.rowid);
        INSERT INTO name_months(name, month, articles, mentions)
            SELECT name, substr(NEW.published, 1, 7), 1, count FROM mentions WHERE article = NEW.rowid
            ON CONFLICT (name, month) DO UPDATE SET articles = articles + 1, mentions = mentions + excluded.mentions;
    END;
    CREATE TRIGGER mentions_month_insert AFTER INSERT ON mentions BEGIN
        INSERT INTO name_months(name, month, articles, mentions)
            SELECT NEW.name, substr(published, 1, 7), 1, NEW.count FROM articles WHERE rowid = NEW.article
            ON CONFLICT (name, month) DO UPDATE SET articles = articles + 1, mentions = mentions + excluded.mentions;
        INSERT INTO name_totals(name, articles, mentions) VALUES (NEW.name, 1, NEW.count)
            ON CONFLICT (name) DO UPDATE SET articles = articles + 1, mentions = mentions + excluded.mentions;
    END;
    CREATE TRIGGER mentions_month_delete AFTER DELETE ON mentions BEGIN
        UPDATE name_months SET articles = articles - 1, mentions = mentions - OLD.count
            WHERE name = OLD.name AND month = (SELECT substr(published, 1, 7) FROM articles WHERE rowid = OLD.article);
        UPDATE name_totals SET articles = articles - 1, mentions = mentions - OLD.count WHERE name = OLD.name;
    END;
    CREATE TRIGGER mentions_month_update AFTER UPDATE OF name, article, count ON mentions BEGIN
        UPDATE name_months SET articles = articles - 1, mentions = mentions - OLD.count
            WHERE name = OLD.name AND month = (SELECT substr(published, 1, 7) FROM articles WHERE rowid = OLD.article);
        INSERT INTO name_months(name, month, articles, mentions)
            SELECT NEW.name, substr(published, 1, 7), 1, NEW.count FROM articles WHERE rowid = NEW.article
            ON CONFLICT (name, month) DO UPDATE SET articles = articles + 1, mentions = mentions + excluded.mentions;
        UPDATE name_totals SET articles = articles - 1, mentions = mentions - OLD.count WHERE name = OLD.name;
        INSERT INTO name_totals(name, articles, mentions) VALUES (NEW.name, 1, NEW.count)
            ON CONFLICT (name) DO UPDATE SET articles = articles + 1, mentions = mentions + excluded.mentions;
    END;
    """,
    # 7: the entity facets' names of each article (habar.store.facets), read by rowid for a search's best hits
    # instead of a stored tantivy document each; and rowids that are never reused, so that a search index entry
    # behind the store names its own article's row or a deleted one (`rowid` in state: the last one given)
    """
    CREATE TABLE facet_names (
        article INTEGER PRIMARY KEY REFERENCES articles(rowid) ON DELETE CASCADE,
        names TEXT NOT NULL          -- name ids, comma-separated: the most mentioned first, then by id
    );
    INSERT INTO facet_names(article, names)
        SELECT article, names FROM (
            SELECT article, rank, group_concat(name) OVER (PARTITION BY article ORDER BY rank
                ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS names
            FROM (SELECT m.article, m.name,
                         row_number() OVER (PARTITION BY m.article ORDER BY m.count DESC, m.name) AS rank
                  FROM mentions m JOIN names n ON n.id = m.name
                  WHERE n.label NOT IN ('CARDINAL', 'DATE', 'MONEY', 'ORDINAL', 'PERCENTAGE', 'QUANTITY', 'TIME'))
            WHERE rank <= 10)
        WHERE rank = 1;
    INSERT INTO state(key, value) SELECT 'rowid', coalesce(max(rowid), 0) FROM articles;
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
