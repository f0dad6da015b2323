"""The alphabet, and every Kazakh-specific letter in both cases through every regex that touches words."""

from __future__ import annotations

import pytest

from habar.text.alphabet import (
    BACK_VOWELS, FRONT_VOWELS, KAZAKH_SPECIFIC, LOWER, UPPER, WORD_RE, harmony, is_lower, is_upper,
)
from habar.text.normalise import normalise
from habar.text.segment import repair_artefacts, segment
from habar.text.tokenize import tokenize
from habar.text.translit import to_cyrillic, to_latin

SPECIFIC = [(u, lo) for u, lo in zip("ӘҒҚҢӨҰҮҺІ", "әғқңөұүһі")]
ALL_LETTERS = list(UPPER + LOWER)


def test_alphabet_has_42_letters_in_pairs():
    assert len(UPPER) == len(LOWER) == 42
    assert len(set(UPPER)) == len(set(LOWER)) == 42
    assert set(KAZAKH_SPECIFIC) == set("ӘҒҚҢӨҰҮҺІәғқңөұүһі")


@pytest.mark.parametrize("upper,lower", SPECIFIC)
def test_specific_letter_cases(upper, lower):
    assert upper in UPPER and lower in LOWER
    assert UPPER.index(upper) == LOWER.index(lower)
    assert is_upper(upper) and is_lower(lower)
    assert not is_upper(lower) and not is_lower(upper)


@pytest.mark.parametrize("letter", ALL_LETTERS)
def test_word_regex_takes_every_letter(letter):
    word = f"а{letter}б"
    assert WORD_RE.fullmatch(word)
    assert WORD_RE.fullmatch(letter)


@pytest.mark.parametrize("letter", ALL_LETTERS)
def test_tokenizer_keeps_every_letter_inside_a_word(letter):
    text = f"Сөз{letter}ге {letter}ұлт ала-{letter}{letter}"
    assert [t.text for t in tokenize(text)] == text.split(" ")
    assert all(t.kind == "word" for t in tokenize(text))


@pytest.mark.parametrize("upper,lower", SPECIFIC)
def test_segmenter_reads_case_of_every_specific_letter(upper, lower):
    # a capital starts a new sentence after a full stop; a lowercase letter continues it after an abbreviation
    text = f"Біз келдік. {upper}ала жақсы. Алма т.б. {lower}ала бар."
    got = [text[s.start:s.end] for s in segment(text)]
    assert got == ["Біз келдік.", f"{upper}ала жақсы.", f"Алма т.б. {lower}ала бар."]


@pytest.mark.parametrize("upper,lower", SPECIFIC)
def test_initials_with_every_specific_capital(upper, lower):
    text = f"Жиынға {upper}. Сейітов қатысты."
    assert len(segment(text)) == 1
    assert f"{upper}." in [t.text for t in tokenize(text)]


@pytest.mark.parametrize("upper,lower", SPECIFIC)
def test_lookalike_repair_around_every_specific_letter(upper, lower):
    # Latin "i" inside a word with the letter becomes Cyrillic і; the letter itself is untouched
    raw = f"{upper}{lower}i{lower}"
    out, _ = normalise(raw, is_word=lambda w: True)
    assert out == f"{upper}{lower}і{lower}"


@pytest.mark.parametrize("upper,lower", SPECIFIC)
def test_torn_abbreviation_before_every_specific_letter(upper, lower):
    out, _ = repair_artefacts(f"алма және т\nб\n{lower}ала")
    assert out == f"алма және т.б. {lower}ала"


@pytest.mark.parametrize("upper,lower", [p for p in SPECIFIC if p[1] != "һ"])
def test_translit_round_trip_every_specific_letter(upper, lower):
    for word in (f"{upper}а{lower}", f"а{lower}а", f"{upper}{upper}А"):
        assert to_cyrillic(to_latin(word)) == word


@pytest.mark.parametrize("word,expected", [
    ("қазақ", "back"), ("кітап", "back"), ("өмір", "front"), ("үй", "front"), ("ұлт", "back"), ("ми", None),
    ("Әсем", "front"), ("ҒЫЛЫМ", "back"),
])
def test_harmony(word, expected):
    assert harmony(word) == expected


def test_vowel_classes_are_disjoint():
    assert not BACK_VOWELS & FRONT_VOWELS
