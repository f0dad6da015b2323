"""What the phrase repairs do on KazNERD dev, and what they cost: `python -m bench.ner_repair`.

The dev sentences are decoded once by the shipped model; the repairs of habar.ner.repair then run on those tags
twice, without and with habar.ner.repair_phrases (its functions swapped for no-ops), and both are scored in the
same run, per class. CPU time of `repair` is the best of five passes over all dev sentences, also given per
25-sentence article (the size of a news article). The sentences whose tags differ are listed.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from unittest import mock

from habar.ner import model as model_mod
from habar.ner import repair as repair_mod
from habar.ner.corpus import kaznerd_split, spans
from habar.ner.evaluate import score
from habar.options import Options

PHRASE_REPAIRS = ("relabel_positions", "places_out_of_organisations", "cut_at_oblique", "cut_at_instrumental",
                  "acronym_organisations", "byline_person")
SENTENCES_PER_ARTICLE = 25
PASSES = 5


def _identity(tokens: list[str], tags: list[str], *_: object) -> list[str]:
    return tags


def _run(qs: list[list[str]], raw: list[list[str]], lemma: Callable[[str], str], phrases: bool) -> tuple[list, float]:
    patches = [] if phrases else [mock.patch.object(repair_mod, name, _identity) for name in PHRASE_REPAIRS]
    for p in patches:
        p.start()
    try:
        best, out = float("inf"), []
        for _ in range(PASSES):
            copies = [list(r) for r in raw]
            t = time.process_time()
            out = [repair_mod.repair(q, r, lemma) for q, r in zip(qs, copies)]
            best = min(best, time.process_time() - t)
    finally:
        for p in patches:
            p.stop()
    return out, best


def main() -> None:
    _, dev = kaznerd_split(Options().shared_data / "kaznerd")
    model = model_mod.NerModel()
    with mock.patch.object(model_mod, "repair", _identity):
        raw = [t for i in range(0, len(dev), SENTENCES_PER_ARTICLE)
               for t in model.tag_many([s.tokens for s in dev[i:i + SENTENCES_PER_ARTICLE]])]
    qs = [model_mod.normalise_quotes(s.tokens) for s in dev]
    lemma = model.featurizer.lemma
    before, t_before = _run(qs, raw, lemma, phrases=False)
    after, t_after = _run(qs, raw, lemma, phrases=True)
    gold = [s.tags for s in dev]
    a, b = score(gold, before), score(gold, after)
    print(f"KazNERD dev, {len(dev)} sentences: repairs without / with habar.ner.repair_phrases (same decoded tags)")
    print(f"{'class':<15}{'gold':>6}  {'P / R / F1 without':>21}  {'P / R / F1 with':>21}  {'dF1':>7}")
    for label in sorted(set(a) | set(b), key=lambda lab: (lab == "ALL", lab)):
        x, y = a[label], b[label]
        print(f"{label:<15}{x['support']:>6}  {x['p']:.3f} / {x['r']:.3f} / {x['f1']:.3f}  "
              f"{y['p']:.3f} / {y['r']:.3f} / {y['f1']:.3f}  {y['f1'] - x['f1']:+.4f}")
    per = SENTENCES_PER_ARTICLE * 1000 / len(dev)
    print(f"CPU of repair: {t_before * per:.3f} -> {t_after * per:.3f} ms per {SENTENCES_PER_ARTICLE} sentences")
    for s, x, y in zip(dev, before, after):
        if x != y:
            show = lambda tags: [(" ".join(s.tokens[i:j]), lab) for i, j, lab in spans(tags)]  # noqa: E731
            print(f"- {' '.join(s.tokens)}\n  without: {show(x)}\n  with:    {show(y)}\n  gold:    {show(s.tags)}")


if __name__ == "__main__":
    main()
