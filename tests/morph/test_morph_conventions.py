"""UD conventions of the analyzer's first reading, the guesser's stripping, and the compiled lexicon."""

from __future__ import annotations

import pytest

from habar.morph import analyze
from habar.morph import alternation, lexicon
from morph_checks import check_reading


# Causatives are verbs of their own (KTB: сездір, тұрғыз); a passive on top is still stripped.
CAUSATIVES = [
    ("қалдырса", "қалдыр", "VERB", "Mood=Cnd"),
    ("айттырып", "айттыр", "VERB", "VerbForm=Conv"),
    ("тұрғызылған", "тұрғыз", "VERB", "Voice=Pass|VerbForm=Part"),
    ("болдырмау", "болдыр", "VERB", "Polarity=Neg|VerbForm=Ger"),
]
# The copula е- takes no voice; its own forms stay auxiliaries.
COPULA = [
    ("еді", "е", "AUX", "Tense=Past"),
    ("екен", "е", "AUX", "Evident=Nfh"),
    ("емес", "е", "AUX", "Polarity=Neg"),
]
# Unknown lower-case words strip a clear inflection rather than stay whole.
UNKNOWN_INFLECTED = [
    ("мәтіндерін", "мәтін", "NOUN", "Number=Plur|Case=Acc"),
    ("хабарламады", "хабарла", "VERB", "Polarity=Neg|Tense=Past"),
    ("ұшырылады", "ұшырыл", "VERB", "Tense=Pres"),
    ("жарастырып", "жарастыр", "VERB", "VerbForm=Conv"),   # a new root rarely ends in ы/і
]


@pytest.mark.parametrize("word,lemma,upos,feats", CAUSATIVES)
def test_causative_is_part_of_the_lemma(word, lemma, upos, feats):
    check_reading(word, lemma, upos, feats)


@pytest.mark.parametrize("word,lemma,upos,feats", COPULA)
def test_copula(word, lemma, upos, feats):
    check_reading(word, lemma, upos, feats)


def test_copula_takes_no_voice():
    assert not any(a.lemma == "е" for a in analyze("енеді"))


@pytest.mark.parametrize("word,lemma,upos,feats", UNKNOWN_INFLECTED)
def test_unknown_words_strip_inflection(word, lemma, upos, feats):
    check_reading(word, lemma, upos, feats)


# Stem alternations as the compiled index sees them: lexicon key -> its surface forms.
ALTERNATIONS = [
    ("кітап", "кітаб", "devoice"),
    ("халық", "халқ", "elision"),
    ("оқы", "оқ", "contraction"),
    ("оқы", "оқи", "contraction"),
    ("сүй", "сүю", "contraction"),
    ("ки", "кию", "contraction"),
]


@pytest.mark.parametrize("key,surface,kind", ALTERNATIONS)
def test_alternation_surfaces(key, surface, kind):
    assert (surface, kind) in {(s, alternation.KINDS[k].name) for s, k in alternation.surfaces(key)}


def test_shipped_index_matches_the_lexicon():
    """lexicon.index must be compiled from the shipped lexicon.tsv.gz (`scripts/build_lexicon.py --index-only`)."""
    assert lexicon.index_is_fresh(), "lexicon.index is stale; run `python scripts/build_lexicon.py --index-only`"
    lexicon.clear_caches()
    shipped = lexicon.compiled()
    fresh = lexicon.Compiled(*lexicon._compile(lexicon._parse(lexicon.LEXICON_FILE.read_bytes())))
    assert shipped.raw == fresh.raw and shipped.alt_raw == fresh.alt_raw
