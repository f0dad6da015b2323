"""Post-processing rules studied on bench.ner_tune's inner split: `python -m bench.ner_rules train|tag|score OUT`.

The dev part (habar.ner.corpus.is_dev) is never read: `train_sentences` drops its sentences while reading the
file, before their tokens or tags are kept. The train part is split as in bench.ner_tune (one fifth of the sentence
groups validates). `train OUT` trains one CRF on the other four fifths with the protocol of scripts/train_ner.py
(gazetteers jackknifed) into OUT/all, laid out like habar/data/ner (bench.ner_span_models.model_dir); `tag OUT`
tags the validation fifth with NerModel (decoding constraints and the repairs of this checkout) and pickles
tokens, gold and predicted tags to OUT/pred.pkl (--pred NAME); `score OUT` scores those predictions as they are
and after each candidate rule, with a paired bootstrap over the sentences, or (--against NAME) against the
predictions another checkout's repairs made from the same model.
"""

from __future__ import annotations

import argparse
import pickle
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Callable


from bench.ner_dev_dedup import paired_interval, sentence_counts
from bench.ner_tune import BASE, MODEL_DIR, inner_fold
from habar.ner import clusters, gazetteer
from habar.ner import repair_dates as rd
from habar.ner.corpus import Sentence, is_dev, read_conll, spans
from habar.ner.evaluate import score
from habar.ner.features import Featurizer
from habar.ner.morphfeat import morph_features
from habar.ner.heads import LOCATIVE_ADJECTIVE
from habar.ner.model import place_stems
from habar.ner.repair_phrases import demonym_norp, demonym_stem, set_span
from habar.options import Options
from habar.values.numbers import is_numeric

CLASSES = ("DATE", "NORP", "FACILITY")


def train_sentences() -> list[Sentence]:
    """The train part of KazNERD's validation file; dev sentences are skipped as they are read."""
    path = Options().shared_data / "kaznerd" / "with_sentID" / "IOB2_valid2.txt"
    return [s for s in read_conll(path, with_ids=True) if not is_dev(s.id)]


def inner_split() -> tuple[list[Sentence], list[Sentence]]:
    """(inner training sentences, validation fifth)."""
    part = train_sentences()
    return [s for s in part if inner_fold(s.id) != 0], [s for s in part if inner_fold(s.id) == 0]


class DemonymFeaturizer(Featurizer):
    """Feature set 3 plus "dm": the word is a demonym of a GPE of the gazetteer ("бразилиялық"), an attribute its
    neighbours see too (the candidate CRF feature for NORP; studied here only, habar's Featurizer is unchanged)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.places = place_stems(self.gazetteer)

    def _word(self, word: str) -> tuple[dict[str, str], list[str]]:
        attrs, own = super()._word(word)
        if len(word) >= 6 and demonym_stem(word) in self.places:
            attrs["dm"] = "GPE"
        return attrs, own


def do_train(out: Path, demonyms: bool = False) -> None:
    from bench.ner_span_models import model_dir
    from scripts.train_ner import jackknife_features, train
    inner, _ = inner_split()
    morph = morph_features(source=True)
    cl = clusters.load(MODEL_DIR / "clusters.tsv")
    lemma = Featurizer({}, {}, morph).lemma
    t0 = time.time()
    items = jackknife_features(inner, cl, morph, 3, DemonymFeaturizer if demonyms else Featurizer)
    model_dir(out / "all", MODEL_DIR / "clusters.tsv", inner, lemma)
    secs = train(items, BASE, out / "all" / "model.crfsuite")
    print(f"{len(inner)} sentences, featurized in {time.time() - t0 - secs:.0f} s, trained in {secs:.0f} s",
          file=sys.stderr)


def do_tag(out: Path, name: str = "pred.pkl", demonyms: bool = False, repairs: bool = True) -> None:
    from habar.ner import model as model_mod
    from habar.ner.context import ContextScorer
    _, valid = inner_split()
    model = model_mod.NerModel(out / "all")
    if demonyms:
        f = model.featurizer
        model.featurizer = DemonymFeaturizer(f.clusters, f.gazetteer, f.morph, version=f.version)
        model.context = ContextScorer(model.weights, model.featurizer)
    if not repairs:  # the shipped repairs without the demonym one
        model.places = frozenset()
    pred = []
    for i in range(0, len(valid), 25):  # as the pipeline tags an article
        pred += model.tag_many([s.tokens for s in valid[i:i + 25]])
    with open(out / name, "wb") as f:
        pickle.dump([(s.id, s.tokens, s.tags, p) for s, p in zip(valid, pred)], f)
    print(f"{len(valid)} validation sentences tagged", file=sys.stderr)


def load(out: Path, name: str = "pred.pkl") -> list[tuple[str, list[str], list[str], list[str]]]:
    with open(out / name, "rb") as f:
        return pickle.load(f)


def row(name: str, gold, pred) -> str:
    s = score(gold, pred)
    cells = " ".join(f"{c[:4]} {s[c]['p']:.3f}/{s[c]['r']:.3f}/{s[c]['f1']:.3f}" if c in s else f"{c[:4]} -"
                     for c in CLASSES)
    return f"{name:<22} F1 {s['ALL']['f1']:.4f} (P {s['ALL']['p']:.4f} R {s['ALL']['r']:.4f})  {cells}"


def places(out: Path, labels: set[str]) -> frozenset[str]:
    """The place stems of OUT/all's gazetteer (of the inner training sentences), as NerModel takes them."""
    table = gazetteer.load(out / "all" / "gazetteer.tsv")
    return frozenset(k.lstrip("~") for k, v in table.items() if not k.startswith("^") and set(v.split("|")) & labels)


def date_counts() -> tuple[Counter, Counter]:
    """Per lowercase word of the inner training sentences: uses inside a gold DATE, all uses."""
    inside, total = Counter(), Counter()
    for s in inner_split()[0]:
        label = ["O"] * len(s.tokens)
        for a, b, y in spans(s.tags):
            label[a:b] = [y] * (b - a)
        for tok, y in zip(s.tokens, label):
            total[tok.lower()] += 1
            inside[tok.lower()] += y == "DATE"
    return inside, total


def trim_never_dates(min_uses: int) -> Callable[[list[str], list[str]], list[str]]:
    """Dropped candidate: cut a DATE's edge words that the inner training sentences use >= min_uses times and
    never inside a DATE."""
    inside, total = date_counts()

    def never(word: str) -> bool:
        return total[word.lower()] >= min_uses and not inside[word.lower()] and not is_numeric(word)

    def trim(tokens: list[str], tags: list[str]) -> list[str]:
        for a, b, y in spans(tags):
            if y != "DATE":
                continue
            while b - a > 1 and never(tokens[b - 1]):
                b -= 1
                tags[b] = "O"
            while b - a > 1 and never(tokens[a]):
                tags[a] = "O"
                a += 1
                tags[a] = "B-DATE"
        return tags
    return trim


def take_before(words: frozenset[str]) -> Callable[[list[str], list[str]], list[str]]:
    """Candidate: a DATE takes the untagged word before it when that word is one of `words` ("өткен")."""
    def take(tokens: list[str], tags: list[str]) -> list[str]:
        for a, b, y in spans(tags):
            if y == "DATE" and a > 0 and tags[a - 1] == "O" and tokens[a - 1].lower() in words:
                tags[a - 1], tags[a] = "B-DATE", "I-DATE"
        return tags
    return take


def facility_heads(tokens: list[str], tags: list[str], lemma: Callable[[str], str],
                   heads: frozenset[str] | set[str]) -> list[str]:
    """Dropped candidate: a GPE or LOCATION followed by a lowercase facility head noun ("Қостанай әуежайында",
    "Лувр мұражайы") is one FACILITY, the head inside (in place; returns tags). `heads` are the lemmas the
    gazetteer has as heads of FACILITY names only ("^әуежай"). On the inner training sentences 44 gold FACILITY
    spans are a name and such a head, and no GPE is followed by one outside a span; on the validation fifth it
    fixes "Қостанай әуежайында" twice and breaks "Семей мен Қостанай әуежайының" (GPE in KazNERD) twice."""
    if not heads or not any(t[2:] in ("GPE", "LOCATION") for t in tags):
        return tags
    for start, end, label in spans(tags):
        if label not in ("GPE", "LOCATION") or end >= len(tokens) or tags[end] != "O" or not tokens[end][:1].islower():
            continue
        if tokens[end - 1].lower().endswith(LOCATIVE_ADJECTIVE):  # "Жидебайдағы мұражай": the museum at a place
            continue
        if lemma(tokens[end]).lower() in heads:
            set_span(tags, start, end + 1, "FACILITY")
    return tags


def rule_sets(out: Path) -> dict[str, Callable[[list[str], list[str]], list[str]]]:
    """name -> function(tokens, tags) -> tags, the candidates scored by `score` (on copies of the tags)."""
    gpe, gpe_loc = places(out, {"GPE"}), places(out, {"GPE", "LOCATION"})
    table = gazetteer.load(out / "all" / "gazetteer.tsv")
    fac = frozenset(k[1:] for k, v in table.items() if k[:1] == "^" and v == "FACILITY")
    lemma = Featurizer({}, {}, morph_features(source=True)).lemma
    return {
        "join_ranges": rd.join_ranges,
        "month_day": rd.month_day,
        "date_postpositions": rd.date_postpositions,
        "dates": rd.repair_dates,
        "trim never-DATE >=1": trim_never_dates(1),
        "trim never-DATE >=3": trim_never_dates(3),
        "demonyms GPE": lambda t, g: demonym_norp(t, g, gpe),
        "demonyms GPE|LOC": lambda t, g: demonym_norp(t, g, gpe_loc),
        "dates+demonyms": lambda t, g: demonym_norp(t, rd.repair_dates(t, g), gpe),
        "date pre-modifiers": take_before(frozenset({"өткен", "алдағы", "келесі", "соңғы", "биылғы"})),
        "date pre-modifiers+осы": take_before(frozenset({"өткен", "алдағы", "келесі", "соңғы", "биылғы", "осы"})),
        "facility heads": lambda t, g: facility_heads(t, g, lemma, fac),
        "dates+demonyms+facilities": lambda t, g: facility_heads(t, demonym_norp(t, rd.repair_dates(t, g), gpe),
                                                                 lemma, fac),
    }


def do_score(out: Path, name: str = "pred.pkl", against: str = "") -> None:
    data = load(out, name)
    gold = [g for _, _, g, _ in data]
    base = [p for _, _, _, p in data]
    print(row("as tagged", gold, base))
    bc = sentence_counts(gold, base)
    if against:  # the same sentences tagged by another checkout's NerModel
        new = [p for _, _, _, p in load(out, against)]
        lo, hi = paired_interval(bc, sentence_counts(gold, new), 10_000, 0)
        print(row(against, gold, new) + f"  {sum(a != b for a, b in zip(base, new))} sentences changed, "
              f"paired 95% {lo:+.4f} .. {hi:+.4f}")
        return
    for name, fn in rule_sets(out).items():
        new = [fn(list(t), list(p)) for _, t, _, p in data]
        nc = sentence_counts(gold, new)
        lo, hi = paired_interval(bc, nc, 10_000, 0)
        changed = sum(a != b for a, b in zip(base, new))
        print(row(name, gold, new) + f"  {changed} sentences changed, paired 95% {lo:+.4f} .. {hi:+.4f}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("action", choices=("train", "tag", "score"))
    ap.add_argument("out", type=Path)
    ap.add_argument("--pred", default="pred.pkl", help="file under OUT that `tag` writes and `score` reads")
    ap.add_argument("--against", default="", help="`score`: compare with this other file of OUT's predictions")
    ap.add_argument("--demonym-feature", action="store_true", help="`train`, `tag`: with DemonymFeaturizer")
    ap.add_argument("--no-demonym-repair", action="store_true", help="`tag`: without habar's demonym repair")
    args = ap.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    if args.action == "train":
        do_train(args.out, args.demonym_feature)
    elif args.action == "tag":
        do_tag(args.out, args.pred, args.demonym_feature, not args.no_demonym_repair)
    else:
        do_score(args.out, args.pred, args.against)
    return 0


if __name__ == "__main__":
    sys.exit(main())
