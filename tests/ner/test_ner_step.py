"""The pipeline step on hand-built tokens: offsets into the text, base forms, values and groups."""

from __future__ import annotations

import re

import pytest

from habar.document import Article, Token
from habar.ner.model import MODEL_DIR

pytestmark = pytest.mark.skipif(not (MODEL_DIR / "model.crfsuite").exists(), reason="run `make models` first")

TEXT = ("Мемлекет басшысы Қасым-Жомарт Тоқаев 2019 жылғы 21 қарашада Алматыда өткен форумда сөз сөйледі . "
        "Тоқаевтың айтуынша , биыл экономикаға 500 млрд теңге инвестиция тартылады .")


def _article() -> Article:
    tokens = [Token(m.group(), m.start(), m.end()) for m in re.finditer(r"\S+", TEXT)]
    return Article(id="t", raw=TEXT, text=TEXT, published="2019-11-25", tokens=tokens)


@pytest.fixture(scope="module")
def entities():
    from habar.ner import step

    return step(_article()).entities


def test_step_declares_its_needs():
    from habar.ner import step

    assert step.requires == ("tokens",) and step.provides == ("entities",)


def test_offsets_point_into_the_text(entities):
    assert entities
    for e in entities:
        assert TEXT[e.start:e.end] == e.text


def test_person_base_form_and_group(entities):
    people = [e for e in entities if e.label == "PERSON"]
    norms = {e.norm for e in people}
    assert "Қасым-Жомарт Тоқаев" in norms and "Тоқаев" in norms
    assert len({e.group for e in people}) == 1


def test_values(entities):
    values = {(e.label, str(e.value)) for e in entities}
    assert ("DATE", "2019-11-21") in values
    assert ("MONEY", str({"amount": 500_000_000_000, "currency": "KZT", "bound": None})) in values


def test_place_in_locative_has_its_base_form(entities):
    assert any(e.label == "GPE" and e.norm == "Алматы" for e in entities)
