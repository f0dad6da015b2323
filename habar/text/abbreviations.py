"""Kazakh abbreviations, as data: what each stands for and how it behaves at a sentence boundary.

Kinds:
- "inner": the dot never ends a sentence (a title before a name, "т.е." before what it explains).
- "year": "ж.", "ғ." and their plurals; after a number or a Roman numeral they never end a sentence,
  because Kazakh is verb-final and a date almost never closes one. Elsewhere they behave like "any".
- "any": may end a sentence (a list closed by "т.б."): the dot ends one when the next word is capitalised.
- "bare": written without dots (млн, ҚР, ЖШС); listed so that a stray dot after them ("млн. теңге") is read
  as the abbreviation's, and for other modules (NER, money) that want the expansions.

Case and dot variants are generated in code (`DOTTED`, `SPLIT_LETTERS`), not listed by hand.
"""

from __future__ import annotations

# form -> (expansion, kind)
ABBREVIATIONS: dict[str, tuple[str, str]] = {
    # lists and references
    "т.б.": ("тағы басқа", "any"),
    "т.с.с.": ("тағы сол сияқты", "any"),
    "т.т.": ("тағы тағылар", "any"),
    "т.е.": ("яғни (орысша то есть)", "inner"),
    # "мыс" (copper) and "көш" (migration) are also words, so their dots may end a sentence.
    "мыс.": ("мысалы", "any"),
    # "б.з.б." stands before the date it qualifies (б.з.б. ІІ ғасырда), so it does not close a sentence
    "б.з.б.": ("біздің заманымызға дейін", "inner"),
    "б.з.": ("біздің заманымыз", "inner"),
    # dates and measures
    "ж.": ("жыл", "year"),
    "жж.": ("жылдар", "year"),
    "ғ.": ("ғасыр", "year"),
    "ғғ.": ("ғасырлар", "year"),
    "сағ.": ("сағат", "inner"),
    "мин.": ("минут", "any"),
    "шақ.": ("шақырым", "any"),
    "млн.": ("миллион", "any"),
    "млрд.": ("миллиард", "any"),
    "трлн.": ("триллион", "any"),
    # titles, degrees and addresses, which stand before a name or a number
    "проф.": ("профессор", "inner"),
    "акад.": ("академик", "inner"),
    "доц.": ("доцент", "inner"),
    "ф.ғ.д.": ("филология ғылымдарының докторы", "any"),
    "т.ғ.д.": ("тарих ғылымдарының докторы", "any"),
    "э.ғ.д.": ("экономика ғылымдарының докторы", "any"),
    "з.ғ.д.": ("заң ғылымдарының докторы", "any"),
    "ф.ғ.к.": ("филология ғылымдарының кандидаты", "any"),
    "т.ғ.к.": ("техника ғылымдарының кандидаты", "any"),
    "э.ғ.к.": ("экономика ғылымдарының кандидаты", "any"),
    "қ.": ("қаласы", "any"),
    "обл.": ("облысы", "any"),
    "ауд.": ("ауданы", "any"),
    "көш.": ("көшесі", "any"),
    "даңғ.": ("даңғылы", "inner"),
    "№": ("нөмір", "bare"),
    # English ones in names and titles quoted in Kazakh news (Six Flags St. Louis, Roe v. Wade)
    "St.": ("Saint", "inner"),
    "Dr.": ("Doctor", "inner"),
    "Mr.": ("Mister", "inner"),
    "Mrs.": ("Missis", "inner"),
    "vs.": ("versus", "inner"),
    "v.": ("versus", "inner"),
    # written without dots
    "млн": ("миллион", "bare"),
    "млрд": ("миллиард", "bare"),
    "трлн": ("триллион", "bare"),
    "мың": ("мың", "bare"),
    "ҚР": ("Қазақстан Республикасы", "bare"),
    "АҚ": ("акционерлік қоғам", "bare"),
    "ЖШС": ("жауапкершілігі шектеулі серіктестік", "bare"),
    "ЖК": ("жеке кәсіпкер", "bare"),
    "ҰҒА": ("Ұлттық ғылым академиясы", "bare"),
    "БҰҰ": ("Біріккен Ұлттар Ұйымы", "bare"),
    "ТМД": ("Тәуелсіз Мемлекеттер Достастығы", "bare"),
    "ЕАЭО": ("Еуразиялық экономикалық одақ", "bare"),
    "АҚШ": ("Америка Құрама Штаттары", "bare"),
    "ҚХР": ("Қытай Халық Республикасы", "bare"),
    "РФ": ("Ресей Федерациясы", "bare"),
    "ЕО": ("Еуропалық одақ", "bare"),
    "ЖІӨ": ("жалпы ішкі өнім", "bare"),
    "ҰБТ": ("ұлттық бірыңғай тестілеу", "bare"),
    "ЖОО": ("жоғары оқу орны", "bare"),
    "ҚҚС": ("қосылған құн салығы", "bare"),
    "ІІМ": ("Ішкі істер министрлігі", "bare"),
    "ҰҚК": ("Ұлттық қауіпсіздік комитеті", "bare"),
    "ТЖМ": ("Төтенше жағдайлар министрлігі", "bare"),
    "АКТ": ("ақпараттық-коммуникациялық технологиялар", "bare"),
}


def _variants(form: str) -> set[str]:
    """The form as listed and with its first letter capitalised (at the start of a sentence)."""
    return {form, form[:1].upper() + form[1:]}


# Dotted forms (lower and sentence-initial), without their final dot, mapped to their kind.
DOTTED: dict[str, str] = {
    v[:-1]: kind
    for form, (_, kind) in ABBREVIATIONS.items()
    if form.endswith(".")
    for v in _variants(form)
}

# Multi-letter abbreviations whose letters a naive splitter can tear onto separate lines ("т.б." -> "т\nб\n").
SPLIT_LETTERS: tuple[tuple[str, ...], ...] = tuple(
    sorted(
        {tuple(form[:-1].split(".")) for form in ABBREVIATIONS
         if form.endswith(".") and form.count(".") >= 2 and all(len(p) == 1 for p in form[:-1].split("."))},
        key=len,
        reverse=True,
    )
)

YEAR_WORDS = frozenset(k for k, kind in DOTTED.items() if kind == "year")


def expansion(form: str) -> str | None:
    """What an abbreviation stands for, or None if it is not listed."""
    entry = ABBREVIATIONS.get(form) or ABBREVIATIONS.get(form.lower())
    return entry[0] if entry else None
