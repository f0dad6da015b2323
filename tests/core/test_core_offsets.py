"""Offsets survive every composition of edits: `apply(raw, changes) == text` and text->raw maps stay in range."""

import random

import pytest

from habar.document import Change
from habar.text.offsets import OffsetMap, apply, compose


def _random_changes(s: str, rnd: random.Random) -> list[Change]:
    out, pos = [], 0
    while pos <= len(s):
        if rnd.random() < 0.3:
            end = min(pos + rnd.choice([0, 0, 1, 1, 2, 3]), len(s))
            new = "".join(rnd.choice("xyzҚ") for _ in range(rnd.choice([0, 1, 1, 2, 3])))
            out.append(Change(pos, end, new, f"r{rnd.randint(0, 3)}"))
            pos = end + 1
        else:
            pos += rnd.randint(1, 3)
    return out


@pytest.mark.parametrize("seed", range(5))
def test_compose_matches_sequential_application(seed):
    rnd = random.Random(seed)
    for _ in range(2000):
        raw = "".join(rnd.choice("абвгғқ \n") for _ in range(rnd.randint(0, 15)))
        first = _random_changes(raw, rnd)
        mid = apply(raw, first)
        second = _random_changes(mid, rnd)
        both = compose(len(raw), first, second)
        assert apply(raw, both) == apply(mid, second)
        assert all(a.raw_end <= b.raw_start for a, b in zip(both, both[1:]))
        m = OffsetMap(both)
        target = apply(raw, both)
        assert all(0 <= m.to_raw(i) <= len(raw) for i in range(len(target) + 1))


CASES = [
    # raw, changes, text offset span, expected raw span
    ("Қазақстан", [], (0, 5), (0, 5)),
    ("a  b", [Change(1, 3, " ", "space")], (2, 3), (3, 4)),  # "a b": "b" at 2 is "b" at 3 in raw
    ("xəy", [Change(1, 2, "ә", "lookalike")], (0, 3), (0, 3)),
    ("т\nб\nқоса", [Change(0, 4, "т.б. ", "artefact")], (5, 9), (4, 8)),
    ("ab\u200bcd", [Change(2, 3, "", "zero-width")], (2, 4), (3, 5)),
]


@pytest.mark.parametrize("raw,changes,span,expected", CASES)
def test_span_to_raw(raw, changes, span, expected):
    assert OffsetMap(changes).span_to_raw(*span) == expected


def test_compose_keeps_reasons_of_merged_edits():
    raw = "aXb"
    first = [Change(1, 2, "YY", "one")]
    second = [Change(2, 3, "Z", "two")]  # rewrites the second Y of the first replacement
    both = compose(len(raw), first, second)
    assert apply(raw, both) == "aYZb"
    assert both == [Change(1, 2, "YZ", "one+two")]
