"""Dask ingest into PostgreSQL (`--db postgresql://...`) stores what the local ingest stores into SQLite.

The server is started on 127.0.0.1 through scripts/postgres.sh (installed from Debian when missing); the test
skips, saying why, only when that is impossible.
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

import pytest

from dask_helpers import ROOT, annotations, id_counts, read_corpus
from habar.options import Options

pytestmark = [pytest.mark.dask, pytest.mark.postgres]
pytest.importorskip("distributed")
pytest.importorskip("psycopg")

SCRIPT = ROOT / "scripts" / "postgres.sh"
STEPS = ["clean_invisible", "identify_language", "quality", "normalise", "segment", "tokenize"]


def postgres(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(["bash", str(SCRIPT), *args], capture_output=True, text=True, timeout=600,
                          env={"PG_FSYNC": "off", "PATH": "/usr/sbin:/usr/bin:/sbin:/bin"})


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def pg_url():
    if not SCRIPT.exists():
        pytest.skip("scripts/postgres.sh is absent")
    installed = postgres("install")
    if installed.returncode != 0:
        pytest.skip(f"PostgreSQL cannot be installed here: {installed.stderr.strip()}")
    folder = Path(tempfile.mkdtemp(prefix="habar-pg-dask-"))  # under /tmp: the postgres user must reach it
    started = postgres("start", str(folder), str(free_port()))
    assert started.returncode == 0, started.stderr
    try:
        yield postgres("url", str(folder)).stdout.strip()
    finally:
        postgres("stop", str(folder), "immediate")
        shutil.rmtree(folder, ignore_errors=True)


def test_dask_into_postgres_matches_local_into_sqlite(pg_url, cluster, tmp_path):
    from habar.scale.dask_ingest import ingest as dask_ingest
    from habar.store.ingest import ingest as local_ingest

    options = Options(workers=2, progress=False)
    local = local_ingest(read_corpus(options), tmp_path / "local", Options(workers=1, progress=False), STEPS)
    counts = dask_ingest(read_corpus(options), pg_url, options, STEPS, scheduler=cluster.scheduler_address,
                         shard_dir=tmp_path / "shards", size=8)
    assert counts["new"] == local["new"] == len(read_corpus(options))
    assert id_counts(pg_url) == id_counts(tmp_path / "local")
    assert annotations(pg_url) == annotations(tmp_path / "local")
