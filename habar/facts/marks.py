"""Quotation marks paired into top-level quoted spans, and the clause limits around them.

The normaliser turns straight quotes into «» where they pair, but raw text, half-normalised text and nested
„…“ / “…” all reach this module, so pairing works on every mark: «„ open, »” close, and `"`/`“` open after a space
or an opening bracket and close otherwise. A stray close ("«Зерде» Холдингі» АҚ") is ignored; a quote never spans a
blank line, because news paragraphs close their quotes.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

_MARK = re.compile(r"[«»„“”\"]|\n\s*\n")
_OPENING_CONTEXT = set(" \t\n([{–—-/«„“\"")
_END = re.compile(r"[.!?…](?=[\s\"»”]|$)|\n")
_TERMINATORS = ".!?…"


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


@lru_cache(maxsize=4)
def _ends(text: str) -> list[int]:
    """Where each sentence terminator of the text ends, found once per text: the rules ask for the sentence around
    many positions (every quote, every person mention)."""
    return [m.end() for m in _END.finditer(text)]


def clause_end(text: str, pos: int) -> int:
    """End of the sentence that continues at `pos` (the terminator itself is excluded)."""
    ends = _ends(text)
    i = bisect_right(ends, pos)  # the first terminator at or after pos
    return ends[i] - 1 if i < len(ends) else len(text)


def clause_start(text: str, pos: int, floor: int = 0) -> int:
    """Start of the sentence that contains `pos`, not before `floor`. A terminator right before `pos` counts
    whatever follows it (the sentence is read up to `pos` only)."""
    if floor < pos <= len(text) and text[pos - 1] in _TERMINATORS:
        return pos
    ends = _ends(text)
    i = bisect_right(ends, pos) - 1  # the last terminator before pos
    return ends[i] if i >= 0 and ends[i] > floor else floor


def inside(spans: list[Quoted], pos: int) -> bool:
    return any(q.open <= pos <= q.close for q in spans)
