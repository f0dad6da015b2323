"""Necessary conditions read off a regex, so that most lines skip most boilerplate rules without running them.

Two facts are derived from a pattern's parse tree (Python's own `re._parser`), never written by hand, so the rules
stay plain data:
- `first_test(pattern)`: for a pattern anchored with "^", a test of the characters a match can start with
  (None when any may);
- `needed_literals(pattern)`: strings of which every match contains at least one (None when there is no such set).
Both err only on the safe side: a construct they do not know makes the answer "anything goes", so a line they
let through is still judged by the rule itself, and a line they hold back could never have matched.
"""

from __future__ import annotations

import re
from re import _constants as C  # the parse tree's opcodes
from re import _parser
from typing import Callable

_REPEATS = (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT)
_ZERO_WIDTH = (C.AT, C.ASSERT, C.ASSERT_NOT)
_CATEGORIES = {
    C.CATEGORY_DIGIT: re.compile(r"\d"), C.CATEGORY_NOT_DIGIT: re.compile(r"\D"),
    C.CATEGORY_SPACE: re.compile(r"\s"), C.CATEGORY_NOT_SPACE: re.compile(r"\S"),
    C.CATEGORY_WORD: re.compile(r"\w"), C.CATEGORY_NOT_WORD: re.compile(r"\W"),
}

CharTest = Callable[[str], bool]


def _item_test(op, av) -> CharTest | None:
    """A test of one character against a one-character item of the parse tree; None for an unknown item."""
    if op is C.LITERAL:
        return lambda c: ord(c) == av
    if op is C.NOT_LITERAL:
        return lambda c: ord(c) != av
    if op is C.ANY:
        return lambda c: c != "\n"
    if op is C.IN:
        negate = bool(av) and av[0][0] is C.NEGATE
        parts = []
        for sub_op, sub_av in av[1:] if negate else av:
            if sub_op is C.LITERAL:
                parts.append(lambda c, v=sub_av: ord(c) == v)
            elif sub_op is C.RANGE:
                parts.append(lambda c, lo=sub_av[0], hi=sub_av[1]: lo <= ord(c) <= hi)
            elif sub_op is C.CATEGORY and sub_av in _CATEGORIES:
                parts.append(_CATEGORIES[sub_av].match)
            else:
                return None
        if negate:
            return lambda c: not any(p(c) for p in parts)
        return lambda c: any(p(c) for p in parts)
    return None


def _first(seq) -> tuple[list[CharTest] | None, bool]:
    """Tests of the first character of a match of `seq` (None: unknown) and whether `seq` can match empty."""
    tests: list[CharTest] = []
    for op, av in seq:
        if op in _ZERO_WIDTH:
            continue  # consumes nothing: the first character comes from what follows
        if op is C.SUBPATTERN:
            if av[1] or av[2]:  # inline flags (ignore case...) change what a literal matches
                return None, False
            sub, nullable = _first(av[3])
        elif op is C.BRANCH:
            sub, nullable = [], False
            for alt in av[1]:
                got, alt_nullable = _first(alt)
                if got is None:
                    return None, False
                sub += got
                nullable = nullable or alt_nullable
        elif op in _REPEATS:
            sub, nullable = _first(av[2])
            nullable = nullable or av[0] == 0
        else:
            test = _item_test(op, av)
            if test is None:
                return None, False
            sub, nullable = [test], False
        if sub is None:
            return None, False
        tests += sub
        if not nullable:
            return tests, False
    return tests, True


def first_test(pattern: str) -> CharTest | None:
    """For a "^"-anchored pattern without flags: a test that a match's first character must pass."""
    tree = _parser.parse(pattern)
    if tree.state.flags & ~C.SRE_FLAG_UNICODE or not tree.data or tree.data[0] != (C.AT, C.AT_BEGINNING):
        return None
    tests, nullable = _first(list(tree.data)[1:])
    if tests is None or nullable:
        return None
    return lambda c: any(t(c) for t in tests)


def _literals(seq) -> set[str] | None:
    """Strings of which every match of `seq` contains one; None when nothing is certain."""
    options: list[set[str]] = []
    run = ""
    for op, av in [*seq, (None, None)]:
        if op is C.LITERAL:
            run += chr(av)
            continue
        if run:
            options.append({run})
            run = ""
        got = None
        if op is C.SUBPATTERN and not (av[1] or av[2]):
            got = _literals(av[3])
        elif op is C.BRANCH:
            alts = [_literals(alt) for alt in av[1]]
            got = None if any(a is None for a in alts) else set().union(*alts)
        elif op in _REPEATS and av[0] >= 1:
            got = _literals(av[2])
        if got:
            options.append(got)
    # the most selective choice: its shortest string is the longest, then the fewest strings
    return max(options, key=lambda o: (min(map(len, o)), -len(o)), default=None)


def needed_literals(pattern: str) -> set[str] | None:
    """Strings of which every match of `pattern` (without flags) contains at least one."""
    tree = _parser.parse(pattern)
    if tree.state.flags & ~C.SRE_FLAG_UNICODE:
        return None
    return _literals(list(tree.data))
