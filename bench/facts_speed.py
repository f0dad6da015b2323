"""Fact extraction's share of the full-pipeline time (issue 7: at most +20%), and the topic step's cost.

CPU time (time.process_time), so that other jobs on the machine do not skew the ratio. Articles: the quote gold passages (in the repo) and the two seeds when ../shared/seeds exists, each run ROUNDS
times. The pipeline is habar.steps.default_pipeline(); facts and topics are timed separately on its output.
"""

from __future__ import annotations

import time
from pathlib import Path

from habar.document import Article
from habar.facts import gold
from habar.facts import step as facts_plain
from habar.options import Options

ROOT = Path(__file__).resolve().parent.parent
ROUNDS = 5


def articles() -> dict[str, list[Article]]:
    sets = {"gold passages": [Article(id=c["id"], raw=c["text"])
                              for c in gold.load(ROOT / "tests" / "gold" / "facts" / "quotes.jsonl")]}
    shared = Options().shared_data
    seeds = (shared if shared.is_absolute() else ROOT / shared).parent / "seeds"
    sets["seeds"] = [Article(id=p.stem, raw=p.read_text(encoding="utf-8")) for p in sorted(seeds.glob("*.txt"))]
    return {name: items for name, items in sets.items() if items}


def main() -> None:
    for name, inputs in articles().items():
        print(f"### {name}")
        measure(inputs)


def measure(inputs: list[Article]) -> None:
    from habar.steps import DEFAULT, default_pipeline, load_step

    # The pipeline without facts and topics is the base; facts' share is measured against it.
    pipeline = default_pipeline(Options(), [n for n in DEFAULT if n not in ("facts", "topics")])
    facts_step = load_step("facts") if "facts" in DEFAULT else facts_plain
    done = [a for a in (pipeline.run_one(a) for a in inputs) if a is not None]  # warm-up: models load here
    chars = sum(len(a.text) for a in done)
    t0 = time.process_time()
    for _ in range(ROUNDS):
        done = [a for a in (pipeline.run_one(Article(id=a.id, raw=a.raw)) for a in inputs) if a is not None]
    base = (time.process_time() - t0) / ROUNDS
    t0 = time.process_time()
    for _ in range(ROUNDS):
        for a in done:
            facts_step(a)
    facts = (time.process_time() - t0) / ROUNDS
    n_facts = sum(len(a.facts) for a in done)
    print(f"steps: {', '.join(s.name for s in pipeline.steps)}; {len(done)} articles, {chars} chars, {ROUNDS} rounds")
    print(f"pipeline  {base * 1000 / len(done):8.2f} ms/article")
    print(f"facts     {facts * 1000 / len(done):8.2f} ms/article  (+{100 * facts / base:.1f}% of the pipeline; "
          f"target <= 20%), {n_facts} facts")
    try:
        from habar.topics import classify, model
        model()
        t0 = time.process_time()
        for a in done:
            classify(a)
        topics = time.process_time() - t0
        print(f"topics    {topics * 1000 / len(done):8.2f} ms/article  (e5 embedding of the lead; not part of facts)")
    except FileNotFoundError as exc:
        print(f"topics    skipped: {exc}")


if __name__ == "__main__":
    main()
