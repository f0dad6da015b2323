"""Does a stacked (two-stage) CRF help? `python -m bench.ner_stack` on bench.ner_tune's inner split of train.

The dev part is never read: the train part is split as in bench.ner_tune (one fifth of the sentence groups
validates; its featurized cache is reused). Stage 1 is the CRF of scripts/train_ner.py, jackknifed over --folds
folds of the inner training part, so every training sentence gets stage-1 tags from a model that did not see it;
the validation fifth gets the tags of a stage-1 model trained on all of the inner part. Stage 2 is the same CRF
with the stage-1 label of the word and of its neighbours (one and two away), and the word's stage-1 marginal of
that label in three bins, added to its features. Both stages are scored on the validation fifth with crfsuite's
own tags (no repairs). Stage-1 models train in parallel (--jobs).
"""

from __future__ import annotations

import argparse
import multiprocessing
import pickle
import sys
import tempfile
import time
from pathlib import Path

import pycrfsuite

from bench.ner_tune import BASE, FOLDS, inner_fold
from habar.ner.corpus import group, kaznerd_split
from habar.ner.evaluate import score
from habar.options import Options

CACHE = Path(tempfile.gettempdir()) / "habar-ner-tune.pkl"  # written by bench.ner_tune


def inner_groups() -> list[str]:
    """The sentence group of each cached training item, in bench.ner_tune.featurize's order."""
    from scripts.train_ner import hash_fold
    train_part, _ = kaznerd_split(Options().shared_data / "kaznerd")
    inner = [s for s in train_part if inner_fold(s.id) != 0]
    fold_of = [hash_fold(s.id) for s in inner]
    return [group(s.id) for k in range(FOLDS)
            for s, f in zip(inner, fold_of) if f == k]


def _train(items: list, path: Path, params: dict) -> None:
    trainer = pycrfsuite.Trainer(verbose=False)
    for x, y in items:
        trainer.append(x, y)
    trainer.set_params(params)
    trainer.train(str(path))


def stage1(path: Path, xs: list[list[list[str]]]) -> list[tuple[list[str], list[float]]]:
    """Tags and the marginal of each tag."""
    tagger = pycrfsuite.Tagger()
    tagger.open(str(path))
    out = []
    for x in xs:
        tagger.set(x)
        tags = tagger.tag()
        out.append((tags, [tagger.marginal(y, i) for i, y in enumerate(tags)]))
    return out


def stacked(x: list[list[str]], first: tuple[list[str], list[float]]) -> list[list[str]]:
    tags, margs = first
    n = len(tags)
    out = []
    for i, f in enumerate(x):
        g = list(f)
        for off in (-2, -1, 0, 1, 2):
            j = i + off
            g.append(f"p{off}=" + (tags[j] if 0 <= j < n else "_"))
        g.append(f"pm={tags[i]}|{0 if margs[i] < 0.6 else 1 if margs[i] < 0.9 else 2}")
        g.append("pb=" + (tags[i - 1] if i else "_") + "|" + tags[i])
        out.append(g)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--folds", type=int, default=3)
    ap.add_argument("--jobs", type=int, default=2)
    args = ap.parse_args(argv)
    if not CACHE.exists():
        raise SystemExit(f"{CACHE} is missing; run `python -m bench.ner_tune` first (it featurizes the split)")
    with open(CACHE, "rb") as f:
        items, xs, gold = pickle.load(f)
    out = Path(tempfile.mkdtemp(prefix="habar-ner-stack-"))
    t0 = time.time()
    groups = inner_groups()
    if len(groups) != len(items):
        raise SystemExit(f"{CACHE} does not match the split; delete it and run `python -m bench.ner_tune`")
    # versions of one sentence share a fold, or stage 1 would tag a training sentence having seen its twin
    fold = [int(g or "0") % args.folds if g.isdigit() else hash(g) % args.folds for g in groups]
    jobs = [([it for it, k in zip(items, fold) if k != f], out / f"fold{f}") for f in range(args.folds)]
    jobs.append((items, out / "all"))
    n_models = len(jobs)
    ctx = multiprocessing.get_context("fork")  # the children inherit the items instead of receiving a pickle
    while jobs:
        batch, jobs = jobs[:args.jobs], jobs[args.jobs:]
        procs = [ctx.Process(target=_train, args=(its, path, BASE)) for its, path in batch]
        for p in procs:
            p.start()
        for p in procs:
            p.join()
    print(f"stage 1: {n_models} models in {time.time() - t0:.0f} s", file=sys.stderr, flush=True)
    firsts: list = [None] * len(items)
    for f in range(args.folds):
        idx = [i for i, k in enumerate(fold) if k == f]
        for i, r in zip(idx, stage1(out / f"fold{f}", [items[i][0] for i in idx])):
            firsts[i] = r
    valid1 = stage1(out / "all", xs)
    s1 = score(gold, [t for t, _ in valid1])
    t0 = time.time()
    _train([(stacked(x, r), y) for (x, y), r in zip(items, firsts)], out / "stage2", BASE)
    tagger = pycrfsuite.Tagger()
    tagger.open(str(out / "stage2"))
    s2 = score(gold, [tagger.tag(stacked(x, r)) for x, r in zip(xs, valid1)])
    print(f"stage 2 trained in {time.time() - t0:.0f} s", file=sys.stderr)
    for name, s in (("stage 1", s1), ("stage 2 (stacked)", s2)):
        weak = " ".join(f"{k[:4]} {s[k]['f1']:.3f}" for k in ("ORGANISATION", "EVENT", "PROJECT", "FACILITY")
                        if k in s)
        print(f"{name:<20} F1 {s['ALL']['f1']:.4f} P {s['ALL']['p']:.4f} R {s['ALL']['r']:.4f}  {weak}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
