"""Sentence splitting and the repair of torn abbreviations, grouped by phenomenon."""

from __future__ import annotations

import pytest

from habar.text import offsets
from habar.text.abbreviations import ABBREVIATIONS
from habar.text.segment import repair_artefacts, segment


def sentences(text: str) -> list[str]:
    return [text[s.start:s.end] for s in segment(text)]


DOTTED = sorted(f for f in ABBREVIATIONS if f.endswith("."))


@pytest.mark.parametrize("abbr", DOTTED)
def test_each_abbreviation_before_a_lowercase_word_continues(abbr):
    text = f"Жиында 5 {abbr} жаңа мәселе қаралды. Келесі сөйлем."
    assert sentences(text) == [f"Жиында 5 {abbr} жаңа мәселе қаралды.", "Келесі сөйлем."]


@pytest.mark.parametrize("abbr", [f for f in DOTTED if ABBREVIATIONS[f][1] == "inner"])
def test_inner_abbreviations_never_end_a_sentence(abbr):
    text = f"Бүгін {abbr} Ахметов 10 сағатта келеді."
    assert len(segment(text)) == 1


@pytest.mark.parametrize("abbr", [f for f in DOTTED if ABBREVIATIONS[f][1] == "year"])
def test_year_abbreviations_after_a_number(abbr):
    for number in ("2019", "ХХІ", "XIX", "1998–2003", "1920-1930"):
        text = f"Бұл {number} {abbr} Алматыда болды."
        assert len(segment(text)) == 1, text


@pytest.mark.parametrize("abbr", [f for f in DOTTED if ABBREVIATIONS[f][1] == "any"])
def test_any_abbreviation_may_end_a_sentence(abbr):
    text = f"Онда алма, алмұрт {abbr} Келесі жылы тағы барамыз."
    assert sentences(text) == [f"Онда алма, алмұрт {abbr}", "Келесі жылы тағы барамыз."]


@pytest.mark.parametrize("text,expected", [
    ("Мемлекет басшысы Қ.-Ж. Тоқаев сөз сөйледі. Ол риза болды.",
     ["Мемлекет басшысы Қ.-Ж. Тоқаев сөз сөйледі.", "Ол риза болды."]),
    ("Баяндаманы А. Б. Сейітов жасады.", ["Баяндаманы А. Б. Сейітов жасады."]),
    ("Мақаланы Ұ. Есенова жазды.", ["Мақаланы Ұ. Есенова жазды."]),
    ("Л.Н.Гумилев атындағы университет.", ["Л.Н.Гумилев атындағы университет."]),
])
def test_initials(text, expected):
    assert sentences(text) == expected


@pytest.mark.parametrize("text,expected", [
    ("«Біз дайынбыз», – деді ол. Жиын аяқталды.", ["«Біз дайынбыз», – деді ол.", "Жиын аяқталды."]),
    ("«Қашан бітеді?» – деп сұрады ол. Жауап болмады.", ["«Қашан бітеді?» – деп сұрады ол.", "Жауап болмады."]),
    ("«Алға!» – деді жаттықтырушы.", ["«Алға!» – деді жаттықтырушы."]),
    ("«Біз келдік. Енді бастаймыз», – деді ол.", ["«Біз келдік. Енді бастаймыз», – деді ол."]),
    ("«Біз келдік. Енді бастаймыз», деді Асқар Мамин.", ["«Біз келдік. Енді бастаймыз», деді Асқар Мамин."]),
    ("Ол: «Біз келдік». Содан соң кетті.", ["Ол: «Біз келдік».", "Содан соң кетті."]),
    ("«Біз келдік. Енді бастаймыз». Жиын басталды.", ["«Біз келдік.", "Енді бастаймыз».", "Жиын басталды."]),
    ("– Сен келесің бе? – деп сұрады ол.", ["– Сен келесің бе? – деп сұрады ол."]),
])
def test_direct_speech(text, expected):
    assert sentences(text) == expected


@pytest.mark.parametrize("text,expected", [
    ("Инфляция 8,7% болды. Баға 3.5 есе өсті.", ["Инфляция 8,7% болды.", "Баға 3.5 есе өсті."]),
    ("2019 жылы бастады. 2020 жылы бітірді.", ["2019 жылы бастады.", "2020 жылы бітірді."]),
    ("Ол 5-ші орын алды. Бұл жақсы.", ["Ол 5-ші орын алды.", "Бұл жақсы."]),
    ("Жиналыс 21.11.2019 күні өтті.", ["Жиналыс 21.11.2019 күні өтті."]),
    ("Келісімге 2019 ж. 21 қарашада қол қойылды.", ["Келісімге 2019 ж. 21 қарашада қол қойылды."]),
    ("Бағасы 20 000 теңге. Арзан емес.", ["Бағасы 20 000 теңге.", "Арзан емес."]),
])
def test_numbers_and_dates(text, expected):
    assert sentences(text) == expected


@pytest.mark.parametrize("text,expected", [
    ("Толығырақ: https://zakon.kz/news?id=5. Келесі жаңалық.",
     ["Толығырақ: https://zakon.kz/news?id=5.", "Келесі жаңалық."]),
    ("Бұл туралы Zakon.kz хабарлайды. Ол рас.", ["Бұл туралы Zakon.kz хабарлайды.", "Ол рас."]),
    ("Деп хабарлайды Zakon.kz. Келесі жаңалық.", ["Деп хабарлайды Zakon.kz.", "Келесі жаңалық."]),
    ("Хат жазыңыз: info@kaspi.kz. Рақмет.", ["Хат жазыңыз: info@kaspi.kz.", "Рақмет."]),
])
def test_urls_and_domains(text, expected):
    assert sentences(text) == expected


@pytest.mark.parametrize("text,expected", [
    ("Жоспар:\n1. Жол салу.\n2. Мектеп ашу.", ["Жоспар:", "1. Жол салу.", "2. Мектеп ашу."]),
    ("Міндеттер:\n- жол салу;\n- мектеп ашу.", ["Міндеттер:", "- жол салу;", "- мектеп ашу."]),  # an item a line
    ("Міндеттер:\n• Жол салу\n• Мектеп ашу", ["Міндеттер:", "• Жол салу", "• Мектеп ашу"]),
    ("Үш мәселе: 1) су; 2) жол; 3) мектеп.", ["Үш мәселе: 1) су; 2) жол; 3) мектеп."]),
])
def test_lists(text, expected):
    assert sentences(text) == expected


@pytest.mark.parametrize("text,expected", [
    ("Тақырып жолы\n\nМәтін басталды.", ["Тақырып жолы", "Мәтін басталды."]),
    ("Тақырып жолы\nМәтін басталды.", ["Тақырып жолы", "Мәтін басталды."]),
    ("Бірінші абзац соңы\n\nекінші абзац", ["Бірінші абзац соңы", "екінші абзац"]),
    ("Ұзын жол осында\nжалғасады.", ["Ұзын жол осында\nжалғасады."]),
    ("Құрметті әріптестер,\nБүгін жиналдық.", ["Құрметті әріптестер,\nБүгін жиналдық."]),
    ("Не болды?\nБілмеймін!", ["Не болды?", "Білмеймін!"]),
    ("Күте тұрыңыз...\nКелді.", ["Күте тұрыңыз...", "Келді."]),
    ("  Бос орын.  \n\n  ", ["Бос орын."]),
    ("", []),
])
def test_paragraphs_titles_and_lines(text, expected):
    assert sentences(text) == expected


def test_spans_exclude_surrounding_whitespace():
    text = "  Бір сөйлем.   Екі сөйлем.\n\n"
    for s in segment(text):
        assert not text[s.start].isspace() and not text[s.end - 1].isspace()


@pytest.mark.parametrize("raw,expected", [
    ("5G және т\nб\nқоса алғанда", "5G және т.б. қоса алғанда"),
    ("алма, алмұрт т\nс\nс\nжемістер", "алма, алмұрт т.с.с. жемістер"),
    ("ол б\nз\nб\n500 жылы", "ол б.з.б.\n500 жылы"),
    ("алма, алмұрт т\nб\nКелесі сөйлем", "алма, алмұрт т.б.\nКелесі сөйлем"),
    ("Бұл 2019 ж\nқаңтарда болды", "Бұл 2019 ж. қаңтарда болды"),
    ("сөздер т\nб", "сөздер т.б."),
])
def test_repair_torn_abbreviations(raw, expected):
    out, changes = repair_artefacts(raw)
    assert out == expected
    assert offsets.apply(raw, changes) == out
    assert all(c.reason == "torn-abbreviation" for c in changes)


@pytest.mark.parametrize("raw", [
    "Нұсқалар:\nа\nб\nв",                 # a list of letters starts its lines
    "т\nб\nқоса",                         # no word before the first letter
    "Бұл т\nбасқа сөз",                   # "басқа" is a word, not a torn letter
    "2019 ж\nҚаңтарда",                   # a capital after the year word: not a torn dot
    "Жауап: а\nб\nв",                     # letters that are no listed abbreviation
])
def test_real_single_letter_lines_are_kept(raw):
    assert repair_artefacts(raw) == (raw, [])


def test_torn_abbreviation_becomes_one_sentence():
    raw = "Орталық 5G және т\nб\nқоса алғанда, жаңа технологияларды зерттейді\nБұдан басқа жобалар бар."
    text, _ = repair_artefacts(raw)
    assert sentences(text) == [
        "Орталық 5G және т.б. қоса алғанда, жаңа технологияларды зерттейді",
        "Бұдан басқа жобалар бар.",
    ]
