"""Unknown names and loanwords, numerals with suffixes, closed classes, punctuation."""

from __future__ import annotations

import pytest

from habar.morph import analyze, known_word
from morph_checks import check_reading


def first(word: str):
    return analyze(word)[0]


NAMES_AND_LOANWORDS = [
    ("Сәрсенбайға", "Сәрсенбай", "PROPN", "Case=Dat"),
    ("Кореяның", "Корея", "PROPN", "Case=Gen"),
    ("Тоқаевтың", "Тоқаев", "PROPN", "Case=Gen"),
    ("Алматыда", "Алматы", "PROPN", "Case=Loc"),
    ("Мәскеуге", "Мәскеу", "PROPN", "Case=Dat"),
    ("Жұмабековке", "Жұмабеков", "PROPN", "Case=Dat"),
    ("Меморандумға", "меморандум", "NOUN", "Case=Dat"),
    ("меморандумның", "меморандум", "NOUN", "Case=Gen"),
    ("брифингте", "брифинг", "NOUN", "Case=Loc"),
]
NUMERALS = [
    ("2019", "2019", "NUM", ""),
    ("5-ші", "5", "NUM", "NumType=Ord"),
    ("99%-ы", "99%", "NUM", "Person[psor]=3"),
    ("2020-да", "2020", "NUM", "Case=Loc"),
    ("1990-жылдары", "1990", "NUM", ""),
    ("үшінші", "үш", "NUM", "NumType=Ord"),
    ("екеуі", "екеу", "NUM", "Person[psor]=3"),
    ("мыңдаған", "мың", "NUM", ""),
]
CLOSED = [
    ("маған", "мен", "PRON", "Case=Dat"),
    ("оның", "ол", "PRON", "Case=Gen"),
    ("бізге", "біз", "PRON", "Case=Dat"),
    ("мұнда", "бұл", "PRON", "Case=Loc"),
    ("еді", "е", "AUX", "Tense=Past"),
    ("емес", "е", "AUX", "Polarity=Neg"),
    ("үшін", "үшін", "ADP", ""),
    ("бойынша", "бойынша", "ADP", ""),
    ("және", "және", "CCONJ", ""),
    ("ғой", "ғой", "PART", ""),
    ("ше", "ше", "PART", ""),
    ("өзінің", "өз", "PRON", "Case=Gen"),
]
PUNCT = [(".", "PUNCT"), ("«", "PUNCT"), ("—", "PUNCT"), ("%", "SYM")]



@pytest.mark.parametrize("word,lemma,upos,feats", NAMES_AND_LOANWORDS)
def test_names_and_loanwords(word, lemma, upos, feats):
    check_reading(word, lemma, upos, feats)


@pytest.mark.parametrize("word,lemma,upos,feats", NUMERALS)
def test_numerals_with_suffixes(word, lemma, upos, feats):
    check_reading(word, lemma, upos, feats)


@pytest.mark.parametrize("word,lemma,upos,feats", CLOSED)
def test_closed_classes(word, lemma, upos, feats):
    check_reading(word, lemma, upos, feats)


@pytest.mark.parametrize("word,upos", PUNCT)
def test_punctuation(word, upos):
    assert first(word).upos == upos


@pytest.mark.parametrize("word,known", [("кітаптарымызда", True), ("оқиды", True), ("Алматыда", True),
                                        ("және", True), ("xyzzy", False), ("Сәрсенбайға", False)])
def test_known_word(word, known):
    assert known_word(word) is known


@pytest.mark.parametrize("word,lemma,upos", [
    ("Digital", "Digital", "PROPN"),   # starts with a Roman-numeral letter, but is a Latin word
    ("Mission", "Mission", "PROPN"),
    ("XXI-ғасырда", "XXI", "NUM"),     # a Roman numeral takes its suffix after a hyphen
    ("II", "II", "NUM"),
])
def test_latin_words_are_not_roman_numerals(word, lemma, upos):
    best = analyze(word)[0]
    assert (best.lemma, best.upos) == (lemma, upos)
