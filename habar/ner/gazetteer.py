"""Gazetteers built from the training part only: which entity types a word (or its stem) usually belongs to.

Used as features, a gazetteer built from the very sentences a CRF learns from is too reliable, so training
features come from a jackknife (each fold sees a gazetteer built from the other folds); the shipped table is
built from the whole training part.

Feature set 3 adds head words ("^lemma"): the lemmas that end multi-word entities of a type often enough
(университет, министрлік, форум, әуежай), so the words before a head learn they are inside a name.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from pathlib import Path
from typing import Callable

from habar.ner.corpus import Sentence, spans
from habar.ner.suffixes import strip_case

MIN_RATIO = 0.4  # a word enters the gazetteer of a type when at least this share of its uses are of that type
# a lemma is a head of a type when it ends that many entities of the type, and this share of all its uses
HEAD_MIN_COUNT, HEAD_MIN_RATIO = 2, 0.15


def keys(word: str) -> tuple[str, str]:
    lower = word.lower()
    return lower, "~" + strip_case(lower)[0]


def build(sentences: list[Sentence], lemma: Callable[[str], str] | None = None) -> dict[str, str]:
    """key -> "LABEL|LABEL" for words and stems mostly seen inside entities of those types; with `lemma`, also
    "^lemma" -> the types of multi-word entities such lemmas end (see `heads`)."""
    by_key: dict[str, Counter] = defaultdict(Counter)
    for s in sentences:
        label_of = ["O"] * len(s.tokens)
        for start, end, label in spans(s.tags):
            for i in range(start, end):
                label_of[i] = label
        for tok, label in zip(s.tokens, label_of):
            if not any(ch.isalpha() for ch in tok):
                continue  # digits and punctuation carry no lexical evidence of their own
            for k in keys(tok):
                by_key[k][label] += 1
    table = {}
    for k, counts in by_key.items():
        total = sum(counts.values())
        labels = sorted(lab for lab, c in counts.items() if lab != "O" and c / total >= MIN_RATIO)
        if labels:
            table[k] = "|".join(labels)
    if lemma is not None:
        table.update(heads(sentences, lemma))
    return table


def heads(sentences: list[Sentence], lemma: Callable[[str], str]) -> dict[str, str]:
    """"^lemma" -> "LABEL|LABEL": the types of the multi-word entities whose last word has this lemma often."""
    ends: dict[str, Counter] = defaultdict(Counter)
    uses: Counter = Counter()
    for s in sentences:
        lemmas = [lemma(t) if any(ch.isalpha() for ch in t) else "" for t in s.tokens]
        uses.update(x for x in lemmas if x)
        for start, end, label in spans(s.tags):
            if end - start > 1 and lemmas[end - 1]:
                ends[lemmas[end - 1]][label] += 1
    table = {}
    for k, counts in ends.items():
        labels = sorted(lab for lab, c in counts.items() if c >= HEAD_MIN_COUNT and c / uses[k] >= HEAD_MIN_RATIO)
        if labels:
            table["^" + k] = "|".join(labels)
    return table


def save(table: dict[str, str], path: Path) -> None:
    with open(path, "w", encoding="utf-8") as f:
        for k in sorted(table):
            f.write(f"{k}\t{table[k]}\n")


def load(path: Path) -> dict[str, str]:
    out = {}
    with open(path, encoding="utf-8") as f:
        for lineno, line in enumerate(f, 1):
            parts = line.rstrip("\n").split("\t")
            if len(parts) != 2:
                raise ValueError(f"{path}:{lineno}: expected 'key<TAB>LABELS'; rebuild with `make models`")
            out[parts[0]] = parts[1]
    return out
