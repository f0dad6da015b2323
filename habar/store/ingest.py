"""Ingest: analyse articles in parallel, store them in batches, keep the index caught up.

The store is the truth: each batch is one SQLite transaction. After each batch the index is fed what changed
and committed every few seconds, then marked with the store rev it holds. After a kill at any moment, the next
run catches the index up from that mark, and articles already stored are recognised before analysis (same
id or URL, same content, same pipeline) and not analysed again. With vectors on (`--vectors`, HABAR_VECTORS), the
semantic vectors follow the store the same way, at each index commit (habar.search.vectors).
"""

from __future__ import annotations

import hashlib
import multiprocessing
import time
from itertools import islice
from collections import Counter
from functools import lru_cache
from pathlib import Path
from typing import Callable, Iterable, Iterator

from habar.document import Article
from habar.options import Options
from habar.pipeline import Pipeline
from habar.runtime import tune_gc
from habar.search.analysis import Analyzer
from habar.search.index import Index
from habar.steps import default_pipeline, load_step
from habar.store.backend import BatchWriter, is_url, open_store, open_writer
from habar.store.clusters import update_clusters
from habar.store.records import Record, content_key, to_record
from habar.store.store import Store

BATCH = 200  # articles per store transaction
BATCH_SECONDS = 2.0  # ...or fewer, when analysis is slow, so that a kill loses little work
COMMIT_SECONDS = 10.0  # index commits: each makes a segment, so not after every batch
# SQLite page cache of the writing connection. Each article inserts into some 150 b-tree pages spread over the
# whole file (hash indexes, ~30 mentions and their month tallies); with the default 2 MiB most are read again from
# the OS. Measured over 20,400 articles, the same batches into two stores alternately: 1.69 -> 1.50 ms CPU an
# article, 1.88 -> 1.66 in the second half (the gain grows with the store)
WRITER_CACHE_KIB = 65536

_pipeline: Pipeline | None = None  # one per worker process, built once by _init
_analyzer = Analyzer()  # titles; plain when the input comes analysed (no steps)
_portable = True  # records carry the forms PostgreSQL and Dask shards read; the embedded store needs only its own


def signature(pipeline: Pipeline) -> str:
    """What an article's analysis depends on: the steps, and the version of habar and its shipped models, so that
    an upgrade of either makes the next ingest analyse stored articles again instead of calling them unchanged."""
    return ",".join(s.name for s in pipeline.steps) + "@" + models_version()


@lru_cache(maxsize=1)
def models_version() -> str:
    """habar's version and a hash of everything under habar/data (lexicon, models, tables): ~0.1 s, once."""
    import habar

    digest = hashlib.sha1(habar.__version__.encode())
    root = Path(habar.__file__).parent / "data"
    for path in sorted(p for p in root.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
        digest.update(str(path.relative_to(root)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def build_pipeline(options: Options, steps: list[str] | None) -> Pipeline:
    """The named steps (an empty list: none, for already analysed input), or the default pipeline."""
    return default_pipeline(options) if steps is None else Pipeline([load_step(n) for n in steps])


def _init(options: Options, steps: list[str] | None, portable: bool = True) -> None:
    global _pipeline, _analyzer, _portable
    _pipeline = build_pipeline(options, steps)
    _analyzer = Analyzer(plain=steps == [])
    _portable = portable
    tune_gc()


def analyse(article: Article) -> Record | tuple[str, str]:
    """One article through the pipeline into a store record, or ("failed", reason)."""
    pipeline = _pipeline
    before = Counter(pipeline.stats)
    key = content_key(article)  # as read: precheck compares it before any step has run
    done = pipeline.run_one(article)
    if done is None:
        reason = next((k for k, n in pipeline.stats.items() if n != before.get(k, 0)), "failed")
        return ("failed", reason.removeprefix("failed[").removesuffix("]"))
    title_terms = [t for t, _, _, _ in _analyzer.analyse_text(done.title)] if done.title else []
    return to_record(done, signature(pipeline), _analyzer.alternatives(done.tokens), title_terms, key,
                     portable=_portable)


class Writer(BatchWriter):
    """The single writer: store batches, index feeding and commits."""

    def __init__(self, data_dir: str | Path, commit_seconds: float = COMMIT_SECONDS, vectors: bool = False):
        super().__init__(Store(data_dir), BATCH, BATCH_SECONDS)
        self.store.conn.execute(f"PRAGMA cache_size=-{WRITER_CACHE_KIB}")  # negative: KiB, not pages
        self.index = Index(data_dir)
        self.vectors = None
        try:
            self.index.catch_up(self.store)  # repairs whatever a killed run left behind
        except ValueError as exc:
            self.store.close()
            raise RuntimeError(f"{self.index.path}: another habar process is writing this index ({exc}); "
                               "wait for it to finish or use another --db") from None
        if vectors:
            from habar.search.vectors import VectorSync

            self.vectors = VectorSync(data_dir)
        self.commit_seconds = commit_seconds
        self.last_commit = time.monotonic()

    def written(self) -> None:
        self.index.sync(self.store)

    def flush(self, final: bool = False) -> None:
        super().flush(final)
        if final or time.monotonic() - self.last_commit > self.commit_seconds:
            self.index.commit(self.store)
            self.last_commit = time.monotonic()
            if self.vectors is not None:  # embedded in this process, which is idle while workers analyse
                self.vectors.sync(self.store)

    def close(self) -> None:
        self.flush(final=True)
        self.index.close()
        if self.vectors is not None and self.vectors.dirty:
            self.vectors.save()
        # fold the write-ahead log back into the database, so that a finished ingest leaves one compact file
        self.store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        self.store.close()


LEARN_CHUNK = 5000  # articles read ahead, to learn each source's repeated lines from


def drop_learned_boilerplate(articles: Iterable[Article], chunk: int = LEARN_CHUNK) -> Iterator[Article]:
    """Lines that repeat across many articles of one source (footers, banners no rule lists) are learned from
    each chunk of the input and dropped before analysis, in this process: learning needs the chunk as a whole."""
    from habar.clean.invisible import clean_invisible
    from habar.clean.learned import learn_repeated_lines, learned_step

    it = iter(articles)
    while batch := list(islice(it, chunk)):
        ready = Pipeline([clean_invisible])  # lines compare only once carriage returns and zero-widths are gone
        batch = [ready.run_one(a) or a for a in batch]
        drop = Pipeline([learned_step(learn_repeated_lines(batch))])
        for article in batch:
            yield drop.run_one(article) or article  # a failure here only means the lines stay


def still_to_do(articles: Iterable[Article], store, analysis: str, counts: Counter) -> Iterator[Article]:
    """The articles the store does not hold yet as they are (new or changed); the others are counted."""
    for article in articles:
        known = store.precheck(article, analysis)
        if known:
            counts[known] += 1
        else:
            yield article


def ingest(articles: Iterable[Article], data_dir: str | Path, options: Options,
           steps: list[str] | None = None, progress: Callable[[Iterator], Iterator] = iter,
           commit_seconds: float = COMMIT_SECONDS) -> Counter:
    """Analyse and store `articles`; returns counts per outcome (new, updated, unchanged, duplicate, failed: ...)."""
    analysis = signature(build_pipeline(options, steps))
    if steps is None or "clean_boilerplate" in steps:
        articles = drop_learned_boilerplate(articles)
    workers = options.n_workers()
    # the workers are forked before the store and the index are opened: an SQLite connection or a tantivy
    # writer must not cross a fork
    init = (options, steps, is_url(data_dir))  # into SQLite, the records skip the portable forms (~0.6 ms each)
    pool = multiprocessing.get_context("fork").Pool(workers, _init, init) if workers > 1 else None
    reader = writer = None
    try:
        writer = open_writer(data_dir, commit_seconds, vectors=options.vectors)
        reader = open_store(data_dir)  # prechecks run in the pool's feeder thread, so they get their own connection
        counts = writer.counts
        todo = still_to_do(articles, reader, analysis, counts)
        if pool is None:
            _init(*init)
            results: Iterator = map(analyse, todo)
        else:
            results = pool.imap(analyse, todo, chunksize=4)
        for result in progress(results):
            if isinstance(result, Record):
                writer.add(result)
                counts.update(f"quality: {r}" for r in result.quality)  # kept and reported, never dropped
            else:
                counts[f"failed: {result[1]}"] += 1
        writer.close()
        if counts["new"] or counts["updated"]:
            update_clusters(reader)  # syndicated copies of one story, across everything stored so far
    finally:
        if pool is not None:
            pool.terminate()
        if reader is not None:
            reader.close()
    return counts
