"""Session fixtures: the sample corpus analysed into a temporary store once, and each format exported from it."""

from __future__ import annotations

from pathlib import Path

import pytest

from export_helpers import run
from habar.options import Options
from habar.store.ingest import ingest
from habar.store.store import Store

CORPUS = Path(__file__).resolve().parents[2] / "data" / "sample" / "corpus.jsonl"


@pytest.fixture(scope="session")
def store_dir(tmp_path_factory) -> Path:
    from habar.ingest.readers import read_paths

    db = tmp_path_factory.mktemp("export-store")
    counts = ingest((a for a in read_paths([CORPUS], Options()) if not isinstance(a, Exception)), db,
                    Options(workers=1))
    assert counts["new"] >= 25, counts
    return db


@pytest.fixture(scope="session")
def stored(store_dir) -> list:
    with Store(store_dir, create=False) as store:
        return list(store.iter_articles())


@pytest.fixture(scope="session")
def exported(store_dir, tmp_path_factory):
    """exported(fmt) -> (path, CLI result): each format exported once from the sample store."""
    out_dir = tmp_path_factory.mktemp("exports")
    done: dict[str, tuple] = {}
    names = {"jsonl": "sample.articles.jsonl", "parquet": "sample.parquet", "conllu": "sample.conllu",
             "opensearch": "sample.bulk.ndjson"}

    def get(fmt: str):
        if fmt not in done:
            path = out_dir / names[fmt]
            result = run("export", "--format", fmt, "--db", str(store_dir), "--out", str(path))
            assert result.exit_code == 0, result.output
            done[fmt] = path, result
        return done[fmt]
    return get
