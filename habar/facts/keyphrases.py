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
from pathlib import Path
from typing import Iterable

from habar.document import Article
from habar.facts.lexicon import BOILERPLATE, CASE_OF_ENDING, NOMINAL_ENDINGS, STOP_WORDS
from habar.facts.words import Word, WordIndex, ending_fits, looks_verbal

MAX_WORDS = 3
MIN_STEM = 4
TOP = 10
_BREAK = re.compile(r"[.,;:!?()«»\"“”„–—\n]")
_VERB_TAGS = {"VERB", "AUX", "ADP", "CCONJ", "SCONJ", "PRON", "DET", "NUM", "PUNCT", "ADV", "PART", "INTJ"}
_ENDINGS = sorted((e for e in NOMINAL_ENDINGS if e), key=len, reverse=True)
_CASES = sorted(CASE_OF_ENDING, key=len, reverse=True)


def stem(lower: str, proper: bool = False) -> str:
    """Strip the longest nominal ending that leaves MIN_STEM letters; a name keeps a final vowel ("Берге")."""
    for e in _ENDINGS:
        if ending_fits(lower, e, MIN_STEM) and not (proper and len(e) < 2):
            return lower[: -len(e)]
    return lower


def _key(w: Word, tags: dict[int, str]) -> str:
    return w.lemma or stem(w.lower, w.text[:1].isupper())


def _content(w: Word, tags: dict[int, str], clause_final: bool) -> bool:
    tag = tags.get(w.start, "")
    if w.lower in STOP_WORDS or w.text[:1].isdigit() or len(w.lower) < 3:
        return False
    if tag:
        return tag not in _VERB_TAGS
    return not looks_verbal(w, "", clause_final)


def _closes(w: Word) -> bool:
    """A case ending other than the genitive makes the word the head of its phrase: "Алматыда | жаңа метро"."""
    low = w.lower
    e = next((e for e in _CASES if ending_fits(low, e, MIN_STEM)), None)
    return e is not None and CASE_OF_ENDING[e] != "Gen"


def candidates(article: Article) -> list[tuple[str, str]]:
    """(key, surface) of every candidate phrase occurrence in reading order."""
    tags = {t.start: t.upos for t in article.tokens if t.upos}
    text = article.text
    out: list[tuple[str, str]] = []
    pieces = [0] + [m.end() for m in _BREAK.finditer(text)] + [len(text)]
    index = WordIndex(article)
    seen: set[str] = set()
    for a, b in zip(pieces, pieces[1:]):
        clause = text[a:b].strip().lower()
        if clause in seen or any(cue in clause for cue in BOILERPLATE):
            continue  # a repeated headline counts once; site furniture not at all
        seen.add(clause)
        ws = index.between(a, b)
        run: list[Word] = []
        for i, w in enumerate(ws):
            if _content(w, tags, i == len(ws) - 1):
                run.append(w)
                if not _closes(w):
                    continue
            _flush(run, tags, text, out)
            run = []
        _flush(run, tags, text, out)
    return out


def _flush(run: list[Word], tags: dict[int, str], text: str, out: list) -> None:
    run = run[-MAX_WORDS:]
    for i in range(len(run)):  # the phrase and its head-final sub-phrases
        sub = run[i:]
        out.append((" ".join(_key(x, tags) for x in sub), text[sub[0].start:sub[-1].end]))


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


def keyphrases(article: Article, corpus: Corpus | None = None, top: int = TOP) -> list[dict]:
    """The top phrases as {"text", "key", "score", "count"}, best first, no phrase inside a better one."""
    occurrences = candidates(article)
    tf = Counter(k for k, _ in occurrences)
    forms: dict[str, Counter] = defaultdict(Counter)
    for k, surface in occurrences:
        forms[k][surface] += 1
    scored = []
    for key, n in tf.items():
        length = key.count(" ") + 1
        weight = corpus.idf(key) if corpus and corpus.n_docs else 1.0
        # Multi-word phrases are rarer and more telling than their words; a single word must repeat to count.
        score = n * weight * (1.0 + 0.5 * (length - 1))
        if length == 1 and n < 2 and not (corpus and corpus.n_docs):
            continue
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
