"""Boilerplate lines matched by the kk/ru/en rules in `boilerplate_rules`."""

from __future__ import annotations

import re

from habar.clean.boilerplate_rules import RULES
from habar.clean.edit import current_text, drop_line, fold, lines
from habar.document import Article, Change
from habar.pipeline import step

def _compile(pattern: str | tuple[str, ...]) -> tuple[re.Pattern, ...]:
    parts = (pattern,) if isinstance(pattern, str) else pattern
    return tuple(re.compile(p, re.IGNORECASE) for p in parts)


# Rules run in the data's order; the first that matches names the reason.
_COMPILED = [(reason, limit, _compile(pattern)) for reason, limit, pattern in RULES]
_LONGEST = max(limit for _, limit, _ in RULES)  # a longer line is text, whatever it mentions


def match_rule(line: str) -> str | None:
    """The reason of the first rule that takes `line` for boilerplate, or None."""
    s = line.strip()
    if not s or len(s) > _LONGEST:
        return None
    for reason, limit, parts in _COMPILED:
        if len(s) <= limit and all(rx.search(s) for rx in parts):
            return reason
    return None


def boilerplate_changes(text: str) -> list[Change]:
    out = []
    for ln in lines(text):
        reason = match_rule(ln.text)
        if reason:
            out.append(drop_line(ln, f"boilerplate:{reason}"))
    return out


@step("clean_boilerplate", provides=("text",))
def clean_boilerplate(article: Article) -> Article:
    """Drop subscription, share, "read also", copyright, widget and credit lines."""
    return fold(article, boilerplate_changes(current_text(article)), "clean_boilerplate")
