"""Train the shipped NER model from KazNERD's validation split (`make models`).

Split: a sentence is dev when md5(its group: the id without its letter prefix) mod 100 < 15
(habar.ner.corpus.is_dev): 9,499 train sentences and 1,668 dev sentences; the versions of one sentence (AID…,
DID…) fall on the same side. The dev part is kept out of everything the model learns from: word clusters come from
the unlabeled text of the train part plus SIB-200 Kazakh sentences, gazetteers and the CRF from the train part.
Feature set 3 adds k-means clusters of e5 piece vectors (habar/data/semantic/static.npz) for the lemmas of the train
part, of SIB-200 and of habar.morph's lexicon, and head-word gazetteers learned from the train part (jackknifed).
The model is scored on dev next to a plain CRF (word and shape features) trained on the same part in the same run:

    nice -n 19 .venv/bin/python scripts/train_ner.py [--shared ../shared/data] [--out habar/data/ner]

It needs habar.morph's data (`make lexicon`) for the analyzer features; --no-morph leaves them out.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import hashlib
import json
import multiprocessing
import re
import shutil
import sys
import tempfile
import time
from pathlib import Path

import pycrfsuite

from habar.ner import clusters, gazetteer
from habar.ner.corpus import Sentence, kaznerd_split
from habar.ner.evaluate import format_table, score
from habar.ner.features import MAX_VERSION, Featurizer
from habar.ner.model import NerModel
from habar.ner.morphfeat import morph_features, morph_works

SEED = 13
FEATURE_VERSION = 3  # the shipped model's feature set (habar.ner.features.Featurizer.version)
USE_MORPH = True     # the shipped model's use of habar.morph features
FOLDS = 5
PARAMS = {"c1": 0.05, "c2": 0.02, "max_iterations": 220, "feature.possible_transitions": True,
          "feature.possible_states": False}
BASELINE_PARAMS = {"c1": 0.1, "c2": 0.01, "max_iterations": 150, "feature.possible_transitions": True}


def unlabeled_text(shared: Path, sentences: list[Sentence]) -> list[list[str]]:
    texts = [s.tokens for s in sentences]
    for name in ("train.tsv", "dev.tsv"):
        path = shared / "sib200_kaz" / name
        if path.exists():
            with open(path, encoding="utf-8") as f:
                for row in csv.DictReader(f, delimiter="\t"):
                    texts.append(_split_words(row["text"]))
    return texts


def _split_words(text: str) -> list[str]:
    return re.findall(r"\w+(?:[-']\w+)*|[^\w\s]", text)


def train(items: list[tuple[list[list[str]], list[str]]], params: dict, path: Path) -> float:
    t0 = time.time()
    trainer = pycrfsuite.Trainer(verbose=False)
    for xseq, yseq in items:
        trainer.append(xseq, yseq)
    trainer.set_params(params)
    trainer.train(str(path))
    return time.time() - t0


def lexicon_lemmas() -> set[str]:
    """habar.morph's lexicon stems (lowercase): e5 clusters then cover unseen inflected forms through their lemma."""
    root = Path(__file__).resolve().parent.parent / "habar" / "data" / "morph"
    out = set()
    with gzip.open(root / "lexicon.tsv.gz", "rt", encoding="utf-8") as f:
        out.update(line.split("\t", 1)[0].lower() for line in f)
    with open(root / "stems.tsv", encoding="utf-8") as f:
        out.update(line.split("\t", 1)[0].lower() for line in f if not line.startswith("#"))
    return out


def e5_table(texts: list[list[str]], morph) -> dict[str, tuple[int, int]]:
    """e5 clusters of the lemmas of the unlabeled text (never dev) and of the lexicon (feature set 3)."""
    lemma = Featurizer({}, {}, morph).lemma
    lemmas = {lemma(w) for sent in texts for w in sent if w[:1].isalpha()} | lexicon_lemmas()
    return clusters.build_e5(lemmas, seed=SEED)


def jackknife_features(train_part: list[Sentence], cl: dict, morph, version: int, make: type = Featurizer
                       ) -> list[tuple[list[list[str]], list[str]]]:
    """Each fold's features use a gazetteer built from the other folds, so gazetteer hits look as on new text.
    `make`: the Featurizer class (a study's subclass, bench.ner_rules)."""
    fold_of = [hash_fold(s.id) for s in train_part]
    lemma = Featurizer({}, {}, morph).lemma if version >= 3 else None
    items = []
    for k in range(FOLDS):
        gaz = gazetteer.build([s for s, f in zip(train_part, fold_of) if f != k], lemma)
        feat = make(cl, gaz, morph, version=version)
        items += [(feat.sentence(s.tokens), s.tags) for s, f in zip(train_part, fold_of) if f == k]
    return items


def hash_fold(sid: str) -> int:
    """The jackknife fold of a train sentence, by a hash of its id (independent of the dev split's hash)."""
    return int.from_bytes(hashlib.md5(("fold:" + sid).encode()).digest()[:4], "big") % FOLDS


def train_baseline(train_part: list[Sentence], dev: list[Sentence], tmp: Path) -> None:
    """The plain CRF (word and shape features) on the same part; its dev scores go to tmp/baseline.json."""
    plain = Featurizer({}, {}, plain=True)
    secs = train([(plain.sentence(s.tokens), s.tags) for s in train_part], BASELINE_PARAMS, tmp / "baseline")
    scores = evaluate(tmp / "baseline", plain, dev)
    (tmp / "baseline.json").write_text(json.dumps({"scores": scores, "secs": secs}), encoding="utf-8")


def evaluate(model: Path, feat: Featurizer, dev: list[Sentence]) -> dict:
    """Dev scores of a plain crfsuite model (the baseline): its tags as they come."""
    tagger = pycrfsuite.Tagger()
    tagger.open(str(model))
    return score([s.tags for s in dev], [tagger.tag(feat.sentence(s.tokens)) for s in dev])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=Path("../shared/data"))
    ap.add_argument("--out", type=Path, default=Path(__file__).resolve().parent.parent / "habar" / "data" / "ner")
    ap.add_argument("--no-baseline", action="store_true", help="skip the plain-CRF baseline")
    ap.add_argument("--morph", action=argparse.BooleanOptionalAction, default=USE_MORPH,
                    help="add habar.morph lemma/POS/case features")
    ap.add_argument("--version", type=int, default=FEATURE_VERSION, choices=range(MAX_VERSION + 1),
                    help="feature set (see Featurizer)")
    ap.add_argument("--clusters", type=Path, default=None, help="reuse this clusters.tsv instead of rebuilding it")
    ap.add_argument("--c1", type=float, default=PARAMS["c1"])
    ap.add_argument("--c2", type=float, default=PARAMS["c2"])
    ap.add_argument("--iterations", type=int, default=PARAMS["max_iterations"])
    ap.add_argument("--possible-states", action=argparse.BooleanOptionalAction,
                    default=PARAMS["feature.possible_states"],
                    help="weights for every (attribute, label) pair, negative evidence included; +0.005 F1 on "
                         "bench/ner_tune.py's inner split but -0.002 on dev, so off")
    args = ap.parse_args(argv)
    train_part, dev = kaznerd_split(args.shared / "kaznerd")
    print(f"split: {len(train_part)} train / {len(dev)} dev sentences", file=sys.stderr)
    args.out.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix="habar-ner-"))
    params = dict(PARAMS, c1=args.c1, c2=args.c2, max_iterations=args.iterations,
                  **{"feature.possible_states": args.possible_states})
    if args.morph and not morph_works():
        raise SystemExit("habar.morph does not work here; build its data first (`make lexicon`) or pass --no-morph")
    morph = morph_features(source=args.version >= 2) if args.morph else None
    report = {"train_sentences": len(train_part), "dev_sentences": len(dev), "seed": SEED, "params": params,
              "morph": morph is not None, "feature_version": args.version}
    print(f"params {params}, habar.morph features: {morph is not None}", file=sys.stderr)

    # the baseline trains in a second process meanwhile: on 2 cores the run takes the longer of the two, not the sum
    baseline = None
    if not args.no_baseline:
        baseline = multiprocessing.get_context("fork").Process(target=train_baseline, args=(train_part, dev, tmp))
        baseline.start()

    t0 = time.time()
    if args.clusters:
        shutil.copyfile(args.clusters, args.out / "clusters.tsv")
    else:
        texts = unlabeled_text(args.shared, train_part)
        cl = clusters.build(texts, seed=SEED)
        print(f"clusters: {len(cl)} words/stems in {time.time() - t0:.0f} s", file=sys.stderr)
        if args.version >= 3:
            t0 = time.time()
            e5 = e5_table(texts, morph)
            print(f"e5 clusters: {len(e5)} lemmas in {time.time() - t0:.0f} s", file=sys.stderr)
            cl.update(e5)
        clusters.save(cl, args.out / "clusters.tsv")
    cl = clusters.load(args.out / "clusters.tsv")
    secs = train(jackknife_features(train_part, cl, morph, args.version), params, tmp / "model")
    lemma = Featurizer({}, {}, morph).lemma if args.version >= 3 else None
    gazetteer.save(gazetteer.build(train_part, lemma), args.out / "gazetteer.tsv")
    shutil.move(str(tmp / "model"), args.out / "model.crfsuite")
    settings = {"morph": morph is not None, "version": args.version}
    (args.out / "features.json").write_text(json.dumps(settings) + "\n", encoding="utf-8")
    if baseline is not None:
        baseline.join()
        if baseline.exitcode != 0:
            raise SystemExit(f"the baseline process failed (exit code {baseline.exitcode}); see its traceback above")
        base = json.loads((tmp / "baseline.json").read_text(encoding="utf-8"))
        print(format_table(base["scores"], f"plain CRF baseline (train part, {base['secs']:.0f} s)"))
        report["baseline"] = base["scores"]
    shipped = NerModel(args.out)  # scored as it tags: decoding constraint and repairs included
    full = score([s.tags for s in dev], [shipped.tag(s.tokens) for s in dev])
    print(format_table(full, f"habar CRF (train part, {secs:.0f} s)"))
    report["model"] = full
    report["shipped_trained_on"] = "train"
    shutil.rmtree(tmp)
    (args.out / "dev_scores.json").write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {args.out}/model.crfsuite ({report['shipped_trained_on']})", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
