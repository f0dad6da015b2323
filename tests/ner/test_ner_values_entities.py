"""Whole value entities: dates, money, percentages, quantities and cardinals (table-driven)."""

from __future__ import annotations

import pytest

from habar.values import normalise

PUBLISHED = "2021-06-10"

DATES = [
    ("2019 жылғы 21 қарашада", "2019-11-21"), ("ағымдағы жылдың тамыз айында", "2021-08"), ("2020 жылы", "2020"),
    ("биылғы", "2021"), ("былтыр", "2020"), ("келесі жылы", "2022"), ("бүгін", "2021-06-10"), ("кеше", "2021-06-09"),
    ("15 мамырда", "2021-05-15"), ("21.11.2019", "2019-11-21"), ("2019-2020 жылдары", "2019/2020"),
    ("2019 жылдан 2021 жылға дейін", "2019/2021"), ("екі мың он тоғызыншы жылы", "2019"),
    ("бес жыл ішінде", "P5Y"), ("3 ай", "P3M"), ("бір жарым жыл ішінде", "P1.5Y"), ("он күн", "P10D"),
    ("2018 жылдың желтоқсанында", "2018-12"), ("келер жылдың", "2022"),
]


@pytest.mark.parametrize("text,iso", DATES)
def test_dates(text, iso):
    assert normalise("DATE", text.split(), PUBLISHED) == iso


def test_relative_date_needs_the_article_date():
    assert normalise("DATE", "ағымдағы жылдың тамыз айында".split(), "") is None


MONEY = [
    ("500 млрд теңге", 5e11, "KZT", None), ("1 млрд доллардан аса", 1e9, "USD", "min"),
    ("3,9 трлн доллар", 3.9e12, "USD", None), ("шамамен 500 млрд теңге", 5e11, "KZT", "approx"),
    ("1 млрд доллардан астам", 1e9, "USD", "min"), ("300 теңгеге дейін", 300, "KZT", "max"),
    ("100 мың теңгеден кем", 1e5, "KZT", "max"), ("мың теңгедей", 1000, "KZT", "approx"),
    ("үш жүз сексен теңгеден", 380, "KZT", None), ("алты миллиард теңге", 6e9, "KZT", None),
    ("2 млн еуро", 2e6, "EUR", None), ("50 млн рубль", 5e7, "RUB", None), ("10 мың юань", 1e4, "CNY", None),
    ("5 млрд вон", 5e9, "KRW", None), ("100 АҚШ доллары", 100, "USD", None), ("50 тиын", 0.5, "KZT", None),
]


@pytest.mark.parametrize("text,amount,currency,bound", MONEY)
def test_money(text, amount, currency, bound):
    value = normalise("MONEY", text.split())
    assert value["amount"] == pytest.approx(amount)
    assert (value["currency"], value["bound"]) == (currency, bound)


def test_money_bound_after_the_span():
    assert normalise("MONEY", "1 млрд доллардан".split(), after=["аса"])["bound"] == "min"


QUANTITIES = [
    ("20 мың шақырым", 20000, "km", None), ("20 мың шақырымдық", 20000, "km", None),
    ("60 шаршы метрден", 60, "m2", None), ("110 тоннадан астам", 110, "t", "min"),
    ("бес текше метр", 5, "m3", None), ("10 айлық есептік көрсеткіш", 10, "MCI", None),
    ("екі киловаттық", 2, "kW", None), ("үш келіге жуығын", 3, "kg", "approx"),
    ("екі-үш километрден", 2, "km", None),  # a range: its first number
    ("жүз гектар", 100, "ha", None), ("шамамен 5 килограмм", 5, "kg", "approx"),
]


@pytest.mark.parametrize("text,value,unit,bound", QUANTITIES)
def test_quantities(text, value, unit, bound):
    assert normalise("QUANTITY", text.split()) == {"value": value, "unit": unit, "bound": bound}


@pytest.mark.parametrize("text,value", [("99%-ы", 99), ("99 %-ды", 99), ("3%-ға", 3), ("елу пайыз", 50),
                                        ("74 , 9 %-ы", 74.9), ("қырық процентін", 40)])
def test_percentages(text, value):
    assert normalise("PERCENTAGE", text.split()) == pytest.approx(value)


@pytest.mark.parametrize("text,value", [("бес", 5), ("Мыңнан астам", 1000), ("екі мың", 2000), ("12", 12),
                                        ("жүздеген", 100), ("18-і", 18), ("бір-екі", 1), ("екеуі", 2)])
def test_cardinals(text, value):
    assert normalise("CARDINAL", text.split()) == value


@pytest.mark.parametrize("text,value", [("екінші", 2), ("2-ншіден", 2), ("1-іншіден", 1), ("11-іншісі", 11),
                                        ("он бірінші", 11)])
def test_ordinals(text, value):
    assert normalise("ORDINAL", text.split()) == value
