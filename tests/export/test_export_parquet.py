"""Parquet export: one row per article, annotations as structured columns, lossless, written in row groups."""

from __future__ import annotations

import datetime as dt

import pytest

pa = pytest.importorskip("pyarrow")
pq = pytest.importorskip("pyarrow.parquet")

from export_articles import article  # noqa: E402
from habar.export import parquet  # noqa: E402
from habar.export.parquet import article_row, read_parquet, write_parquet  # noqa: E402


def test_sample_export_round_trips(exported, stored):
    path, result = exported("parquet")
    assert list(read_parquet(path)) == stored
    assert pq.ParquetFile(path).metadata.num_rows == len(stored)
    assert f"{len(stored)} articles" in result.stderr


@pytest.mark.parametrize("column, arrow_type", [
    ("id", "string"), ("published", "string"), ("date", "date32[day]"), ("raw", "string"), ("meta", "string"),
    ("tokens", "list<element: struct<start: int32, end: int32, text: string, kind: string, lemma: string, "
               "upos: string, feats: string>>"),
    ("entities", "list<element: struct<label: string, start: int32, end: int32, text: string, norm: string, "
                 "value: string, group: int32>>"),
    ("facts", "list<element: struct<kind: string, start: int32, end: int32, args: string>>"),
    ("changes", "list<element: struct<raw_start: int32, raw_end: int32, new: string, reason: string>>"),
])
def test_schema(exported, column, arrow_type):
    path, _ = exported("parquet")
    assert str(pq.read_schema(path).field(column).type) == arrow_type


def test_annotations_are_queryable_columns(exported, stored):
    """What a Dask or Spark job does with it: flatten the tokens and count lemmas, without habar."""
    path, _ = exported("parquet")
    tokens = pq.read_table(path, columns=["tokens"]).column("tokens").combine_chunks().flatten()
    lemmas = tokens.field("lemma").to_pylist()
    assert len(lemmas) == sum(len(a.tokens) for a in stored) and "үкімет" in lemmas


def test_row_groups_keep_memory_bounded(tmp_path, monkeypatch):
    monkeypatch.setattr(parquet, "ROW_GROUP", 2)
    articles = [article(f"kk-{i}") for i in range(5)]
    counts = write_parquet(iter(articles), tmp_path / "a.parquet")
    assert counts["articles"] == 5 and pq.ParquetFile(tmp_path / "a.parquet").num_row_groups == 3
    assert list(read_parquet(tmp_path / "a.parquet")) == articles


def test_empty_export_still_has_the_schema(tmp_path):
    write_parquet([], tmp_path / "empty.parquet")
    table = pq.read_table(tmp_path / "empty.parquet")
    assert table.num_rows == 0 and "tokens" in table.column_names


@pytest.mark.parametrize("published, day", [
    ("2024-03-05", dt.date(2024, 3, 5)),
    ("2024-03-05T23:30:00+05:00", dt.date(2024, 3, 5)),  # the day as written, in its own time zone
    ("", None),
    ("наурыз 2024", None),
])
def test_date_column(published, day):
    assert article_row(article(published=published))["date"] == day


def test_values_of_any_shape_are_json(tmp_path):
    a = article()
    a.entities[0].value = {"amount": 150000000000, "currency": "KZT"}
    write_parquet([a], tmp_path / "v.parquet")
    row = pq.read_table(tmp_path / "v.parquet").to_pylist()[0]
    assert row["entities"][0]["value"] == '{"amount": 150000000000, "currency": "KZT"}'
    assert row["entities"][1]["value"] == '"2024-03-05"' and row["entities"][4]["value"] is None
    assert list(read_parquet(tmp_path / "v.parquet")) == [a]


def test_lone_surrogate_is_replaced_not_fatal(tmp_path):
    a = article()
    a.raw += "\ud800"
    a.text += "\ud800"
    write_parquet([a], tmp_path / "s.parquet")
    back = next(read_parquet(tmp_path / "s.parquet"))
    assert back.text.endswith("\ufffd") and len(back.text) == len(a.text)  # offsets hold
