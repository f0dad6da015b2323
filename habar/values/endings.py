"""Kazakh nominal endings as data, and a lookup that finds a known stem under them.

Endings are generated from (possessive) x (case) x (adjectival -ғы) so that "қарашада", "қарашасында",
"тамызының", "жылғы", "теңгеден", "доллардан" all reduce to their stems. The tables overgenerate on purpose:
they are only applied to stems already known, so "тамыздың" and "тамызның" are both accepted.
"""

from __future__ import annotations

from functools import lru_cache

PLURAL = ("", "лар", "лер", "дар", "дер", "тар", "тер")
POSSESSIVE = ("", "ы", "і", "сы", "сі", "ым", "ім", "мыз", "міз", "ымыз", "іміз")
CASES = (
    "", "ның", "нің", "дың", "дің", "тың", "тің",                      # genitive
    "ға", "ге", "қа", "ке", "на", "не", "а", "е",                      # dative
    "ны", "ні", "ды", "ді", "ты", "ті", "н",                           # accusative
    "да", "де", "та", "те", "нда", "нде",                              # locative
    "дан", "ден", "тан", "тен", "нан", "нен",                          # ablative
    "мен", "бен", "пен", "менен", "бенен", "пенен", "ымен", "імен",    # instrumental
    "дай", "дей", "тай", "тей", "ндай", "ндей",                        # similative ("about")
    "ғы", "гі", "қы", "кі", "дағы", "дегі", "тағы", "тегі", "ндағы", "ндегі",  # adjectival
    "даған", "деген", "таған", "теген", "лаған", "леген",             # "жүздеген" = hundreds of
    "дағыдай", "дегідей", "ғыдай", "гідей", "шілік", "лық", "лік", "дық", "дік", "тық", "тік",
)
# Ordinal suffixes, with or without a hyphen after digits ("5-ші", "11-інші", "бесінші").
ORDINAL = ("ыншы", "інші", "ншы", "нші", "шы", "ші")


@lru_cache(maxsize=1)
def nominal_endings() -> frozenset[str]:
    out = set()
    for pl in PLURAL:
        for poss in POSSESSIVE:
            for case in CASES:
                out.add(pl + poss + case)
    return frozenset(out)


@lru_cache(maxsize=1)
def unit_endings() -> frozenset[str]:
    """Nominal endings plus the adjectival "-ық/-ік" after a double consonant ("киловаттық", "ваттық")."""
    return nominal_endings() | {adj + case for adj in ("ық", "ік") for case in CASES}


@lru_cache(maxsize=1)
def ordinal_endings() -> frozenset[str]:
    return frozenset(o + poss + case for o in ORDINAL for poss in ("", "сы", "сі") for case in CASES)


def split_known(word: str, stems: dict, endings: frozenset[str] | None = None) -> tuple[str, str] | None:
    """(stem, ending) for the longest known stem that `word` starts with and whose rest is a known ending."""
    w = word.lower().replace("ё", "е")
    ends = nominal_endings() if endings is None else endings
    # only cuts that leave a stem no longer than the longest stem and an ending no longer than the longest one
    longest_stem, longest_end = _longest(id(stems), stems), _longest(id(ends), ends)
    for cut in range(min(len(w), longest_stem), max(0, len(w) - longest_end - 1), -1):
        stem = w[:cut]
        if stem in stems and w[cut:] in ends:
            return stem, w[cut:]
    return None


_LONGEST: dict[int, tuple[object, int]] = {}


def _longest(key: int, table) -> int:
    """Length of the longest key of a table, remembered per table object (tables are module constants)."""
    hit = _LONGEST.get(key)
    if hit is None or hit[0] is not table:
        if len(_LONGEST) > 64:  # throwaway tables built per call must not pile up here
            _LONGEST.clear()
        hit = (table, max(map(len, table), default=0))
        _LONGEST[key] = hit
    return hit[1]
