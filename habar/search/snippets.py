"""Snippets that mark the inflected forms actually present in the text.

tantivy's own snippet generator re-tokenizes stored text, which knows nothing of our lemmas, so the snippet
is cut here: the tokens whose lemma the query asked for are found by their stored offsets, the densest window
of them is chosen, and everything but the <mark> tags is HTML-escaped.
"""

from __future__ import annotations

from bisect import bisect_left
from html import escape

import numpy as np

WIDTH = 240  # characters of text around the matches


def _window(starts: list[int], width: int) -> tuple[int, int]:
    """The index range of matches that fits most of them into `width` characters."""
    best, lo = (0, 1), 0
    for hi in range(len(starts)):
        while starts[hi] - starts[lo] > width:
            lo += 1
        if hi + 1 - lo > best[1] - best[0]:
            best = (lo, hi + 1)
    return best


def _cut_left(text: str, pos: int) -> int:
    """Start at a word boundary at or before `pos`."""
    if pos <= 0:
        return 0
    space = text.rfind(" ", max(0, pos - 20), pos)
    return space + 1 if space >= 0 else pos


def _cut_right(text: str, pos: int) -> int:
    if pos >= len(text):
        return len(text)
    space = text.find(" ", pos, pos + 20)
    return space if space >= 0 else pos


def matches(terms: str, spans: np.ndarray, wanted: set[str]) -> list[tuple[int, int]]:
    """Character spans of the tokens that have any of the `wanted` terms (records.decode_terms layout: one
    line per token, terms separated by "|"). Found with str.find, which scans in C: a loop over the tokens in
    Python, or one regular expression of alternatives, cost ten times more per hit."""
    lines = set()
    for w in wanted:
        for before in "\n|":
            needle = before + w
            at = terms.find(needle)
            while at >= 0:
                end = at + len(needle)
                if end < len(terms) and terms[end] in "\n|":
                    lines.add(at if before == "\n" else terms.rfind("\n", 0, at))
                at = terms.find(needle, end)
    if not lines:
        return []
    ordered = sorted(lines)
    out, count, pos = [], -1, 0
    for at in ordered:  # line number of each match: newlines before it
        count += terms.count("\n", pos, at + 1)
        pos = at + 1
        if 0 <= count < len(spans):
            out.append((int(spans[count][0]), int(spans[count][1])))
    return sorted(set(out))


def snippet(text: str, marks: list[tuple[int, int]], width: int = WIDTH) -> str:
    """HTML: a piece of `text` about `width` long around the densest `marks` (character spans), each in <mark>."""
    spans = sorted({(s, e) for s, e in marks if e > s})
    if spans:
        lo, hi = _window([s for s, _ in spans], width - 40)
        first, last = spans[lo][0], spans[hi - 1][1]
        room = max(0, width - (last - first))
        start = _cut_left(text, first - min(room // 3, first))
        end = _cut_right(text, max(last, start + width))
    else:
        start, end = 0, _cut_right(text, width)
    out = ["…" if start > 0 else ""]
    pos = start
    for s, e in spans[bisect_left(spans, (start, 0)):]:
        if e > end:
            break
        if s < pos:
            continue
        out.append(escape(text[pos:s], quote=False))
        out.append(f"<mark>{escape(text[s:e], quote=False)}</mark>")
        pos = e
    out.append(escape(text[pos:end], quote=False))
    out.append("…" if end < len(text) else "")
    return " ".join("".join(out).split())


HEADLINE_CHARS = 90


def headline(title: str, text: str) -> str:
    """What a hit is called: its title, or for an article without one (a scraped page whose first line reads as a
    lead, seed 000) the start of its text up to the first sentence end, cut at a word within HEADLINE_CHARS."""
    if title:
        return title
    first = " ".join(text[:HEADLINE_CHARS * 3].split())
    for end in (". ", "! ", "? "):
        if end in first[:HEADLINE_CHARS]:
            return first[:first.index(end) + 1]
    if len(first) <= HEADLINE_CHARS:
        return first
    return first[:HEADLINE_CHARS].rsplit(" ", 1)[0].rstrip(",;:–- ") + "…"
