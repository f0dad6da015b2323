"""Lead rows: one full-model vector per article beside its static passage rows, scored together by `combined`.

Small hand-made vectors (no model): the lead and the passages of each article, the sum of the two scores, the
rows kept through save/load and through `without` (the vectors' deletion path), and errors that name the fix.
"""

from __future__ import annotations

import numpy as np
import pytest

from habar.search.vectors import without
from habar.semantic import STATIC_WEIGHT, combined
from habar.semantic.index import VectorIndex


def unit(v) -> np.ndarray:
    v = np.asarray(v, dtype=np.float32)
    return v / np.linalg.norm(v)


@pytest.fixture
def index() -> VectorIndex:
    idx = VectorIndex(4)
    # "a": its lead matches axis 0, its second passage axis 1; "b": lead on axis 2, passage on axis 0
    idx.add("a", np.stack([unit([1, 0, 0, 0.2]), unit([0, 1, 0, 0])]), unit([1, 0, 0, 0]))
    idx.add("b", unit([1, 0, 0.1, 0]), unit([0, 0, 1, 0]))
    idx.add("c", unit([0, 0, 0, 1]), unit([0, 0, 0.5, 1]))
    return idx


@pytest.mark.parametrize("query, first", [
    ([1, 0, 0, 0], "a"),  # lead and passage of "a" agree; "b" has only its passage
    ([0, 0, 1, 0], "b"),  # the lead alone
    ([0, 1, 0, 0], "a"),  # a passage deep in the article, no lead
    ([0, 0, 0, 1], "c"),
])
def test_combined_ranking(index: VectorIndex, query, first) -> None:
    assert combined(index, unit(query), k=3)[0][0] == first


def test_combined_score_is_lead_plus_weighted_passage(index: VectorIndex) -> None:
    q = unit([1, 0, 0, 0])
    scores = {owner: (score, slot) for owner, score, slot in combined(index, q, k=3)}
    assert scores["a"][0] == pytest.approx(1.0 + STATIC_WEIGHT * unit([1, 0, 0, 0.2])[0], abs=0.02)
    assert scores["b"][0] == pytest.approx(0.0 + STATIC_WEIGHT * unit([1, 0, 0.1, 0])[0], abs=0.02)
    assert scores["a"][1] == 0 and combined(index, unit([0, 1, 0, 0]), k=1)[0][2] == 1


def test_article_scores_in_row_order(index: VectorIndex) -> None:
    best, leads = index.article_scores(unit([0, 1, 0, 0]))
    assert index.article_owners() == ["a", "b", "c"]
    assert best[0] == pytest.approx(1.0, abs=0.01) and leads is not None and len(leads) == 3


def test_save_load_keeps_leads(index: VectorIndex, tmp_path) -> None:
    index.save(tmp_path / "v.npz")
    back = VectorIndex.load(tmp_path / "v.npz")
    assert back.leads is not None and back.leads.owners == ["a", "b", "c"]
    q = unit([0, 0, 1, 0])
    assert [h[0] for h in combined(back, q, 3)] == [h[0] for h in combined(index, q, 3)]


def test_without_keeps_the_leads_of_the_others(index: VectorIndex) -> None:
    rest = without(index, {"a"})
    assert rest.article_owners() == ["b", "c"] and rest.leads is not None and rest.leads.owners == ["b", "c"]
    assert combined(rest, unit([0, 0, 1, 0]), k=1)[0][0] == "b"


def test_index_without_leads_has_no_combined_score() -> None:
    idx = VectorIndex(2)
    idx.add("x", unit([1, 0]))
    assert combined(idx, unit([1, 0]), 5) is None
    assert combined(VectorIndex(2), unit([1, 0]), 5) is None


@pytest.mark.parametrize("first_lead, second_lead", [(True, False), (False, True)])
def test_mixing_articles_with_and_without_lead_says_the_fix(first_lead, second_lead) -> None:
    idx = VectorIndex(2)
    idx.add("x", unit([1, 0]), unit([1, 0]) if first_lead else None)
    with pytest.raises(ValueError, match="reindex --vectors"):
        idx.add("y", unit([0, 1]), unit([0, 1]) if second_lead else None)
