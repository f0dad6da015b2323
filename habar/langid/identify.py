"""Language identification per paragraph and per article: kk, ru, en or other.

A classifier (see `backends`) gives a first guess; the letter rule then settles the Cyrillic Turkic cases the
classifiers confuse. Kazakh writes letters of two groups (letters.GROUP_A: ғ қ ұ; GROUP_B: ә і ң ө ү ұ һ), and
each neighbour lacks one group entirely: Kyrgyz and Tatar have no ғ қ ұ, Uzbek and Tajik no ә і ң ө ү. So a
Cyrillic text with both groups in its common words (names do not count: a Russian text writes "Тоқаев") and no
letter foreign to Kazakh is Kazakh; a text the classifier calls Kazakh with none of ә ғ қ ұ һ і is not; and a
"Kyrgyz" text with any of them is Kazakh, since Kyrgyz never writes them.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Callable

from habar.langid.backends import BACKENDS
from habar.langid.letters import FOREIGN_CYRILLIC, GROUP_A, GROUP_B, KAZAKH_ONLY, KAZAKH_SHARED
from habar.text.charcount import SetCounter

LABELS = ("kk", "ru", "en", "other")
# Chosen by measurement (bench/clean_langid.py): pycld2, with fastText where pycld2 says "unknown" (short
# Cyrillic sentences), then the letter rule, was best or tied best on every set measured, and the fastest.
DEFAULT_BACKEND = "cld2>fasttext"
# Share of Kazakh letters (in common words) among Cyrillic letters above which a text is Kazakh: Kazakh prose
# runs at 8-15%, a Russian text has none outside names.
KK_SHARE = 0.02
MIN_WORDS = 8  # a Kazakh text this long without one of ә ғ қ ұ һ і is very rare; a shorter one need not show any
ALIEN_SHARE = 0.1  # a Kazakh text may quote a foreign name ("Київ"); a tenth of its evidence, no more
_ANY_LETTER = re.compile(r"[^\W\d_]")
_BREAK = re.compile(r"\n[ \t]*\n\s*")  # a blank line (and what follows it) separates paragraphs
_KY_LONG_VOWEL = re.compile("аа|оо|уу|үү|өө|ээ")  # Kyrgyz writes long vowels double; Kazakh does not
# A capitalised word that does not open a sentence (nor the text): a name, most likely. The run of spaces
# before it must follow a character that does not end a sentence (or open a quote, a bracket or a dash).
_NAME = re.compile(r"\s+[^\W\d_a-zа-яёәғқңөұүһі]\w*")
_NOT_BEFORE_NAME = frozenset(" .!?…:«\"“(—–-")


def _span(lo: str, hi: str) -> str:
    return "".join(map(chr, range(ord(lo), ord(hi) + 1)))


# [Cyrillic, Latin, Kazakh-only, group A, group B, shared with Kyrgyz, foreign Cyrillic] letters, in one pass.
_letter_counts = SetCounter(
    _span("\u0400", "\u04ff"),
    _span("A", "Z") + _span("a", "z") + _span("\u00c0", "\u00d6") + _span("\u00d8", "\u00f6")
    + _span("\u00f8", "\u024f"),
    KAZAKH_ONLY, GROUP_A, GROUP_B, KAZAKH_SHARED, set().union(*FOREIGN_CYRILLIC.values()),
)


def _name_letters(text: str) -> list[int]:
    """_letter_counts of the capitalised words inside sentences (names, most likely) taken together."""
    names = [m.group() for m in _NAME.finditer(text) if m.start() and text[m.start() - 1] not in _NOT_BEFORE_NAME]
    return _letter_counts("".join(names))


def letter_verdict(text: str, guess: str) -> str:
    """Correct the classifier's `guess` (any ISO code) by the letters of `text`; returns one of LABELS."""
    cyr, latin, kk_only, group_a, group_b, shared, foreign = _letter_counts(text)
    if cyr + latin == 0:
        return "other"
    if cyr < latin:
        return guess if guess in LABELS else "other"
    # Capitalised words inside a sentence are mostly names, which a Russian text writes the Kazakh way
    # ("Тоқаев"): only the letters of the other words count as evidence of Kazakh. The names are looked for
    # only when the verdict needs them: a text the classifier calls Kazakh and without foreign letters does not.
    common_kk = a = b = 0
    if foreign or guess != "kk":
        _, _, name_kk, name_a, name_b, _, _ = _name_letters(text)
        common_kk, a, b = kk_only - name_kk, group_a - name_a, group_b - name_b
    alien = foreign > max(1, a + b) * ALIEN_SHARE  # letters of Ukrainian, Uzbek, Tatar, ...
    if guess == "kk":
        # The classifier says Kazakh; the letters overrule it when they are foreign, or when none of ә ғ қ ұ һ і
        # shows in a text long enough to have one, or in one with Kyrgyz long vowels ("саат", "тоолуу").
        if alien or (kk_only == 0 and (len(text.split()) >= MIN_WORDS or _KY_LONG_VOWEL.search(text.lower()))):
            return "other" if alien or shared else "ru"
        return "kk"
    if not alien:
        if guess == "ky" and common_kk:  # Kyrgyz never writes ә ғ қ ұ һ і
            return "kk"
        if a and b and a + b >= KK_SHARE * cyr:  # both groups: no neighbour writes both
            return "kk"
    return guess if guess in LABELS else "other"


def identify(text: str, backend: str | Callable[[str], tuple[str, float]] = DEFAULT_BACKEND) -> str:
    """kk, ru, en or other for one paragraph or article; "" when `text` has no letters at all."""
    if not _ANY_LETTER.search(text):
        return ""
    classify = BACKENDS[backend] if isinstance(backend, str) else backend
    guess, _ = classify(text)
    return letter_verdict(text, guess)


def identify_paragraphs(text: str, backend: str = DEFAULT_BACKEND) -> list[dict]:
    """[{"start", "end", "lang"}] for every paragraph of `text` (blank-line separated)."""
    out, pos = [], 0
    for m in [*_BREAK.finditer(text), None]:
        stop = m.start() if m else len(text)
        chunk = text[pos:stop]
        if chunk.strip():
            start = pos + len(chunk) - len(chunk.lstrip())
            end = pos + len(chunk.rstrip())
            out.append({"start": start, "end": end, "lang": identify(text[start:end], backend)})
        pos = m.end() if m else stop
    return out


def article_lang(text: str, spans: list[dict]) -> str:
    """The language of most characters over the paragraphs."""
    weight: Counter = Counter()
    for s in spans:
        if s["lang"]:
            weight[s["lang"]] += s["end"] - s["start"]
    return weight.most_common(1)[0][0] if weight else ""
