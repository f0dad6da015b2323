"""An exact vector index: int8 (or float16) rows, top-k by dot product, saved with numpy next to the store.

Exact search over a million 384-dimensional int8 rows is one matrix-vector product of 384 MB, which needs no ANN
library at the embedded default's scale. A row is one passage; `owners[i]` is the article id that row belongs to and
`slots[i]` the passage's position in `passages(article)`. An article's score is its best passage's score.

An index may also hold one "lead" row per article: the full model's vector of its title and lead
(habar.semantic.lead_text), computed once at ingest so that a query never runs the full model on documents. Lead row
n belongs to the n-th article in row order (`add` appends an article's passages and its lead together), so
`article_scores` gives the best static passage and the lead score of every article with one pass over each matrix.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

DTYPES = ("int8", "float16")
CHUNK = 32_768  # rows converted to float32 at a time while scoring


class VectorIndex:
    """Append rows, search top-k articles, save/load as one .npz file."""

    def __init__(self, dim: int, dtype: str = "int8") -> None:
        if dtype not in DTYPES:
            raise ValueError(f"VectorIndex dtype {dtype!r} is not supported; use one of {DTYPES}")
        self.dim = dim
        self.dtype = dtype
        self._chunks: list[np.ndarray] = []
        self._matrix = np.zeros((0, dim), dtype=np.int8 if dtype == "int8" else np.float16)
        self.owners: list[str] = []
        self.slots: list[int] = []
        # int8 rows carry one scale each (max |component| / 127): the components of a 384-dim unit vector are
        # around 0.05, so one global scale of 127 would leave them 3-4 bits and cost 7 points of R@1 on our dev set
        self._scale_chunks: list[np.ndarray] = []
        self._scales = np.zeros(0, dtype=np.float32)
        self.leads: VectorIndex | None = None  # one full-model row per article, when built with leads
        self._starts: np.ndarray | None = None  # first row of each article, cached for article_scores

    def __len__(self) -> int:
        return len(self.owners)

    def _encode(self, vectors: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        if self.dtype == "int8":
            scales = np.maximum(np.abs(vectors).max(axis=1), 1e-12) / 127.0
            return np.rint(vectors / scales[:, None]).astype(np.int8), scales.astype(np.float32)
        return vectors.astype(np.float16), np.ones(len(vectors), dtype=np.float32)

    def add(self, owner: str, vectors: np.ndarray, lead: np.ndarray | None = None) -> None:
        """Add the passage vectors (L2-normalised, shape (n, dim)) of one article, and its lead vector when the
        index keeps leads (every article then needs one: lead rows are matched to articles by position)."""
        vectors = np.atleast_2d(np.asarray(vectors, dtype=np.float32))
        if vectors.shape[1] != self.dim:
            raise ValueError(f"vector dimension {vectors.shape[1]} != index dimension {self.dim}; "
                             "embed with the same model that built the index")
        if (lead is None) != (self.leads is None) and len(self):
            raise ValueError(f"article {owner}: {'no' if lead is None else 'a'} lead vector for an index "
                             f"{'with' if self.leads is not None else 'without'} leads; rebuild it with "
                             "`habar reindex --vectors`")
        if lead is not None:
            if self.leads is None:
                self.leads = VectorIndex(self.dim, self.dtype)
            self.leads.add(owner, np.asarray(lead, dtype=np.float32).reshape(1, -1))
        self._starts = None
        rows, scales = self._encode(vectors)
        self._chunks.append(rows)
        self._scale_chunks.append(scales)
        self.owners.extend([owner] * len(vectors))
        self.slots.extend(range(len(vectors)))

    @property
    def matrix(self) -> np.ndarray:
        if self._chunks:
            self._matrix = np.concatenate([self._matrix, *self._chunks])
            self._scales = np.concatenate([self._scales, *self._scale_chunks])
            self._chunks, self._scale_chunks = [], []
        return self._matrix

    @property
    def scales(self) -> np.ndarray:
        self.matrix  # noqa: B018 - folds pending chunks
        return self._scales

    def vectors(self) -> np.ndarray:
        """The stored rows decoded to float32 (for evaluation; search never builds this copy)."""
        return self.matrix.astype(np.float32) * self.scales[:, None]

    def scores(self, query: np.ndarray) -> np.ndarray:
        """Cosine-scale score of every row against one L2-normalised query vector."""
        q = np.asarray(query, dtype=np.float32).reshape(-1)
        m = self.matrix
        out = np.empty(len(m), dtype=np.float32)
        # converted chunk by chunk: a float32 copy of the whole matrix would be 4x (int8) its size
        for start in range(0, len(m), CHUNK):
            out[start : start + CHUNK] = m[start : start + CHUNK].astype(np.float32) @ q
        return out * self.scales

    def search(self, query: np.ndarray, k: int = 10) -> list[tuple[str, float, int]]:
        """Top-k articles as (owner, score, slot of the best passage), best first; an article appears once."""
        s = self.scores(query)
        if len(s) == 0:
            return []
        # most articles have few rows, so the best 8k rows almost always hold k distinct articles
        if len(s) > 8 * k:
            top = np.argpartition(-s, 8 * k)[: 8 * k]
            order = top[np.argsort(-s[top], kind="stable")]
            if len({self.owners[r] for r in order}) < k:
                order = np.argsort(-s, kind="stable")
        else:
            order = np.argsort(-s, kind="stable")
        out: list[tuple[str, float, int]] = []
        seen: set[str] = set()
        for row in order:
            owner = self.owners[row]
            if owner not in seen:
                seen.add(owner)
                out.append((owner, float(s[row]), self.slots[row]))
                if len(out) == k:
                    break
        return out

    def starts(self) -> np.ndarray:
        """The first row of every article, in row order (an article's rows are contiguous)."""
        if self._starts is None:
            owners = self.owners
            self._starts = np.asarray([0] + [n for n in range(1, len(owners)) if owners[n] != owners[n - 1]]
                                      if owners else [], dtype=np.int64)
        return self._starts

    def article_owners(self) -> list[str]:
        return [self.owners[int(r)] for r in self.starts()]

    def article_scores(self, query: np.ndarray) -> tuple[np.ndarray, np.ndarray | None]:
        """(best passage score, lead score or None) of every article, in row order (`article_owners`)."""
        s = self.scores(query)
        starts = self.starts()
        if not len(starts):
            return np.zeros(0, np.float32), None
        best = np.maximum.reduceat(s, starts)
        leads = self.leads.scores(query) if self.leads is not None else None
        if leads is not None and len(leads) != len(starts):
            raise ValueError(f"{len(leads)} lead rows for {len(starts)} articles; rebuild the vectors with "
                             "`habar reindex --vectors`")
        return best, leads

    def bytes_per_article(self) -> float:
        """Memory of the vectors divided by the number of distinct articles (rows, scales, owner ids, slots,
        and the lead rows when kept)."""
        n = len(set(self.owners))
        own = self.matrix.nbytes + self.scales.nbytes + sum(len(o) + 8 + 4 for o in self.owners)
        leads = self.leads.bytes_per_article() * n if self.leads is not None else 0
        return (own + leads) / max(n, 1)

    def save(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(path.name + ".tmp.npz")
        extra = {}
        if self.leads is not None:
            extra = {"lead_matrix": self.leads.matrix, "lead_scales": self.leads.scales}
        np.savez(tmp, matrix=self.matrix, scales=self.scales, owners=np.asarray(self.owners, dtype=str),
                 slots=np.asarray(self.slots, dtype=np.int32), dtype=np.asarray(self.dtype), **extra)
        tmp.replace(path)

    @classmethod
    def load(cls, path: Path) -> "VectorIndex":
        if not path.exists():
            raise FileNotFoundError(f"{path}: no vector index; build it with `habar reindex --vectors`")
        with np.load(path, allow_pickle=False) as z:
            index = cls(int(z["matrix"].shape[1]), str(z["dtype"]))
            index._matrix = z["matrix"]
            index._scales = z["scales"]
            index.owners = [str(o) for o in z["owners"]]
            index.slots = [int(n) for n in z["slots"]]
            if "lead_matrix" in z.files:
                leads = cls(index.dim, index.dtype)
                leads._matrix = z["lead_matrix"]
                leads._scales = z["lead_scales"]
                leads.owners = index.article_owners()
                leads.slots = [0] * len(leads.owners)
                if len(leads.owners) != len(leads._matrix):
                    raise ValueError(f"{path}: {len(leads._matrix)} lead rows for {len(leads.owners)} articles; "
                                     "rebuild it with `habar reindex --vectors`")
                index.leads = leads
        return index
