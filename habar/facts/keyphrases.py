"""Keyphrases: lemma-based noun phrases (habar.facts.phrases) ranked by TF-IDF against a corpus.

Document frequencies come from a compact table shipped in habar/data/topics/phrase_df.tsv.gz, built by
scripts/build_phrase_df.py from unlabelled Kazakh text (KazNERD and SIB-200 sentences, each sentence a document,
lemmas from habar.morph); a caller with its own corpus (a store's articles) passes a `Corpus` built from it, or the
shipped table merged with it. Phrases too rare to be in the table get the IDF of their rarest word: a phrase is
never commoner than its words, and "жаңа" + an unseen noun should not outrank every known term.
"""

from __future__ import annotations

import gzip
import json
import math
from collections import Counter
from functools import lru_cache
from operator import itemgetter
from pathlib import Path
from typing import Iterable

from habar.document import Article
from habar.facts.phrases import candidates, stem
from habar.facts.words import WordIndex

__all__ = ["Corpus", "candidates", "default_corpus", "keyphrases", "stem", "DF_PATH"]

TOP = 10
DF_PATH = Path(__file__).resolve().parent.parent / "data" / "topics" / "phrase_df.tsv.gz"
LENGTH_BONUS = 0.5  # a two-word phrase is more telling than its head alone; weighed per extra word


class Corpus:
    """Document frequencies of phrase keys; `add` counts one more document, `idf` reads them."""

    def __init__(self, n_docs: int = 0, df: Counter | None = None):
        self.n_docs = n_docs
        self.df: Counter = df or Counter()
        self._idf: dict[str, float] = {}  # looked-up IDFs; cleared whenever a document is added

    def add(self, article: Article) -> None:
        self.n_docs += 1
        self.df.update({k for k, _ in candidates(article)})
        self._idf.clear()

    def merged(self, other: "Corpus") -> "Corpus":
        """The two corpora as one (the shipped table plus a store's own articles)."""
        return Corpus(self.n_docs + other.n_docs, self.df + other.df)

    def idf(self, key: str) -> float:
        value = self._idf.get(key)
        if value is None:
            n = self.df.get(key)
            if n is None and " " in key:
                value = max(self.idf(w) for w in key.split())
            else:
                value = math.log((1 + self.n_docs) / (1 + (n or 0))) + 1.0
            if len(self._idf) < 200_000:  # bounded on endless streams of new phrases
                self._idf[key] = value
        return value

    def save(self, path: Path) -> None:
        path.write_text(json.dumps({"n_docs": self.n_docs, "df": self.df}, ensure_ascii=False), encoding="utf-8")

    @classmethod
    def load(cls, path: Path) -> "Corpus":
        data = json.loads(path.read_text(encoding="utf-8"))
        return cls(data["n_docs"], Counter(data["df"]))

    def save_table(self, path: Path, min_df: int = 1) -> None:
        """The compact shipped form: "#n_docs<TAB>N" then "key<TAB>df" lines, gzip-compressed."""
        lines = [f"#n_docs\t{self.n_docs}"] + [f"{k}\t{n}" for k, n in sorted(self.df.items()) if n >= min_df]
        with gzip.open(path, "wt", encoding="utf-8", compresslevel=9) as f:
            f.write("\n".join(lines) + "\n")

    @classmethod
    def load_table(cls, path: Path) -> "Corpus":
        if not path.exists():
            raise FileNotFoundError(f"{path} is missing; build it with `make models` (scripts/build_phrase_df.py)")
        with gzip.open(path, "rt", encoding="utf-8") as f:
            head, *rows = f.read().splitlines()
        if not head.startswith("#n_docs\t"):
            raise ValueError(f"{path}:1: expected '#n_docs<TAB>N'; rebuild it with scripts/build_phrase_df.py")
        df = Counter()
        for lineno, row in enumerate(rows, 2):
            key, _, n = row.rpartition("\t")
            if not key or not n.isdigit():
                raise ValueError(f"{path}:{lineno}: expected 'key<TAB>count'; rebuild it with "
                                 "scripts/build_phrase_df.py")
            df[key] = int(n)
        return cls(int(head.split("\t")[1]), df)

    @classmethod
    def of(cls, articles: Iterable[Article]) -> "Corpus":
        corpus = cls()
        for a in articles:
            corpus.add(a)
        return corpus


_ROUNDED: dict[float, float] = {}  # scores repeat (a count times one of a few thousand IDFs), round() is slow


def _round3(score: float) -> float:
    value = _ROUNDED.get(score) if score else None  # 0.0 == -0.0 as keys, but they print apart
    if value is None:
        if len(_ROUNDED) >= 1 << 16:
            _ROUNDED.clear()
        value = _ROUNDED[score] = round(score, 3)
    return value


@lru_cache(maxsize=1)
def default_corpus() -> Corpus:
    """The shipped document frequencies, loaded once per process (read-only)."""
    return Corpus.load_table(DF_PATH)


def keyphrases(article: Article, corpus: Corpus | None = None, top: int = TOP,
               index: WordIndex | None = None) -> list[dict]:
    """The top phrases as {"text", "key", "score", "count"}, best first, no phrase inside a better one.
    `corpus` defaults to the shipped table; an empty Corpus() ranks by in-article frequency alone."""
    corpus = default_corpus() if corpus is None else corpus
    found = candidates(article, index)
    pairs = Counter(found)  # (key, written form) -> occurrences
    tf = Counter(map(itemgetter(0), found))
    idf, known, n_docs = corpus.idf, corpus._idf, corpus.n_docs
    if n_docs:
        # the looked-up IDFs first: no call for a key seen before
        weights = [known.get(key) or idf(key) for key in tf]
    else:
        # no document frequencies at all: a lone word must repeat to count
        weights = [None if n < 2 and " " not in key else 1.0 for key, n in tf.items()]
    scored = sorted([(-(n * w * (1.0 + LENGTH_BONUS * key.count(" "))), key)  # best first, ties by key
                     for (key, n), w in zip(tf.items(), weights) if w is not None])
    chosen: list[dict] = []
    padded_chosen: list[str] = []
    for neg, key in scored:
        padded = f" {key} "
        if any(padded in c for c in padded_chosen):
            continue
        chosen.append({"text": "", "key": key, "score": _round3(-neg), "count": tf[key]})
        padded_chosen.append(padded)
        if len(chosen) == top:
            break
    # each phrase is shown in its commonest written form, the shortest on a tie
    forms = {c["key"]: (0, 0, "") for c in chosen}
    for (k, surface), n in pairs.items():
        if k in forms and (n, -len(surface)) > forms[k][:2]:
            forms[k] = (n, -len(surface), surface)
    for c in chosen:
        c["text"] = forms[c["key"]][2]
    return chosen
