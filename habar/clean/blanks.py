"""Removal of empty lines: trailing spaces go, runs of blank lines become one paragraph break, and the text
starts and ends with content."""

from __future__ import annotations

import re

from habar.clean.edit import current_text, fold, lines
from habar.document import Article, Change
from habar.pipeline import step


def blank_changes(text: str) -> list[Change]:
    out: list[Change] = []
    for ln in lines(text):
        stripped = ln.text.rstrip()
        if stripped and len(stripped) < len(ln.text):
            out.append(Change(ln.start + len(stripped), ln.start + len(ln.text), "", "trailing-space"))
    # A blank run keeps one empty line (the paragraph break); at the edges of the text nothing is kept.
    for m in re.finditer(r"\n(?:[ \t]*\n)+", text):
        if m.start() == 0 or m.end() == len(text):
            continue
        if m.group() != "\n\n":
            out.append(Change(m.start(), m.end(), "\n\n", "blank-lines"))
    lead = re.match(r"(?:[ \t]*\n)+", text)
    if lead:
        out.append(Change(0, lead.end(), "", "blank-lines"))
    tail = re.search(r"\n\s*\Z", text)
    if tail and tail.start() > 0:
        out.append(Change(tail.start(), len(text), "", "blank-lines"))
    elif text and not text.strip():
        out = [Change(0, len(text), "", "blank-lines")]
    return _disjoint(out)


def _disjoint(changes: list[Change]) -> list[Change]:
    """Trailing-space deletions inside a blank run are covered by the run's own change."""
    out: list[Change] = []
    for c in sorted(changes, key=lambda c: (c.raw_start, -c.raw_end)):
        if out and c.raw_start < out[-1].raw_end:
            prev = out[-1]
            if c.raw_end > prev.raw_end:  # partial overlap: extend the earlier one
                out[-1] = Change(prev.raw_start, c.raw_end, prev.new, prev.reason)
            continue
        out.append(c)
    return out


@step("clean_blanks", provides=("text",))
def clean_blanks(article: Article) -> Article:
    """Drop trailing spaces and surplus empty lines."""
    return fold(article, blank_changes(current_text(article)), "clean_blanks")
