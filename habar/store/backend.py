"""Where `--db` points: a data directory (SQLite + tantivy, the embedded default) or a PostgreSQL URL.

Everything that opens a store, a searcher or an ingest writer goes through these three functions, so that the
CLI, the web app, the ingest and the Dask loader work the same on either backend. The PostgreSQL classes
(habar.pg) offer the same methods as their embedded counterparts: Store, Searcher and ingest.Writer.
"""

from __future__ import annotations

from pathlib import Path

URL_SCHEMES = ("postgresql://", "postgres://")


def is_url(db: str | Path) -> bool:
    return str(db).startswith(URL_SCHEMES)


def resolve(db: str | Path | None, default: str | Path) -> str | Path:
    """A --db value as given: a URL stays a string, anything else is a data directory."""
    if db is None or db == "":
        db = default
    return str(db) if is_url(db) else Path(db)


def open_store(db: str | Path, create: bool = True):
    if is_url(db):
        from habar.pg.store import PgStore

        return PgStore(str(db), create=create)
    from habar.store.store import Store

    return Store(db, create=create)


def open_searcher(db: str | Path, catch_up: bool = True):
    if is_url(db):
        from habar.pg.search import PgSearcher

        return PgSearcher(str(db))
    from habar.search.search import Searcher

    return Searcher(db, catch_up=catch_up)


def open_writer(db: str | Path, commit_seconds: float | None = None, vectors: bool = False):
    """The single writer of an ingest: add(record), flush(), close(), and counts per outcome."""
    if is_url(db):
        from habar.pg.store import PgWriter

        return PgWriter(str(db), vectors=vectors)
    from habar.store.ingest import COMMIT_SECONDS, Writer

    return Writer(db, COMMIT_SECONDS if commit_seconds is None else commit_seconds, vectors=vectors)
