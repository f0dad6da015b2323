"""An index built by an older habar (another tantivy schema, or an older SCHEMA_VERSION in its marker) is rebuilt
from the store when the store is opened for search: the store is the truth, the index is derived from it."""

from __future__ import annotations

import json

import pytest
import tantivy

from habar.options import Options
from habar.search.analysis import Analyzer
from habar.search.index import MARKER, SCHEMA_VERSION, Index
from habar.search.search import Searcher
from habar.store.ingest import ingest
from search_articles import ARTICLES, fixture_articles


@pytest.fixture()
def db(tmp_path):
    ingest(fixture_articles(), tmp_path, Options(workers=1), steps=[])
    return tmp_path


def found(db) -> set[str]:
    searcher = Searcher(db, analyzer=Analyzer(plain=True))
    try:
        return {h["id"] for h in searcher.search("меморандум", facets=False)["hits"]}
    finally:
        searcher.close()


def old_schema() -> tantivy.Schema:
    """Session 6's word fields: no `words`, the lede and the other readings in fields of their own."""
    sb = tantivy.SchemaBuilder()
    sb.add_text_field("id", stored=True, tokenizer_name="raw")
    for name in ("title", "body"):
        sb.add_text_field(name, index_option="position")
    for name in ("alt", "lead"):
        sb.add_text_field(name, index_option="freq")
    return sb.build()


def test_an_index_of_another_schema_is_rebuilt(db, caplog):
    Index.remove(db)
    (db / "index").mkdir()
    tantivy.Index(old_schema(), path=str(db / "index"))
    (db / "index" / MARKER).write_text(json.dumps({"schema": SCHEMA_VERSION - 1, "epoch": "old", "rev": 10**9}))
    assert found(db) == {"k1", "k3"}
    assert "built by another habar version" in caplog.text
    assert json.loads((db / "index" / MARKER).read_text())["schema"] == SCHEMA_VERSION


def test_an_older_marker_reindexes_every_article(db):
    assert found(db) == {"k1", "k3"}
    marker = db / "index" / MARKER
    marker.write_text(json.dumps({**json.loads(marker.read_text()), "schema": SCHEMA_VERSION - 1}))
    from habar.store import Store

    with Store(db, create=False) as store:
        index = Index(db)
        assert index.catch_up(store) == len(ARTICLES)
        index.close()
    assert found(db) == {"k1", "k3"}
