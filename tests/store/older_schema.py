"""Stores of an older schema, for the tests of the migrations that bring them forward.

Store.write then writes as the habar of that schema did: without what later migrations brought and the writer
now keeps (schema 7: the facet names, and the counter that keeps rowids from being reused).
"""

from __future__ import annotations

from habar.store import schema, store


def older_schema(monkeypatch, version: int) -> None:
    """Until monkeypatch.undo(), a Store opened on a new file stops at `version` and writes as it did."""
    monkeypatch.setattr(schema, "MIGRATIONS", schema.MIGRATIONS[:version])
    if version < 7:
        monkeypatch.setattr(store, "write_facet_names", lambda conn, rowid: None)
        monkeypatch.setattr(store.Store, "last_rowid", lambda self: self.conn.execute(
            "SELECT coalesce(max(rowid), 0) FROM articles").fetchone()[0])
