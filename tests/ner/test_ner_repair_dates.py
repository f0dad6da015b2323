"""Date and demonym repairs after the CRF (habar.ner.repair_dates, habar.ner.repair_phrases.demonym_norp),
table-driven, on phrases written here."""

from __future__ import annotations

import pytest

from habar.ner.model import place_stems
from habar.ner.repair import repair
from habar.ner.repair_dates import date_postpositions, join_ranges, month_day, repair_dates
from habar.ner.repair_phrases import demonym_norp, demonym_stem
from tagged import names, tagged


RANGES = [
    # two dates joined by мен/бен/пен and closed by "аралығында" are one DATE
    ("Көрме 3-інші/B-DATE қазан/I-DATE пен 9-ыншы/B-DATE қазан/I-DATE аралығында/I-DATE өтеді",
     [("3-інші қазан пен 9-ыншы қазан аралығында", "DATE")]),
    # the second date read as a bare number, "аралығында" left outside
    ("Жарыс шілденің/B-DATE оны/I-DATE мен он/B-CAR бесі/I-CAR аралығында жалғасады",
     [("шілденің оны мен он бесі аралығында", "DATE")]),
    ("Курс 2015/B-DATE – 2019/B-DATE жылдар/I-DATE аралығындағы/I-DATE деректерді қамтиды",
     [("2015 – 2019 жылдар аралығындағы", "DATE")]),
    # already one span: unchanged
    ("Сынақ 1/B-DATE мен/I-DATE 5-і/I-DATE аралығында/I-DATE өтеді", [("1 мен 5-і аралығында", "DATE")]),
    # no DATE before the joiner: amounts, people
    ("бағасы 5/B-CAR пен 7/B-CAR мың/I-CAR аралығында", [("5", "CARDINAL"), ("7 мың", "CARDINAL")]),
    ("Асқар/B-PER мен Бақыт/B-PER аралығында дау шықты", [("Асқар", "PERSON"), ("Бақыт", "PERSON")]),
    # something else between the dates: not a range
    ("2010/B-DATE жылмен/I-DATE Астана/B-GPE аралығында", [("2010 жылмен", "DATE"), ("Астана", "GPE")]),
]


@pytest.mark.parametrize("text,want", RANGES)
def test_join_ranges(text, want):
    tokens, tags = tagged(text)
    assert names(tokens, join_ranges(tokens, tags)) == want


MONTH_DAYS = [
    # a month in the genitive and the day after it are one DATE
    ("Сабақ қыркүйектің/B-DATE 15-інен/B-CAR басталады", [("қыркүйектің 15-інен", "DATE")]),
    ("Сабақ қыркүйектің/B-DATE он/B-CAR бесінен/I-CAR басталады", [("қыркүйектің он бесінен", "DATE")]),
    ("Есеп желтоқсанның жиырмасына/B-DATE дейін/I-DATE тапсырылады", [("желтоқсанның жиырмасына дейін", "DATE")]),
    # the month untagged, the day a DATE already: joined too
    ("Ақпанның 3-і/B-DATE күні келді", [("Ақпанның 3-і", "DATE")]),
    # a month in another case, or no number after it: unchanged
    ("Мамырда/B-DATE 5/B-CAR адам келді", [("Мамырда", "DATE"), ("5", "CARDINAL")]),
    ("Қаңтардың/B-DATE аязы қатты", [("Қаңтардың", "DATE")]),
    # a number that is part of a money amount stays
    ("Маусымның/B-DATE 5/B-MONEY мың/I-MONEY теңгесі", [("Маусымның", "DATE"), ("5 мың", "MONEY")]),
]


@pytest.mark.parametrize("text,want", MONTH_DAYS)
def test_month_day(text, want):
    tokens, tags = tagged(text)
    assert names(tokens, month_day(tokens, tags)) == want


POSTPOSITIONS = [
    # "дейін", "бері", "бұрын" close the date phrase and are inside it
    ("Жұмыс 2030/B-DATE жылға/I-DATE дейін бітеді", [("2030 жылға дейін", "DATE")]),
    ("Екі/B-DATE жылдан/I-DATE бері осында тұрамын", [("Екі жылдан бері", "DATE")]),
    ("Бес/B-DATE күн/I-DATE бұрын келді", [("Бес күн бұрын", "DATE")]),
    # "бастап" and "қарай" follow it outside
    ("Дүйсенбіден/B-DATE бастап/I-DATE ашылады", [("Дүйсенбіден", "DATE")]),
    ("Күзге/B-DATE қарай/I-DATE бағасы өседі", [("Күзге", "DATE")]),
    # after another label: unchanged
    ("Бес/B-CAR адамға дейін кіреді", [("Бес", "CARDINAL")]),
]


@pytest.mark.parametrize("text,want", POSTPOSITIONS)
def test_date_postpositions(text, want):
    tokens, tags = tagged(text)
    assert names(tokens, date_postpositions(tokens, tags)) == want


def test_repair_dates_leaves_untagged_sentences():
    tokens, tags = tagged("Бүгін ауа райы жақсы")
    assert repair_dates(tokens, tags) == ["O"] * 4


PLACES = frozenset({"шымкент", "бразилия", "қазақстан", "ақтөбе", "алма", "петропавл"})

DEMONYMS = [
    ("Бразилиялық футболшы гол соқты", [("Бразилиялық", "NORP")]),
    ("Шымкенттіктердің көпшілігі келісті", [("Шымкенттіктердің", "NORP")]),
    ("қазақстандықтарға жаңа мүмкіндік", [("қазақстандықтарға", "NORP")]),
    ("Ақтөбелік/O спортшылар жеңді", [("Ақтөбелік", "NORP")]),
    ("петропавлдық жүргізушілер", [("петропавлдық", "NORP")]),
    # a place not in the gazetteer, or a word that is not a demonym: unchanged
    ("Голландиялық ғалымдар келді", []),
    ("Шымкентте жиын өтті", []),
    ("біз оны алмадық", []),  # a verb ("did not take"), not "Алма" + -дық
    # a word inside another entity keeps its label
    ("Қазақстандық/B-ORG даму/I-ORG банкі/I-ORG", [("Қазақстандық даму банкі", "ORGANISATION")]),
]


@pytest.mark.parametrize("text,want", DEMONYMS)
def test_demonym_norp(text, want):
    tokens, tags = tagged(text)
    assert names(tokens, demonym_norp(tokens, tags, PLACES)) == want


@pytest.mark.parametrize("word,stem", [("бразилиялық", "бразилия"), ("Шымкенттіктердің", "шымкент"),
                                       ("қазақстандықтарға", "қазақстан"), ("Ақтөбеліктер", "ақтөбе"),
                                       ("шымкенттікпен", "шымкент"), ("Шымкентте", None), ("кітап", None)])
def test_demonym_stem(word, stem):
    assert demonym_stem(word) == stem


def test_place_stems_are_the_gazetteers_gpe():
    table = {"шымкент": "GPE", "~бразилия": "GPE|LOCATION", "~дала": "LOCATION", "^қала": "GPE", "тоқаев": "PERSON"}
    assert place_stems(table) == {"шымкент", "бразилия"}


def test_repair_runs_dates_and_demonyms():
    tokens, tags = tagged("Бразилиялық делегация наурыздың/B-DATE 10-ы/B-CAR мен 12-сі/B-CAR аралығында келеді")
    got = names(tokens, repair(tokens, tags, str.lower, PLACES))
    assert got == [("Бразилиялық", "NORP"), ("наурыздың 10-ы мен 12-сі аралығында", "DATE")]
