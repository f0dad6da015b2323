"""How much near-duplicates of train sentences inflate dev F1: `python -m bench.ner_dev_dedup [--baseline]`.

KazNERD holds many sentences twice (digits in one copy, number words in the other, or small edits), and the
hash split of habar.ner.corpus puts the two copies on either side independently. A dev sentence whose twin is in
the train part is scored on (nearly) seen text. This script finds, for each dev sentence, whether a train
sentence is a near-duplicate: the same normalised token sequence, or token-set Jaccard >= --threshold (0.8), after
lower-casing, mapping digits and Kazakh number words to one placeholder and dropping punctuation. It then scores
the shipped model (as the pipeline tags: NerModel.tag) and, with --baseline, the plain CRF of scripts/train_ner.py
(same features and parameters, trained here on the train part) on all dev, the dev sentences with a train twin,
and those without one. KazNERD's sentence ids name the versions of one sentence (AID330210, DID330210), and its
official splits keep such a group together, so the last column, dev sentences whose group has no member in train,
is the condition of the official test split; a bootstrap interval is printed for it.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import time
from collections import Counter
from collections.abc import Sequence
from math import ceil
from pathlib import Path

import numpy as np

from habar.ner.corpus import Sentence, group, kaznerd_split, spans
from habar.ner.evaluate import score
from habar.options import Options
from habar.values.words import number_word, ordinal_word, scale_word

NUM = "<N>"
MAIN_CLASSES = ("PERSON", "GPE", "ORGANISATION", "DATE", "CARDINAL")
THRESHOLDS = (0.5, 0.6, 0.7, 0.8, 0.9, 1.0)  # the sensitivity table
_DIGIT = re.compile(r"\d")
_WORD = re.compile(r"\w")


def normalise(tokens: Sequence[str]) -> tuple[str, ...]:
    """Lower-cased tokens without punctuation; a run of digits and number words is one NUM, so "25" and
    "жиырма бес" (and "5-ші" and "бесінші") read the same."""
    out: list[str] = []
    for tok in tokens:
        w = tok.lower()
        if not _WORD.search(w):
            continue
        if _DIGIT.search(w) or number_word(w) is not None or ordinal_word(w) is not None \
                or scale_word(w) is not None:
            if out and out[-1] == NUM:
                continue
            w = NUM
        out.append(w)
    return tuple(out)


class NearDuplicates:
    """Token-set Jaccard search over a fixed corpus of sets, exact by prefix filtering: with every set sorted by
    one global order (rarest token first), two sets with Jaccard >= t share a token among the first
    |s| - ceil(t * |s|) + 1 of each; only sets sharing such a token are compared."""

    def __init__(self, corpus: Sequence[frozenset[str]], threshold: float):
        self.corpus = list(corpus)
        self.threshold = threshold
        self.df = Counter(tok for s in self.corpus for tok in s)
        self.postings: dict[str, list[int]] = {}
        for i, s in enumerate(self.corpus):
            for tok in self._prefix(s):
                self.postings.setdefault(tok, []).append(i)

    def _prefix(self, s: frozenset[str]) -> list[str]:
        ordered = sorted(s, key=lambda tok: (self.df.get(tok, 0), tok))
        return ordered[:len(s) - ceil(self.threshold * len(s) - 1e-9) + 1]

    def best(self, query: frozenset[str]) -> tuple[int, float] | None:
        """(corpus index, Jaccard) of the most similar set at or above the threshold, else None."""
        if not query:
            return None
        found: tuple[int, float] | None = None
        for i in {i for tok in self._prefix(query) for i in self.postings.get(tok, ())}:
            other = self.corpus[i]
            j = len(query & other) / len(query | other)
            if j >= self.threshold - 1e-9 and (found is None or j > found[1]):
                found = (i, j)
        return found


def twins(train: list[Sentence], dev: list[Sentence], threshold: float) -> list[float]:
    """Per dev sentence: the best Jaccard of a train near-duplicate (>= threshold), 1.0 for an identical
    normalised sequence, 0.0 for none."""
    seqs = {normalise(s.tokens) for s in train}
    index = NearDuplicates([frozenset(normalise(s.tokens)) for s in train], threshold)
    out = []
    for s in dev:
        norm = normalise(s.tokens)
        hit = index.best(frozenset(norm))
        out.append(1.0 if norm in seqs else (hit[1] if hit else 0.0))
    return out


def baseline_tags(train: list[Sentence], dev: list[Sentence], model: Path) -> list[list[str]]:
    """The plain CRF of scripts/train_ner.py on the train part (reused from `model` when it exists)."""
    import pycrfsuite

    from habar.ner.features import Featurizer
    from scripts.train_ner import BASELINE_PARAMS, train as train_crf

    plain = Featurizer({}, {}, plain=True)
    if not model.exists():
        secs = train_crf([(plain.sentence(s.tokens), s.tags) for s in train], BASELINE_PARAMS, model)
        print(f"plain CRF trained in {secs:.0f} s -> {model}", file=sys.stderr)
    tagger = pycrfsuite.Tagger()
    tagger.open(str(model))
    return [tagger.tag(plain.sentence(s.tokens)) for s in dev]


def _f1(dev: list[Sentence], pred: list[list[str]], keep: list[bool]) -> dict[str, dict[str, float]]:
    return score([s.tags for s, k in zip(dev, keep) if k], [p for p, k in zip(pred, keep) if k])


def _cell(scores: dict[str, dict[str, float]], label: str) -> str:
    s = scores.get(label)
    return f"{s['f1']:.3f} ({s['support']:>4})" if s else f"{'-':>12}"


def table(dev: list[Sentence], preds: dict[str, list[list[str]]], sims: list[float], threshold: float,
          seen_group: list[bool]) -> str:
    dup = [j >= threshold for j in sims]
    subsets = {"all dev": [True] * len(dev), "with twin": dup, "no twin": [not d for d in dup],
               "group unseen": [not g for g in seen_group]}
    lines = [f"{'model':<10}{'class':<14}" + "".join(f"{name:>14}" for name in subsets)]
    lines.append(f"{'':<10}{'sentences':<14}" + "".join(f"{sum(k):>14}" for k in subsets.values()))
    for name, pred in preds.items():
        by_subset = [_f1(dev, pred, keep) for keep in subsets.values()]
        for label in ("ALL", *MAIN_CLASSES):
            lines.append(f"{name:<10}{label:<14}" + "".join(f"{_cell(s, label):>14}" for s in by_subset))
    return "\n".join(lines)


def sensitivity(dev: list[Sentence], preds: dict[str, list[list[str]]], sims: list[float]) -> str:
    """Overall F1 on the dev sentences without a twin, for stricter and looser twin thresholds."""
    lines = [f"{'Jaccard >=':<12}{'with twin':>10}" + "".join(f"{name + ' no twin':>18}" for name in preds)]
    for t in THRESHOLDS:
        keep = [j < t for j in sims]
        f1s = [_f1(dev, pred, keep)["ALL"]["f1"] for pred in preds.values()]
        lines.append(f"{t:<12.1f}{len(dev) - sum(keep):>10}" + "".join(f"{f:>18.3f}" for f in f1s))
    return "\n".join(lines)


def reweighted(dev: list[Sentence], preds: dict[str, list[list[str]]], sims: list[float], threshold: float) -> str:
    """Per-class F1 on the dev sentences without a twin, averaged with the class mix of all dev as weights.

    Twins are mostly digit/number-word pairs, so the sentences without one hold fewer numbers (CARDINAL, DATE are
    easy) and more names; this undoes that shift in the class mix. The same weighted mean over all dev is printed
    next to the micro F1 to show how far the two measures differ."""
    keep = [j < threshold for j in sims]
    lines = [f"{'model':<10}{'all dev micro':>15}{'all dev weighted':>18}{'no twin weighted':>18}"]
    for name, pred in preds.items():
        full, rest = _f1(dev, pred, [True] * len(dev)), _f1(dev, pred, keep)
        labels = [k for k in full if k != "ALL" and k in rest and rest[k]["support"]]
        weight = sum(full[k]["support"] for k in labels)
        on_all = sum(full[k]["support"] * full[k]["f1"] for k in labels) / weight
        on_rest = sum(full[k]["support"] * rest[k]["f1"] for k in labels) / weight
        lines.append(f"{name:<10}{full['ALL']['f1']:>15.3f}{on_all:>18.3f}{on_rest:>18.3f}")
    return "\n".join(lines)


def bootstrap(dev: list[Sentence], pred: list[list[str]], keep: list[bool], rounds: int = 1000) -> tuple[float, float]:
    """95% interval of the overall entity F1 over the kept sentences, resampling sentences (seeded)."""
    counts = sentence_counts([s.tags for s, k in zip(dev, keep) if k], [p for p, k in zip(pred, keep) if k])
    rng = np.random.default_rng(13)
    sums = counts[rng.integers(0, len(counts), (rounds, len(counts)))].sum(axis=1)  # (rounds, 3)
    return float(np.percentile(f1(sums), 2.5)), float(np.percentile(f1(sums), 97.5))


def paired_bootstrap(dev: list[Sentence], pred: list[list[str]], other: list[list[str]], rounds: int = 1000
                     ) -> tuple[float, float, float]:
    """F1(pred) - F1(other) on all dev and its 95% interval, resampling the same sentences for both (seeded):
    a difference whose interval excludes 0 is beyond the noise of which sentences dev happens to hold."""
    gold = [s.tags for s in dev]
    a, b = sentence_counts(gold, pred), sentence_counts(gold, other)
    return (float(f1(a.sum(0)) - f1(b.sum(0))), *paired_interval(b, a, rounds))


def paired_interval(base: np.ndarray, new: np.ndarray, rounds: int = 1000, seed: int = 13) -> tuple[float, float]:
    """95% interval of F1(new) - F1(base) (sentence_counts rows), the same sentences drawn for both."""
    idx = np.random.default_rng(seed).integers(0, len(base), (rounds, len(base)))
    diff = f1(new[idx].sum(axis=1)) - f1(base[idx].sum(axis=1))
    return float(np.percentile(diff, 2.5)), float(np.percentile(diff, 97.5))


def sentence_counts(gold: list[list[str]], pred: list[list[str]]) -> np.ndarray:
    """(sentences, 3): the true positives, predicted and gold entities of each sentence."""
    out = np.zeros((len(gold), 3))
    for i, (g, p) in enumerate(zip(gold, pred)):
        gs, ps = set(spans(g)), set(spans(p))
        out[i] = len(gs & ps), len(ps), len(gs)
    return out


def f1(c: np.ndarray) -> np.ndarray:
    """Entity F1 of summed sentence_counts (the last axis)."""
    return 2 * c[..., 0] / np.maximum(c[..., 1] + c[..., 2], 1)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=None, help="shared data folder (default: Options().shared_data)")
    ap.add_argument("--threshold", type=float, default=0.8, help="token-set Jaccard of a near-duplicate")
    ap.add_argument("--baseline", action="store_true", help="also train and score the plain-CRF baseline")
    ap.add_argument("--baseline-model", type=Path, default=Path("/tmp/habar-ner-dedup-baseline.crfsuite"),
                    help="where the baseline model is kept between runs (reused when present)")
    ap.add_argument("--model-dir", type=Path, default=None, help="score this model folder (default: the shipped one)")
    ap.add_argument("--against", type=Path, default=None,
                    help="another model folder: print the paired bootstrap interval of the F1 difference")
    args = ap.parse_args(argv)
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    shared = args.shared or Options().shared_data
    train, dev = kaznerd_split(shared / "kaznerd")
    t0 = time.time()
    # the sensitivity table needs every sentence's best Jaccard down to its lowest threshold
    sims = twins(train, dev, min(THRESHOLDS + (args.threshold,)))
    seqs = {normalise(s.tokens) for s in train}
    n_exact = sum(normalise(s.tokens) in seqs for s in dev)
    n_dup = sum(j >= args.threshold for j in sims)
    in_train = {group(s.id) for s in train}
    seen_group = [group(s.id) in in_train for s in dev]
    both = sum(g and j >= args.threshold for g, j in zip(seen_group, sims))
    print(f"split: {len(train)} train / {len(dev)} dev sentences; twin search {time.time() - t0:.1f} s")
    print(f"dev sentences with a train near-duplicate: {n_dup} ({n_dup / len(dev):.1%}); identical after "
          f"normalising: {n_exact}, token-set Jaccard >= {args.threshold} otherwise: {n_dup - n_exact}")
    print(f"dev sentences whose id group has a sentence in train: {sum(seen_group)}; of them with a near-duplicate "
          f"found: {both}")

    from habar.ner.model import MODEL_DIR, NerModel

    model_dir = args.model_dir or MODEL_DIR
    for folder in filter(None, (model_dir, args.against)):
        trained_on = json.loads((folder / "dev_scores.json").read_text(encoding="utf-8"))["shipped_trained_on"]
        if trained_on != "train":
            raise SystemExit(f"{folder}: the model was trained on {trained_on!r}, so dev is in its training data; "
                             f"retrain on the train part (scripts/train_ner.py) to measure it")
    model = NerModel(model_dir)
    preds = {"habar": [model.tag(s.tokens) for s in dev]}
    if args.baseline:
        preds["plain CRF"] = baseline_tags(train, dev, args.baseline_model)
    print(f"\nentity F1 (gold entities) by dev subset, near-duplicate = Jaccard >= {args.threshold}; group unseen: "
          f"no sentence of the same id group (AID/BID/... with one number) in train, as on the official test split")
    print(table(dev, preds, sims, args.threshold, seen_group))
    print("\noverall entity F1 on dev sentences without a twin, by twin threshold")
    print(sensitivity(dev, preds, sims))
    print("\n95% bootstrap interval of overall F1 (1,000 resamples of sentences)")
    for name, pred in preds.items():
        lo, hi = bootstrap(dev, pred, [not g for g in seen_group])
        lo2, hi2 = bootstrap(dev, pred, [j < args.threshold for j in sims])
        print(f"{name:<10} group unseen {lo:.3f}-{hi:.3f}   no twin {lo2:.3f}-{hi2:.3f}")
    print("\nF1 averaged over classes with all dev's class supports as weights (classes seen without a twin)")
    print(reweighted(dev, preds, sims, args.threshold))
    if args.against:
        other = NerModel(args.against)
        diff, lo, hi = paired_bootstrap(dev, preds["habar"], [other.tag(s.tokens) for s in dev])
        print(f"\nall dev F1 of {model_dir} minus {args.against}: {diff:+.3f} (paired bootstrap 95% {lo:+.3f} to "
              f"{hi:+.3f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
