"""Gazetteers built from the training part only: which entity types a word (or its stem) usually belongs to.

Used as features, a gazetteer built from the very sentences a CRF learns from is too reliable, so training
features come from a jackknife (each fold sees a gazetteer built from the other folds); the shipped table is
built from the whole training part.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from pathlib import Path

from habar.ner.corpus import Sentence, spans
from habar.ner.suffixes import strip_case

MIN_RATIO = 0.4  # a word enters the gazetteer of a type when at least this share of its uses are of that type


def keys(word: str) -> tuple[str, str]:
    lower = word.lower()
    return lower, "~" + strip_case(lower)[0]


def build(sentences: list[Sentence]) -> dict[str, str]:
    """key -> "LABEL|LABEL" for words and stems mostly seen inside entities of those types."""
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
