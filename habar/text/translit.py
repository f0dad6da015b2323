"""Transliteration between Kazakh Cyrillic and the Latin alphabet of 2021 (presented 28 January 2021).

Letters: A Ä B D E F G Ğ H I İ J K L M N Ñ O Ö P Q R S Ş T U Ū Ü V Y Z, and the digraph Ch.
ы -> Y y, і -> I ı (dotless), и and й -> İ i (dotted), у -> U u, ұ -> Ū ū, ү -> Ü ü, қ -> Q q, ғ -> Ğ ğ,
ң -> Ñ ñ, ш -> Ş ş, ж -> J j, ч -> Ch ch, х and һ -> H h.
Letters of Russian loanwords: ц -> Ts, щ -> Şş, ё -> İo, ю -> İu, я -> İa, э -> E, ъ and ь are dropped.

Case is kept: a capital gives a capitalised digraph (Ч -> Ch) and an all-capital word stays all capitals
(ЧЕМПИОН -> CHEMPİON). Dotted İ/i and dotless I/ı are paired explicitly, never through str.upper/lower,
whose rules are not Turkic.

Back to Cyrillic, the 2021 alphabet merges some letters, so the reverse reads them from context:
- i is й after a vowel (except before a, u, o, where "ia", "iu", "io" are я, ю, ё) and и elsewhere;
  "ia"/"iu"/"io" at the start of a word or after a vowel are я/ю/ё;
- h is х (the far more frequent letter; һ words such as шаһар come back as шахар);
- ts is ц at the start of a word and before i (-ция), тс elsewhere (айтса, кетсе);
- ъ and ь cannot come back; э comes back as е.
"""

from __future__ import annotations

import re

from habar.text.alphabet import CYRILLIC_CLASS, LATIN_LOWER, LATIN_UPPER

_LOWER = {
    "а": "a", "ә": "ä", "б": "b", "в": "v", "г": "g", "ғ": "ğ", "д": "d", "е": "e", "ё": "io", "ж": "j",
    "з": "z", "и": "i", "й": "i", "к": "k", "қ": "q", "л": "l", "м": "m", "н": "n", "ң": "ñ", "о": "o",
    "ө": "ö", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ұ": "ū", "ү": "ü", "ф": "f", "х": "h",
    "һ": "h", "ц": "ts", "ч": "ch", "ш": "ş", "щ": "şş", "ъ": "", "ы": "y", "і": "ı", "ь": "", "э": "e",
    "ю": "iu", "я": "ia",
}
# Upper case of the Latin letters, paired by hand (i/İ and ı/I are Turkic pairs).
_LAT_UP = dict(zip(LATIN_LOWER, LATIN_UPPER)) | {"i": "İ", "ı": "I"}
_LAT_DOWN = {u: lo for lo, u in _LAT_UP.items()}


def _up(s: str) -> str:
    return "".join(_LAT_UP.get(c, c) for c in s)


_CYR_UPPER = "АӘБВГҒДЕЁЖЗИЙКҚЛМНҢОӨПРСТУҰҮФХҺЦЧШЩЪЫІЬЭЮЯ"
_CYR_LOWER = "аәбвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюя"
_TO_LATIN_MIXED = str.maketrans(
    _LOWER | {u: _up(_LOWER[lo][:1]) + _LOWER[lo][1:] for u, lo in zip(_CYR_UPPER, _CYR_LOWER)}
)
_TO_LATIN_CAPS = str.maketrans(_LOWER | {u: _up(_LOWER[lo]) for u, lo in zip(_CYR_UPPER, _CYR_LOWER)})

_CYR_WORD = re.compile(f"[{CYRILLIC_CLASS}]+")


def to_latin(text: str) -> str:
    """`text` with its Kazakh Cyrillic letters written in the 2021 Latin alphabet."""
    return _CYR_WORD.sub(_word_to_latin, text)


def _word_to_latin(m: re.Match) -> str:
    word = m.group()
    caps = len(word) > 1 and word.isupper()
    return word.translate(_TO_LATIN_CAPS if caps else _TO_LATIN_MIXED)


# Latin -> Cyrillic for letters read one by one; the context-dependent ones are handled in _word_to_cyrillic.
_SIMPLE = {
    "a": "а", "ä": "ә", "b": "б", "d": "д", "e": "е", "f": "ф", "g": "г", "ğ": "ғ", "h": "х", "ı": "і",
    "j": "ж", "k": "к", "l": "л", "m": "м", "n": "н", "ñ": "ң", "o": "о", "ö": "ө", "p": "п", "q": "қ",
    "r": "р", "s": "с", "ş": "ш", "t": "т", "u": "у", "ū": "ұ", "ü": "ү", "v": "в", "y": "ы", "z": "з",
}
_VOWELS_LAT = frozenset("aäeıioöuūüy")
_IOTATED = {"a": "я", "u": "ю", "o": "ё"}
_LAT_WORD = re.compile(f"[{re.escape(LATIN_UPPER + LATIN_LOWER)}]+")


def to_cyrillic(text: str) -> str:
    """`text` with its 2021 Latin letters written in Kazakh Cyrillic (see the module docstring for the rules)."""
    return _LAT_WORD.sub(_word_to_cyrillic, text)


def _word_to_cyrillic(m: re.Match) -> str:
    word = m.group()
    low = "".join(_LAT_DOWN.get(c, c) for c in word)
    caps = len(word) > 1 and all(c in _LAT_DOWN for c in word if c.isalpha())
    pieces: list[tuple[int, str]] = []  # (index in word of the piece's first letter, Cyrillic)
    i, n = 0, len(low)
    while i < n:
        c = low[i]
        prev_vowel = i > 0 and low[i - 1] in _VOWELS_LAT
        if c == "ş" and low.startswith("şş", i):
            pieces.append((i, "щ")); i += 2
        elif c == "c" and low.startswith("ch", i):
            pieces.append((i, "ч")); i += 2
        elif c == "t" and low.startswith("ts", i) and (i == 0 or low.startswith("tsi", i)):
            pieces.append((i, "ц")); i += 2
        elif c == "i" and i + 1 < n and low[i + 1] in _IOTATED and (i == 0 or prev_vowel):
            pieces.append((i, _IOTATED[low[i + 1]])); i += 2
        elif c == "i":
            pieces.append((i, "й" if prev_vowel else "и")); i += 1
        else:
            pieces.append((i, _SIMPLE.get(c, word[i]))); i += 1
    if caps:
        return "".join(p for _, p in pieces).upper()
    return "".join(p.upper() if word[k] in _LAT_DOWN else p for k, p in pieces)
