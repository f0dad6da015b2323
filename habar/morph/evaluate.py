"""Scoring against gold CoNLL-U: lemma accuracy (case-insensitive), UPOS accuracy, exact FEATS, coverage.

Punctuation (gold UPOS PUNCT) is excluded. Coverage is the share of words with at least one reading from
the lexicon or the closed-class list, rather than from the guesser.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from habar.document import Token
from habar.morph import analyze, tag_tokens
from habar.morph import conllu


@dataclass
class Report:
    n: int = 0
    lemma: int = 0
    upos: int = 0
    feats: int = 0
    covered: int = 0
    errors: list[tuple[str, str, str, str, str]] = field(default_factory=list)

    def _r(self, k: int) -> float:
        return k / self.n if self.n else 0.0

    @property
    def lemma_acc(self) -> float:
        return self._r(self.lemma)

    @property
    def upos_acc(self) -> float:
        return self._r(self.upos)

    @property
    def feats_acc(self) -> float:
        return self._r(self.feats)

    @property
    def coverage(self) -> float:
        return self._r(self.covered)


def evaluate(sentences: list[conllu.Sentence]) -> Report:
    rep = Report()
    for sent in sentences:
        rows = sent.words()
        tokens = [Token(r[1], 0, 0) for r in rows]
        tag_tokens(tokens)
        for r, t in zip(rows, tokens):
            gold_lemma, gold_upos, gold_feats = r[2], r[3], r[5]
            if gold_upos in ("PUNCT", "_"):
                continue
            rep.n += 1
            ok_l = t.lemma.lower() == gold_lemma.lower()
            ok_u = t.upos == gold_upos
            rep.lemma += ok_l
            rep.upos += ok_u
            rep.feats += (t.feats or "_") == gold_feats
            rep.covered += any(a.source != "guess" for a in analyze(r[1]))
            if not (ok_l and ok_u):
                rep.errors.append((r[1], gold_lemma, t.lemma, gold_upos, t.upos))
    return rep


def evaluate_file(path: Path) -> Report:
    with path.open(encoding="utf-8") as fh:
        return evaluate(list(conllu.read(fh, str(path))))
