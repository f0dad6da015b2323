"""Crash safety and concurrency: kill -9 an ingest mid-way and re-run it; search while another process ingests."""

from __future__ import annotations

import ast
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from habar.search.analysis import Analyzer
from habar.search.search import Searcher
from habar.store import Store

JOB = Path(__file__).with_name("store_job.py")
N = 3000


def start(db: Path, n: int, workers: int, commit: float = 10.0) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, str(JOB), str(db), str(n), str(workers), str(commit)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True,
                            env={**os.environ, "OMP_NUM_THREADS": "1"})


def stored(db: Path) -> int:
    try:
        with sqlite3.connect(db / "habar.sqlite", timeout=30) as conn:
            return conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    except sqlite3.OperationalError:  # not created yet
        return 0


def wait_for(pred, timeout: float = 120.0) -> None:
    deadline = time.monotonic() + timeout
    while not pred():
        assert time.monotonic() < deadline, "the ingest made no progress in time"
        time.sleep(0.05)


@pytest.mark.parametrize("workers", [1, 2])
def test_kill_mid_ingest_then_rerun(tmp_path, workers):
    proc = start(tmp_path, N, workers)
    wait_for(lambda: stored(tmp_path) >= 400 or proc.poll() is not None)
    os.killpg(proc.pid, signal.SIGKILL)  # the job's process group: the ingest and its workers
    proc.wait()
    before = stored(tmp_path)
    assert 0 < before < N, "the kill should land mid-way; raise N if the machine got faster"

    rerun = start(tmp_path, N, workers)
    out, err = rerun.communicate(timeout=300)
    assert rerun.returncode == 0, err
    counts = ast.literal_eval(out.strip().splitlines()[-1])
    assert counts.get("unchanged") == before  # finished work is not redone
    assert counts.get("new") == N - before  # nothing lost

    with Store(tmp_path) as store:
        assert store.count() == N
        ids = [r[0] for r in store.conn.execute("SELECT id FROM articles")]
        assert len(set(ids)) == N
    s = Searcher(tmp_path, analyzer=Analyzer(plain=True))
    assert s.index.tantivy.searcher().num_docs == N  # no duplicates in the index either
    assert s.search("нөмір17", facets=False)["total"] == 1
    assert s.search(f"нөмір{N - 1}", facets=False)["total"] == 1
    assert s.search("-жоқсөз", facets=False)["total"] == N
    s.close()


def test_search_while_another_process_ingests(tmp_path):
    proc = start(tmp_path, N, 1, commit=0.3)
    try:
        wait_for(lambda: (tmp_path / "index" / "habar-index.json").exists() and stored(tmp_path) > 0)
        s = Searcher(tmp_path, analyzer=Analyzer(plain=True))  # the writer lock is busy: it must still open
        seen = []
        while proc.poll() is None:
            seen.append(s.search("саябақ OR бағдарлама", facets=True, limit=5)["total"])
            time.sleep(0.05)
        assert proc.returncode == 0, proc.stderr.read()
        assert seen == sorted(seen), "a reader never sees the index go backwards"
        assert len(set(seen)) > 2, "the reader should see the ingest progress"
        s.close()
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
    s = Searcher(tmp_path, analyzer=Analyzer(plain=True))
    assert s.search("-жоқсөз", facets=False)["total"] == N
    s.close()
