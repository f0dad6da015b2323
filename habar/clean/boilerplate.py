"""Boilerplate lines matched by the kk/ru/en rules in `boilerplate_rules`."""

from __future__ import annotations

import re

from habar.clean.boilerplate_rules import CASED, RULES
from habar.clean.edit import current_text, drop_line, fold, lines
from habar.document import Article, Change
from habar.pipeline import step

def _compile(pattern: str | tuple[str, ...]) -> tuple:
    """The matchers of one rule: `re.match` for an anchored pattern (it fails at once, where `search` would
    try every position), `re.search` otherwise."""
    parts = (pattern,) if isinstance(pattern, str) else pattern
    return tuple(re.compile(p).match if p.startswith("^") else re.compile(p).search for p in parts)


# Rules run in the data's order; the first that matches names the reason.
_COMPILED = [(reason, limit, reason in CASED, _compile(pattern)) for reason, limit, pattern in RULES]
_LONGEST = max(limit for _, limit, _ in RULES)  # a longer line is text, whatever it mentions


def match_rule(line: str) -> str | None:
    """The reason of the first rule that takes `line` for boilerplate, or None."""
    s = line.strip()
    if not s or len(s) > _LONGEST:
        return None
    low = s.lower()
    for reason, limit, cased, parts in _COMPILED:
        if len(s) <= limit and all(p(s if cased else low) for p in parts):
            return reason
    return None


# A "read also" header with nothing after it ("Тақырып бойынша:"): the headlines under it are links too.
_HEADER_ONLY = re.compile(r"[:：]\s*$")
RELATED_LINES = 5  # headlines under such a header, at most
_FINAL = (".", "!", "?", "…", "»", '"', ":")


def boilerplate_changes(text: str) -> list[Change]:
    out, related = [], 0
    for ln in lines(text):
        s = ln.text.strip()
        reason = match_rule(ln.text)
        if reason:
            out.append(drop_line(ln, f"boilerplate:{reason}"))
            related = RELATED_LINES if reason == "read-also" and _HEADER_ONLY.search(s) else 0
        elif related and s and len(s) <= 150 and not s.endswith(_FINAL):
            out.append(drop_line(ln, "boilerplate:read-also"))
            related -= 1
        elif s:
            related = 0
    return out


@step("clean_boilerplate", provides=("text",))
def clean_boilerplate(article: Article) -> Article:
    """Drop subscription, share, "read also", copyright, widget and credit lines."""
    return fold(article, boilerplate_changes(current_text(article)), "clean_boilerplate")
