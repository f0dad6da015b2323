"""Keyphrases: lemma-based noun phrases ranked by TF-IDF against a corpus, or by in-document frequency without one.

A candidate is a run of up to MAX_WORDS content words inside a clause (function words, numbers, verbs and
punctuation end it); Kazakh noun phrases are head-final, so a longer run keeps its last words. The key of a phrase
is its lemmas (habar.morph's, else the form with case and possessive endings stripped), so "ұлттық кластер",
"ұлттық кластерді" and "ұлттық кластерінің" count as one; the phrase is shown in its most frequent written form.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter, defaultdict
from functools import lru_cache
from pathlib import Path
from typing import Iterable

from habar.document import Article
from habar.facts import slots
from habar.facts.lexicon import CASE_OF_ENDING, NOMINAL_ENDINGS, STOP_WORDS
from habar.values.lexicon import CURRENCIES, SCALE_WORDS, UNITS
from habar.facts.words import Word, WordIndex, ending_fits, looks_verbal

MAX_WORDS = 3
_NAME_LABELS = frozenset({"PERSON", "ORGANISATION", "GPE", "LOCATION", "FACILITY", "EVENT", "PRODUCT", "PROJECT"})
MIN_STEM = 4
TOP = 10
_BREAK = re.compile(r"[.,;:!?()«»\"“”„–—\n]")
_VERB_TAGS = {"VERB", "AUX", "ADP", "CCONJ", "SCONJ", "PRON", "DET", "NUM", "PUNCT", "ADV", "PART", "INTJ"}
_LONGEST_CASE = max(len(e) for e in CASE_OF_ENDING)
# Scale, currency and unit words belong to amounts ("млн тонна", "млрд теңге"), not to keyphrases.
_VALUE_WORDS = frozenset(w for table in (SCALE_WORDS, CURRENCIES, UNITS) for w in table if len(w) > 2) | frozenset(
    f"{w}{e}" for w in ("теңге", "доллар", "тонна", "гектар", "шаршы", "метр") for e in ("", "ге", "ге", "ден", "ны",
                                                                                       "ға", "дан", "сы", "ы"))


def stem(lower: str, proper: bool = False) -> str:
    """Strip the longest nominal ending that leaves MIN_STEM letters; a name keeps a final vowel ("Берге")."""
    for cut in range(MIN_STEM, len(lower)):  # the earliest cut is the longest ending
        e = lower[cut:]
        if e in NOMINAL_ENDINGS and ending_fits(lower, e, MIN_STEM) and not (proper and len(e) < 2):
            return lower[:cut]
    return lower


@lru_cache(maxsize=65536)
def _word_info(lower: str, upper: bool, final: bool, tag: str, lemma: str) -> tuple[bool, bool, str]:
    """(content word?, closes its phrase?, key) of one word form; cached because news repeats its words."""
    if lower in STOP_WORDS or lower[:1].isdigit() or len(lower) < 3:
        return False, False, ""
    if lower in _VALUE_WORDS:
        return False, False, ""
    # A tag can rule a word out, but not in: the tagger calls some finite verbs ("тексерді") nouns.
    content = (not tag or tag not in _VERB_TAGS) and not _verbal(lower, upper, final)
    return content, _closes(lower), lemma or stem(lower, upper)


def _verbal(lower: str, upper: bool, final: bool) -> bool:
    return looks_verbal(Word(lower, 0, 0, lower, ""), "", final) if not upper else False


def _closes(low: str) -> bool:
    """A case ending other than the genitive makes the word the head of its phrase: "Алматыда | жаңа метро"."""
    for size in range(_LONGEST_CASE, 0, -1):
        e = low[-size:]
        if e in CASE_OF_ENDING and ending_fits(low, e, MIN_STEM):
            return CASE_OF_ENDING[e] != "Gen"
    return False


def candidates(article: Article, index: WordIndex | None = None) -> list[tuple[str, str]]:
    """(key, surface) of every candidate phrase occurrence in reading order."""
    index = index or WordIndex(article)
    text, lower, ws = article.text, index.lower, index.all
    info = _word_info
    out: list[tuple[str, str]] = []
    seen: set[str] = set()
    furniture = slots.boilerplate(index)
    named = [e for e in index.entities if e.label in _NAME_LABELS]
    starts, ends = {e.start for e in named}, {e.end for e in named}
    n, a, k = len(ws), 0, 0
    for b in [m.end() for m in _BREAK.finditer(text)] + [len(text)]:
        j = k
        while j < n and ws[j].start < b:
            j += 1
        first, last, k = k, j - 1, j
        clause, a = lower[a:b].strip(), b
        if first > last or clause in seen or any(s <= ws[first].start < e for s, e in furniture):
            continue  # a repeated headline counts once; site furniture not at all
        seen.add(clause)
        run: list[tuple[Word, str]] = []
        for i in range(first, j):
            w = ws[i]
            content, closes, key = info(w.lower, w.text[0].isupper(), i == last, w.upos, w.lemma)
            if run and w.start in starts:  # a name is a phrase of its own: "Тоқаев | Ақордада"
                _flush(run, text, out)
                run = []
            if content:
                run.append((w, key))
                if not closes and w.end not in ends:
                    continue
            if run:
                _flush(run, text, out)
                run = []
        if run:
            _flush(run, text, out)
    return out


def _flush(run: list[tuple[Word, str]], text: str, out: list) -> None:
    if len(run) == 1:
        out.append((run[0][1], run[0][0].text))
        return
    run = run[-MAX_WORDS:]
    for i in range(len(run)):  # the phrase and its head-final sub-phrases
        out.append((" ".join(key for _, key in run[i:]), text[run[i][0].start:run[-1][0].end]))


def _proper(forms: dict[str, int]) -> bool:
    return all(f[:1].isupper() for f in forms)


class Corpus:
    """Document frequencies of phrase keys; ingest adds each article once, and `keyphrases` reads the IDF."""

    def __init__(self, n_docs: int = 0, df: Counter | None = None):
        self.n_docs = n_docs
        self.df: Counter = df or Counter()

    def add(self, article: Article) -> None:
        self.n_docs += 1
        self.df.update({k for k, _ in candidates(article)})

    def idf(self, key: str) -> float:
        return math.log((1 + self.n_docs) / (1 + self.df[key])) + 1.0

    def save(self, path: Path) -> None:
        path.write_text(json.dumps({"n_docs": self.n_docs, "df": self.df}, ensure_ascii=False), encoding="utf-8")

    @classmethod
    def load(cls, path: Path) -> "Corpus":
        data = json.loads(path.read_text(encoding="utf-8"))
        return cls(data["n_docs"], Counter(data["df"]))

    @classmethod
    def of(cls, articles: Iterable[Article]) -> "Corpus":
        corpus = cls()
        for a in articles:
            corpus.add(a)
        return corpus


def keyphrases(article: Article, corpus: Corpus | None = None, top: int = TOP,
               index: WordIndex | None = None) -> list[dict]:
    """The top phrases as {"text", "key", "score", "count"}, best first, no phrase inside a better one."""
    occurrences = candidates(article, index)
    tf = Counter(k for k, _ in occurrences)
    forms: dict[str, dict[str, int]] = defaultdict(dict)
    for k, surface in occurrences:
        forms[k][surface] = forms[k].get(surface, 0) + 1
    scored = []
    for key, n in tf.items():
        length = key.count(" ") + 1
        weight = corpus.idf(key) if corpus and corpus.n_docs else 1.0
        # Multi-word phrases are rarer and more telling than their words; a single word must repeat to count.
        score = n * weight * (1.0 + 0.5 * (length - 1))
        if length == 1 and not (corpus and corpus.n_docs) and n < (2 if key[:1] != key[:1].lower() or _proper(
                forms[key]) else 3):
            continue  # without document frequencies a lone common word must repeat to count
        scored.append((score, key))
    scored.sort(key=lambda p: (-p[0], p[1]))
    chosen: list[dict] = []
    for score, key in scored:
        if any(f" {key} " in f" {c['key']} " for c in chosen):
            continue
        surface = min(forms[key].items(), key=lambda p: (-p[1], len(p[0])))[0]
        chosen.append({"text": surface, "key": key, "score": round(score, 3), "count": tf[key]})
        if len(chosen) == top:
            break
    return chosen
