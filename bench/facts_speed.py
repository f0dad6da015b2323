"""Fact extraction's share of the full-pipeline time (issue 7: at most +20%), and the topic step's cost.

CPU time (time.process_time), so that other jobs on the machine do not skew the ratio. Articles: the quote gold passages (in the repo) and the two seeds when ../shared/seeds exists, each run ROUNDS
times. The pipeline is habar.steps.default_pipeline(); facts and topics are timed separately on its output.
"""

from __future__ import annotations

import json
import statistics
import time
from pathlib import Path

from habar.document import Article
from habar.facts import gold
from habar.facts import step as facts_plain
from habar.options import Options

ROOT = Path(__file__).resolve().parent.parent
ROUNDS = 11


def articles() -> dict[str, list[Article]]:
    sets = {"sample corpus": [Article(id=d["id"], raw=d["text"], title=d.get("title", ""))
                              for d in map(json.loads, (ROOT / "data" / "sample" / "corpus.jsonl").open(encoding="utf-8"))],
            "gold passages": [Article(id=c["id"], raw=c["text"])
                              for c in gold.load(ROOT / "tests" / "gold" / "facts" / "quotes.jsonl")]}
    shared = Options().shared_data
    seeds = (shared if shared.is_absolute() else ROOT / shared).parent / "seeds"
    sets["seeds"] = [Article(id=p.stem, raw=p.read_text(encoding="utf-8")) for p in sorted(seeds.glob("*.txt"))]
    return {name: items for name, items in sets.items() if items}


def main() -> None:
    from habar.steps import DEFAULT, default_pipeline

    # The pipeline without facts and topics is the base; facts' share is measured against it.
    pipeline = default_pipeline(Options(), [n for n in DEFAULT if n not in ("facts", "topics")])
    pipeline.run_one(Article(id="warm-up", raw="Алматыда жаңа саябақ ашылды, – деді әкім."))  # models load here
    print(f"steps: {', '.join(s.name for s in pipeline.steps)}")
    for name, inputs in articles().items():
        print(f"### {name}")
        measure(pipeline, inputs)


def measure(pipeline, inputs: list[Article]) -> None:
    from habar.steps import DEFAULT, load_step

    facts_step = load_step("facts") if "facts" in DEFAULT else facts_plain
    bases, facts = [], []
    for _ in range(ROUNDS):  # interleaved, so that drift in the machine's load hits both alike
        t0 = time.process_time()
        done = [a for a in (pipeline.run_one(Article(id=a.id, raw=a.raw, title=a.title)) for a in inputs) if a]
        t1 = time.process_time()
        for a in done:
            facts_step(a)
        bases.append(t1 - t0)
        facts.append(time.process_time() - t1)
    chars = sum(len(a.text) for a in done)
    n_facts = sum(len(a.facts) for a in done)
    print(f"{len(done)} articles, {chars} chars, {n_facts} facts; the first round sees every text for the first "
          f"time, the other {ROUNDS - 1} rounds find the analysers' word caches warm")
    for label, b, f in (("first round", bases[0], facts[0]),
                        ("median round", statistics.median(bases[1:]), statistics.median(facts[1:]))):
        print(f"  {label:12s} pipeline {b * 1000 / len(done):7.2f} ms/article, facts {f * 1000 / len(done):6.2f} "
              f"ms/article: +{100 * f / b:.1f}% (target <= 20%)")
    try:
        from habar.topics import article_text, classify, model
        from habar.topics.features import teacher_embed
        teacher_embed(["."])  # loads e5 outside the timing
        unsure = float(model().unsure(model().scores([article_text(a) for a in done])).mean())
        t0 = time.process_time()
        for a in done:
            classify(a)
        topics = time.process_time() - t0
        print(f"topics    {topics * 1000 / len(done):8.2f} ms/article, {100 * topics / bases[0]:.0f}% of the first "
              f"round's pipeline (fast model, e5 on the lead of the {unsure:.0%} it is unsure of; not part of facts)")
    except (FileNotFoundError, ValueError) as exc:  # no model, or one trained on another embedding table
        print(f"topics    skipped: {exc}")


if __name__ == "__main__":
    main()
