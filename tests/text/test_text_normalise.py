"""Normalisation, grouped by phenomenon; every case also checks that the changes rebuild the output."""

from __future__ import annotations

import pytest

from habar.text import offsets
from habar.text.normalise import normalise

KNOWN = {"қазақ", "Қазақстан", "күн", "қол", "көл", "ағылшын", "өнім", "және", "үнемі", "кол"}


def known(word: str) -> bool:
    return word in KNOWN


def everything_known(word: str) -> bool:
    return True


def run(raw: str, is_word=everything_known):
    out, changes = normalise(raw, is_word=is_word)
    assert offsets.apply(raw, changes) == out
    assert all(a.raw_end <= b.raw_start for a, b in zip(changes, changes[1:])), "sorted, non-overlapping"
    return out, changes


@pytest.mark.parametrize("raw,expected", [
    ("и\u0306ә", "йә"),                       # decomposed й
    ("Ёлка е\u0308", "Ёлка ё"),
    ("сөз\u0301", "сөз\u0301"),               # a stress mark has no composed form: kept
])
def test_nfc(raw, expected):
    out, changes = run(raw)
    assert out == expected
    assert all(c.reason == "nfc" for c in changes)


@pytest.mark.parametrize("raw,expected", [
    ("бiлiм", "білім"),                        # Latin i
    ("Iс-шара", "Іс-шара"),                    # Latin capital I
    ("бıлıм", "білім"),                        # dotless ı
    ("əлем", "әлем"), ("Əлем", "Әлем"),        # Latin schwa
    ("Қaзaқстaн", "Қазақстан"),                # Latin a
    ("тeхнoлoгия", "технология"),              # Latin e, o
    ("пpoцecc", "процесс"),                    # p, c
    ("xалық", "халық"), ("yақыт", "уақыт"), ("kітап", "кітап"), ("шahар", "шаһар"),
    ("HАТО", "НАТО"), ("OҢТҮСТІК", "ОҢТҮСТІК"), ("BМ", "ВМ"), ("TМД", "ТМД"),
])
def test_lookalikes_in_cyrillic_words(raw, expected):
    out, changes = run(raw)
    assert out == expected
    assert {c.reason for c in changes} == {"lookalike"}


@pytest.mark.parametrize("raw", [
    "Google-дің", "IT-мамандары", "Kaspi.kz", "iPhone", "COVID-19", "Astana Hub", "5G және", "Googleдің",
])
def test_latin_words_are_left_alone(raw):
    assert run(raw)[0] == raw


@pytest.mark.parametrize("raw,expected", [
    ("Казакстан", "Қазақстан"),               # two letters, one known candidate
    ("казак", "қазақ"),
    ("кун", "күн"),                             # у -> ү
    ("агылшын", "ағылшын"),
    ("онiм", "өнім"),                           # lookalike first, then о -> ө
    ("кол", "кол"),                             # known as it is: kept
    ("кал", "кал"),                             # no known candidate
    ("жаңа", "жаңа"),                           # nothing to repair
    ("Конго", "Конго"),                         # unknown, no known candidate
])
def test_russian_neighbours_with_a_word_check(raw, expected):
    out, changes = run(raw, is_word=known)
    assert out == expected
    assert all(c.reason in ("ru-neighbour", "lookalike", "lookalike+ru-neighbour") for c in changes)


def test_russian_neighbours_ambiguous_repair_is_skipped():
    out, _ = run("кол", is_word=lambda w: w in {"қол", "көл"})
    assert out == "кол"


def test_russian_neighbours_skip_russian_words():
    out, _ = run("ключ", is_word=lambda w: w == "қлюч")
    assert out == "ключ"


def test_russian_neighbours_without_a_word_check_do_nothing(monkeypatch):
    monkeypatch.setattr("habar.text.normalise._default_is_word", lambda: None)
    assert normalise("Казакстан")[0] == "Казакстан"


@pytest.mark.parametrize("raw,expected", [
    ('"Зерде" холдингі', "«Зерде» холдингі"),
    ('Ол: "Біз келдік", – деді.', "Ол: «Біз келдік», – деді."),
    ('"Зерде" Холдингі" АҚ', '«Зерде» Холдингі" АҚ'),                  # the unpaired third quote is kept
    ('""Зерде" Холдингі" АҚ', "««Зерде» Холдингі» АҚ"),                # nested
    ('5" экран', '5" экран'),                                           # inches: unpaired
    ('"Алма\n\nалмұрт"', '"Алма\n\nалмұрт"'),                           # no pairing across paragraphs
    ('("Самұрық")', "(«Самұрық»)"),
])
def test_straight_quotes(raw, expected):
    out, changes = run(raw)
    assert out == expected
    assert all(c.reason == "quote" for c in changes)


@pytest.mark.parametrize("raw,expected", [
    ("Астана - бас қала", "Астана – бас қала"),
    ("Астана — бас қала", "Астана – бас қала"),
    ("Астана -- бас қала", "Астана – бас қала"),
    ("Астана – бас қала", "Астана – бас қала"),
    ("IT-маман", "IT-маман"),                   # a hyphen inside a word stays
    ("2019-2020", "2019-2020"),
    ("- бірінші", "- бірінші"),                 # a list mark at the start of a line stays
])
def test_dashes(raw, expected):
    assert run(raw)[0] == expected


@pytest.mark.parametrize("raw,expected,reason", [
    ("бір\u00a0екі", "бір екі", "space"),
    ("бір  \t екі", "бір екі", "space"),
    ("бір\tекі", "бір екі", "space"),
    ("  бір екі  ", "бір екі", "space"),
    ("бір \nекі", "бір\nекі", "space"),
    ("бір\n   \nекі", "бір\n\nекі", "space"),       # a blank line (a paragraph) stays
    ("бір\r\nекі", "бір\nекі", "space"),
    ("бір\u2029екі", "бір\n\nекі", "space"),
    ("қа\u200bзақ", "қазақ", "zero-width"),
    ("қа\u00adзақ", "қазақ", "zero-width"),
    ("\ufeffқазақ", "қазақ", "zero-width"),
    ("бір \u200b екі", "бір екі", "space"),
])
def test_whitespace_and_invisible_characters(raw, expected, reason):
    out, changes = run(raw)
    assert out == expected
    assert {c.reason for c in changes} == {reason}


def test_clean_text_has_no_changes():
    text = "Қазақстанда жасанды интеллект бойынша ұлттық кластер құрылады.\n\nБұл – «Astana Hub» жобасы."
    assert run(text) == (text, [])


def test_everything_at_once_keeps_offsets():
    raw = '\ufeff  "Қaзaқстaн"  -  бiлiм\u00a0 и\u0306ә\r\n\r\nIс-шара  '
    out, changes = run(raw)
    assert out == "«Қазақстан» – білім йә\n\nІс-шара"
    reasons = {r for c in changes for r in c.reason.split("+")}  # composed passes join their tags with "+"
    assert reasons == {"space", "quote", "dash", "lookalike", "nfc"}


@pytest.mark.parametrize("raw,expected", [
    # a text typed without Kazakh letters gets the repair
    ("Казакстан туралы кун сайын жазамыз", "Қазақстан туралы күн сайын жазамыз"),
    # a text typed with Kazakh letters does not: its rare "Казак" is a name or a quotation, not a typing habit
    ("Қазақстандағы ғылым мен өнер туралы Казакстан деп жазды", "Қазақстандағы ғылым мен өнер туралы Казакстан деп жазды"),
    # Russian text (я, ю, ь, ц ...) is never repaired
    ("Казакстан является страной", "Казакстан является страной"),
])
def test_russian_neighbour_repair_runs_only_on_texts_typed_without_kazakh_letters(raw, expected):
    assert run(raw, is_word=known)[0] == expected


def test_word_check_is_not_consulted_for_normally_typed_text():
    calls = []
    run("Қазақстанда жасанды интеллект бойынша ұлттық кластер құрылады", is_word=lambda w: calls.append(w) or True)
    assert calls == []
