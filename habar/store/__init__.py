"""The embedded store: SQLite as the system of record (see habar.store.store)."""

from habar.store.store import Store

__all__ = ["Store"]
