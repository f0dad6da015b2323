"""The boilerplate prefilter never holds back a line a rule would take (habar.clean.prefilter, boilerplate)."""

from __future__ import annotations

import re

import pytest

from habar.clean.boilerplate import match_rule
from habar.clean.boilerplate_rules import CASED, RULES
from habar.clean.gold import DEFAULT_DIR
from habar.clean.prefilter import first_test, needed_literals

FIRST = [  # pattern, characters a match may start with, characters it may not
    (r"^(?:ab|cd)x", "ac", "bdx "),
    (r"^\s*©", " \t©", "a("),
    (r"^(?:x?y)", "xy", "z"),
    (r"^(?=.*\d)[\d.]+$", "1.", "a"),
    (r"^[^a-c]", "dё ", "abc"),
    (r"^\W", " ,«", "aқ1"),
]


@pytest.mark.parametrize("pattern,yes,no", FIRST)
def test_first_test(pattern, yes, no):
    test = first_test(pattern)
    assert all(test(c) for c in yes) and not any(test(c) for c in no)


@pytest.mark.parametrize("pattern", [r"abc", r"^a?", r"^(?i:a)", r"(?i)^a", r"^(?:a|(?i:b))"])
def test_first_test_unknown_or_unanchored(pattern):
    assert first_test(pattern) is None


LITERALS = [
    (r"foo|bar", {"foo", "bar"}),
    (r"a.{0,9}bcd", {"bcd"}),
    (r"x?yy", {"yy"}),
    (r"(?:ab|cd)+e", {"ab", "cd"}),
    (r"\bпри (?:тест|код) материалов", {" материалов"}),
    (r"[ab]\d", None),
    (r"(?i)abc", None),
    (r"ab|\d", None),
]


@pytest.mark.parametrize("pattern,expected", LITERALS)
def test_needed_literals(pattern, expected):
    assert needed_literals(pattern) == expected


def _slow_match(line: str) -> str | None:
    """Every rule in order, as the rules read: the reference the indexed match_rule must equal."""
    s = line.strip()
    if not s:
        return None
    for reason, limit, pattern in RULES:
        parts = (pattern,) if isinstance(pattern, str) else pattern
        text = s if reason in CASED else s.lower()
        if len(s) <= limit and all(re.search(p, text) for p in parts):
            return reason
    return None


def _lines() -> list[str]:
    out = ["Жазылу", "Telegram арнамызға жазылыңыз!", "Фото: Ақорда", "10.07.2024 | 18:30", "Басты бет / Қоғам",
           "© Barlyq", "(c) 2024", "Ctrl + Enter басыңыз", "Тақырып бойынша:", "Tags: a", "Жаңалықтар | Қоғам",
           "Instagram", "қаралды: 1 200", "Дереккөз: Kazinform", "Мемлекет басшысы Telegram-да жазды.", ""]
    for path in sorted((DEFAULT_DIR / "docs").glob("*.txt")):
        out += [ln.split("|", 1)[-1] for ln in path.read_text(encoding="utf-8").splitlines()]
    return out


def test_match_rule_equals_every_rule_in_order():
    lines = _lines()
    assert sum(_slow_match(ln) is not None for ln in lines) >= 60  # the gold lines exercise the rules
    for ln in lines:
        assert match_rule(ln) == _slow_match(ln), ln


def test_rule_prefilters_are_sound_on_gold_lines():
    for ln in _lines():
        s = ln.strip()
        for reason, _, pattern in RULES:
            text = s if reason in CASED else s.lower()
            for p in (pattern,) if isinstance(pattern, str) else pattern:
                if not re.search(p, text):
                    continue
                test, lits = first_test(p), needed_literals(p)
                assert test is None or test(text[0]), (p, ln)
                assert lits is None or any(w in text for w in lits), (p, ln)
