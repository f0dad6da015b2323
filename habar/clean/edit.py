"""Shared plumbing of the cleaning steps: lines with offsets, and folding recorded changes into an article.

Every step computes `Change`s relative to the current `article.text` and calls `fold`, which composes them
into `article.changes` (relative to `raw`) and appends a human-readable record to `meta["cleaning"]`, so that
`raw` plus the record explains `text`.
"""

from __future__ import annotations

from typing import NamedTuple

from habar.document import Article, Change
from habar.text import offsets


class Line(NamedTuple):  # a tuple: built for every line of every article by every step, so it must be cheap
    start: int  # offset of the first character
    end: int  # offset after the newline (or the end of the text)
    text: str  # the line without its newline

    @property
    def blank(self) -> bool:
        return not self.text.strip()


def lines(text: str) -> list[Line]:
    out, pos = [], 0
    for part in text.split("\n"):
        end = min(pos + len(part) + 1, len(text))
        out.append(Line(pos, end, part))
        pos += len(part) + 1
    if out and out[-1].start == len(text):  # text ends with a newline: no empty last line
        out.pop()
    return out


def paragraphs(text: str) -> list[list[Line]]:
    """Runs of non-blank lines separated by blank lines."""
    out: list[list[Line]] = [[]]
    for ln in lines(text):
        if ln.blank:
            if out[-1]:
                out.append([])
        else:
            out[-1].append(ln)
    return [p for p in out if p]


def norm_line(s: str) -> str:
    """A line reduced for comparison: case, spacing and edge punctuation do not matter."""
    return " ".join(s.lower().split()).strip(" .,;:!?…\"'«»“”-–—")


def current_text(article: Article) -> str:
    """The article's text; a fresh article whose reader left `text` empty starts from `raw`."""
    if not article.text and not article.changes and article.raw:
        article.text = article.raw
    return article.text


def drop_line(line: Line, reason: str) -> Change:
    return Change(line.start, line.end, "", reason)


def fold(article: Article, changes: list[Change], step_name: str) -> Article:
    """Apply `changes` (relative to `article.text`) to the article and record what they removed or changed."""
    if not changes:
        return article
    changes = sorted(changes, key=lambda c: (c.raw_start, c.raw_end))
    old = article.text
    article.changes = offsets.compose(len(article.raw), article.changes, changes)
    article.text = offsets.apply(old, changes)
    record = article.meta.setdefault("cleaning", [])
    for c in changes:
        record.append({"step": step_name, "reason": c.reason, "text": old[c.raw_start:c.raw_end], "new": c.new})
    return article
