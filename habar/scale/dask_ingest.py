"""`habar ingest --engine dask`: the analysis mapped over partitions on a Dask cluster, loaded into the store in bulk.

This process reads the articles, drops learned boilerplate, prechecks them against the store and cuts the rest
into named partitions (habar.scale.partitions). Each partition is one Dask task, retried on failure; its result
is a Parquet shard, written here next to a done marker (habar.scale.shards), then loaded through the same
writer as the local ingest (habar.store.backend.open_writer), so SQLite and PostgreSQL stores both work. A
re-run loads shards already made instead of analysing their partitions again. Workers need habar installed,
no shared file system: the shards travel back over Dask's connection.
"""

from __future__ import annotations

import logging
from collections import Counter
from contextlib import contextmanager
from itertools import count
from pathlib import Path
from typing import Callable, Iterable, Iterator

from habar.document import Article
from habar.options import Options
from habar.scale import shards
from habar.scale.partitions import SIZE, Partition, partitions
from habar.scale.worker import PipelinePlugin, analyse_partition
from habar.store.backend import is_url, open_store, open_writer
from habar.store.clusters import update_clusters
from habar.store.ingest import build_pipeline, drop_learned_boilerplate, signature, still_to_do

log = logging.getLogger(__name__)

RETRIES = 2  # a partition that raises is tried 1 + RETRIES times, then reported
WAIT_WORKERS = 60.0  # seconds to wait for the first worker of a remote scheduler
LOOPBACK = "127.0.0.1"  # the LocalCluster listens here only


def default_shard_dir(db: str | Path, options: Options) -> Path:
    """Beside the store for a data directory; under the default data directory for a PostgreSQL URL."""
    return (Path(options.data_dir) if is_url(db) else Path(db)) / "shards"


@contextmanager
def connect(scheduler: str | None, workers: int) -> Iterator:
    """A client of the scheduler at `scheduler`, or of a LocalCluster on 127.0.0.1 that is closed afterwards."""
    # Dask logs every connection at INFO, and its records reach the root handler that `habar -v` sets up;
    # warnings (a worker lost and restarted) still show
    dask_log = logging.getLogger("distributed")
    level = dask_log.level
    dask_log.setLevel(max(level, logging.WARNING))
    try:
        with _connect(scheduler, workers) as client:
            yield client
    finally:
        dask_log.setLevel(level)


@contextmanager
def _connect(scheduler: str | None, workers: int) -> Iterator:
    from distributed import Client, LocalCluster

    if scheduler is None:
        # processes, not threads: the analysis is pure Python and holds the GIL. Every port is chosen free
        # (0) on loopback, the scheduler's HTTP routes too, which would otherwise take 8787
        with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, host=LOOPBACK,
                          dashboard_address=f"{LOOPBACK}:0", silence_logs=logging.ERROR) as cluster, \
                Client(cluster) as client:
            yield client
        return
    try:
        client = Client(scheduler, timeout="20s")
    except OSError as exc:
        raise RuntimeError(f"{scheduler}: no Dask scheduler answers ({exc}); start `dask scheduler` there "
                           "or pass the address it prints") from None
    with client:
        try:
            client.wait_for_workers(1, timeout=WAIT_WORKERS)
        except TimeoutError:
            raise RuntimeError(f"{scheduler}: no Dask worker joined in {WAIT_WORKERS:.0f} s; start "
                               f"`dask worker {scheduler} --nthreads 1` on each machine") from None
        yield client


def ingest(articles: Iterable[Article], db: str | Path, options: Options, steps: list[str] | None = None,
           scheduler: str | None = None, shard_dir: str | Path | None = None, size: int = SIZE,
           retries: int = RETRIES, progress: Callable[[Iterator], Iterator] = iter,
           task: Callable = analyse_partition) -> Counter:
    """Analyse and store `articles` on Dask; counts per outcome as the local ingest, plus shards analysed and
    shards found done, and `failed: partition` for the articles of partitions that failed every try."""
    from distributed import as_completed

    analysis = signature(build_pipeline(options, steps))
    if steps is None or "clean_boilerplate" in steps:
        articles = drop_learned_boilerplate(articles)
    shard_dir = Path(shard_dir) if shard_dir is not None else default_shard_dir(db, options)
    with connect(scheduler, options.n_workers()) as client:
        plugin = PipelinePlugin(options, steps, analysis)
        client.register_plugin(plugin)
        writer = open_writer(db, vectors=options.vectors)
        reader = open_store(db)
        try:
            counts = writer.counts
            todo = partitions(still_to_do(articles, reader, analysis, counts), analysis, size)
            # enough partitions queued to keep every worker busy, few enough to bound this process's memory
            window = 2 * max(1, sum(client.nthreads().values()))
            running = as_completed()
            owners: dict = {}
            serial = count()  # task keys stay unique even when the same input is given twice

            def load(part: Partition, marker: dict) -> None:
                for rec in shards.from_parquet(shards.paths(shard_dir, part.name)[0]):
                    writer.add(rec)
                    counts.update(f"quality: {q}" for q in rec.quality)  # kept and reported, never dropped
                counts.update(f"failed: {reason}" for reason in marker["failed"].values())

            def submit_more() -> None:
                while running.count() < window and (part := next(todo, None)) is not None:
                    marker = shards.done(shard_dir, part.name)
                    if marker is not None:  # made by an earlier run that stopped before loading it
                        counts["shards done before"] += 1
                        load(part, marker)
                        continue
                    future = client.submit(task, part.name, part.articles, plugin.name, retries=retries,
                                           key=f"habar-{part.name}-{next(serial)}", pure=False)
                    owners[future.key] = part
                    running.add(future)

            submit_more()
            for future in progress(running):
                part = owners.pop(future.key)
                try:
                    data, marker = future.result()
                except Exception as exc:  # after every retry: reported, and the exit code says so
                    counts["failed: partition"] += len(part.articles)
                    log.error("partition %s (%d articles, first %s) failed %d times: %s: %s; run the same "
                              "command again to retry it (finished shards are skipped)", part.name,
                              len(part.articles), part.articles[0].id, 1 + retries, type(exc).__name__, exc)
                else:
                    shards.write(shard_dir, part.name, data, marker)
                    counts["shards analysed"] += 1
                    load(part, marker)
                future.release()
                submit_more()
            writer.close()
            if counts["new"] or counts["updated"]:
                update_clusters(reader)  # syndicated copies of one story, across everything stored so far
        finally:
            reader.close()
            client.unregister_worker_plugin(plugin.name)
    return counts
