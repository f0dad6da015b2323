"""CRF models for studying a second-pass span classifier: `python -m bench.ner_span_models OUT`.

The dev part is never read. The train part is split as in bench.ner_tune (one fifth of the sentence groups
validates). Inside the other four fifths ("inner"), the sentence groups are hashed again into --folds stacking
folds. Models are trained one after the other (one core), each into its own directory laid out like
habar/data/ner (model.crfsuite, the shipped clusters.tsv, a gazetteer.tsv of its own training sentences,
features.json), so habar.ner.model.NerModel tags with the shipped decoding constraints and repairs:

- OUT/all: trained on all of inner, for the validation fifth (the baseline, and the classifier's test input);
- OUT/foldK: trained on inner minus stacking fold K, for the sentences of fold K (the classifier's training
  input: the CRF's mistakes on sentences it has not seen).

Training features are those of scripts/train_ner.py: gazetteer hits jackknifed over 5 folds of the training
sentences. The split (sentences and fold numbers) is pickled to OUT/split.pkl.
"""

from __future__ import annotations

import argparse
import json
import pickle
import shutil
import sys
import time
from pathlib import Path

from bench.ner_tune import BASE, MODEL_DIR, inner_fold
from habar.ner import clusters, gazetteer
from habar.ner.corpus import Sentence, group_bucket, kaznerd_split
from habar.ner.features import Featurizer
from habar.ner.morphfeat import morph_features
from habar.options import Options
from scripts.train_ner import jackknife_features, train


def stack_fold(sid: str, folds: int) -> int:
    """The stacking fold of an inner sentence, by its group (the id without its letter prefix)."""
    return group_bucket(sid, "span:", folds)


def model_dir(out: Path, clusters_tsv: Path, sentences: list[Sentence], lemma) -> None:
    """A directory NerModel opens: the given clusters, a gazetteer of these sentences, feature set 3 with morph."""
    out.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(clusters_tsv, out / "clusters.tsv")
    gazetteer.save(gazetteer.build(sentences, lemma), out / "gazetteer.tsv")
    (out / "features.json").write_text(json.dumps({"morph": True, "version": 3}) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out", type=Path)
    ap.add_argument("--folds", type=int, default=3)
    args = ap.parse_args(argv)
    train_part, _ = kaznerd_split(Options().shared_data / "kaznerd")
    inner = [s for s in train_part if inner_fold(s.id) != 0]
    valid = [s for s in train_part if inner_fold(s.id) == 0]
    fold = [stack_fold(s.id, args.folds) for s in inner]
    args.out.mkdir(parents=True, exist_ok=True)
    with open(args.out / "split.pkl", "wb") as f:
        pickle.dump({"inner": inner, "valid": valid, "fold": fold, "folds": args.folds}, f)
    morph = morph_features(source=True)
    cl = clusters.load(MODEL_DIR / "clusters.tsv")
    lemma = Featurizer({}, {}, morph).lemma
    jobs = [("all", inner)] + [(f"fold{k}", [s for s, f in zip(inner, fold) if f != k]) for k in range(args.folds)]
    for name, sents in jobs:
        t0 = time.time()
        items = jackknife_features(sents, cl, morph, 3)
        t1 = time.time()
        model_dir(args.out / name, MODEL_DIR / "clusters.tsv", sents, lemma)
        secs = train(items, BASE, args.out / name / "model.crfsuite")
        print(f"{name}: {len(sents)} sentences, featurized in {t1 - t0:.0f} s, trained in {secs:.0f} s",
              file=sys.stderr, flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
