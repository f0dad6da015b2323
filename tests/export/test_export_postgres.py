"""`habar export --db postgresql://...`: an export loaded into PostgreSQL and exported again is the same file.

The server is started through scripts/postgres.sh by the PostgreSQL tests' own helpers (tests/pg/conftest.py),
in a temporary directory on 127.0.0.1; the test skips, saying why, where PostgreSQL cannot be installed.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from export_helpers import run

pytestmark = pytest.mark.postgres

PG_HELPERS = Path(__file__).resolve().parents[1] / "pg" / "conftest.py"


@pytest.fixture(scope="module")
def pg_url():
    pytest.importorskip("psycopg")
    if not PG_HELPERS.exists():
        pytest.skip(f"{PG_HELPERS} is absent")
    spec = importlib.util.spec_from_file_location("export_pg_helpers", PG_HELPERS)
    helpers = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = helpers  # its dataclass looks its module up there
    spec.loader.exec_module(helpers)
    server = helpers.start_server()
    yield server.database()
    helpers.remove_server(server)


def test_postgres_store_exports_the_same_articles(exported, pg_url, tmp_path):
    path, _ = exported("jsonl")
    loaded = run("ingest", str(path), "--db", pg_url, "--steps", "", "--workers", "1")
    assert loaded.exit_code == 0, loaded.output
    again = tmp_path / "pg.articles.jsonl"
    result = run("export", "--format", "jsonl", "--db", pg_url, "--out", str(again))
    assert result.exit_code == 0, result.output
    assert again.read_text(encoding="utf-8") == path.read_text(encoding="utf-8")
    conllu = tmp_path / "pg.conllu"
    assert run("export", "--format", "conllu", "--db", pg_url, "--out", str(conllu)).exit_code == 0
    assert conllu.read_text(encoding="utf-8") == exported("conllu")[0].read_text(encoding="utf-8")
