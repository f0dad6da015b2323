"""Boilerplate lines matched by the kk/ru/en rules in `boilerplate_rules`."""

from __future__ import annotations

import re

from habar.clean.boilerplate_rules import RULES
from habar.clean.edit import current_text, drop_line, fold, lines
from habar.document import Article, Change
from habar.pipeline import step

_COMPILED = [(reason, limit, re.compile(pattern, re.IGNORECASE)) for reason, limit, pattern in RULES]
_LONGEST = max(limit for _, limit, _ in RULES)  # a longer line is text, whatever it mentions
# Most lines match no rule: one search over all patterns tells them apart before the rules are tried in turn.
_ANY = re.compile("|".join(f"(?:{pattern})" for _, _, pattern in RULES), re.IGNORECASE)


def match_rule(line: str) -> str | None:
    """The reason of the first rule that takes `line` for boilerplate, or None."""
    s = line.strip()
    if not s or len(s) > _LONGEST or not _ANY.search(s):
        return None
    for reason, limit, rx in _COMPILED:
        if len(s) <= limit and rx.search(s):
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
