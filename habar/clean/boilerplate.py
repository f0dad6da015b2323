"""Boilerplate lines matched by the kk/ru/en rules in `boilerplate_rules`."""

from __future__ import annotations

import re

from habar.clean.boilerplate_rules import CASED, RULES
from habar.clean.edit import current_text, drop_line, fold, lines
from habar.clean.prefilter import first_test, needed_literals
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


def _parts(pattern: str | tuple[str, ...]) -> tuple[str, ...]:
    return (pattern,) if isinstance(pattern, str) else pattern


# Most lines are sentences that no rule takes, and running ~28 rules on each is most of this step's time. Two
# necessary conditions, derived from the patterns (habar.clean.prefilter), pick the rules worth running:
# - an anchored rule runs only when the line's first character can start a match;
# - a rule without that test but with needed literals runs only when `_GATE` finds one of them in the line.
_FIRST = [[first_test(p) for p in _parts(pattern)] for _, _, pattern in RULES]


def _gate_literals(reason: str, pattern, firsts) -> set[str] | None:
    if reason in CASED or any(firsts):
        return None
    found = [lit for lit in map(needed_literals, _parts(pattern)) if lit]
    return min(found, key=lambda lit: (len(lit), -min(map(len, lit))), default=None)


_GATED = [_gate_literals(reason, pattern, firsts) for (reason, _, pattern), firsts in zip(RULES, _FIRST)]
_GATE = re.compile("|".join(re.escape(w) for w in sorted(set().union(*filter(None, _GATED)), key=len, reverse=True)))
_CANDIDATES: dict[tuple[str, str, bool], tuple] = {}  # (first char, first char lower-cased, gate hit) -> rules


def _candidates(first: str, first_low: str, hit: bool) -> tuple:
    out = []
    for rule, firsts, gated in zip(_COMPILED, _FIRST, _GATED):
        c = first if rule[2] else first_low
        if all(t is None or t(c) for t in firsts) and (gated is None or hit):
            out.append(rule)
    return tuple(out)


def match_rule(line: str) -> str | None:
    """The reason of the first rule that takes `line` for boilerplate, or None."""
    s = line.strip()
    if not s or len(s) > _LONGEST:
        return None
    low = s.lower()
    key = (s[0], low[0], _GATE.search(low) is not None)
    rules = _CANDIDATES.get(key)
    if rules is None:
        rules = _CANDIDATES[key] = _candidates(*key)
    for reason, limit, cased, parts in rules:
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
