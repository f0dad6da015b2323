"""DATE entities -> ISO 8601: a date ("2019-11-21"), month ("2019-08"), year ("2020"), range ("2019/2021")
or duration ("P5Y"), resolving relative words ("ағымдағы жылдың", "былтыр") against the article's date.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from functools import lru_cache
from typing import NamedTuple

from habar.values import lexicon as lx
from habar.values.endings import split_known
from habar.values.numbers import pieces, read_numbers
from habar.values.words import WORD_CACHE, month_word

_NUMERIC_DATE = re.compile(r"^(\d{1,2})[./](\d{1,2})[./](\d{4})$")
_ISO = re.compile(r"^(\d{4})-(\d{2})(?:-(\d{2}))?")
_YEAR_RANGE = re.compile(r"^(\d{4})\s*[-–—]\s*(\d{2,4})$")
# duration units: stem -> ISO designator
_DURATION = {"жыл": "Y", "ай": "M", "апта": "W", "күн": "D", "тәулік": "D", "ғасыр": "C"}


def parse_published(published: str) -> date | None:
    m = _ISO.match(published or "")
    if not m:
        return None
    return date(int(m.group(1)), int(m.group(2)), int(m.group(3) or 1))


def normalise_date(tokens: list[str], published: str = "") -> str | None:
    """ISO form of a DATE entity's tokens, or None when it names no calendar point or period we can read."""
    reading = _reading(tuple(tokens))
    if reading.numeric is not None:
        return reading.numeric
    pub = parse_published(published)
    if reading.day_shift is not None:
        return (pub + timedelta(days=reading.day_shift)).isoformat() if pub else None
    if reading.fixed is not None:
        return reading.fixed
    years, month = reading.years, reading.month
    if not years and reading.year_shift is not None and pub:
        years = (pub.year + reading.year_shift,)
    if not years and month and pub:
        years = (pub.year,)  # "21 қарашада" with no year: the article's year
    if len(years) >= 2:
        return f"{years[0]}/{years[-1]}"
    if years:
        return _iso(years[0], month, reading.day)
    return None


class Reading(NamedTuple):
    """What a DATE's tokens say before the article's date resolves them (normalise_date): the same words recur
    across articles with different dates, so this part is remembered per token sequence."""
    numeric: str | None = None    # "21.11.2019": the date itself
    day_shift: int | None = None  # "бүгін", "кеше": days from the article's date
    fixed: str | None = None      # "алдағы бес жылда": a duration ("P5Y")
    years: tuple[int, ...] = ()
    month: int | None = None
    day: int | None = None
    year_shift: int | None = None  # "ағымдағы жылдың", "былтыр": years from the article's


@lru_cache(maxsize=WORD_CACHE)
def _reading(tokens: tuple[str, ...]) -> Reading:
    text = " ".join(tokens)
    m = _NUMERIC_DATE.match(text.strip())
    if m:
        return Reading(numeric=_iso(int(m.group(3)), int(m.group(2)), int(m.group(1))))
    toks = pieces(list(tokens))
    lowers = [t.lower() for t in toks]

    rel = next((lx.RELATIVE_DATES[w] for w in lowers if w in lx.RELATIVE_DATES), None)
    if rel and rel[0] == "day" and len(toks) <= 2:
        return Reading(day_shift=rel[1])

    years, month, day = [], None, None
    nums = read_numbers(toks)
    month_at = next((i for i, t in enumerate(toks) if month_word(t) is not None), None)
    if month_at is not None:
        month = month_word(toks[month_at])
    for n in nums:
        v = n.value
        unit = _unit_after(lowers, n.end)
        if n.end == month_at and 1 <= v <= 31 and v == int(v):
            day = int(v)
        elif 1000 <= v <= 2100 and v == int(v) and unit in ("Y", None):
            years.append(int(v))
    for t in toks:  # "2019-2020" written as one token
        r = _YEAR_RANGE.match(t)
        if r:
            end = r.group(2) if len(r.group(2)) == 4 else r.group(1)[:2] + r.group(2)
            years = [int(r.group(1)), int(end)]
    duration = _duration(nums, lowers) if not month else None
    if not years and duration and duration[1] != "C" and (rel is None or nums[0].value != 1):
        # "алдағы бес жылда" is a span of five years, "келесі бір жылда" is next year
        return Reading(fixed=duration[0])
    return Reading(years=tuple(years), month=month, day=day,
                   year_shift=rel[1] if rel and rel[0] == "year" else None)


def _duration(nums: list, lowers: list[str]) -> tuple[str, str] | None:
    """("P5Y", "Y") for "бес жыл ішінде": a number followed by a unit of time."""
    if not nums:
        return None
    unit = _unit_after(lowers, nums[0].end)
    if unit is None:
        return None
    v = nums[0].value
    return f"P{int(v) if v == int(v) else v}{unit}", unit


def _unit_after(lowers: list[str], i: int) -> str | None:
    return _duration_unit(lowers[i]) if i < len(lowers) else None


@lru_cache(maxsize=WORD_CACHE)
def _duration_unit(word: str) -> str | None:
    hit = split_known(word, _DURATION)
    return _DURATION[hit[0]] if hit else None


def _iso(year: int, month: int | None = None, day: int | None = None) -> str | None:
    if month is None:
        return f"{year:04d}"
    if day is None:
        return f"{year:04d}-{month:02d}"
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return f"{year:04d}-{month:02d}"
