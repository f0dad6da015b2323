"""Search relies on it: every generated form of a sample of lemmas analyses back to that lemma, first."""

from __future__ import annotations

import pytest

from habar.morph import analyze
from habar.morph.generate import PASSIVE_CHAINS, inflect, paradigm

NOUNS = ["кітап", "мектеп", "қала", "бала", "адам", "үй", "жер", "тіл", "халық", "мемлекет", "құлақ", "жүрек",
         "министр", "компания", "көлік", "ауыл", "оқушы", "университет", "жол", "күн"]
VERBS = ["кел", "бар", "жаз", "оқы", "айт", "біл", "көр", "тап", "сөйле", "жаса", "бер", "ойла", "тұр", "кет"]
TRANSITIVE = ["жаз", "оқы", "айт", "жаса", "ұйымдастыр", "сат"]
PROPER = ["Алматы", "Астана", "Қазақстан", "Тоқаев", "Абай"]

# True homographs: the form is also an inflection of another lemma (қала-мыз "our city" / қал-а-мыз "we stay").
# For these the lemma must be among the readings rather than first.
HOMOGRAPHS = {"қаламыз", "қалам", "тілім"}   # қалам "pen", тілім "slice" are words of their own

CASES = [(lemma, "NOUN") for lemma in NOUNS] + [(lemma, "VERB") for lemma in VERBS] + [(p, "PROPN") for p in PROPER]


@pytest.mark.parametrize("lemma,upos", CASES)
def test_every_form_maps_back(lemma, upos):
    wrong = {}
    for form in paradigm(lemma, upos):
        readings = analyze(form) if form in HOMOGRAPHS else analyze(form)[:1]
        if all(a.lemma.lower() != lemma.lower() for a in readings):
            wrong[form] = (readings[0].lemma, readings[0].upos)
    assert not wrong, f"{lemma}: {wrong}"


@pytest.mark.parametrize("lemma", TRANSITIVE)
def test_passive_forms_map_back(lemma):
    for chain in PASSIVE_CHAINS:
        form = inflect(lemma, chain)
        assert analyze(form)[0].lemma == lemma, f"{form}: {analyze(form)[:3]}"


GENERATION = [
    ("кітап", ("SI",), "кітабы"),
    ("мектеп", ("SI", "нDA"), "мектебінде"),
    ("оқы", ("EDI",), "оқиды"),
    ("оқы", ("у",), "оқу"),
    ("тап", ("у",), "табу"),
    ("сүй", ("у",), "сүю"),
    ("кел", ("PA", "DI"), "келмеді"),
    ("жаз", ("PA", "DI"), "жазбады"),
    ("айт", ("PA", "DI"), "айтпады"),
    ("бала", ("LAр", "SI", "нIң"), "балаларының"),
]


@pytest.mark.parametrize("lemma,chain,form", GENERATION)
def test_generation(lemma, chain, form):
    assert inflect(lemma, chain) == form
