"""The entity facets' names of each article, kept in the store for the search's best hits.

A search counts the entity facets over its 50 best hits (habar.search.search.ENTITY_FACET_HITS). Those names used
to be stored in the tantivy index and read with one stored-document fetch per hit, 20 µs each at 1M articles
(a 16 KB block decompressed for a few bytes). The index now keeps the article's store rowid as a fast field,
read for all 50 hits in one call, and the names come from `facet_names`: one short row per article holding the
ids of its most mentioned named entities, turned into "LABEL:base form" through a cache of the `names` table,
whose rows are never changed or deleted.
"""

from __future__ import annotations

import sqlite3

FACET_ENTITIES = 10  # named entities kept per article for the entity facets, the most mentioned first
# value types (numbers, dates, amounts) stay searchable with type:, but a facet of "2" or "2018" helps no one;
# migration 7 (habar.store.schema) spells the same list out in its SQL
VALUE_TYPES = {"CARDINAL", "ORDINAL", "DATE", "TIME", "MONEY", "PERCENTAGE", "QUANTITY"}

MAX_CACHED = 200_000  # names kept by a searcher (the 1M benchmark store has 6,696)
_TOP = (f"SELECT m.name FROM mentions m JOIN names n ON n.id = m.name WHERE m.article = ? "
        f"AND n.label NOT IN ({', '.join(repr(v) for v in sorted(VALUE_TYPES))}) "
        f"ORDER BY m.count DESC, m.name LIMIT {FACET_ENTITIES}")


def write_facet_names(conn: sqlite3.Connection, rowid: int) -> None:
    """(Re)compute an article's row from its mentions, just written: most mentioned first, then by name id,
    as migration 7 fills it for older stores."""
    names = ",".join(str(r[0]) for r in conn.execute(_TOP, (rowid,)))
    if names:
        conn.execute("INSERT OR REPLACE INTO facet_names(article, names) VALUES (?, ?)", (rowid, names))
    else:
        conn.execute("DELETE FROM facet_names WHERE article = ?", (rowid,))


class FacetNames:
    """rowid -> ["LABEL:base form", ...] for a page of hits, through one query and a cache of names."""

    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn
        self.names: dict[str, str] = {}  # name id (as stored, text) -> "LABEL:base form"

    def __call__(self, rowids: list[int]) -> dict[int, list[str]]:
        if not rowids:
            return {}
        rows = self.conn.execute(f"SELECT article, names FROM facet_names WHERE article IN "
                                 f"({','.join('?' * len(rowids))})", rowids).fetchall()
        ids = {rowid: names.split(",") for rowid, names in rows}
        if len(self.names) > MAX_CACHED:  # a long-lived searcher over a store of millions of names
            self.names.clear()
        missing = {i for names in ids.values() for i in names if i not in self.names}
        if missing:
            for i, label, norm in self.conn.execute(
                    f"SELECT id, label, norm FROM names WHERE id IN ({','.join('?' * len(missing))})",
                    [int(i) for i in missing]):
                self.names[str(i)] = f"{label}:{' '.join(norm.split())}"
        return {rowid: [self.names[i] for i in names] for rowid, names in ids.items()}
