"""A PostgreSQL server for the tests, started through scripts/postgres.sh on 127.0.0.1 in a temporary directory.

The server is installed from Debian when missing (the script's `install`); the tests skip, saying why, only when
that is impossible. Each test module gets its own database. The server is stopped by its PID file at the end.
"""

from __future__ import annotations

import os
import random
import shutil
import socket
import subprocess
import tempfile
import uuid
from dataclasses import dataclass
from pathlib import Path

import pytest

os.environ.setdefault("OMP_NUM_THREADS", "1")

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "postgres.sh"


@dataclass
class Server:
    dir: Path
    port: int
    url: str  # of the `habar` database

    def run(self, *args: str) -> subprocess.CompletedProcess:
        # fsync off: the tests' data lives as long as the test run, and an OS crash is not among the faults tested
        return subprocess.run(["bash", str(SCRIPT), *args], capture_output=True, text=True, timeout=180,
                              env={**os.environ, "PG_FSYNC": "off"})

    def start(self) -> None:
        done = self.run("start", str(self.dir), str(self.port))
        assert done.returncode == 0, f"scripts/postgres.sh start failed: {done.stderr}"

    def stop(self, mode: str = "fast") -> None:
        done = self.run("stop", str(self.dir), mode)
        assert done.returncode == 0, f"scripts/postgres.sh stop failed: {done.stderr}"

    def database(self) -> str:
        """A new, empty database on this server; its URL."""
        import psycopg

        name = f"t_{uuid.uuid4().hex[:12]}"
        with psycopg.connect(self.url, autocommit=True) as conn:
            conn.execute(f"CREATE DATABASE {name}")
        return self.url.rsplit("/", 1)[0] + "/" + name


def free_port() -> int:
    """A free port below the kernel's ephemeral range (32768 and up), where a client connection made meanwhile
    cannot take it before the server binds it."""
    rng = random.Random()
    while True:
        port = rng.randrange(20000, 32000)
        with socket.socket() as s:
            try:
                s.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port


def start_server() -> Server:
    """A fresh server in its own directory under /tmp (the postgres user must be able to reach it when the
    tests run as root, and pytest's own tmp directories are private to their user)."""
    installed = subprocess.run(["bash", str(SCRIPT), "install"], capture_output=True, text=True, timeout=600)
    if installed.returncode != 0:
        pytest.skip(f"PostgreSQL 15 cannot be installed here: {installed.stderr.strip()}")
    server = Server(Path(tempfile.mkdtemp(prefix="habar-pg-test-")), free_port(), "")
    server.start()
    server.url = server.run("url", str(server.dir)).stdout.strip()
    return server


def remove_server(server: Server) -> None:
    server.stop("immediate")  # no shutdown checkpoint: the directory is removed next
    shutil.rmtree(server.dir, ignore_errors=True)


@pytest.fixture(scope="session")
def pg_server():
    pytest.importorskip("psycopg")
    server = start_server()
    yield server
    remove_server(server)


@pytest.fixture(scope="module")
def pg_db(pg_server) -> str:
    return pg_server.database()
