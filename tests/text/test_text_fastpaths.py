"""The text layer's fast paths give exactly what the full scans give (charcount, normalise, segment, tokenize)."""

from __future__ import annotations

import re

import pytest

from habar.text import normalise as norm
from habar.text import segment as seg
from habar.text import tokenize as tok
from habar.text.charcount import SetCounter

TEXTS = [
    "",
    "Қазақстан Республикасы — тәуелсіз мемлекет.",
    "Ол 2019 ж\nқаңтарда келді. Кітап, дәптер т\nб\nалды.",
    "Сайт: www.gov.kz, пошта info@mail.kz, сілтеме https://kaspi.kz/shop.",
    "Бірінші жол  \n\tекінші жол\u00a0мен - үшінші -- төртінші\u2028бесінші ",
    "Гoogle-дің Aлматы кeңсесі 99%-ы т.б. Қ.-Ж. Тоқаев 5-ші #жаңалық №1 ₸",
    " басында бос орын\r\nCRLF\u200bжасырын\u2029абзац",
    "ж\nб\nт б\nж жж\n2020 жж\nкүзде",
    "\ud800 жалғыз суррогат",
]


@pytest.mark.parametrize("text", TEXTS)
def test_set_counter_equals_counting_by_regex(text):
    sets = ["әғқ", "абв", "ӘҒҚҢӨҰҮҺІ", "\ud800x"]
    got = SetCounter(*sets)(text)
    assert got == [len(re.findall("[" + re.escape(s) + "]", text)) for s in sets]


@pytest.mark.parametrize("text", TEXTS)
def test_whitespace_fast_path_equals_full_scan(text, monkeypatch):
    fast = norm._whitespace(text)
    monkeypatch.setattr(norm, "_DASH_ONLY", norm._PASS1)  # the full scan for every text
    assert fast == norm._whitespace(text)


@pytest.mark.parametrize("text", TEXTS)
def test_repair_fast_path_equals_full_scan(text):
    if not seg._may_be_torn(text):
        assert seg._TORN.search(text) is None


@pytest.mark.parametrize("text", TEXTS)
def test_word_start_equals_stepping_back(text):
    for end in range(len(text) + 1):
        ws = end
        while ws > 0 and not text[ws - 1].isspace():
            ws -= 1
        assert seg._word_start(text, end) == ws


def test_word_start_beyond_the_window():
    text = "а " + "б" * 200 + "."
    assert seg._word_start(text, len(text) - 1) == 2


@pytest.mark.parametrize("text", TEXTS)
def test_tokens_without_url_branches_are_the_same(text):
    text = text.replace("@", " ").replace("://", " ").replace("www.", " ")
    full = [(m.group(), m.span(), m.lastgroup) for m in tok._TOKEN.finditer(text)]
    assert full == [(m.group(), m.span(), m.lastgroup) for m in tok._NO_URL_EMAIL.finditer(text)]


def test_url_and_email_still_found():
    kinds = {t.text: t.kind for t in tok.tokenize(TEXTS[3])}
    assert kinds["www.gov.kz"] == "domain" and kinds["info@mail.kz"] == "email"
    assert kinds["https://kaspi.kz/shop"] == "url"
