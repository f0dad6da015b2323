"""Base forms of mentions and grouping of mentions (table-driven)."""

from __future__ import annotations

import pytest

from habar.document import Entity
from habar.ner.baseform import base_form
from habar.ner.grouping import group

KNOWN = {"астана", "канада", "алматы", "корея", "ресей", "қазақстан"}

BASE_FORMS = [
    # case ending on the last word goes, the possessive of a compound name stays
    ("Оңтүстік Кореяның", "GPE", "Оңтүстік Корея"),
    ("Назарбаев Университетінің", "ORGANISATION", "Назарбаев Университеті"),
    ("Қасым-Жомарт Тоқаевтың", "PERSON", "Қасым-Жомарт Тоқаев"),
    ("Сеул қаласында", "GPE", "Сеул қаласы"),
    ("Дүниежүзілік банкпен", "ORGANISATION", "Дүниежүзілік банк"),
    # a suffix written after a hyphen
    ("АТЫО-ның", "ORGANISATION", "АТЫО"), ("Google-дің", "ORGANISATION", "Google"), ("АҚШ-тың", "GPE", "АҚШ"),
    # every case, with the allomorph the stem's last sound selects
    ("Қазақстанның", "GPE", "Қазақстан"), ("Қазақстанға", "GPE", "Қазақстан"), ("Қазақстанды", "GPE", "Қазақстан"),
    ("Қазақстанда", "GPE", "Қазақстан"), ("Қазақстаннан", "GPE", "Қазақстан"), ("Қазақстанмен", "GPE", "Қазақстан"),
    ("Алматыға", "GPE", "Алматы"), ("Алматыдан", "GPE", "Алматы"), ("Ресейдің", "GPE", "Ресей"),
    ("Мәскеуге", "GPE", "Мәскеу"), ("Тоқаевпен", "PERSON", "Тоқаев"), ("Маминге", "PERSON", "Мамин"),
    # the accusative after the possessive, on a lowercase head noun only
    ("ынтымақтастық орталығын", "ORGANISATION", "ынтымақтастық орталығы"),
    ("ТМД атқару комитетін", "ORGANISATION", "ТМД атқару комитеті"), ("Нарын", "GPE", "Нарын"),
    # whole words that only look inflected
    ("Астана", "GPE", "Астана"), ("Канада", "GPE", "Канада"), ("Берге Бренде", "PERSON", "Берге Бренде"),
    ("Асқар Мамин", "PERSON", "Асқар Мамин"), ("«Зерде» холдингі", "ORGANISATION", "«Зерде» холдингі"),
    ("Зерде", "ORGANISATION", "Зерде"),  # -де, but "зер" is not a known word
]


@pytest.mark.parametrize("text,label,base", BASE_FORMS)
def test_base_forms(text, label, base):
    assert base_form(text.split(), KNOWN.__contains__, label) == base


def _entity(text: str, label: str, start: int) -> Entity:
    return Entity(text=text, label=label, start=start, end=start + len(text), norm=text)


def test_surname_joins_the_full_name():
    ents = [_entity("Тоқаев", "PERSON", 0), _entity("Қасым-Жомарт Тоқаев", "PERSON", 20),
            _entity("Асқар Мамин", "PERSON", 50), _entity("Мамин", "PERSON", 80)]
    group(ents)
    assert ents[0].group == ents[1].group
    assert ents[2].group == ents[3].group
    assert ents[0].group != ents[2].group


def test_same_name_different_kind_stays_apart():
    ents = [_entity("Қазақстан", "GPE", 0), _entity("Қазақстан", "ORGANISATION", 20)]
    group(ents)
    assert ents[0].group != ents[1].group


def test_acronym_joins_its_long_form():
    ents = [_entity("Еуразиялық экономикалық одақ", "ORGANISATION", 0), _entity("ЕЭО", "ORGANISATION", 40)]
    group(ents)
    assert ents[0].group == ents[1].group


def test_values_are_not_grouped():
    ents = [_entity("2020", "DATE", 0), _entity("2020", "DATE", 10)]
    group(ents)
    assert [e.group for e in ents] == [-1, -1]


# with the real model and lexicon: a place in a case loses its ending when the lexicon's best reading is the bare
# name as a proper noun; a name that only ends like a case keeps it
LEXICON_FORMS = [
    ("Лондонда", "GPE", "Лондон"), ("Беларусьте", "GPE", "Беларусь"), ("Англияда", "GPE", "Англия"),
    ("Австралияда", "GPE", "Австралия"), ("Алматыда", "GPE", "Алматы"), ("Қазақстан", "GPE", "Қазақстан"),
    ("Оңтүстік Кореяның", "GPE", "Оңтүстік Корея"), ("Зерде", "ORGANISATION", "Зерде"), ("Канада", "GPE", "Канада"),
    ("Астана", "GPE", "Астана"), ("Берге Бренде", "PERSON", "Берге Бренде"),
]


@pytest.mark.parametrize("text,label,base", LEXICON_FORMS)
def test_base_forms_with_the_lexicon(text, label, base):
    from habar.document import Token
    from habar.ner.model import default_model
    from habar.ner.step import _norm

    tokens, at = [], 0
    for word in text.split():
        tokens.append(Token(text=word, start=at, end=at + len(word)))
        at += len(word) + 1
    assert _norm(text, tokens, default_model(), label) == base
