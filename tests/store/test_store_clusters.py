"""Syndicated copies of one story end up in one cluster in the store, with the earliest copy canonical."""

import sqlite3
from pathlib import Path

from habar.cli.common import read_articles
from habar.options import Options
from habar.store.ingest import ingest

SAMPLE = Path(__file__).resolve().parents[2] / "data" / "sample"
STEPS = ["clean_invisible", "clean_boilerplate", "identify_language", "normalise", "segment", "tokenize"]


def _clusters(data_dir: Path) -> dict[str, str]:
    with sqlite3.connect(data_dir / "habar.sqlite") as conn:
        return dict(conn.execute("SELECT a.id, c.cluster FROM clusters c JOIN articles a ON a.rowid = c.article"))


def test_ingest_clusters_the_sample_copies(tmp_path):
    options = Options(workers=1, progress=False)
    counts = ingest(read_articles([str(SAMPLE)], options, {}), tmp_path, options, STEPS)
    assert counts["new"] == 30
    # sample-29 and sample-30 are the same story from two sources; nothing else in the sample is a copy
    assert _clusters(tmp_path) == {"sample-29": "sample-29", "sample-30": "sample-29"}


def test_clusters_follow_deletions(tmp_path):
    from habar.store.clusters import update_clusters
    from habar.store.store import Store

    options = Options(workers=1, progress=False)
    ingest(read_articles([str(SAMPLE)], options, {}), tmp_path, options, STEPS)
    with Store(tmp_path) as store:
        store.delete(["sample-29"])
        assert update_clusters(store) == 0
    assert _clusters(tmp_path) == {}
