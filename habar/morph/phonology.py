"""Kazakh sound classes: vowel harmony, the class of a stem's last sound, and archiphoneme realisation.

Suffix templates are written with archiphonemes (capital Latin letters, see ARCHIPHONEMES) and realised here
for a context = (harmony, final class) of whatever precedes them. The rules follow the school grammar:
- harmony: back (а о ұ ы у я ё э) or front (ә е ө ү і и ю), decided by the last vowel;
- final class: V vowel, R = р й у и ю (sonorants that behave like vowels for л- suffixes),
  L = л, N = м н ң (nasals), Z = ж з, T = voiceless (п к қ т с ш ф х ц ч щ һ, and devoiced б в г ғ д).
"""

from __future__ import annotations

from functools import lru_cache

KAZAKH_LETTERS = "аәбвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюя"
VOWELS = frozenset("аәеёиоөуұүыіэюя")
BACK_VOWELS = frozenset("аоұыуяёэ")
FRONT_VOWELS = frozenset("әеөүіию")
# Vowels that decide harmony on their own; у and и are glides after a vowel (ту, кию) and only count
# when a word has no other vowel.
_STRONG = {**{v: "b" for v in "аоұыяёэ"}, **{v: "f" for v in "әеөүію"}}

CLASS_OF_FINAL = {
    **{c: "V" for c in "аәеёоөұүыіэя"},
    **{c: "R" for c in "рйуию"},
    "л": "L",
    **{c: "N" for c in "мнң"},
    **{c: "Z" for c in "жз"},
    **{c: "T" for c in "пкқтсшфхцчщһбвгғд"},
}
CLASSES = ("V", "R", "L", "N", "Z", "T")
HARMONIES = ("b", "f")

# Stem-final consonants that are voiced before a vowel-initial suffix: кітап -> кітабы, құлақ -> құлағы.
VOICING = {"п": "б", "к": "г", "қ": "ғ"}
DEVOICING = {v: k for k, v in VOICING.items()}


RUSSIAN_SURNAME = ("ев", "ева", "евич", "евна", "ов", "ова", "ович", "овна")


@lru_cache(maxsize=100_000)
def harmony(word: str) -> str:
    """'b' (back) or 'f' (front) from the last vowel; у/и decide only when no other vowel is present."""
    weak = ""
    word = word.lower()
    if word.endswith(RUSSIAN_SURNAME) and len(word) > 4:   # Тоқаевтың, Жұмабековке: the root decides
        word = word[: max(word.rindex("е") if "ев" in word[-4:] else -1, word.rindex("о") if "ов" in word[-4:] else -1)]
    if word[-1:] in "кг" and len(word) > 2 and _last_strong(word) == "b":
        return "f"   # банк, парк, педагог: a final к/г after a back vowel marks a loanword with front suffixes
    for ch in reversed(word):
        h = _STRONG.get(ch)
        if h:
            return h
        if not weak and ch in "уи":
            weak = "b" if ch == "у" else "f"
    return weak or "b"


def _last_strong(word: str) -> str:
    return next((_STRONG[ch] for ch in reversed(word) if ch in _STRONG), "")


def final_class(word: str) -> str:
    return CLASS_OF_FINAL.get(word[-1:].lower(), "T") if word else "V"


def _v(h: str, back: str, front: str) -> str:
    return back if h == "b" else front


# archiphoneme -> (harmony, final class) -> surface. Each entry is one rule of the school grammar.
ARCHIPHONEMES = {
    "A": lambda h, c: _v(h, "а", "е"),
    "I": lambda h, c: _v(h, "ы", "і"),
    "K": lambda h, c: _v(h, "қ", "к"),
    # dative, participle -ҒАн: voiceless after voiceless sounds
    "G": lambda h, c: _v(h, "қ", "к") if c == "T" else _v(h, "ғ", "г"),
    # plural -ЛАр, -ЛЫ, -ЛЫҚ: л after vowels and р й у, д after л, nasals, ж з, т after voiceless
    "L": lambda h, c: "л" if c in "VR" else ("т" if c == "T" else "д"),
    # locative -ДА, past -ДЫ: д after vowels and voiced sounds
    "D": lambda h, c: "т" if c == "T" else "д",
    # genitive -НЫҢ: н after vowels and nasals
    "N": lambda h, c: "н" if c in "VN" else ("т" if c == "T" else "д"),
    # accusative -НЫ: н only after vowels
    "C": lambda h, c: "н" if c == "V" else ("т" if c == "T" else "д"),
    # ablative -ДАН: н after nasals
    "B": lambda h, c: "н" if c == "N" else ("т" if c == "T" else "д"),
    # instrumental -МЕН, predicative -МЫН: б after ж з, п after voiceless
    "M": lambda h, c: "б" if c == "Z" else ("п" if c == "T" else "м"),
    # negation -МА, -МАҚ: б after nasals and ж з, п after voiceless
    "P": lambda h, c: "б" if c in "NZ" else ("п" if c == "T" else "м"),
    # buffer vowel dropped after a vowel: -(Ы)м, -(Ы)п
    "Y": lambda h, c: "" if c == "V" else _v(h, "ы", "і"),
    # -(А)р aorist: а/е only after a consonant
    "W": lambda h, c: "" if c == "V" else _v(h, "а", "е"),
    # possessive 3 -(С)Ы: с only after a vowel
    "S": lambda h, c: "с" if c == "V" else "",
    # present -А/-Й
    "E": lambda h, c: "й" if c == "V" else _v(h, "а", "е"),
    # optative -(А)Й: барайын, оқиын
    "J": lambda h, c: "й" if c == "V" else _v(h, "ай", "ей"),
    # passive: -л after vowels, -ЫН after л, -ЫЛ elsewhere
    "Q": lambda h, c: "л" if c == "V" else _v(h, "ы", "і") + ("н" if c == "L" else "л"),
    # reflexive -(Ы)Н
    "F": lambda h, c: "н" if c == "V" else _v(h, "ын", "ін"),
    # passive -н after a vowel, used by stems in -ла/-ле (белгіленді, сайланды); "#" never matches a word
    "H": lambda h, c: "н" if c == "V" else "#",
}


def realise(template: str, h: str, c: str) -> tuple[str, str, str]:
    """Realise `template` after a context (harmony h, final class c); returns (surface, h', c') after it."""
    out = []
    for ch in template:
        rule = ARCHIPHONEMES.get(ch)
        piece = rule(h, c) if rule else ch
        for p in piece:
            out.append(p)
            c = CLASS_OF_FINAL.get(p, "T")
            if p in _STRONG:
                h = _STRONG[p]
    return "".join(out), h, c
