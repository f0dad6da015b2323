"""Counts of the characters of a text that fall in each of a few fixed sets, in one pass over the text.

Language identification and the keyboard check of normalisation ask "how many Cyrillic letters, how many of
ә ғ қ ң ө ұ ү һ і, how many Russian-only ones": a regex per question scans the text once each and builds a list
of matches. Here every code point maps to the bit mask of the sets it belongs to, and one histogram of the masks
(NumPy, over the text's code points) answers all the questions at once.
"""

from __future__ import annotations

from typing import Iterable

import numpy as np


class SetCounter:
    """`counter(text)` -> [number of characters of `text` in each set], in the order the sets were given."""

    def __init__(self, *sets: Iterable[str]):
        sets = [frozenset(s) for s in sets]
        self.n = len(sets)
        self.top = max((ord(c) for s in sets for c in s), default=0) + 1  # code points above belong to no set
        self.masks = np.zeros(self.top + 1, dtype=np.intp)
        for k, chars in enumerate(sets):
            for c in chars:
                self.masks[ord(c)] |= 1 << k
        bits = np.arange(1 << self.n)
        self.in_set = np.array([(bits >> k) & 1 for k in range(self.n)], dtype=np.int64)

    def __call__(self, text: str) -> list[int]:
        if not text:
            return [0] * self.n
        # lone surrogates (broken input) pass through as code points rather than raising
        points = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
        hist = np.bincount(self.masks[np.minimum(points, self.top)], minlength=1 << self.n)
        return (self.in_set @ hist).tolist()
