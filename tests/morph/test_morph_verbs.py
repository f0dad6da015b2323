"""Verbal morphology: tense, aspect, mood, voice, negation, participles, converbs, verbal noun, person."""

from __future__ import annotations

import pytest

from habar.morph import analyze


def has(word: str, lemma: str, upos: str, feats: str, first: bool = True) -> None:
    readings = analyze(word)[:1] if first else analyze(word)
    want = set(feats.split("|")) if feats else set()
    ok = [a for a in readings if (a.lemma, a.upos) == (lemma, upos) and want <= set(a.feats.split("|"))]
    assert ok, f"{word}: expected {lemma}/{upos} {feats}, got {analyze(word)[:3]}"


FINITE = [
    ("келді", "кел", "VERB", "Tense=Past|Person=3|VerbForm=Fin"),
    ("келдім", "кел", "VERB", "Tense=Past|Person=1|Number=Sing"),
    ("келдік", "кел", "VERB", "Tense=Past|Person=1|Number=Plur"),
    ("айтты", "айт", "VERB", "Tense=Past|Person=3"),
    ("барады", "бар", "VERB", "Tense=Pres|Person=3"),
    ("келеді", "кел", "VERB", "Tense=Pres|Person=3"),
    ("оқиды", "оқы", "VERB", "Tense=Pres|Person=3"),
    ("барамын", "бар", "VERB", "Tense=Pres|Person=1"),
    ("барасың", "бар", "VERB", "Tense=Pres|Person=2"),
    ("барыпты", "бар", "VERB", "Evident=Nfh"),
]
NEGATION = [
    ("бармады", "бар", "VERB", "Polarity=Neg|Tense=Past"),
    ("келмеді", "кел", "VERB", "Polarity=Neg|Tense=Past"),
    ("жазбады", "жаз", "VERB", "Polarity=Neg|Tense=Past"),
    ("айтпады", "айт", "VERB", "Polarity=Neg|Tense=Past"),
    ("бармайды", "бар", "VERB", "Polarity=Neg|Tense=Pres"),
    ("бармай", "бар", "VERB", "Polarity=Neg|VerbForm=Conv"),
]
VOICE = [
    ("сатылып", "сат", "VERB", "Voice=Pass|VerbForm=Conv"),
    ("жазылды", "жаз", "VERB", "Voice=Pass|Tense=Past"),
    ("жасалды", "жаса", "VERB", "Voice=Pass|Tense=Past"),
    ("айтылған", "айт", "VERB", "Voice=Pass|VerbForm=Part"),
    ("салынды", "сал", "VERB", "Voice=Pass"),
]
NON_FINITE = [
    ("шыққан", "шық", "VERB", "Tense=Past|VerbForm=Part"),
    ("баратын", "бар", "VERB", "Aspect=Imp|VerbForm=Part"),
    ("барып", "бар", "VERB", "Aspect=Perf|VerbForm=Conv"),
    ("оқып", "оқы", "VERB", "VerbForm=Conv"),
    ("бару", "бар", "VERB", "VerbForm=Ger"),
    ("баруға", "бар", "VERB", "Case=Dat|VerbForm=Ger"),
    ("келгенде", "кел", "VERB", "Case=Loc|VerbForm=Ger"),
    ("сүйгеніне", "сүй", "VERB", "Case=Dat|Person[psor]=3|VerbForm=Ger"),
    ("болғандықтан", "бол", "AUX", "Case=Abl"),
    ("барғалы", "бар", "VERB", "VerbForm=Conv"),
]
MOOD = [
    ("барса", "бар", "VERB", "Mood=Cnd"),
    ("барсам", "бар", "VERB", "Mood=Cnd|Person=1"),
    ("барсын", "бар", "VERB", "Mood=Opt|Person=3"),
    ("барыңыз", "бар", "VERB", "Mood=Imp|Polite=Form"),
    ("барайық", "бар", "VERB", "Mood=Opt|Person=1|Number=Plur"),
]
ALTERNATIONS = [
    ("табады", "тап", "VERB", "Tense=Pres"),
    ("қорқады", "қорық", "VERB", "Tense=Pres"),
    ("сүю", "сүй", "VERB", "VerbForm=Ger"),
]


@pytest.mark.parametrize("word,lemma,upos,feats", FINITE)
def test_finite(word, lemma, upos, feats):
    has(word, lemma, upos, feats)


@pytest.mark.parametrize("word,lemma,upos,feats", NEGATION)
def test_negation(word, lemma, upos, feats):
    has(word, lemma, upos, feats)


@pytest.mark.parametrize("word,lemma,upos,feats", VOICE)
def test_voice(word, lemma, upos, feats):
    has(word, lemma, upos, feats)


@pytest.mark.parametrize("word,lemma,upos,feats", NON_FINITE)
def test_participles_converbs_verbal_nouns(word, lemma, upos, feats):
    has(word, lemma, upos, feats)


@pytest.mark.parametrize("word,lemma,upos,feats", MOOD)
def test_mood(word, lemma, upos, feats):
    has(word, lemma, upos, feats, first=False)


@pytest.mark.parametrize("word,lemma,upos,feats", ALTERNATIONS)
def test_root_alternations(word, lemma, upos, feats):
    has(word, lemma, upos, feats, first=False)
