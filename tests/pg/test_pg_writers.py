"""Many writers at once, and a server stopped mid-ingest: every article ends up stored exactly once.

The articles go in as already analysed input (`--steps ''`), so that the time goes to the store, not the models.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from pathlib import Path

import psycopg
import pytest

from pg_corpus import write_articles

pytestmark = pytest.mark.postgres
HABAR = str(Path(sys.executable).with_name("habar"))  # the console script of this environment


def ingest(path, url: str) -> subprocess.Popen:
    return subprocess.Popen([HABAR, "ingest", str(path), "--db", url, "--steps", "",
                             "--workers", "1", "--no-vectors"], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, env={**os.environ, "OMP_NUM_THREADS": "1", "HABAR_PROGRESS": "0"})


def counts(stderr: str) -> dict[str, int]:
    line = next(line for line in stderr.splitlines() if line.startswith("habar ingest:"))
    return {k: int(n) for n, k in re.findall(r"(\d+) (new|updated|unchanged|duplicate)", line)}


def stored(url: str) -> tuple[int, int, int]:
    """(rows, distinct ids, distinct texts)."""
    try:
        with psycopg.connect(url, connect_timeout=5) as conn:
            return conn.execute("SELECT count(*), count(DISTINCT id), count(DISTINCT text_hash) FROM articles").fetchone()
    except (psycopg.OperationalError, psycopg.errors.UndefinedTable):
        return 0, 0, 0


def lemma_index(url: str) -> tuple[bool, bool]:
    """Whether the lemma index exists, and whether a load has deferred it (habar.pg.schema.defer_search_index)."""
    with psycopg.connect(url) as conn:
        exists = conn.execute("SELECT to_regclass('articles_tsv') IS NOT NULL").fetchone()[0]
        deferred = conn.execute("SELECT 1 FROM state WHERE key = 'search_index_deferred'").fetchone() is not None
    return exists, deferred


def test_two_writers_with_overlapping_inputs(pg_server, tmp_path):
    url = pg_server.database()
    # 0..299 and 150..449 overlap by 150 articles; copy-i (in b) repeat the text of gen-i (in a) under other ids
    a = write_articles(tmp_path / "a.jsonl", range(0, 300))
    b = write_articles(tmp_path / "b.jsonl", range(150, 450), reprints=range(0, 50))
    procs = [ingest(a, url), ingest(b, url)]
    outs = [p.communicate(timeout=240) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], [err for _, err in outs]
    got = [counts(err) for _, err in outs]
    assert stored(url) == (450, 450, 450)
    assert sum(c["new"] for c in got) == 450
    assert sum(c["unchanged"] + c["duplicate"] for c in got) == 150 + 50
    assert lemma_index(url) == (True, False)  # the first load deferred it; whichever writer ended last built it


def test_server_stopped_mid_ingest_then_resumed(pg_server, tmp_path):
    url = pg_server.database()
    path = write_articles(tmp_path / "many.jsonl", range(1200))
    proc = ingest(path, url)
    try:
        deadline = time.monotonic() + 120
        while stored(url)[0] == 0 and proc.poll() is None:
            assert time.monotonic() < deadline, "the ingest stored nothing in time"
            time.sleep(0.1)
        # at the first batch stored (500 articles or 2 s), at least 700 are still to come
        assert proc.poll() is None, "the ingest finished before the server could be stopped"
        pg_server.stop("immediate")  # as a crash or a lost machine would
        _, err = proc.communicate(timeout=120)
    finally:
        pg_server.start()  # the same server, for the tests that come after
    assert proc.returncode == 2, err
    last = err.strip().splitlines()[-1]
    # one line that names the server and says what to do
    assert last.startswith("habar: postgresql://habar@127.0.0.1:") and "scripts/postgres.sh start" in last, err
    assert "Traceback" not in err
    before = stored(url)[0]
    assert lemma_index(url) == (False, True)  # the interrupted first load never built its deferred index
    proc = ingest(path, url)
    _, err = proc.communicate(timeout=240)
    assert proc.returncode == 0, err
    got = counts(err)
    assert stored(url) == (1200, 1200, 1200)
    assert got["new"] == 1200 - before and got["unchanged"] == before
    assert lemma_index(url) == (True, False)  # ...the resumed one did
