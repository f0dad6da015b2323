"""The fast document path: a static embedding model distilled from the e5 teacher.

A document vector is the weighted mean of the vectors of its units, then L2-normalised. A unit is a whole word when
the word is in the model's word table, otherwise the teacher's sub-word pieces of that word. The vectors live in the
teacher's own 384-dimensional space, so documents embedded here are compared directly with teacher query vectors
(asymmetric search). Built by scripts/build_static_embeddings.py into habar/data/semantic/static.npz.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from habar.semantic.pieces import Pieces

DEFAULT_PATH = Path(__file__).resolve().parent.parent / "data" / "semantic" / "static.npz"


class StaticModel:
    """Word and piece vectors (int8 with a scale per row on disk) with one weight per unit."""

    def __init__(self, vectors: np.ndarray, weights: np.ndarray, words: list[str], piece_rows: np.ndarray,
                 pieces: Pieces) -> None:
        self.vectors = vectors.astype(np.float32)
        self.weights = weights.astype(np.float32)
        self.word_rows = {w: i for i, w in enumerate(words)}
        self.piece_rows = piece_rows
        self.pieces = pieces
        self._cache: dict[str, tuple[int, ...]] = {}

    @classmethod
    def load(cls, path: Path = DEFAULT_PATH, pieces: Pieces | None = None) -> "StaticModel":
        if not path.exists():
            raise FileNotFoundError(f"{path}: no static embedding model; build it with `make models` "
                                    "(scripts/build_static_embeddings.py)")
        with np.load(path, allow_pickle=False) as z:
            vectors = z["vectors"].astype(np.float32) * z["scales"][:, None]  # int8 rows, one scale per row
            return cls(vectors, z["weights"], list(z["words"]), z["piece_rows"], pieces or Pieces())

    @property
    def dim(self) -> int:
        return int(self.vectors.shape[1])

    def units(self, word: str) -> tuple[int, ...]:
        """Rows of one (normalised) word: its own row if known, else the rows of its known pieces."""
        rows = self._cache.get(word)
        if rows is None:
            if word in self.word_rows:
                rows = (self.word_rows[word],)
            else:
                rows = tuple(int(r) for r in self.piece_rows[list(self.pieces.word_ids(word))] if r >= 0)
            if len(self._cache) < 1_000_000:  # bound memory on endless streams of unseen words
                self._cache[word] = rows
        return rows

    def rows(self, text: str) -> list[int]:
        out: list[int] = []
        for word in self.pieces.words(text):
            out.extend(self.units(word))
        return out

    def embed(self, texts: list[str]) -> np.ndarray:
        """L2-normalised float32 vectors, one per text; a text with no known unit gets a zero vector."""
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        all_rows: list[int] = []
        starts: list[int] = []
        owners: list[int] = []
        for i, text in enumerate(texts):
            rows = self.rows(text)
            if rows:
                starts.append(len(all_rows))
                owners.append(i)
                all_rows.extend(rows)
        if not all_rows:
            return out
        idx = np.asarray(all_rows, dtype=np.int64)
        w = self.weights[idx][:, None]
        sums = np.add.reduceat(self.vectors[idx] * w, np.asarray(starts), axis=0)
        norms = np.linalg.norm(sums, axis=1, keepdims=True)
        out[np.asarray(owners)] = sums / np.maximum(norms, 1e-12)
        return out
