"""Quotation marks paired into top-level quoted spans, and the clause limits around them.

The normaliser turns straight quotes into «» where they pair, but raw text, half-normalised text and nested
„…“ / “…” all reach this module, so pairing works on every mark: «„ open, »” close, and `"`/`“` open after a space
or an opening bracket and close otherwise. A stray close ("«Зерде» Холдингі» АҚ") is ignored; a quote never spans a
blank line, because news paragraphs close their quotes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_MARK = re.compile(r"[«»„“”\"]|\n\s*\n")
_OPENING_CONTEXT = set(" \t\n([{–—-/«„“\"")
_END = re.compile(r"[.!?…](?=[\s\"»”]|$)|\n")


@dataclass(slots=True, frozen=True)
class Quoted:
    open: int  # index of the opening mark
    close: int  # index of the closing mark
    part: int = 0  # 0: a whole quote; 1, 2, ...: its parts around an attribution inside it (habar.facts.midspeech)

    @property
    def inner(self) -> tuple[int, int]:
        return self.open + 1, self.close


def _is_opening(text: str, i: int) -> bool:
    ch = text[i]
    if ch in "«„":
        return True
    if ch in "»”":
        return False
    before = text[i - 1] if i else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return before in _OPENING_CONTEXT and not after.isspace()


def quoted_spans(text: str) -> list[Quoted]:
    """Top-level quoted spans; quotes inside quotes belong to their outer quote."""
    out: list[Quoted] = []
    stack: list[int] = []
    for m in _MARK.finditer(text):
        i = m.start()
        if text[i] == "\n":  # a blank line: unclosed quotes of the paragraph are dropped
            stack.clear()
            continue
        if _is_opening(text, i):
            stack.append(i)
        elif stack:
            start = stack.pop()
            if not stack and i > start + 1:
                out.append(Quoted(start, i))
    return out


def clause_end(text: str, pos: int) -> int:
    """End of the sentence that continues at `pos` (the terminator itself is excluded)."""
    m = _END.search(text, pos)
    return m.start() if m else len(text)


def clause_start(text: str, pos: int, floor: int = 0) -> int:
    """Start of the sentence that contains `pos`, not before `floor`."""
    best = floor
    for m in _END.finditer(text, floor, pos):
        best = m.end()
    return best


def inside(spans: list[Quoted], pos: int) -> bool:
    return any(q.open <= pos <= q.close for q in spans)
