"""A quote broken by its attribution («…, – деді X. – …»): two quotes with one speaker; dashes that are not an
attribution leave the quote whole."""

import pytest

from habar.facts import extract
from habar.facts.gold import article_from_case

NAME = [["Бақыт Сейітов", "PERSON"]]


def _quotes(text: str, entities: list = NAME) -> list[tuple[str, str, str]]:
    article = article_from_case({"id": "t", "text": text, "entities": entities})
    out = []
    for f in extract(article):
        if f.kind == "quote":
            s, e = f.args["quote"]
            out.append((text[s:e], f.args["speaker"]["norm"], f.args["layout"]))
    return out


@pytest.mark.parametrize("text, parts", [
    # the author's words end with ". –": the speech resumes as a new sentence
    ("«Жол ашылды, – деді әкім Бақыт Сейітов. – Көпір келесі жылы салынады».",
     ["Жол ашылды", "Көпір келесі жылы салынады"]),
    # ", –": the speech resumes inside the same sentence
    ("«Жол ашылды, – дейді Бақыт Сейітов, – ал көпір келесі жылы салынады».",
     ["Жол ашылды", "ал көпір келесі жылы салынады"]),
    # a question keeps its mark, as «…?» – деп сұрады does
    ("«Жол қашан ашылады? – деп сұрады Бақыт Сейітов. – Тұрғындар күтіп отыр».",
     ["Жол қашан ашылады?", "Тұрғындар күтіп отыр"]),
    # a two-word speech verb after "деп"
    ("«Жол ашылды, – деп атап өтті Бақыт Сейітов. – Көпір де салынады».", ["Жол ашылды", "Көпір де салынады"]),
    # the author's words close the span
    ("«Жол ашылды, – деді Бақыт Сейітов.»", ["Жол ашылды"]),
    # the speech resumes in marks of its own
    ("«Жол ашылды», – деді Бақыт Сейітов. – «Көпір келесі жылы салынады».",
     ["Жол ашылды", "Көпір келесі жылы салынады"]),
    # hyphen typed for a dash
    ("«Жол ашылды, - деді Бақыт Сейітов. - Көпір келесі жылы салынады».",
     ["Жол ашылды", "Көпір келесі жылы салынады"]),
])
def test_mid_attribution_gives_parts_with_one_speaker(text, parts):
    found = _quotes(text)
    assert [q for q, _, _ in found] == parts
    assert {s for _, s, _ in found} == {"Бақыт Сейітов"}


@pytest.mark.parametrize("text, quote", [
    ("«Білім – болашақтың кілті», – деді Бақыт Сейітов.", "Білім – болашақтың кілті"),  # copula dash
    ("«Алматы – Қапшағай жолы ашылды», – деді Бақыт Сейітов.", "Алматы – Қапшағай жолы ашылды"),  # a route
    ("«Біз – бір халықпыз. Бірлік керек», – деді Бақыт Сейітов.", "Біз – бір халықпыз. Бірлік керек"),
    # "деп" with no speech verb after it: naming, not the author's words
    ("«Бұл жоба – \"Жасыл ел\" деп аталады, ол жалғасады», – деді Бақыт Сейітов.",
     "Бұл жоба – \"Жасыл ел\" деп аталады, ол жалғасады"),
])
def test_dash_that_is_not_an_attribution_keeps_the_quote_whole(text, quote):
    assert [q for q, _, _ in _quotes(text)] == [quote]


def test_mid_attribution_with_a_pronoun_resolves_both_parts():
    text = "Бақыт Сейітов ауылды аралады. «Жол ашылды, – деді ол. – Көпір де салынады»."
    assert [(q, s) for q, s, _ in _quotes(text)] == [("Жол ашылды", "Бақыт Сейітов"),
                                                   ("Көпір де салынады", "Бақыт Сейітов")]


def test_speaker_in_the_attribution_is_not_hidden_from_later_pronouns():
    """The name sits inside the marks but outside the speech, so a later "деді ол" still finds it."""
    text = "«Жол ашылды, – деді Бақыт Сейітов. – Көпір де салынады». «Жұмыс жалғасады», – деді ол."
    assert [s for _, s, _ in _quotes(text)] == ["Бақыт Сейітов"] * 3


def test_role_without_a_holder_named_resolves_to_the_subject():
    text = "Қасым-Жомарт Тоқаев отырысқа қатысты. «Реформа тоқтамайды», – деді Мемлекет басшысы."
    assert _quotes(text, [["Қасым-Жомарт Тоқаев", "PERSON"]]) == [
        ("Реформа тоқтамайды", "Қасым-Жомарт Тоқаев", "after")]


def test_role_does_not_go_to_a_person_with_another_role():
    text = "Министр Қанат Бозымбаев отырысқа қатысты. «Реформа тоқтамайды», – деді Мемлекет басшысы."
    [(_, speaker, _)] = _quotes(text, [["Қанат Бозымбаев", "PERSON"]])
    assert speaker == "Мемлекет басшысы"
