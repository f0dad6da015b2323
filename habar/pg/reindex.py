"""`habar reindex --db postgresql://...`: the search columns recomputed from the stored rows, and the index remade.

Needed after an upgrade of the analyzer's term layout or of habar.pg.terms, or to move from GIN to RUM once the
server has the extension. The search index is dropped first, so that rewriting every row does not update it row by
row, and created again at the end (habar.pg.schema.create_search_index).
"""

from __future__ import annotations

from habar.pg.load import FACET_ENTITIES
from habar.pg.schema import create_search_index
from habar.store.facets import FACET_ENTITIES as FACET_LIMIT, VALUE_TYPES
from habar.pg.store import PgStore
from habar.pg.terms import search_columns

BATCH = 500
_COLS = ("tsv", "pub", "pub_month", "source_key", "lang_key", "etype", "has", "speaker", "event", "topic")


def rebuild(store: PgStore) -> tuple[int, str]:
    """Recompute every article's search columns; returns (articles, 'rum' or 'gin')."""
    conn = store.conn.raw
    sets = ", ".join(f"{c} = %s::tsvector" if c == "tsv" else f"{c} = %s" for c in _COLS)
    done = 0
    with conn.transaction():  # all or nothing: a failed rebuild leaves the old columns and index
        conn.execute("DROP INDEX IF EXISTS articles_tsv")
        for row in store.changed_since(-1, BATCH):
            rowid, _, _, source, published, lang, terms, title_terms, lead_terms, meta, entities, facts = row
            cols = search_columns(terms, title_terms, lead_terms, source, lang, published, meta, facts, entities)
            conn.execute(f"UPDATE articles SET {sets} WHERE rowid = %s", [cols[c] for c in _COLS] + [rowid])
            done += 1
        conn.execute("UPDATE articles a SET ent = " + FACET_ENTITIES.format(
            mentions="mentions e JOIN names nm ON nm.id = e.name", article="e.article = a.rowid",
            limit=FACET_LIMIT),
            {"values": sorted(VALUE_TYPES)})
        kind = create_search_index(conn)
    return done, kind
