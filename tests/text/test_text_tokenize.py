"""Tokenizer conventions, grouped by phenomenon (see the module docstring of habar.text.tokenize)."""

from __future__ import annotations

import pytest

from habar.text.abbreviations import ABBREVIATIONS
from habar.text.tokenize import tokenize


def toks(text: str) -> list[tuple[str, str]]:
    out = tokenize(text)
    assert all(t.text == text[t.start:t.end] for t in out)
    return [(t.text, t.kind) for t in out]


def texts(text: str) -> list[str]:
    return [t for t, _ in toks(text)]


@pytest.mark.parametrize("text,expected", [
    ("IT-мамандары", ["IT-мамандары"]),
    ("Қасым-Жомарт", ["Қасым-Жомарт"]),
    ("Google-дің", ["Google-дің"]),
    ("АТЫО-ның", ["АТЫО-ның"]),
    ("іс-қимыл", ["іс-қимыл"]),
    ("ақпараттық-коммуникациялық", ["ақпараттық-коммуникациялық"]),
    ("Алматы—Астана", ["Алматы", "—", "Астана"]),
    ("сөз -", ["сөз", "-"]),
])
def test_hyphenated_words(text, expected):
    assert texts(text) == expected


@pytest.mark.parametrize("text,expected", [
    ("3,9 трлн", [("3,9", "number"), ("трлн", "word")]),
    ("20 мың", [("20", "number"), ("мың", "word")]),
    ("20 000 теңге", [("20 000", "number"), ("теңге", "word")]),
    ("1 500 000", [("1 500 000", "number")]),
    ("2019 21", [("2019", "number"), ("21", "number")]),          # not a thousands group
    ("21 10", [("21", "number"), ("10", "number")]),
    ("3.5 есе", [("3.5", "number"), ("есе", "word")]),
    ("21.11.2019", [("21.11.2019", "number")]),
    ("10:30", [("10:30", "number")]),
    ("99%", [("99%", "number")]),
    ("99%-ы", [("99%", "number"), ("-ы", "word")]),
    ("3%-ға", [("3%", "number"), ("-ға", "word")]),
    ("5-ші", [("5-ші", "number")]),
    ("21-інші", [("21-інші", "number")]),
    ("20-сыншы", [("20-сыншы", "number")]),
    ("2-ншіден", [("2-ншіден", "number")]),
    ("1-іншіден", [("1-іншіден", "number")]),
    ("2-ншісі", [("2-ншісі", "number")]),
    ("1-і", [("1", "number"), ("-і", "word")]),
    ("30-дан", [("30", "number"), ("-дан", "word")]),
    ("5-шілде", [("5", "number"), ("-шілде", "word")]),
    ("2020-2021", [("2020", "number"), ("-", "punct"), ("2021", "number")]),
    ("-5", [("-", "punct"), ("5", "number")]),
])
def test_numbers(text, expected):
    assert toks(text) == expected


@pytest.mark.parametrize("text,expected", [
    ("5G", [("5G", "word")]),
    ("COVID-19", [("COVID-19", "word")]),
    ("3D-принтер", [("3D-принтер", "word")]),
    ("Kaspi.kz", [("Kaspi.kz", "domain")]),
    ("Zakon.kz.", [("Zakon.kz", "domain"), (".", "punct")]),
    ("Zakon.kz-ке", [("Zakon.kz", "domain"), ("-ке", "word")]),
    ("www.gov.kz", [("www.gov.kz", "domain")]),
    ("Tengrinews.KZ", [("Tengrinews.KZ", "domain")]),
    ("бітті.Ол", [("бітті", "word"), (".", "punct"), ("Ол", "word")]),
    ("info@zakon.kz", [("info@zakon.kz", "email")]),
    ("https://zakon.kz/news/1?a=2.", [("https://zakon.kz/news/1?a=2", "url"), (".", "punct")]),
    ("(http://x.kz/a)", [("(", "punct"), ("http://x.kz/a", "url"), (")", "punct")]),
    ("#Астана2024", [("#Астана2024", "hashtag")]),
    ("#ҚазақстанҒылымы", [("#ҚазақстанҒылымы", "hashtag")]),
])
def test_alphanumerics_domains_urls(text, expected):
    assert toks(text) == expected


@pytest.mark.parametrize("text,expected", [
    ("«Зерде»", [("«", "punct"), ("Зерде", "word"), ("»", "punct")]),
    ("деді.", [("деді", "word"), (".", "punct")]),
    ("Не?!", [("Не", "word"), ("?!", "punct")]),
    ("Күт...", [("Күт", "word"), ("...", "punct")]),
    ("№5", [("№", "symbol"), ("5", "number")]),
    ("$100", [("$", "symbol"), ("100", "number")]),
    ("500 ₸", [("500", "number"), ("₸", "symbol")]),
    ("«Біз», – деді", [("«", "punct"), ("Біз", "word"), ("»", "punct"), (",", "punct"), ("–", "punct"),
                        ("деді", "word")]),
])
def test_punctuation_and_symbols(text, expected):
    assert toks(text) == expected


@pytest.mark.parametrize("abbr", sorted(f for f in ABBREVIATIONS if f.endswith(".")))
def test_each_dotted_abbreviation_is_one_token(abbr):
    assert texts(f"алма {abbr} алмұрт") == ["алма", abbr, "алмұрт"]
    cap = abbr[0].upper() + abbr[1:]
    assert texts(f"{cap} алмұрт")[0] == cap


@pytest.mark.parametrize("abbr", sorted(f for f in ABBREVIATIONS if not f.endswith(".") and f != "№"))
def test_each_bare_abbreviation_is_one_word(abbr):
    assert toks(f"5 {abbr} теңге") == [("5", "number"), (abbr, "word"), ("теңге", "word")]
    assert texts(f"{abbr}-ның")[0] == f"{abbr}-ның"


@pytest.mark.parametrize("text,expected", [
    ("Қ.-Ж. Тоқаев", ["Қ.-Ж.", "Тоқаев"]),
    ("А. Байтұрсынұлы", ["А.", "Байтұрсынұлы"]),
    ("Л.Н.Гумилев", ["Л.", "Н.", "Гумилев"]),
    ("ҚР.", ["ҚР", "."]),
])
def test_initials(text, expected):
    assert texts(text) == expected


def test_offsets_are_absolute_for_a_slice():
    text = "Бірінші сөйлем. Екінші сөйлем."
    out = tokenize(text, 16, len(text))
    assert [t.text for t in out] == ["Екінші", "сөйлем", "."]
    assert out[0].start == 16 and all(text[t.start:t.end] == t.text for t in out)
    assert [t.text for t in tokenize(text, 0, 14)] == ["Бірінші", "сөйлем"]


def test_foreign_scripts_stay_words():
    assert toks("Си Цзиньпин 习近平") == [("Си", "word"), ("Цзиньпин", "word"), ("习近平", "word")]
