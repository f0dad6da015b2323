"""Server-side SVG charts: months filled in, round ticks, labelled axes, escaped text."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest

from habar.web.charts import month_chart, months_between, nice_ticks, per_month

SVG = "{http://www.w3.org/2000/svg}"


@pytest.mark.parametrize("first,last,expected", [
    ("2019-11", "2020-02", ["2019-11", "2019-12", "2020-01", "2020-02"]),
    ("2020-05", "2020-05", ["2020-05"]),
    ("2021-01", "2020-01", []),
])
def test_months_between(first, last, expected):
    assert months_between(first, last) == expected


@pytest.mark.parametrize("top,expected", [
    (7, [0, 2, 4, 6, 8]), (1, [0, 1]), (100, [0, 50, 100]), (0, [0, 1]), (3, [0, 1, 2, 3]),
])
def test_nice_ticks(top, expected):
    assert nice_ticks(top) == expected


def parse(svg) -> ET.Element:
    return ET.fromstring(str(svg))


def test_bar_chart_has_axes_ticks_labels_and_one_bar_per_nonzero_month():
    months = months_between("2019-01", "2019-06")
    root = parse(month_chart(months, {"mentions": [1, 0, 3, 2, 0, 5]}, "Mentions per month", "mentions"))
    assert root.tag == f"{SVG}svg" and root.get("role") == "img"
    assert len(root.findall(f"{SVG}rect[@class='bar']")) == 4
    texts = [t.text for t in root.iter(f"{SVG}text")]
    assert "Mentions per month" in texts and "mentions" in texts
    assert {"0", "2", "4", "6"} <= set(texts)  # y ticks
    assert "2019-01" in texts  # x labels
    assert len(root.findall(f"{SVG}line")) >= 2  # the axes


def test_line_chart_for_several_series_has_a_legend():
    months = months_between("2019-01", "2021-12")
    root = parse(month_chart(months, {"kk": [1] * 36, "ru": [0] * 35 + [1]}, "By language"))
    assert len(root.findall(f"{SVG}polyline")) == 2
    texts = [t.text for t in root.iter(f"{SVG}text")]
    assert {"kk", "ru"} <= set(texts) and {"2020", "2021"} <= set(texts)


def test_chart_text_is_escaped():
    svg = str(month_chart(["2020-01"], {"<script>": [1]}, "<b>title</b>", bars=False))
    assert "<script>" not in svg and "<b>" not in svg
    parse(svg)


def test_empty_chart_is_valid_svg():
    assert parse(month_chart([], {}, "Nothing")).tag == f"{SVG}svg"


def test_per_month_keeps_the_largest_series_and_sums_the_rest():
    rows = [("2020-01", "a", 5), ("2020-03", "b", 2), ("2020-01", "c", 1), ("2020-02", "d", 1), ("", "a", 9)]
    months, series = per_month(rows, keep=2)
    assert months == ["2020-01", "2020-02", "2020-03"]
    assert series == {"a": [5, 0, 0], "b": [0, 0, 2], "other": [1, 1, 0]}


@pytest.mark.parametrize("n,empty_every,years", [(24, 0, False), (24, 1, True), (61, 0, True), (12, 1, False)])
def test_coarsen_to_years_when_long_or_sparse(n, empty_every, years):
    from habar.web.charts import coarsen

    months = months_between("2019-01", "2030-12")[:n]
    values = [0 if empty_every and i % 4 else 1 for i in range(n)]  # three months in four empty
    periods, series = coarsen(months, {"a": values})
    assert (len(periods[0]) == 4) is years
    assert sum(series["a"]) == sum(values)


def test_sparse_series_become_stacked_yearly_bars():
    months = months_between("2019-01", "2021-12")
    a = [1 if i % 6 == 0 else 0 for i in range(36)]
    root = parse(month_chart(months, {"a": a, "b": a[::-1]}, "Sparse"))
    bars = root.findall(f"{SVG}rect[@class='bar']")
    assert len(bars) == 6  # two series in three years
    texts = {t.text for t in root.iter(f"{SVG}text")}
    assert {"2019", "2020", "2021", "a", "b"} <= texts
