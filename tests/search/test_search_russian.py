"""Russian articles are stored and searchable: Snowball stems on both sides, so inflected forms meet."""

from pathlib import Path

import pytest

from habar.cli.common import read_articles
from habar.options import Options
from habar.store.ingest import ingest

SAMPLE = Path(__file__).resolve().parents[2] / "data" / "sample"
STEPS = ["clean_invisible", "identify_language", "normalise", "segment", "tokenize", "russian"]


@pytest.fixture(scope="module")
def searcher(tmp_path_factory):
    from habar.search.search import Searcher

    db = tmp_path_factory.mktemp("ru-db")
    options = Options(workers=1, progress=False)
    ingest(read_articles([str(SAMPLE)], options, {}), db, options, STEPS)
    s = Searcher(db)
    yield s
    s.close()


@pytest.mark.parametrize("query", ["цена бензина", "министерства энергетики", "ценами на бензин", "lang:ru"])
def test_russian_query_finds_the_russian_article(searcher, query):
    hits = searcher.search(query)["hits"]
    assert [h["id"] for h in hits] == ["sample-28"]


def test_snippet_marks_the_inflected_russian_form(searcher):
    snippet = searcher.search("цена")["hits"][0]["snippet"]
    assert "<mark>цены</mark>" in snippet or "<mark>цен</mark>" in snippet or "<mark>ценами</mark>" in snippet
