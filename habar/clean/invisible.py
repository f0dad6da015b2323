"""Removal of control and zero-width characters, and of carriage returns (CRLF and CR become LF)."""

from __future__ import annotations

import re

from habar.clean.edit import current_text, fold
from habar.document import Article, Change
from habar.pipeline import step

# C0/C1 controls except tab and newline; zero-width and bidi marks; BOM; soft hyphen. None of them is visible,
# and each breaks word matching (a zero-width space inside "Қазақстан" makes it two tokens).
_INVISIBLE = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff]+"
)


def invisible_changes(text: str) -> list[Change]:
    out = []
    for m in re.finditer(r"\r\n?", text):
        out.append(Change(m.start(), m.end(), "\n", "newline"))
    for m in _INVISIBLE.finditer(text):
        out.append(Change(m.start(), m.end(), "", "invisible"))
    return sorted(out, key=lambda c: c.raw_start)


@step("clean_invisible", provides=("text",))
def clean_invisible(article: Article) -> Article:
    """Drop control and zero-width characters; turn CR and CRLF into LF."""
    return fold(article, invisible_changes(current_text(article)), "clean_invisible")
