"""Classify and read single Kazakh value words (numbers, scales, months, currencies, units, bounds)."""

from __future__ import annotations

import re
from functools import lru_cache

from habar.values import lexicon as lx
from habar.values.endings import nominal_endings, ordinal_endings, split_known, unit_endings

_DIGITS = re.compile(r"^(\d+(?:[.,]\d+)?)(?:-?([a-zа-яәғқңөұүһіё]+))?$", re.IGNORECASE)
_ALL_NUMBERS = {**lx.NUMBER_WORDS, **{k: lx.NUMBER_WORDS[v] for k, v in lx.NUMBER_ALLOMORPHS.items()}}
_ORDINAL_STEMS = {**_ALL_NUMBERS, "мың": 1000}
_YEAR_STEMS = dict.fromkeys(lx.YEAR_WORDS + lx.CENTURY_WORDS)
# every stem of every table word_class consults, so it can skip the other words at once
_STEMS = {key for table in (_ORDINAL_STEMS, lx.NUMBER_WORDS, lx.COLLECTIVE_WORDS, lx.SCALE_WORDS, lx.MONTHS,
                            lx.CURRENCIES, lx.BOUNDS, lx.RELATIVE_DATES, _YEAR_STEMS, lx.UNITS,
                            dict.fromkeys(lx.PERCENT_WORDS)) for key in table}
_LONGEST_STEM = max(map(len, _STEMS))
_ANY_DIGIT = re.compile(r"\d")
# the readers of single words below are pure and their answers immutable, and a value entity's words ("жылы",
# "мың", "2020") come back in article after article, where each reading tries every cut of the word
WORD_CACHE = 20_000
_memo = lru_cache(maxsize=WORD_CACHE)


@lru_cache(maxsize=1)
def _any_ending() -> frozenset[str]:
    return nominal_endings() | ordinal_endings() | unit_endings()


def _may_be_value(w: str) -> bool:
    """Whether any check of word_class can accept the lowercase word: each cuts it into a stem of its table and
    a known ending (split_known), or reads digits, or a percent word. "т" (tonne) and "он" (ten) start many
    words, so a stem alone lets through a fifth of all words; a stem plus an ending lets through few."""
    if w.startswith(lx.PERCENT_WORDS) or _ANY_DIGIT.search(w):
        return True
    ends = _any_ending()
    for v in {w, w.rstrip(".")}:
        for k in range(1, min(len(v), _LONGEST_STEM) + 1):
            if v[:k] in _STEMS and v[k:] in ends:
                return True
    return False


@_memo
def number_word(word: str) -> int | None:
    """Value of a cardinal number word in any case ("бес", "мыңнан" is a scale, not here; "оннан" -> 10)."""
    hit = split_known(word, lx.NUMBER_WORDS) or split_known(word, lx.COLLECTIVE_WORDS)
    if hit is None:
        return None
    return lx.NUMBER_WORDS.get(hit[0], lx.COLLECTIVE_WORDS.get(hit[0]))


@_memo
def ordinal_word(word: str) -> int | None:
    """Value of an ordinal word or digit ordinal ("екінші" -> 2, "5-ші" -> 5, "11-інші" -> 11, "мыңыншы")."""
    w = word.lower()
    m = _DIGITS.match(w)
    if m and m.group(2) and "-" in w and any(w.split("-", 1)[1].startswith(o) for o in ("ы", "і", "н", "ш")):
        if w.split("-", 1)[1] in ordinal_endings() and "," not in m.group(1) and "." not in m.group(1):
            return int(m.group(1))
    hit = split_known(w, _ORDINAL_STEMS, ordinal_endings())
    return None if hit is None else _ORDINAL_STEMS[hit[0]]


@_memo
def scale_word(word: str) -> float | None:
    w = word.lower().rstrip(".")
    hit = split_known(w, lx.SCALE_WORDS)
    return lx.SCALE_WORDS[hit[0]] if hit else None


@_memo
def month_word(word: str) -> int | None:
    hit = split_known(word, lx.MONTHS)
    return lx.MONTHS[hit[0]] if hit else None


@_memo
def currency_word(word: str) -> str | None:
    hit = split_known(word.rstrip("."), lx.CURRENCIES)
    return lx.CURRENCIES[hit[0]] if hit else None


@_memo
def unit_word(word: str) -> str | None:
    hit = split_known(word.rstrip("."), lx.UNITS, unit_endings())
    return lx.UNITS[hit[0]] if hit else None


@_memo
def bound_word(word: str) -> str | None:
    w = word.lower()
    if w in lx.BOUNDS:
        return lx.BOUNDS[w]
    hit = split_known(w, lx.BOUNDS)
    return lx.BOUNDS[hit[0]] if hit else None


@_memo
def digits(word: str) -> tuple[float, str] | None:
    """(number, ending) of a token written in digits ("2019" -> 2019.0, "3,9" -> 3.9, "99%-ы" is not here)."""
    m = _DIGITS.match(word.replace("\u00a0", "").replace(" ", ""))
    if not m:
        return None
    return float(m.group(1).replace(",", ".")), (m.group(2) or "").lower()


def approx_ending(word: str) -> bool:
    """True for the similative "-дай/-дей" ("мыңдай", "теңгедей"): the amount is approximate."""
    w = word.lower()
    return any(w.endswith(e) for e in lx.APPROX_ENDINGS) and len(w) > 4


@lru_cache(maxsize=50_000)
def word_class(word: str) -> str:
    """A coarse value class of one token, for NER features: NUM, ORD, SCALE, MONTH, CUR, UNIT, BOUND, PCT, ..."""
    w = word.lower()
    if not _may_be_value(w.replace("ё", "е")):
        return ""  # every class below needs one of its stems with a known ending: skip most tokens at once
    if ordinal_word(w) is not None:
        return "ORD"
    if digits(w) is not None:
        return "DIG"
    if number_word(w) is not None:
        return "NUM"
    if scale_word(w) is not None:
        return "SCALE"
    if month_word(w) is not None:
        return "MONTH"
    if any(w.startswith(p) for p in lx.PERCENT_WORDS):
        return "PCT"
    if currency_word(w) is not None:
        return "CUR"
    if w in lx.BOUNDS:
        return "BOUND"
    if w in lx.RELATIVE_DATES:
        return "REL"
    if split_known(w, _YEAR_STEMS):
        return "YEAR"
    if len(w) > 2 and unit_word(w) is not None:
        return "UNIT"
    return ""
