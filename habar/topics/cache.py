"""Per-word score rows kept in one growing array, so that an article's score is one gather and one sum.

The topic model's two parts are sums over an article's words (naive Bayes over distinct lower-cased words, the
static regression over whitespace tokens). Each key's row is computed once, in a batch with the article's other new
keys, and appended to the table; after that a key costs a dictionary look-up. A Python loop adding one small array
per word cost more than the whole fast path once every word was known (measured: 0.96 against ~0.1 ms per article).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

import numpy as np

CACHE_LIMIT = 200_000  # keys per table, per process: ~7 MB each on endless streams of new words


class ScoreCache:
    """key -> float32 row of `width`; `compute(keys)` gives the rows of keys not seen yet, one row per key."""

    def __init__(self, width: int, compute: Callable[[list[str]], np.ndarray], limit: int = CACHE_LIMIT) -> None:
        self.width = width
        self.compute = compute
        self.limit = limit
        self.index: dict[str, int] = {}
        self.table = np.zeros((1024, width), dtype=np.float32)

    def __len__(self) -> int:
        return len(self.index)

    def total(self, keys: list[str] | set[str]) -> np.ndarray:
        """The sum of the rows of `keys` (a key listed twice counts twice), in float64."""
        get = self.index.get
        rows = list(map(get, keys))
        if None in rows:
            new = list(dict.fromkeys(k for k, r in zip(keys, rows) if r is None))
            fresh = self.compute(new)
            if len(self.index) + len(new) > self.limit:  # full: score the new keys without keeping them
                counts = Counter(k for k, r in zip(keys, rows) if r is None)
                known = [r for r in rows if r is not None]
                return (self.table[known].sum(axis=0, dtype=np.float64)
                        + np.asarray([counts[k] for k in new], dtype=np.float64) @ fresh)
            self._append(new, fresh)
            rows = list(map(get, keys))
        return self.table[rows].sum(axis=0, dtype=np.float64) if rows else np.zeros(self.width)

    def _append(self, keys: list[str], rows: np.ndarray) -> None:
        start = len(self.index)
        if start + len(keys) > len(self.table):
            grown = np.zeros((max(2 * len(self.table), start + len(keys)), self.width), dtype=np.float32)
            grown[:start] = self.table[:start]
            self.table = grown
        self.table[start:start + len(keys)] = rows
        self.index.update(zip(keys, range(start, start + len(keys))))


def segment_sums(lengths: list[int], values: np.ndarray) -> np.ndarray:
    """Sums of consecutive runs of `values` rows, `lengths[i]` rows for output row i (0 gives a zero row)."""
    # differences of one running sum: np.add.at with a float64 target is ~50 times slower on a few hundred rows
    ends = np.cumsum(lengths)
    run = np.zeros((len(values) + 1, values.shape[1]), dtype=np.float64)
    np.cumsum(values, axis=0, dtype=np.float64, out=run[1:])
    return run[ends] - run[ends - np.asarray(lengths, dtype=np.int64)]
