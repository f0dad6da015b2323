"""VectorIndex: exact top-k by dot product over int8 or float16 rows, one result per article, saved with numpy."""

from __future__ import annotations

import numpy as np
import pytest

from habar.semantic.index import VectorIndex


def unit(v) -> np.ndarray:
    v = np.asarray(v, dtype=np.float32)
    return v / np.linalg.norm(v)


@pytest.fixture(params=["int8", "float16"])
def index(request) -> VectorIndex:
    idx = VectorIndex(4, request.param)
    idx.add("a", np.stack([unit([1, 0, 0, 0]), unit([0, 1, 0, 0])]))  # two passages
    idx.add("b", unit([0.7, 0.7, 0, 0]))
    idx.add("c", unit([0, 0, 1, 0]))
    return idx


@pytest.mark.parametrize("query, expected", [
    ([1, 0, 0, 0], ["a", "b", "c"]),
    ([0, 1, 0, 0], ["a", "b", "c"]),  # the second passage of "a" wins
    ([1, 1, 0, 0], ["b", "a", "c"]),
    ([0, 0, 1, 0], ["c", "a", "b"]),
])
def test_ranking(index: VectorIndex, query, expected) -> None:
    assert [owner for owner, _, _ in index.search(unit(query), k=3)] == expected


def test_article_appears_once_and_scores_are_cosines(index: VectorIndex) -> None:
    hits = index.search(unit([1, 0, 0, 0]), k=10)
    assert len(hits) == 3
    assert hits[0][1] == pytest.approx(1.0, abs=0.01)
    assert hits[0][2] == 0  # the matching passage of "a" is reported for the snippet
    assert index.search(unit([0, 1, 0, 0]), k=1)[0][2] == 1


def test_save_load_round_trip(index: VectorIndex, tmp_path) -> None:
    path = tmp_path / "vectors.npz"
    index.save(path)
    back = VectorIndex.load(path)
    assert back.dtype == index.dtype and back.owners == index.owners and back.slots == index.slots
    assert np.array_equal(back.matrix, index.matrix) and np.array_equal(back.scales, index.scales)


def test_memory_per_article(index: VectorIndex) -> None:
    row_bytes = 4 if index.dtype == "int8" else 8  # 4 dimensions of 1 or 2 bytes
    assert index.bytes_per_article() == pytest.approx((4 * row_bytes + 4 * (4 + 1 + 8 + 4)) / 3)


def test_int8_keeps_small_components() -> None:
    """Unit vectors of 384 dimensions have components near 0.05; a per-row scale keeps them apart."""
    rng = np.random.default_rng(1)
    vecs = rng.normal(size=(20, 384)).astype(np.float32)
    vecs /= np.linalg.norm(vecs, axis=1, keepdims=True)
    idx = VectorIndex(384, "int8")
    idx.add("x", vecs)
    assert np.abs(idx.scores(vecs[3]) - vecs @ vecs[3]).max() < 0.01
    assert np.abs(idx.vectors() - vecs).max() < 0.01


@pytest.mark.parametrize("call, message", [
    (lambda: VectorIndex(4, "float64"), "use one of"),
    (lambda: VectorIndex(4).add("x", np.ones((1, 3))), "same model"),
    (lambda: VectorIndex.load(__import__("pathlib").Path("/nonexistent/v.npz")), "reindex --vectors"),
])
def test_errors_say_the_fix(call, message) -> None:
    with pytest.raises((ValueError, FileNotFoundError), match=message):
        call()


def test_empty_index_and_large_k() -> None:
    idx = VectorIndex(2)
    assert idx.search(unit([1, 0]), k=5) == []
    rng = np.random.default_rng(0)
    for n in range(50):
        idx.add(f"doc{n}", rng.normal(size=(3, 2)))
    assert len({o for o, _, _ in idx.search(unit([1, 0]), k=40)}) == 40
