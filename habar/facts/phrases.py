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
from bisect import bisect_left, bisect_right
from itertools import repeat
from operator import attrgetter

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


# One letter per word, so that the phrase runs of a whole article are one regex pass over a string: "x" ends phrases,
# "a" is an adjective, "n" a noun the phrase goes on after, "c" a noun that closes it, "N" the first word of a name
# (the name is one phrase) and "_" the name's other words. A run is adjectives then nouns (an adjective after a noun
# opens the next run); adjectives alone make no phrase, so they never match. A clause's last word closes its run:
# there an adjective reads as "x" and a noun as "c", so no run crosses a clause break.
_CODES = {("", False): "x", (ADJ, False): "a", (NOUN, False): "n", (NOUN, True): "c"}
_AT_CLAUSE_END = {"x": "x", "a": "x", "n": "c", "c": "c"}
_ITEM = re.compile("N|a*(?:n+c?|c)")
_FIELDS = attrgetter("text", "upos", "feats", "lemma")
_MEMO: dict[tuple, tuple[str, str, bool, str | None]] = {}  # token fields -> _info
_AT_END: dict[tuple, str] = {}  # token fields -> the code of a noun that ends a clause
MEMO_SIZE = 1 << 17


def _info(fields: tuple) -> tuple[str, str, bool, str | None]:
    """(code, key, is it a genitive noun (one that heads a phrase of its own inside a longer run), code as the last
    word of a clause, None for a noun: `_at_end` reads it when one ends a clause) of a token as the tokenizer gave
    it; a memo hit costs no lower-casing."""
    hit = _MEMO.get(fields)
    if hit is None:
        text, upos, feats, lemma = fields
        lower = text.lower()
        cls, closes, key = word_class(lower, text[0].isupper(), False, upos, feats, lemma.lower() if lemma else "")
        genitive = cls == NOUN and ("Case=Gen" in feats or (not upos and lower.endswith(GENITIVE)))
        code = _CODES[cls, closes]
        if len(_MEMO) >= MEMO_SIZE:  # bounded on endless streams of new words
            _MEMO.clear()
        # a word that is no noun elsewhere is none at a clause's end either
        hit = _MEMO[fields] = (code, key, genitive, None if cls == NOUN else _AT_CLAUSE_END[code])
    return hit


def _at_end(fields: tuple) -> str:
    """Kazakh ends its clause with the verb: there a noun may read as one ("өсті")."""
    code = _AT_END.get(fields)
    if code is None:
        text, upos, feats, lemma = fields
        cls, closes, _ = word_class(text.lower(), text[0].isupper(), True, upos, feats, lemma.lower() if lemma else "")
        if len(_AT_END) >= MEMO_SIZE:
            _AT_END.clear()
        code = _AT_END[fields] = _AT_CLAUSE_END[_CODES[cls, closes]]
    return code


def candidates(article: Article, index: WordIndex | None = None) -> list[tuple[str, str]]:
    """(key, surface) of every candidate phrase occurrence in reading order; site furniture and repeated clauses
    (a headline given twice) are skipped."""
    index = index or WordIndex(article)
    text, lower, ws, starts = article.text, index.lower, index.items, index.starts  # tokens: no `Word` is built
    fields = list(map(_FIELDS, ws))
    infos = list(map(_MEMO.get, fields))
    if None in infos:
        infos = [hit or _info(f) for hit, f in zip(infos, fields)]
    codes = [i[0] for i in infos]
    # clauses: the words before each break; a clause said before (a headline given twice) or site furniture is
    # blanked out ("s")
    ends = [m.end() for m in _BREAK.finditer(text)]
    ends.append(len(text))
    firsts = list(map(bisect_left, repeat(starts, len(ends)), ends))  # the first word of each next clause
    furniture = slots.boilerplate(index)
    seen: set[str] = set()
    a = first = 0
    for b, j in zip(ends, firsts):
        if j > first:
            clause = lower[a:b].strip()
            if clause in seen or (furniture and any(s <= ws[first].start < e for s, e in furniture)):
                codes[first:j] = "s" * (j - first)
            else:
                seen.add(clause)
                codes[j - 1] = infos[j - 1][3] or _at_end(fields[j - 1])
        a, first = b, j
    names = _names(index, codes, firsts)
    out: list[tuple[str, str]] = []
    for m in _ITEM.finditer("".join(codes)):
        r0, r1 = m.span()
        if r1 - r0 == 1:  # most items: a name or a lone noun
            entity = names.get(r0)
            out.append(((entity.norm or entity.text).lower(), entity.text) if entity else (infos[r0][1], ws[r0].text))
            continue
        for end in range(r0, r1 - 1):  # a genitive noun inside a run heads a phrase of its own, too ("ұлттық
            if infos[end][2]:  # кластерінің құрылысы" holds "ұлттық кластер")
                _emit(ws, infos, r0, end + 1, text, out)
        _emit(ws, infos, r0, r1, text, out)
    return out


def _names(index: WordIndex, codes: list[str], firsts: list[int]) -> dict:
    """Mark the named entities in `codes` ("N", then "_" for the name's other words, up to its clause's end) and
    return them by the index of their first word. A name is keyed by the NER's base form, so "Асқар Маминнің" and
    "Асқар Мамин" count as one; "X және Y" is two names, not one."""
    named = {e.start: e for e in index.entities  # one name a start: the longest (entities sort by start, end)
             if e.label in NAME_LABELS and e.text.count(" ") < MAX_NAME_WORDS and "\n" not in e.text
             and not any(w in STOP_WORDS for w in e.text.lower().split())}
    ws, starts, names = index.items, index.starts, {}
    taken = 0  # words up to here belong to the name before
    for e in named.values():
        n = bisect_left(starts, e.start)
        if n == len(starts) or starts[n] != e.start or n < taken or codes[n] == "s":
            continue
        stop = firsts[bisect_right(firsts, n)]  # the clause's end
        taken = n + 1
        while taken < stop and ws[taken].end <= e.end:
            taken += 1
        codes[n], codes[n + 1:taken] = "N", "_" * (taken - n - 1)
        names[n] = e
    return names


def _emit(ws: list, infos: list, r0: int, r1: int, text: str, out: list) -> None:
    """The phrase of words r0..r1-1 and its head-final sub-phrases, longest last (at most MAX_WORDS words)."""
    r0 = max(r0, r1 - MAX_WORDS)
    end, key = ws[r1 - 1].end, infos[r1 - 1][1]
    found = [(key, ws[r1 - 1].text)]
    for w in range(r1 - 2, r0 - 1, -1):
        key = f"{infos[w][1]} {key}"
        found.append((key, text[ws[w].start:end]))
    out.extend(reversed(found))
