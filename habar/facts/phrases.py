"""Noun phrases for keyphrases: ADJ* NOUN+ runs inside a clause, keyed by their lemmas.

With habar.morph's tags a phrase is uninflected adjectives followed by nouns ("ұлттық ақпараттық технологиялар
агенттігі", "жасанды интеллект кластерін"). Kazakh noun phrases are head-final: a noun in the nominative or the
genitive can go on ("желілердің ұзындығы"), a noun in any other case is the head and closes the phrase ("Алматыда |
жаңа метро"), and an adjective after a noun starts a new phrase. A named entity (person, organisation, place) is a
phrase of its own, keyed by the NER's base form, so "Асқар Маминнің" and "Асқар Мамин" count as one.

Without tags (an article that skipped morph) every content word counts as a noun, and case is read from endings.
The key is the lemmas ("ұлттық кластер" for "ұлттық кластерді" and "ұлттық кластерінің"); the phrase is shown in its
most frequent written form.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache

from habar.document import Article
from habar.facts import slots
from habar.facts.lexicon import ATTRIBUTIVE_LOCATIVE, CASE_OF_ENDING, NOMINAL_ENDINGS, STOP_WORDS
from habar.facts.words import GENITIVE, Word, WordIndex, ending_fits, looks_verbal
from habar.values.lexicon import CURRENCIES, SCALE_WORDS, UNITS

MAX_WORDS = 3
MAX_NAME_WORDS = 4  # a longer "entity" is the title of a document or an event: its words are read as a phrase
MIN_STEM = 4
NAME_LABELS = frozenset({"PERSON", "ORGANISATION", "GPE", "LOCATION", "FACILITY", "EVENT", "PRODUCT", "PROJECT"})
_BREAK = re.compile(r"[.,;:!?()«»\"“”„–—\n]")
_NOUNS = frozenset({"NOUN", "PROPN"})
_OPEN_CASES = frozenset({"", "Nom", "Gen"})  # a noun in these cases lets the phrase go on
_LONGEST_CASE = max(len(e) for e in CASE_OF_ENDING)
# Scale, currency and unit words belong to amounts ("млн тонна", "млрд теңге"), not to keyphrases.
_VALUE_WORDS = frozenset(w for table in (SCALE_WORDS, CURRENCIES, UNITS) for w in table if len(w) > 2) | frozenset(
    f"{w}{e}" for w in ("теңге", "доллар", "тонна", "гектар", "шаршы", "метр") for e in ("", "ге", "ден", "ны",
                                                                                       "ға", "дан", "сы", "ы"))
ADJ, NOUN = "adj", "noun"
_PAST = ("ды", "ді", "ты", "ті")


def stem(lower: str, proper: bool = False) -> str:
    """Strip the longest nominal ending that leaves MIN_STEM letters; a name keeps a final vowel ("Берге")."""
    for cut in range(MIN_STEM, len(lower)):  # the earliest cut is the longest ending
        e = lower[cut:]
        if e in NOMINAL_ENDINGS and ending_fits(lower, e, MIN_STEM) and not (proper and len(e) < 2):
            return lower[:cut]
    return lower


@lru_cache(maxsize=65536)
def word_class(lower: str, upper: bool, final: bool, upos: str, feats: str, lemma: str) -> tuple[str, bool, str]:
    """(ADJ, NOUN or "" for a word that ends phrases; does it close its phrase?; key) of one word form."""
    if lower in STOP_WORDS or lower in _VALUE_WORDS or lower[:1].isdigit() or len(lower) < 3:
        return "", False, ""
    if lower.endswith(ATTRIBUTIVE_LOCATIVE) and len(lower) > 6:
        return "", False, ""
    key = lemma or stem(lower, upper)
    if upos:
        if upos == "ADJ" and "Case=" not in feats:
            return ADJ, False, key
        if upos not in _NOUNS and upos != "ADJ":
            return "", False, ""
        case = feats.split("Case=", 1)[1][:3] if "Case=" in feats else ""
        # the tagger calls some clause-final verbs nouns ("өсті" as өс + Acc); Kazakh ends its clause with the
        # verb, so there a verbal ending, or an accusative that reads as the past tense, decides
        if final and not upper and (_verbal(lower, upper, final) or (case == "Acc" and lower.endswith(_PAST))):
            return "", False, ""
        return NOUN, case not in _OPEN_CASES, key
    if _verbal(lower, upper, final):
        return "", False, ""
    return NOUN, _closes(lower), key


def _verbal(lower: str, upper: bool, final: bool) -> bool:
    return not upper and looks_verbal(Word(lower, 0, 0, lower, ""), "", final)


def _closes(low: str) -> bool:
    """Untagged: a case ending other than the genitive makes the word the head of its phrase."""
    for size in range(_LONGEST_CASE, 0, -1):
        e = low[-size:]
        if e in CASE_OF_ENDING and ending_fits(low, e, MIN_STEM):
            return CASE_OF_ENDING[e] != "Gen"
    return False


def candidates(article: Article, index: WordIndex | None = None) -> list[tuple[str, str]]:
    """(key, surface) of every candidate phrase occurrence in reading order; site furniture and repeated clauses
    (a headline given twice) are skipped."""
    index = index or WordIndex(article)
    text, lower, ws = article.text, index.lower, index.all
    out: list[tuple[str, str]] = []
    seen: set[str] = set()
    furniture = slots.boilerplate(index)
    names = {e.start: e for e in index.entities
             if e.label in NAME_LABELS and e.text.count(" ") < MAX_NAME_WORDS and "\n" not in e.text
             and not any(w in STOP_WORDS for w in e.text.lower().split())}  # "X және Y": two names
    a, k = 0, 0
    classify, name_at, starts = word_class, names.get, index.starts
    for b in [m.end() for m in _BREAK.finditer(text)] + [len(text)]:
        j = bisect_left(starts, b, k)  # the first word of the next clause
        first, last, k = k, j - 1, j
        if first > last:
            a = b
            continue
        clause, a = lower[a:b].strip(), b
        if clause in seen or (furniture and any(s <= ws[first].start < e for s, e in furniture)):
            continue
        seen.add(clause)
        run: list[tuple[Word, str, str]] = []
        i = first
        while i < j:
            w = ws[i]
            if names:
                entity = name_at(w.start)
                if entity is not None:
                    if run:
                        _flush(run, text, out)
                        run = []
                    while i < j and ws[i].end <= entity.end:
                        i += 1
                    out.append(((entity.norm or entity.text).lower(), entity.text))
                    continue
            cls, closes, key = classify(w.lower, w.text[0].isupper(), i == last, w.upos, w.feats, w.lemma)
            if not cls:  # a word that ends phrases
                if run:
                    _flush(run, text, out)
                    run = []
            else:
                if cls == ADJ and run and run[-1][1] == NOUN:
                    _flush(run, text, out)  # an adjective after a noun opens the next phrase
                    run = []
                run.append((w, cls, key))
                if closes:
                    _flush(run, text, out)
                    run = []
            i += 1
        if run:
            _flush(run, text, out)
    return out


def _flush(run: list[tuple[Word, str, str]], text: str, out: list) -> None:
    """Emit a run as its phrase and head-final sub-phrases; a run must end in a noun. A genitive noun inside the run
    heads a phrase of its own, too ("ұлттық кластерінің құрылысы" holds "ұлттық кластер")."""
    while run and run[-1][1] != NOUN:
        run = run[:-1]
    if len(run) <= 1:  # most runs: one noun (or only adjectives, which make no phrase)
        out.extend((key, w.text) for w, _, key in run)
        return
    for end in range(len(run) - 1):
        w = run[end][0]
        if run[end][1] == NOUN and ("Case=Gen" in w.feats or (not w.upos and w.lower.endswith(GENITIVE))):
            _emit(run[:end + 1], text, out)
    _emit(run, text, out)


def _emit(run: list[tuple[Word, str, str]], text: str, out: list) -> None:
    run = run[-MAX_WORDS:]
    end, key = run[-1][0].end, run[-1][2]
    found = [(key, run[-1][0].text)]
    for w, _, k in reversed(run[:-1]):
        key = f"{k} {key}"
        found.append((key, text[w.start:end]))
    out.extend(reversed(found))
