"""date: filters use month terms for the whole months they cover: they must select what the date range does."""

from __future__ import annotations

import random
from datetime import datetime, timedelta

import pytest
import tantivy

from habar.search import query as Q
from habar.search.index import LEMMAS, SCHEMA, lemma_analyzer, parse_date


@pytest.fixture(scope="module")
def dated():
    """An index of 600 documents, one every 2.9 days from 2018-12-20, at varied hours; no text needed."""
    index = tantivy.Index(SCHEMA)
    index.register_tokenizer(LEMMAS, lemma_analyzer())
    writer = index.writer(heap_size=15_000_000, num_threads=1)
    rng = random.Random(3)
    for i in range(600):
        when = datetime(2018, 12, 20) + timedelta(days=i * 2.9, hours=rng.randrange(24), seconds=rng.randrange(60))
        date = parse_date(when.isoformat())
        doc = tantivy.Document()
        doc.add_text("id", str(i))
        doc.add_date("published", date)
        doc.add_text("month", date.strftime("%Y-%m"))
        writer.add_document(doc)
    writer.commit()
    index.reload()
    return index.searcher()


def ids(searcher, query) -> set[str]:
    return {searcher.doc(a)["id"][0] for _, a in searcher.search(query, limit=1000).hits}


@pytest.mark.parametrize("value", [
    "2019", "2020", "2019-02", "2019-11..2020-01", "2019-11-05..2020-01-10", "2019-11-05..2019-12-31",
    "2019-11-01..2019-12-10", "2019-11-05..2019-12-10", "2019-11-05..2019-11-20", "2019-02-28", "2020-02-29",
    "2019-01..2023-12", "..2019-06", "2019-06..", "2019-12-31..2020-01-01", "2019-03-31..2019-05-01",
])
def test_month_terms_select_what_the_range_does(dated, value):
    assert ids(dated, Q._date_query(value)) == ids(dated, Q._date_range(*Q.date_bounds(value)))


def test_the_fixture_has_days_on_both_sides_of_a_cut(dated):
    assert len(ids(dated, Q._date_range(*Q.date_bounds("2019-11-05..2019-11-30")))) > 5


def test_long_ranges_stay_ranges():
    assert "Range" in repr(Q._date_query("1900..2100"))
    assert "Range" not in repr(Q._date_query("2019-11..2020-01"))
