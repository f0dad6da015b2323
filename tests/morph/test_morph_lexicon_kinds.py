"""Lexicon entries of the right kind (scripts/build_lexicon.py): verbs as roots, nouns kept when they decline.

UD Kazakh lemmatises passives and -у verbal nouns to the verb root; hunspell-kk's bare generation stems of verbs
are no nouns; a noun that only looks like a case form of another stem (тақта, not тақ + -та) stays a noun.
"""

from __future__ import annotations

import pytest

from habar.morph import analyze, lexicon
from morph_checks import check_reading



# a passive stem written with a voiced п/к/қ is the root's passive, not a verb of its own
PASSIVE_VOICED = [
    ("жабылды", "жап", "VERB", "Voice=Pass|Tense=Past"),
    ("төгілді", "төк", "VERB", "Voice=Pass|Tense=Past"),
    ("табылған", "тап", "VERB", "Voice=Pass|VerbForm=Part"),
]
# verbal nouns in -у are forms of the verb, and the verb itself is in the lexicon
VERBAL_NOUNS = [
    ("кездесуге", "кездес", "VERB", "VerbForm=Ger|Case=Dat"),
    ("сайлауда", "сайла", "VERB", "VerbForm=Ger|Case=Loc"),
    ("өсуі", "өс", "VERB", "VerbForm=Ger"),
    ("зерттеуі", "зертте", "VERB", "VerbForm=Ger"),
    ("тергеуге", "терге", "VERB", "VerbForm=Ger"),
]
VERB_FORMS = [
    ("өсті", "өс", "VERB", "Tense=Past"),
    ("кездесті", "кездес", "VERB", "Tense=Past"),
    ("төмендеді", "төменде", "VERB", "Tense=Past"),
    ("зерттеді", "зертте", "VERB", "Tense=Past"),
]
# nouns that look like a case or possessive form of a shorter stem, but decline themselves
DECLINING_NOUNS = [
    ("тақтаға", "тақта", "NOUN", "Case=Dat"),
    ("пайдасы", "пайда", "NOUN", "Number[psor]=Plur,Sing"),
    ("шілдеде", "шілде", "NOUN", "Case=Loc"),
    ("кеденге", "кеден", "NOUN", "Case=Dat"),
    ("қадамы", "қадам", "NOUN", ""),
    ("үкімі", "үкім", "NOUN", ""),
    ("желіге", "желі", "NOUN", "Case=Dat"),      # not жел + -і: a possessed form takes н before a case
    ("үстелге", "үстел", "NOUN", "Case=Dat"),    # not үсте- + passive: the noun is in use
]


@pytest.mark.parametrize("word,lemma,upos,feats", PASSIVE_VOICED)
def test_voiced_passive_is_the_root(word, lemma, upos, feats):
    check_reading(word, lemma, upos, feats)


@pytest.mark.parametrize("word,lemma,upos,feats", VERBAL_NOUNS)
def test_verbal_noun_is_the_verb(word, lemma, upos, feats):
    check_reading(word, lemma, upos, feats)


@pytest.mark.parametrize("word,lemma,upos,feats", VERB_FORMS)
def test_verbs_of_verbal_nouns_exist(word, lemma, upos, feats):
    check_reading(word, lemma, upos, feats)


@pytest.mark.parametrize("word,lemma,upos,feats", DECLINING_NOUNS)
def test_declining_noun_is_kept(word, lemma, upos, feats):
    check_reading(word, lemma, upos, feats)


def test_dative_of_a_frequent_stem_is_not_a_stem():
    # the bare form is far likelier жыл + -ға than a noun of its own
    check_reading("жылға", "жыл", "NOUN", "Case=Dat")


@pytest.mark.parametrize("word,lemma", [("қайтыс", "қайтыс"), ("қабыл", "қабыл"), ("бақылауды", "бақыла")])
def test_frequent_words_are_not_voice_forms(word, lemma):
    assert analyze(word)[0].lemma == lemma, analyze(word)[:3]


@pytest.mark.parametrize("root", ["арттыр", "абайла", "жабыл", "төгіл"])
def test_no_noun_for_verb_generation_stems(root):
    assert "NOUN" not in {e.upos for e in lexicon.compiled().entries(root)}


@pytest.mark.parametrize("word", ["дәл", "сәйкес"])
def test_words_in_use_keep_their_noun_reading(word):
    assert analyze(word)[0].upos != "VERB", analyze(word)[:3]


@pytest.mark.parametrize("back,front", [("оқы", "оқі"), ("жылы", "жылі")])
def test_verb_roots_follow_harmony(back, front):
    assert lexicon.is_stem(back) and not lexicon.is_stem(front)
