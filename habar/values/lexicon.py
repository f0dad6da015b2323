"""Kazakh value words as data: numbers, scales, months, currencies, units, bounds and relative time words.

Keys are lowercase stems; `habar.values.words.lookup` accepts them with any case/possessive ending.
"""

from __future__ import annotations

# Cardinal number words (stem -> value). "жарым" is "and a half" after a number ("бір жарым" = 1.5).
NUMBER_WORDS: dict[str, int] = {
    "нөл": 0, "бір": 1, "екі": 2, "үш": 3, "төрт": 4, "бес": 5, "алты": 6, "жеті": 7, "сегіз": 8, "тоғыз": 9,
    "он": 10, "жиырма": 20, "отыз": 30, "қырық": 40, "елу": 50, "алпыс": 60, "жетпіс": 70, "сексен": 80,
    "тоқсан": 90, "жүз": 100,
}

# Stems that differ from the cardinal before an ending that starts with a vowel ("қырқыншы", "жиырмасыншы").
NUMBER_ALLOMORPHS: dict[str, str] = {"қырқ": "қырық", "жиырмас": "жиырма", "алт": "алты", "тоғыз": "тоғыз"}

# Collective numerals ("екеуі" = the two of them): value as a cardinal.
COLLECTIVE_WORDS: dict[str, int] = {
    "екеу": 2, "үшеу": 3, "төртеу": 4, "бесеу": 5, "алтау": 6, "жетеу": 7, "сегізеу": 8, "тоғызау": 9, "онау": 10,
}

# Multiplying scale words; short forms are written with or without a dot.
SCALE_WORDS: dict[str, float] = {
    "мың": 1e3, "миллион": 1e6, "млн": 1e6, "миллиард": 1e9, "млрд": 1e9, "триллион": 1e12, "трлн": 1e12,
}

# Fractions after "бүтін": "төрт бүтін оннан тоғыз" = 4.9 (the ablative names the denominator).
FRACTION_WORDS: dict[str, str] = {"бүтін": "point"}
HALF_WORDS: dict[str, float] = {"жарым": 0.5}

# Month stems in the nominative; every case and possessive ending is accepted on top of them.
MONTHS: dict[str, int] = {
    "қаңтар": 1, "ақпан": 2, "наурыз": 3, "сәуір": 4, "мамыр": 5, "маусым": 6,
    "шілде": 7, "тамыз": 8, "қыркүйек": 9, "қазан": 10, "қараша": 11, "желтоқсан": 12,
    # Russian month names appear in Kazakh news, too ("15 январь").
    "январь": 1, "февраль": 2, "март": 3, "апрель": 4, "май": 5, "июнь": 6,
    "июль": 7, "август": 8, "сентябрь": 9, "октябрь": 10, "ноябрь": 11, "декабрь": 12,
}

# Words that mark a year or a period in dates.
YEAR_WORDS = ("жыл",)          # "2019 жылы", "2019 жылғы", "жылдың"
CENTURY_WORDS = ("ғасыр",)
MONTH_WORD = "ай"              # "тамыз айында"
DAY_WORDS = ("күн",)

# Relative date words -> (unit, offset) against the article's date.
RELATIVE_DATES: dict[str, tuple[str, int]] = {
    "биыл": ("year", 0), "биылғы": ("year", 0), "ағымдағы": ("year", 0), "осы": ("year", 0),
    "былтыр": ("year", -1), "былтырғы": ("year", -1), "өткен": ("year", -1), "келесі": ("year", 1),
    "алдағы": ("year", 1), "келер": ("year", 1), "бүгін": ("day", 0), "бүгінгі": ("day", 0), "бүгінде": ("day", 0), "кеше": ("day", -1),
    "кешегі": ("day", -1), "ертең": ("day", 1), "ертеңгі": ("day", 1),
}

# Currencies: stem -> ISO 4217 code. "АҚШ доллары" is USD; a bare "доллар" in Kazakh news is USD, too.
CURRENCIES: dict[str, str] = {
    "теңге": "KZT", "тг": "KZT", "₸": "KZT", "доллар": "USD", "$": "USD", "еуро": "EUR", "евро": "EUR",
    "€": "EUR", "рубль": "RUB", "рубл": "RUB", "₽": "RUB", "юань": "CNY", "юан": "CNY", "вон": "KRW",
    "фунт": "GBP", "иена": "JPY", "йена": "JPY", "сом": "KGS", "сум": "UZS", "лира": "TRY", "манат": "AZN",
    "тиын": "KZT_TIYN", "цент": "USD_CENT",
}
# Sub-units are converted to the main unit.
SUBUNITS: dict[str, tuple[str, float]] = {"KZT_TIYN": ("KZT", 0.01), "USD_CENT": ("USD", 0.01)}

# Units of quantities: stem -> unit symbol. Two-word units are matched first.
UNITS: dict[str, str] = {
    "шақырым": "km", "километр": "km", "км": "km", "метр": "m", "м": "m", "сантиметр": "cm", "см": "cm",
    "миллиметр": "mm", "мм": "mm", "дециметр": "dm", "тонна": "t", "т": "t", "центнер": "q",
    "килограмм": "kg", "кг": "kg", "грамм": "g", "г": "g", "миллиграмм": "mg", "мг": "mg", "гектар": "ha",
    "га": "ha", "литр": "l", "л": "l", "градус": "deg", "баррель": "bbl", "ватт": "W", "киловатт": "kW",
    "мегаватт": "MW", "гигаватт": "GW", "вольт": "V", "ұпай": "points", "калория": "kcal", "байт": "B",
    "гигабайт": "GB", "мегабайт": "MB", "текше": "m3", "шаршы": "m2", "келі": "kg", "кило": "kg", "куб": "m3",
}
MULTIWORD_UNITS: dict[tuple[str, ...], str] = {
    ("шаршы", "метр"): "m2", ("шаршы", "шақырым"): "km2", ("шаршы", "километр"): "km2",
    ("текше", "метр"): "m3", ("куб", "метр"): "m3", ("айлық", "есептік", "көрсеткіш"): "MCI",
    ("шаршы", "м"): "m2", ("текше", "м"): "m3",
}

# Bounds and approximations: stem -> bound kind. Some precede the number ("шамамен 500"), most follow it.
BOUNDS: dict[str, str] = {
    "аса": "min", "астам": "min", "асты": "min", "асады": "min", "асқан": "min", "асып": "min",
    "асатын": "min", "артық": "min", "көп": "min", "жоғары": "min", "кем": "max",
    "дейін": "max", "шейін": "max", "аспайтын": "max", "аз": "max", "төмен": "max",
    "шамамен": "approx", "шамасында": "approx", "шамасы": "approx", "жуық": "approx", "жуығ": "approx",
    "қарай": "approx", "дерлік": "approx", "мөлшерінде": "approx", "жуықтап": "approx", "тарта": "approx",
}
# "-дай/-дей" on a number or unit ("теңгедей", "мыңдай") also means "about".
APPROX_ENDINGS = ("дай", "дей", "тай", "тей", "ндай", "ндей")

PERCENT_WORDS = ("пайыз", "процент", "%")
