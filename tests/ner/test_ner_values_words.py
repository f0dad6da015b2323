"""Value words: months in every case, number words, scale words, currencies and bounds (table-driven)."""

from __future__ import annotations

import pytest

from habar.values import normalise
from habar.values.dates import normalise_date
from habar.values.numbers import read_value
from habar.values.words import bound_word, currency_word, month_word, ordinal_word, scale_word

# month -> nominative, genitive, dative, accusative, locative, ablative, instrumental
MONTH_CASES = {
    1: "қаңтар қаңтардың қаңтарға қаңтарды қаңтарда қаңтардан қаңтармен",
    2: "ақпан ақпанның ақпанға ақпанды ақпанда ақпаннан ақпанмен",
    3: "наурыз наурыздың наурызға наурызды наурызда наурыздан наурызбен",
    4: "сәуір сәуірдің сәуірге сәуірді сәуірде сәуірден сәуірмен",
    5: "мамыр мамырдың мамырға мамырды мамырда мамырдан мамырмен",
    6: "маусым маусымның маусымға маусымды маусымда маусымнан маусыммен",
    7: "шілде шілденің шілдеге шілдені шілдеде шілдеден шілдемен",
    8: "тамыз тамыздың тамызға тамызды тамызда тамыздан тамызбен",
    9: "қыркүйек қыркүйектің қыркүйекке қыркүйекті қыркүйекте қыркүйектен қыркүйекпен",
    10: "қазан қазанның қазанға қазанды қазанда қазаннан қазанмен",
    11: "қараша қарашаның қарашаға қарашаны қарашада қарашадан қарашамен",
    12: "желтоқсан желтоқсанның желтоқсанға желтоқсанды желтоқсанда желтоқсаннан желтоқсанмен",
}
MONTH_FORMS = [(form, month) for month, forms in MONTH_CASES.items() for form in forms.split()]
# possessive + case ("тамыз айының", "қарашасында") and capitalised forms
MONTH_FORMS += [("тамызының", 8), ("қарашасында", 11), ("желтоқсанына", 12), ("Наурызда", 3), ("ҚАҢТАРДА", 1)]


@pytest.mark.parametrize("form,month", MONTH_FORMS)
def test_month_in_every_case(form, month):
    assert month_word(form) == month


@pytest.mark.parametrize("form,month", MONTH_FORMS)
def test_date_with_month_in_every_case(form, month):
    assert normalise_date(["2019", "жылғы", "5", form]) == f"2019-{month:02d}-05"


@pytest.mark.parametrize("word", ["қазақ", "тамызық", "шілдехана", "мамық", "наурыздама"])
def test_not_a_month(word):
    assert month_word(word) is None


NUMBERS = [
    ("бір", 1), ("екі", 2), ("үш", 3), ("төрт", 4), ("бес", 5), ("алты", 6), ("жеті", 7), ("сегіз", 8),
    ("тоғыз", 9), ("он", 10), ("жиырма", 20), ("отыз", 30), ("қырық", 40), ("елу", 50), ("алпыс", 60),
    ("жетпіс", 70), ("сексен", 80), ("тоқсан", 90), ("жүз", 100), ("мың", 1000),
    ("он бес", 15), ("жиырма екі", 22), ("тоғыз жүз тоқсан тоғыз", 999), ("екі мың жиырма бір", 2021),
    ("мың тоғыз жүз тоқсан бір", 1991), ("бес жүз мың", 500_000), ("екі миллион бес жүз мың", 2_500_000),
    ("бір жарым", 1.5), ("бір жарым миллион", 1_500_000), ("жетпіс төрт бүтін оннан тоғыз", 74.9),
    ("бір бүтін жүзден жиырма бес", 1.25), ("бестен", 5), ("оннан", 10), ("мыңнан", 1000), ("екеуі", 2),
    ("2019", 2019), ("3,9", 3.9), ("3 , 9", 3.9), ("1 000 000", 1_000_000), ("20000000", 20_000_000),
]


@pytest.mark.parametrize("text,value", NUMBERS)
def test_number_words(text, value):
    assert read_value(text.split()) == pytest.approx(value)


ORDINALS = [("бірінші", 1), ("екінші", 2), ("үшінші", 3), ("төртінші", 4), ("бесінші", 5), ("алтыншы", 6),
            ("жетінші", 7), ("сегізінші", 8), ("тоғызыншы", 9), ("оныншы", 10), ("жиырмасыншы", 20),
            ("қырқыншы", 40), ("жүзінші", 100), ("мыңыншы", 1000), ("Біріншіден", 1), ("екіншісі", 2),
            ("5-ші", 5), ("2-нші", 2), ("11-інші", 11), ("1-іншіден", 1)]


@pytest.mark.parametrize("word,value", ORDINALS)
def test_ordinal_words(word, value):
    assert ordinal_word(word) == value


@pytest.mark.parametrize("text,value", [("он бірінші", 11), ("елу бірінші", 51), ("екінші", 2), ("11-інші", 11)])
def test_ordinal_entities(text, value):
    assert normalise("ORDINAL", text.split()) == value


SCALES = [("мың", 1e3), ("мыңнан", 1e3), ("мыңдаған", 1e3), ("млн", 1e6), ("млн.", 1e6), ("миллион", 1e6),
          ("миллионға", 1e6), ("млрд", 1e9), ("миллиард", 1e9), ("миллиардтан", 1e9), ("трлн", 1e12),
          ("триллион", 1e12), ("триллионнан", 1e12)]


@pytest.mark.parametrize("word,scale", SCALES)
def test_scale_words(word, scale):
    assert scale_word(word) == scale


@pytest.mark.parametrize("text,value", [("500 млрд", 5e11), ("3,9 трлн", 3.9e12), ("20 мың", 2e4),
                                        ("бес миллион", 5e6), ("1,5 млн", 1.5e6), ("екі жүз миллиард", 2e11)])
def test_numbers_with_scales(text, value):
    assert read_value(text.split()) == pytest.approx(value)


CURRENCIES = [("теңге", "KZT"), ("теңгеден", "KZT"), ("теңгеге", "KZT"), ("теңгенің", "KZT"), ("доллар", "USD"),
              ("доллардан", "USD"), ("долларға", "USD"), ("доллары", "USD"), ("еуро", "EUR"), ("еуроға", "EUR"),
              ("евро", "EUR"), ("рубль", "RUB"), ("рубльден", "RUB"), ("юань", "CNY"), ("юаньға", "CNY"),
              ("вон", "KRW"), ("вонға", "KRW")]


@pytest.mark.parametrize("word,code", CURRENCIES)
def test_currency_words(word, code):
    assert currency_word(word) == code


BOUNDS = [("аса", "min"), ("астам", "min"), ("артық", "min"), ("дейін", "max"), ("кем", "max"),
          ("шамамен", "approx"), ("жуық", "approx")]


@pytest.mark.parametrize("word,bound", BOUNDS)
def test_bound_words(word, bound):
    assert bound_word(word) == bound
