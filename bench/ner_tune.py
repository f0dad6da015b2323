"""CRF hyperparameters chosen by validation inside the train part: `python -m bench.ner_tune [CONFIG ...]`.

The dev part (habar.ner.corpus.is_dev) is never read. The train part is split again by sentence group (the id
without its letter prefix, hashed with its own salt, so the versions of one sentence stay on one side): one fifth
validates, the rest trains, with the protocol of scripts/train_ner.py inside it (gazetteers jackknifed over the
inner training folds; the validation fifth gets the gazetteer of all of them). The word and e5 clusters are the
shipped ones (habar/data/ner/clusters.tsv, built from the unlabeled text of the train part). A CONFIG is
`name:key=value,key=value` over crfsuite's L-BFGS parameters, e.g. `c1-0.1:c1=0.1`; each is trained in its own
process (--jobs at a time) and scored by entity F1 on the validation fifth, with crfsuite's own tags (no decoding
constraints or repairs, which are the same for every configuration).
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

from habar.ner import clusters, gazetteer
from habar.ner.corpus import Sentence, group_bucket, kaznerd_split
from habar.ner.evaluate import score
from habar.ner.features import Featurizer
from habar.ner.morphfeat import morph_features
from habar.options import Options

FOLDS = 5
BASE = {"c1": 0.05, "c2": 0.02, "max_iterations": 220, "feature.possible_transitions": True}  # train_ner.PARAMS
MODEL_DIR = Path(__file__).resolve().parent.parent / "habar" / "data" / "ner"


def inner_fold(sid: str) -> int:
    return group_bucket(sid, "tune:", FOLDS)


def featurize(train_part: list[Sentence]) -> tuple[list, list, list[list[str]]]:
    """(inner training items, validation feature lists, validation gold tags)."""
    from scripts.train_ner import jackknife_features

    morph = morph_features(source=True)
    cl = clusters.load(MODEL_DIR / "clusters.tsv")
    lemma = Featurizer({}, {}, morph).lemma
    inner = [s for s in train_part if inner_fold(s.id) != 0]
    valid = [s for s in train_part if inner_fold(s.id) == 0]
    items = jackknife_features(inner, cl, morph, 3)
    feat = Featurizer(cl, gazetteer.build(inner, lemma), morph, version=3)
    return items, [feat.sentence(s.tokens) for s in valid], [s.tags for s in valid]


def run(name: str, params: dict, data: Path, out: Path) -> None:
    with open(data, "rb") as f:
        items, xs, gold = pickle.load(f)
    t0 = time.time()
    trainer = pycrfsuite.Trainer(verbose=False)
    for x, y in items:
        trainer.append(x, y)
    trainer.set_params(params)
    trainer.train(str(out / name))
    secs = time.time() - t0
    tagger = pycrfsuite.Tagger()
    tagger.open(str(out / name))
    s = score(gold, [tagger.tag(x) for x in xs])
    weak = " ".join(f"{k[:4]} {s[k]['f1']:.3f}" for k in ("ORGANISATION", "EVENT", "PROJECT", "FACILITY") if k in s)
    size = (out / name).stat().st_size / 1e6
    print(f"{name:<24} F1 {s['ALL']['f1']:.4f} P {s['ALL']['p']:.4f} R {s['ALL']['r']:.4f}  {weak}  "
          f"{secs:.0f} s {size:.1f} MB  {params}", flush=True)


def parse(config: str) -> tuple[str, dict]:
    name, _, body = config.partition(":")
    params = dict(BASE)
    for kv in filter(None, body.split(",")):
        key, value = kv.split("=")
        params[key] = type(BASE[key])(value) if key in BASE and not isinstance(BASE[key], bool) else \
            (value in ("1", "True", "true") if key in BASE else float(value))
    return name, params


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("configs", nargs="*", default=["base:"])
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()) / "habar-ner-tune.pkl",
                    help="featurized inner split, reused between runs")
    args = ap.parse_args(argv)
    if not args.cache.exists():
        train_part, _ = kaznerd_split(Options().shared_data / "kaznerd")
        t0 = time.time()
        data = featurize(train_part)
        print(f"inner split: {len(data[0])} train / {len(data[1])} validation sentences, featurized in "
              f"{time.time() - t0:.0f} s", file=sys.stderr)
        with open(args.cache, "wb") as f:
            pickle.dump(data, f)
    out = Path(tempfile.mkdtemp(prefix="habar-ner-tune-"))
    ctx = multiprocessing.get_context("fork")
    todo = [parse(c) for c in args.configs]
    while todo:
        batch, todo = todo[:args.jobs], todo[args.jobs:]
        procs = [ctx.Process(target=run, args=(name, params, args.cache, out)) for name, params in batch]
        for p in procs:
            p.start()
        for p in procs:
            p.join()
    return 0


if __name__ == "__main__":
    sys.exit(main())
