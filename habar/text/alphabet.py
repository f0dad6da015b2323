"""The Kazakh Cyrillic alphabet, spelled out letter by letter, and the letter classes built from it.

Unicode ranges and shared "Cyrillic" classes (spaCy's among them) miss ғ, қ and ұ, so every class here is
built from explicit strings, and every regex that touches words uses `LETTER` / `WORD_CHAR` from this module.
"""

from __future__ import annotations

import re

# The 42 letters in dictionary order: the 33 of Russian plus ә ғ қ ң ө ұ ү һ і.
UPPER = "АӘБВГҒДЕЁЖЗИЙКҚЛМНҢОӨПРСТУҰҮФХҺЦЧШЩЪЫІЬЭЮЯ"
LOWER = "аәбвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюя"
ALPHABET = tuple(zip(UPPER, LOWER))

KAZAKH_SPECIFIC_UPPER = "ӘҒҚҢӨҰҮҺІ"
KAZAKH_SPECIFIC_LOWER = "әғқңөұүһі"
KAZAKH_SPECIFIC = KAZAKH_SPECIFIC_UPPER + KAZAKH_SPECIFIC_LOWER

# Letters that occur only in Russian loanwords; a word with one of them is not a candidate for Kazakh repairs.
RUSSIAN_ONLY = frozenset("ЁЦЩЪЬЭЮЯёцщъьэюя")

# Vowel classes for vowel harmony. Back (hard) and front (soft) vowels decide which suffix variant follows;
# и, у and ю are written for both series (у is also the consonant [w]), so they do not decide harmony.
BACK_VOWELS = frozenset("аоұыяё")
FRONT_VOWELS = frozenset("әөүіеэ")
NEUTRAL_VOWELS = frozenset("иую")
VOWELS = BACK_VOWELS | FRONT_VOWELS | NEUTRAL_VOWELS
CONSONANTS = frozenset(LOWER) - VOWELS

# Latin letters found in Kazakh news: English names and brands, and the 2021 Kazakh Latin alphabet.
LATIN_UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZÄĞİÑÖŞŪÜ"
LATIN_LOWER = "abcdefghijklmnopqrstuvwxyzäğıñöşūü"

# Combining marks (stress accents, a decomposed й) belong to the word they sit on.
_COMBINING = "\u0300-\u036f"

CYRILLIC_LETTERS = UPPER + LOWER
LETTERS = CYRILLIC_LETTERS + LATIN_UPPER + LATIN_LOWER

# Letters of other scripts (accented Latin, Greek, other Cyrillic, Armenian, Hebrew, Arabic, Georgian, kana,
# CJK, Hangul), so that a foreign name stays one word instead of falling apart into symbols.
_OTHER_SCRIPTS = (
    "\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u0370-\u03ff\u0400-\u052f\u0531-\u058f\u05d0-\u05ea"
    "\u0620-\u064a\u10a0-\u10ff\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7af"
)

# Character-class bodies (without brackets), for building larger regexes.
LETTER = f"{re.escape(LETTERS)}{_COMBINING}{_OTHER_SCRIPTS}"
WORD_CHAR = LETTER + "0-9"
CYRILLIC_CLASS = re.escape(CYRILLIC_LETTERS)
UPPER_CLASS = re.escape(UPPER + LATIN_UPPER)
LOWER_CLASS = re.escape(LOWER + LATIN_LOWER)

WORD_RE = re.compile(f"[{LETTER}]+")
CYRILLIC_RE = re.compile(f"[{CYRILLIC_CLASS}]")


def is_kazakh_letter(c: str) -> bool:
    return c in _LETTER_SET


_LETTER_SET = frozenset(CYRILLIC_LETTERS)


def is_upper(c: str) -> bool:
    """Upper case for the letters above, plus any other cased letter."""
    return c in _UPPER_SET or (c.isupper() and c not in _LOWER_SET)


def is_lower(c: str) -> bool:
    return c in _LOWER_SET or (c.islower() and c not in _UPPER_SET)


_UPPER_SET = frozenset(UPPER + LATIN_UPPER)
_LOWER_SET = frozenset(LOWER + LATIN_LOWER)


def harmony(word: str) -> str | None:
    """'back' or 'front' after the last vowel that decides harmony; None when no vowel decides it."""
    for c in reversed(word.lower()):
        if c in BACK_VOWELS:
            return "back"
        if c in FRONT_VOWELS:
            return "front"
    return None


assert len(UPPER) == len(LOWER) == 42, "the Kazakh Cyrillic alphabet has 42 letters"
assert all(u.lower() == lo for u, lo in ALPHABET), "UPPER and LOWER must pair letter by letter"
