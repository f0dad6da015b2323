"""Partitions are named by their members: a re-run that drops finished articles keeps the other names."""

from __future__ import annotations

import pytest

from habar.document import Article
from habar.scale.partitions import MAX_FACTOR, partitions

pytestmark = pytest.mark.dask

ANALYSIS = "clean_invisible,normalise,segment,tokenize"


def articles(n: int, start: int = 0) -> list[Article]:
    return [Article(id=f"a{i}", raw=f"Жаңалық {i}. Ауа райы жылы болады.", source="test") for i in range(start, n)]


def names(items: list[Article], size: int = 8, analysis: str = ANALYSIS) -> list[str]:
    return [p.name for p in partitions(items, analysis, size)]


def test_every_article_lands_in_exactly_one_partition():
    items = articles(300)
    parts = list(partitions(items, ANALYSIS, 8))
    assert [a.id for p in parts for a in p.articles] == [a.id for a in items]
    assert len(set(p.name for p in parts)) == len(parts) > 10


def test_dropping_finished_partitions_keeps_the_other_names():
    items = articles(300)
    parts = list(partitions(items, ANALYSIS, 8))
    finished = {a.id for p in parts[:3] + parts[5:6] for a in p.articles}  # stored by a run that stopped
    left = names([a for a in items if a.id not in finished])
    assert left == [p.name for i, p in enumerate(parts) if i not in (0, 1, 2, 5)]


@pytest.mark.parametrize("change", [
    lambda items: items[:-1],  # a member less
    lambda items: [*items[:4], Article(id="a4", raw="Басқа мәтін.", source="test"), *items[5:]],  # a changed member
])
def test_a_changed_membership_changes_the_name(change):
    items = articles(6)
    assert names(items, size=10_000) != names(change(items), size=10_000)


def test_the_steps_are_part_of_the_name():
    assert names(articles(20)) != names(articles(20), analysis=ANALYSIS + ",morph")


@pytest.mark.parametrize("size", [1, 2, 10, 30])
def test_no_partition_grows_past_the_cap(size):
    sizes = [len(p.articles) for p in partitions(articles(300), ANALYSIS, size)]
    assert max(sizes) <= MAX_FACTOR * size and sum(sizes) == 300
