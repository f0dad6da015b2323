"""Base forms of entity mentions: strip the case ending from the last word, keep the possessive.

"Оңтүстік Кореяның" -> "Оңтүстік Корея", "Назарбаев Университетінің" -> "Назарбаев Университеті",
"Қасым-Жомарт Тоқаевтың" -> "Қасым-Жомарт Тоқаев", "АТЫО-ның" -> "АТЫО", "Сеул қаласында" -> "Сеул қаласы".
An ending is stripped only where Kazakh phonology allows that allomorph after the remaining stem, and a word
known in its full form (from the shipped cluster and gazetteer vocabularies) is kept unless its stem is known too,
so "Астана" and "Канада" stay whole.
"""

from __future__ import annotations

from typing import Callable

from habar.values.endings import nominal_endings

VOWELS = set("аәеиоөұүуыіэюяёАӘЕИОӨҰҮУЫІЭЮЯЁaeiouy")
VOICED = set("лмнңрйузж")
VOICELESS = set("кқпстфхцчшщбвгд")
NASAL = set("мнң")
POSS = set("ыі")

# ending -> which stem-final letters it may follow ("V" vowel, "Z" voiced consonant, "S" voiceless, "N" nasal,
# "P" the 3rd-person possessive ы/і, or a literal string of letters)
ENDINGS: dict[str, str] = {
    **dict.fromkeys(("ның", "нің"), "VNP"), **dict.fromkeys(("дың", "дің"), "лрйузж"),
    **dict.fromkeys(("тың", "тің"), "S"),
    **dict.fromkeys(("ға", "ге"), "VZ"), **dict.fromkeys(("қа", "ке"), "S"), **dict.fromkeys(("на", "не"), "P"),
    "н": "P", **dict.fromkeys(("ны", "ні"), "V"), **dict.fromkeys(("ды", "ді"), "Z"),
    **dict.fromkeys(("ты", "ті"), "S"),
    **dict.fromkeys(("да", "де"), "VZ"), **dict.fromkeys(("та", "те"), "S"), **dict.fromkeys(("нда", "нде"), "P"),
    **dict.fromkeys(("дан", "ден"), "Vлрйузж"), **dict.fromkeys(("нан", "нен"), "NP"),
    **dict.fromkeys(("тан", "тен"), "S"),
    **dict.fromkeys(("мен", "менен"), "Vлрйумнң"), **dict.fromkeys(("бен", "бенен"), "зж"),
    **dict.fromkeys(("пен", "пенен"), "S"),
    **dict.fromkeys(("дағы", "дегі"), "VZ"), **dict.fromkeys(("тағы", "тегі"), "S"),
    **dict.fromkeys(("ндағы", "ндегі"), "P"),
}
_LONGEST_FIRST = sorted(ENDINGS, key=len, reverse=True)
MIN_STEM = 2
# People are rarely "in" or "at" something, and foreign names end in -да/-де ("Бренде"): keep those whole.
LOCATIVE = {"да", "де", "та", "те", "нда", "нде", "дағы", "дегі", "тағы", "тегі", "ндағы", "ндегі"}
# The accusative after the possessive ("орталығын"), stripped from lowercase head nouns only: names end in -ын/-ін
# too ("Нарын", "Бейжін").
POSS_ACCUSATIVE = "н"
# Locatives straight on a stem, without the possessive before them: many names end like this.
BARE_LOCATIVE = {"да", "де", "та", "те", "дағы", "дегі", "тағы", "тегі"}


def _allowed(stem: str, rule: str) -> bool:
    last = stem.rstrip("ьъЬЪ")[-1:].lower()  # the sound before a soft sign selects the ending: "Беларусьте"
    return bool(last) and (
        ("V" in rule and last in VOWELS) or ("Z" in rule and last in VOICED) or ("S" in rule and last in VOICELESS)
        or ("N" in rule and last in NASAL) or ("P" in rule and last in POSS) or last in rule.replace("V", "")
        .replace("Z", "").replace("S", "").replace("N", "").replace("P", "")
    )


def strip_word(word: str, known: Callable[[str], bool] = lambda w: False, person: bool = False,
               lemma: Callable[[str], str | None] = lambda w: None) -> str:
    """The word without its case ending; `known(lowercase form)` tells whether a form is attested, and
    `lemma(word)`, tried first, may give the word's base form outright (a lexicon's proper noun: "Лондонда" ->
    "Лондон"). Not for people: "Бренде" is a name, not "Бренд" in the locative."""
    base = None if person else lemma(word)
    if base:
        return base
    if "-" in word:  # "АТЫО-ның", "Google-дің": the ending is written after a hyphen
        head, tail = word.rsplit("-", 1)
        if head and tail.lower() in nominal_endings() and tail:
            return head
    lower = word.lower()
    for end in _LONGEST_FIRST:
        if lower.endswith(end) and len(word) - len(end) >= MIN_STEM:
            stem = word[: -len(end)]
            if not _allowed(stem, ENDINGS[end]) or (person and end in LOCATIVE):
                continue
            if end == POSS_ACCUSATIVE and (person or not word[:1].islower()):
                continue
            if end in BARE_LOCATIVE and not known(stem.lower()):
                continue  # "Зерде", "Бренде": a name ending in -де; "Алматыда" strips because "алматы" is known
            if known(lower) and not known(stem.lower()):
                return word  # attested as a whole ("Астана"), and the shorter form is not
            return stem
    return word


def base_form(tokens: list[str], known: Callable[[str], bool] = lambda w: False, label: str = "",
              lemma: Callable[[str], str | None] = lambda w: None) -> str:
    """Base form of a mention: earlier words are already in their base form in Kazakh noun phrases."""
    if not tokens:
        return ""
    words = list(tokens)
    while words and words[-1] in {"»", ")", ",", ".", "-", "–"}:
        words.pop()
    if not words:
        return " ".join(tokens)
    words[-1] = strip_word(words[-1], known, person=label == "PERSON", lemma=lemma)
    return _join(words)


def _join(words: list[str]) -> str:
    out = ""
    for w in words:
        if out and not (w in {"»", ")", ",", ".", "%"} or out.endswith(("«", "(")) or w.startswith("-")):
            out += " "
        out += w
    return out
