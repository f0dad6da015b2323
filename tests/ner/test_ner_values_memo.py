"""habar.values remembers values and word readings: a remembered answer is the one reading again gives, it is
keyed by everything the value depends on (the publication date of a DATE, the word after a MONEY or QUANTITY),
and a remembered dict is never shared with the caller."""

from __future__ import annotations

import pytest

from habar.values import _read, normalise
from habar.values import words

# (label, tokens, published, after, value): the same tokens asked twice with a different context
CONTEXTS = [
    ("DATE", ["ағымдағы", "жылдың", "тамыз", "айында"], "2019-11-22", [], "2019-08"),
    ("DATE", ["ағымдағы", "жылдың", "тамыз", "айында"], "2021-02-05", [], "2021-08"),
    ("DATE", ["кеше"], "2020-03-04", [], "2020-03-03"),
    ("DATE", ["кеше"], "2021-01-01", [], "2020-12-31"),
    ("DATE", ["кеше"], "", [], None),
    ("DATE", ["21", "қарашада"], "2019-11-22", [], "2019-11-21"),
    ("DATE", ["21", "қарашада"], "", [], None),
    ("DATE", ["былтыр"], "2020-05-05", [], "2019"),
    ("DATE", ["алдағы", "бес", "жылда"], "2020-05-05", [], "P5Y"),
    ("DATE", ["21.11.2019"], "", [], "2019-11-21"),
    ("MONEY", ["1", "млрд", "доллардан"], "", ["аса"], {"amount": 1e9, "currency": "USD", "bound": "min"}),
    ("MONEY", ["1", "млрд", "доллардан"], "", ["жұмсалды"], {"amount": 1e9, "currency": "USD", "bound": None}),
    ("QUANTITY", ["20", "мың", "шақырым"], "", ["шамамен"], {"value": 20000, "unit": "km", "bound": "approx"}),
    ("QUANTITY", ["20", "мың", "шақырым"], "", [], {"value": 20000, "unit": "km", "bound": None}),
    ("CARDINAL", ["мыңнан"], "2020-01-01", ["астам"], 1000),
    ("ORDINAL", ["екінші"], "", [], 2),
]


@pytest.mark.parametrize("label, tokens, published, after, value", CONTEXTS)
def test_a_value_asked_again_in_another_context_is_read_for_it(label, tokens, published, after, value):
    for _ in range(2):  # the second answer comes from memory
        assert normalise(label, tokens, published, after) == value == _read(label, tokens, published, after)


def test_a_remembered_dict_is_a_copy():
    first = normalise("MONEY", ["500", "млрд", "теңге"])
    first["amount"] = 0
    assert normalise("MONEY", ["500", "млрд", "теңге"])["amount"] == 5e11


# words each reader accepts or not, in several cases and spellings
WORDS = ["бес", "бесінші", "5-ші", "мыңнан", "млрд", "миллиардтан", "қарашада", "тамызының", "теңгеден",
         "доллар", "шақырымға", "аса", "астам", "шамамен", "2019", "3,9", "99%-ы", "Алматы", "жылы", ""]
READERS = ["number_word", "ordinal_word", "scale_word", "month_word", "currency_word", "unit_word", "bound_word",
           "digits"]


@pytest.mark.parametrize("reader", READERS)
def test_remembered_word_readings_are_the_readings(reader):
    fn = getattr(words, reader)
    for w in WORDS + WORDS:
        assert fn(w) == fn.__wrapped__(w), w
