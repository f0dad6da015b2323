"""Where `--db` points: a data directory (SQLite + tantivy, the embedded default) or a PostgreSQL URL.

Everything that opens a store, a searcher or an ingest writer goes through these three functions, so that the
CLI, the web app, the ingest and the Dask loader work the same on either backend. The PostgreSQL classes
(habar.pg) offer the same methods as their embedded counterparts: Store, Searcher and ingest.Writer.
"""

from __future__ import annotations

import time
from collections import Counter
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


class BatchWriter:
    """What every ingest writer shares: records are stored `batch` at a time, one transaction each, or sooner when
    `seconds` have passed since the last batch (slow analysis), so that a kill or a lost server loses little work.
    Subclasses add what follows a stored batch (`written`) and what a final flush does."""

    def __init__(self, store, batch: int, seconds: float):
        self.store = store
        self.batch, self.seconds = batch, seconds
        self.pending: list = []
        self.started = time.monotonic()
        self.counts: Counter = Counter()

    def add(self, record) -> None:
        self.pending.append(record)
        if len(self.pending) >= self.batch or time.monotonic() - self.started > self.seconds:
            self.flush()

    def flush(self, final: bool = False) -> None:
        if self.pending:
            self.counts.update(self.store.write(self.pending))
            self.pending = []
            self.written()
        self.started = time.monotonic()

    def written(self) -> None:
        """After a batch is stored."""
