"""Phrase repairs after the CRF (habar.ner.repair_phrases), table-driven, on phrases written here and read by
habar.morph (case, number, lemma), grouped by phenomenon."""

from __future__ import annotations

import pytest

from habar.ner.repair import repair
from habar.ner.repair_phrases import (acronym_organisations, best_reading, byline_person, cut_at_instrumental,
                                      cut_at_oblique,
                                      is_acronym, places_out_of_organisations, relabel_positions)
from tagged import names, tagged


def lemma(word: str) -> str:
    best = best_reading(word)
    return best.lemma.lower() if best is not None else word.lower()


POSITIONS = [
    # a "position" that ends in an organisation head noun is the organisation
    ("Алтын/B-POS Дала/I-POS корпорациясы/I-POS хабарлады/O", [("Алтын Дала корпорациясы", "ORGANISATION")]),
    # a plural names a group of people: the organisation before it stays, the plural is outside
    ("Ұлттық/B-POS кеңес/I-POS мүшелері/I-POS жиналды/O", [("Ұлттық кеңес", "ORGANISATION")]),
    ("облыс/B-POS әкімдері/I-POS келді/O", []),
    # a title in the singular is a position
    ("Ұлттық/B-POS банк/I-POS төрағасы/I-POS сөйледі/O", [("Ұлттық банк төрағасы", "POSITION")]),
    ("Алтын/B-POS Дала/I-POS корпорациясының/I-POS президенті/I-POS", [("Алтын Дала корпорациясының президенті",
                                                                           "POSITION")]),
]


@pytest.mark.parametrize("text,want", POSITIONS)
def test_relabel_positions(text, want):
    tokens, tags = tagged(text)
    assert names(tokens, relabel_positions(tokens, tags, lemma)) == want


PLACES = [
    ("Түркия/B-ORG астанасында/I-ORG өтті/O", [("Түркия", "GPE")]),
    ("Тараз/B-ORG қаласының/I-ORG тұрғындары/O", [("Тараз", "GPE")]),
    # a head noun after the place noun: the city's administration is an organisation
    ("Тараз/B-ORG қаласының/I-ORG әкімдігі/I-ORG", [("Тараз қаласының әкімдігі", "ORGANISATION")]),
    # облыс is part of a GPE's name, and a lowercase word before the place noun is no name
    ("Жамбыл/B-ORG облысы/I-ORG", [("Жамбыл облысы", "ORGANISATION")]),
    ("жаңа/B-ORG қала/I-ORG", [("жаңа қала", "ORGANISATION")]),
]


@pytest.mark.parametrize("text,want", PLACES)
def test_places_out_of_organisations(text, want):
    tokens, tags = tagged(text)
    assert names(tokens, places_out_of_organisations(tokens, tags, lemma)) == want


OBLIQUE = [
    # a lowercase dative before a capital ends the name
    ("цифрлық/B-FAC білімге/I-FAC ТМД/I-FAC елдерін/O", [("цифрлық білімге", "FACILITY")]),
    ("Сәкен/B-PER ағаймен/I-PER Мұрат/I-PER келді/O", [("Сәкен ағаймен", "PERSON")]),
    # a dative inside a name, before a lowercase word, stays
    ("Сыбайлас/B-ORG жемқорлыққа/I-ORG қарсы/I-ORG іс-қимыл/I-ORG агенттігі/I-ORG",
     [("Сыбайлас жемқорлыққа қарсы іс-қимыл агенттігі", "ORGANISATION")]),
    # a stray inside tag after the dative opens a span of its own, which stays
    ("ағаймен/O Мұрат/I-PER келді/O", [("Мұрат", "PERSON")]),
    # a genitive before a capital is the inside of a name ("Қазақстанның Ұлттық банкі")
    ("халықтың/B-ORG Ұлттық/I-ORG банкі/I-ORG", [("халықтың Ұлттық банкі", "ORGANISATION")]),
]


@pytest.mark.parametrize("text,want", OBLIQUE)
def test_cut_at_oblique(text, want):
    tokens, tags = tagged(text)
    assert names(tokens, cut_at_oblique(tokens, tags)) == want


INSTRUMENTAL = [
    # "with the participation of": the title ends before it, and the event after it is left outside
    ("агенттігінің/B-POS Вице-президенті/I-POS қатысуымен/I-POS қазақ-корей/I-POS семинары/I-POS өтті/O",
     [("агенттігінің Вице-президенті", "POSITION")]),
    # an instrumental as the last word is the name's own case ending, and values hold any case
    ("Қазақстанмен/B-GPE келісті/O", [("Қазақстанмен", "GPE")]),
    ("Тоқаев/B-PER мырзамен/I-PER", [("Тоқаев мырзамен", "PERSON")]),
    ("екі/B-CARDINAL жылмен/I-CARDINAL бірге/I-CARDINAL", [("екі жылмен бірге", "CARDINAL")]),
    # a genitive or dative inside a name is not an instrumental
    ("Сыбайлас/B-ORG жемқорлыққа/I-ORG қарсы/I-ORG іс-қимыл/I-ORG агенттігі/I-ORG",
     [("Сыбайлас жемқорлыққа қарсы іс-қимыл агенттігі", "ORGANISATION")]),
]


@pytest.mark.parametrize("text,want", INSTRUMENTAL)
def test_cut_at_instrumental(text, want):
    tokens, tags = tagged(text)
    assert names(tokens, cut_at_instrumental(tokens, tags)) == want


ACRONYMS = [
    ("Биыл/O ШЫҰ/O елдерінің/O саммиті/O өтеді/O ./O", [("ШЫҰ", "ORGANISATION")]),
    ("Бұл/O мәселе/O АӨСШК-ның/O отырысында/O қаралды/O", [("АӨСШК-ның", "ORGANISATION")]),
    # the model's own label stands
    ("Делегация/O ЕҚЫҰ/B-EVENT жиынына/O барды/O", [("ЕҚЫҰ", "EVENT")]),
    # common nouns, countries, legal forms, Roman numerals, words written in capitals, Latin
    ("Оны/O БАҚ/O өкілдері/O жазды/O", []),
    ("Мектептерге/O АКТ/O кабинеттері/O берілді/O", []),
    ("АҚШ/O пен/O Қытай/B-GPE келісті/O", [("Қытай", "GPE")]),
    ("Серіктестік/O ЖШС/O болып/O тіркелді/O", []),
    ("ХХІ/O ғасырдың/O басында/O", []),
    ("Бұл/O ЖАҢА/O жоба/O", []),
    ("Ғарыш/O туралы/O NASA/O хабарлады/O", []),
    # a headline in capitals
    ("АРНАМЫЗҒА/O ЖАЗЫЛЫҢЫЗ/O ЖАҢА/O ЖОБА/O", []),
]


@pytest.mark.parametrize("text,want", ACRONYMS)
def test_acronym_organisations(text, want):
    tokens, tags = tagged(text)
    assert names(tokens, acronym_organisations(tokens, tags)) == want


@pytest.mark.parametrize("word,acronym", [
    ("ЕҚЫҰ", True), ("ҰҚК", True), ("ІІМ", True), ("ТМД", True), ("Ж", False), ("АЛМАТЫЛЫҚ", False), ("ІІІ", False), ("ХХІ", False),
    ("БАҚ", False), ("ҚР", False), ("АҚ", False), ("NATO", False), ("Алматы", False), ("5G", False),
    # every Kazakh-specific capital counts as a letter of an acronym, its small letter does not
    *[(f"Б{ch}Т", True) for ch in "ӘҒҚҢӨҰҮҺІ"], *[(f"Б{ch}Т", False) for ch in "әғқңөұүһі"],
])
def test_is_acronym(word, acronym):
    assert is_acronym(word) is acronym


BYLINES = [
    ("Айгүл/O Серікбаева/B-PER", [("Айгүл Серікбаева", "PERSON")]),
    ("Айгүл/O Серікбаева/O", [("Айгүл Серікбаева", "PERSON")]),
    # no person seen, and the analyzer reads one of the two as a common noun: left alone
    ("Ерболат/O Жұмабеков/O", []),
    ("Жаңа/O Өзен/B-GPE", [("Өзен", "GPE")]),
    ("Жазылу/O Telegram/B-ORG", [("Telegram", "ORGANISATION")]),
    ("Мемлекет/O Басшысы/B-POS", [("Басшысы", "POSITION")]),
    ("Айгүл/O Серікбаева/B-PER жазды/O", [("Серікбаева", "PERSON")]),
]


@pytest.mark.parametrize("text,want", BYLINES)
def test_byline_person(text, want):
    tokens, tags = tagged(text)
    assert names(tokens, byline_person(tokens, tags)) == want


# all the repairs in their order, as NerModel runs them
WHOLE = [
    ("Жиынға/O Жетісу/B-POS университеті/I-POS және/I-POS Сарыарқа/I-POS академиясының/I-POS оқытушылары/I-POS "
     "келді/O", [("Жетісу университеті", "ORGANISATION"), ("Сарыарқа академиясының", "ORGANISATION")]),
    ("«/B-POS Шұғыла/I-POS »/I-POS холдингі/I-POS »/O АҚ/O", [("Шұғыла", "ORGANISATION")]),
    ("«/B-POS Шұғыла/I-POS »/I-POS холдингі/I-POS басқарма/I-POS төрағасы/I-POS",
     [("« Шұғыла » холдингі басқарма төрағасы", "POSITION")]),
    ("ал/O білім/B-FAC беруге/I-FAC ШЫҰ/I-FAC елдері/O", [("білім беруге", "FACILITY"), ("ШЫҰ", "ORGANISATION")]),
]


@pytest.mark.parametrize("text,want", WHOLE)
def test_repair(text, want):
    tokens, tags = tagged(text)
    assert names(tokens, repair(tokens, tags, lemma)) == want
