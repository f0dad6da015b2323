"""Store statistics (`habar stats`, /api/stats, the web dashboard) in SQL that both backends run.

At 1M articles the plain SQL took minutes: full scans of rows that carry blobs, a sum and a count(DISTINCT) over
30M mentions. Each figure here reads an index, a small table or one row, and gives the same values.
"""

from __future__ import annotations

# names with at least one mention: a probe of mentions' primary key per name, where count(DISTINCT name) over
# mentions reads every row; (key, label) is unique in names, so per label it counts the distinct keys, and the
# labels' counts add up to the distinct names
_NAMED = "FROM names n WHERE EXISTS (SELECT 1 FROM mentions m WHERE m.name = n.id)"

# what any store can run: min and max each take one end of the index on published (`> ''`, not `!= ''`, which no
# index serves), the GROUP BYs scan an index (SQLite's articles_lang, articles_source) or the table. Ties are
# ordered by name, so that the 20 sources shown do not depend on the plan.
STATS_SQL = {
    "languages": "SELECT lang, count(*) FROM articles GROUP BY lang ORDER BY 2 DESC, 1",
    "sources": "SELECT source, count(*) FROM articles GROUP BY source ORDER BY 2 DESC, 1 LIMIT 20",
    "dates": "SELECT (SELECT min(published) FROM articles WHERE published > ''), "
             "(SELECT max(published) FROM articles WHERE published > '')",
    "by_type": f"SELECT label, count(*) {_NAMED} GROUP BY label ORDER BY 2 DESC, 1",
    "mentions": "SELECT coalesce(sum(count), 0) FROM mentions",
    "facts": "SELECT count(*) FROM facts",
}

# the SQLite store reads the counts its triggers keep (schema 4 and 5): one row, or one row per language or source
TALLIED_SQL = {
    **STATS_SQL,
    "languages": "SELECT value, n FROM tallies WHERE field = 'lang' AND n > 0 ORDER BY 2 DESC, 1",
    "sources": "SELECT value, n FROM tallies WHERE field = 'source' AND n > 0 ORDER BY 2 DESC, 1 LIMIT 20",
    "mentions": "SELECT CAST(value AS INTEGER) FROM state WHERE key = 'mentions'",
    "facts": "SELECT CAST(value AS INTEGER) FROM state WHERE key = 'facts'",
}
# figures that are the sum of another's counts: no statement of their own
DERIVED = {"articles": "languages", "distinct": "by_type"}


def table_stats(conn, sql: dict[str, str] = STATS_SQL) -> dict:
    """Articles, languages, sources, date range, entities and facts, by `sql` (STATS_SQL or TALLIED_SQL); the
    articles are the sum of the languages' counts, the distinct names that of the labels'. The SQL suits both
    backends (habar.pg's adapter)."""
    languages = dict(conn.execute(sql["languages"]))
    by_type = dict(conn.execute(sql["by_type"]))
    first, last = conn.execute(sql["dates"]).fetchone()
    return {
        "articles": sum(languages.values()),
        "languages": languages,
        "sources": dict(conn.execute(sql["sources"])),
        "dates": {"first": first, "last": last},
        "entities": {
            "distinct": sum(by_type.values()),
            "mentions": conn.execute(sql["mentions"]).fetchone()[0],
            "by_type": by_type,
        },
        "facts": conn.execute(sql["facts"]).fetchone()[0],
    }
