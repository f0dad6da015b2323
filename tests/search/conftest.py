"""Session fixtures: a search store built from the hand-analysed articles in search_articles.py."""

from __future__ import annotations

import pytest

from habar.options import Options
from habar.store.ingest import ingest
from search_articles import ARTICLES, fixture_articles


@pytest.fixture(scope="session")
def search_db(tmp_path_factory):
    db = tmp_path_factory.mktemp("search-db")
    counts = ingest(fixture_articles(), db, Options(workers=1), steps=[])
    assert counts["new"] == len(ARTICLES)
    return db


@pytest.fixture(scope="session")
def searcher(search_db):
    from habar.search.analysis import Analyzer
    from habar.search.search import Searcher

    s = Searcher(search_db, analyzer=Analyzer(plain=True))
    yield s
    s.close()
