"""The entity facets' names per article (schema 7, habar.store.facets) and rowids that are never reused.

The reference is the rule the search index applied before it left the names to the store: an article's named
entities (no value types), the most mentioned first, ties by name id, at most FACET_ENTITIES of them. The rows
must follow every kind of write, and migration 7 must fill the same rows into a store of schema 6.
"""

from __future__ import annotations

from test_store_month_tallies import BASE, article, write

from habar.store import Store
from habar.store.facets import FACET_ENTITIES, VALUE_TYPES


def reference(store: Store) -> dict[int, list[str]]:
    rows = store.conn.execute("SELECT m.article, m.name, m.count, n.label, n.norm FROM mentions m "
                              "JOIN names n ON n.id = m.name").fetchall()
    out: dict[int, list] = {}
    for article_id, name, count, label, norm in sorted(rows, key=lambda r: (r[0], -r[2], r[1])):
        if label not in VALUE_TYPES and len(out.setdefault(article_id, [])) < FACET_ENTITIES:
            out[article_id].append(f"{label}:{norm}")
    return {k: v for k, v in out.items() if v}


def stored(store: Store) -> dict[int, list[str]]:
    rowids = [r[0] for r in store.conn.execute("SELECT rowid FROM articles")]
    return store.facet_names(rowids)


def rowid(store: Store, article_id: str) -> int:
    return store.conn.execute("SELECT rowid FROM articles WHERE id = ?", (article_id,)).fetchone()[0]


def test_facet_names_follow_every_write(tmp_path):
    with Store(tmp_path) as store:
        write(store, *BASE)
        assert stored(store) == reference(store)
        # x1: Алматы, Асқар and "бес" (a CARDINAL, left out), one mention each: in the order the names were met
        assert store.facet_names([rowid(store, "x1")]) == {rowid(store, "x1"): ["GPE:Алматы", "PERSON:Асқар Жұмабаев"]}
        # x4: Алматы twice comes first
        assert store.facet_names([rowid(store, "x4")])[rowid(store, "x4")][0] == "GPE:Алматы"
        write(store, article("x1", "c"), article("x5", "d"))  # updated: other names
        # a tie: Астана, a name since x2, before Ұлттық банк, a name since x3
        assert store.facet_names([rowid(store, "x1")]) == {rowid(store, "x1"): ["GPE:Астана",
                                                                               "ORGANISATION:Ұлттық банк"]}
        gone = rowid(store, "x2")
        store.delete(["x2"])
        assert gone not in store.facet_names([gone])
        assert stored(store) == reference(store)


def test_an_article_with_values_only_has_no_row(tmp_path):
    with Store(tmp_path) as store:
        numbers = article("n1")
        numbers.entities = [e for e in numbers.entities if e.label in VALUE_TYPES]
        write(store, numbers)
        assert store.facet_names([rowid(store, "n1")]) == {}


def test_rowids_are_never_reused(tmp_path):
    with Store(tmp_path) as store:
        write(store, article("x1"), article("x2", "b"))
        last = rowid(store, "x2")
        store.delete(["x2"])
        write(store, article("x3", "c"))
        # SQLite alone would give x3 the deleted x2's rowid, which a search index not yet caught up still names
        assert rowid(store, "x3") == last + 1


def test_migration_7_fills_a_store_of_schema_6(tmp_path):
    with Store(tmp_path) as store:
        write(store, *BASE)
        write(store, article("x3", "a"))  # an update: its mentions rows are newer than the names they point to
        before = stored(store)
        top = store.conn.execute("SELECT max(rowid) FROM articles").fetchone()[0]
        store.conn.executescript("DROP TABLE facet_names; DELETE FROM state WHERE key = 'rowid'; "
                                 "PRAGMA user_version = 6;")
    with Store(tmp_path) as store:
        assert store.conn.execute("PRAGMA user_version").fetchone()[0] == 7
        assert stored(store) == before == reference(store)
        assert int(store.state("rowid")) == top


def test_the_cache_of_names_is_bounded(tmp_path, monkeypatch):
    from habar.store import facets

    monkeypatch.setattr(facets, "MAX_CACHED", 1)
    with Store(tmp_path) as store:
        write(store, *BASE)
        x1, x3 = rowid(store, "x1"), rowid(store, "x3")
        assert store.facet_names([x1]) == {x1: ["GPE:Алматы", "PERSON:Асқар Жұмабаев"]}
        # a page read when the cache holds more than MAX_CACHED names starts it again
        assert store.facet_names([x3]) == {x3: ["GPE:Астана", "ORGANISATION:Ұлттық банк"]}
        assert sorted(store._facet_names.names.values()) == ["GPE:Астана", "ORGANISATION:Ұлттық банк"]
        assert stored(store) == reference(store)
