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
def ordinal_endings() -> frozenset[str]:
    return frozenset(o + poss + case for o in ORDINAL for poss in ("", "сы", "сі") for case in CASES)


def split_known(word: str, stems: dict, endings: frozenset[str] | None = None) -> tuple[str, str] | None:
    """(stem, ending) for the longest known stem that `word` starts with and whose rest is a known ending."""
    w = word.lower().replace("ё", "е")
    ends = nominal_endings() if endings is None else endings
    for cut in range(len(w), 0, -1):
        stem = w[:cut]
        if stem in stems and w[cut:] in ends:
            return stem, w[cut:]
    return None
