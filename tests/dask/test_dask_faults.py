"""Faults during a Dask ingest: a partition that raises is retried, then reported; a worker killed mid-ingest
costs nothing but time: every article is stored exactly once."""

from __future__ import annotations

import logging
import os
import signal
import threading
import time
from pathlib import Path

import pytest

from dask_helpers import id_counts, read_corpus
from habar.options import Options

pytestmark = pytest.mark.dask
pytest.importorskip("distributed")

STEPS = ["clean_invisible", "identify_language", "normalise", "segment", "tokenize"]  # fast: faults are the point


class Injected:
    """The real partition task, after marking in `tmp` which worker runs which partition, and raising for the
    partition that holds `bad_id` on its first `fail_times` tries."""

    def __init__(self, tmp: Path, bad_id: str = "", fail_times: int = 0, delay: float = 0.0):
        self.tmp, self.bad_id, self.fail_times, self.delay = tmp, bad_id, fail_times, delay

    def __call__(self, name, articles, plugin):
        from habar.scale.worker import analyse_partition

        (self.tmp / f"running-{os.getpid()}-{name}").touch()
        if any(a.id == self.bad_id for a in articles):
            tries = len(list(self.tmp.glob("try-*")))
            (self.tmp / f"try-{tries}").touch()
            if tries < self.fail_times:
                raise RuntimeError(f"injected failure, try {tries + 1}")
        time.sleep(self.delay)
        return analyse_partition(name, articles, plugin)


def run(tmp_path, cluster, task, **kw):
    from habar.scale.dask_ingest import ingest

    options = Options(workers=2, progress=False)
    articles = read_corpus(options)
    counts = ingest(articles, tmp_path / "db", options, STEPS, scheduler=cluster.scheduler_address, size=4,
                    task=task, **kw)
    return articles, counts


def test_failing_partition_is_retried_then_reported(tmp_path, cluster, caplog):
    bad = "sample-07"
    with caplog.at_level(logging.ERROR, logger="habar.scale"):
        articles, counts = run(tmp_path, cluster, Injected(tmp_path, bad, fail_times=99), retries=2)
    assert len(list(tmp_path.glob("try-*"))) == 3  # the first try and two retries
    lost = counts["failed: partition"]
    assert 1 <= lost < len(articles)
    stored = id_counts(tmp_path / "db")
    assert bad not in stored and len(stored) == len(articles) - lost  # every other article is stored
    message = next(r.getMessage() for r in caplog.records if "partition" in r.getMessage())
    assert "failed 3 times" in message and "injected failure" in message and "run the same command" in message


def test_partition_failing_once_is_retried_and_stored(tmp_path, cluster):
    articles, counts = run(tmp_path, cluster, Injected(tmp_path, "sample-07", fail_times=1), retries=2)
    assert len(list(tmp_path.glob("try-*"))) == 2
    assert "failed: partition" not in counts
    assert set(id_counts(tmp_path / "db")) == {a.id for a in articles}


def test_killed_worker_loses_and_duplicates_nothing(tmp_path, cluster):
    from distributed import Client

    with Client(cluster.scheduler_address) as client:
        workers = set(client.run(os.getpid).values())
    killed: list[int] = []
    stop = threading.Event()

    def kill_a_busy_worker():
        # once one shard is finished, kill a worker process in the middle of another partition
        while not stop.is_set() and not killed:
            shards = tmp_path / "db" / "shards"
            done = {p.stem for p in shards.glob("*.done")} if shards.exists() else set()
            for mark in tmp_path.glob("running-*"):
                _, pid, name = mark.name.split("-", 2)
                if done and name not in done and int(pid) in workers:
                    os.kill(int(pid), signal.SIGKILL)
                    killed.append(int(pid))
                    break
            time.sleep(0.02)

    thread = threading.Thread(target=kill_a_busy_worker)
    thread.start()
    try:
        articles, counts = run(tmp_path, cluster, Injected(tmp_path, delay=0.3))
    finally:
        stop.set()
        thread.join()
    assert killed, "the ingest finished before a worker could be killed"
    assert "failed: partition" not in counts
    stored = id_counts(tmp_path / "db")
    assert stored == {a.id: 1 for a in articles}
    assert counts["new"] == len(articles)
