"""Records for the embedded store skip the portable forms (PostgreSQL's and the Dask shards'); what the store
gives back must not change."""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path

import pytest

from habar.document import Article
from habar.options import Options
from habar.steps import default_pipeline
from habar.store.records import to_record
from habar.store.store import Store

SAMPLE = Path(__file__).resolve().parents[2] / "data" / "sample" / "corpus.jsonl"


@pytest.fixture(scope="module")
def analysed() -> list[Article]:
    pipeline = default_pipeline(Options())
    docs = [json.loads(line) for line in SAMPLE.read_text(encoding="utf-8").splitlines()[:6]]
    docs.append({"id": "empty", "text": ""})  # nothing to tokenize: the store forms may be empty
    return [pipeline.run_one(Article(id=d["id"], raw=d["text"], title=d.get("title", ""))) for d in docs]


def test_the_embedded_store_reads_the_same_without_the_portable_forms(analysed, tmp_path):
    stores = {}
    for portable in (True, False):
        with Store(tmp_path / str(portable)) as store:
            store.write([to_record(a, "steps@v", portable=portable) for a in analysed])
            stores[portable] = [(asdict(store.get(a.id)), store.article_meta(a.id)) for a in analysed]
    assert stores[False] == stores[True]


def test_only_the_portable_forms_are_left_out(analysed):
    full, lean = to_record(analysed[0], "steps@v"), to_record(analysed[0], "steps@v", portable=False)
    assert full.terms and full.meta and full.annotations
    assert (lean.terms, lean.meta, lean.annotations) == (b"", b"", b"")
    assert (lean.store_terms, lean.store_meta, lean.store_annotations) == \
           (full.store_terms, full.store_meta, full.store_annotations)
