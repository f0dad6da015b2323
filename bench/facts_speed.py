"""Fact extraction's share of the full-pipeline time (issue 7: at most +20%), and the topic step's cost.

CPU time (time.process_time), so that other jobs on the machine do not skew the ratio. Articles: the sample
corpus, the quote gold passages (in the repo) and the two seeds when ../shared/seeds exists, each run ROUNDS times.
The base is habar.steps.default_pipeline() without the facts and topics steps (topics runs e5 on short texts,
which would swell the base of the short gold passages); the facts step is timed on its output, whole and in its
two parts: the facts proper (quotes, events, investments, statistics: habar.facts.extract) and the summary with
the keyphrases. Repeated rounds over the same texts find every word in the analysers' caches, which a real ingest
never does, so a stream of distinct articles is timed too: KazNERD and SIB-200 sentences, each used once, in
articles of 25, the first STREAM_WARM of them warming the caches as a long ingest has.
"""

from __future__ import annotations

import json
import random
import statistics
import time
from pathlib import Path

from habar.document import Article
from habar.facts import gold
from habar.options import Options

ROOT = Path(__file__).resolve().parent.parent
ROUNDS = 11
STREAM, STREAM_WARM, STREAM_SIZE = 400, 150, 25  # articles of the stream, of them warming the caches; sentences each


def articles() -> dict[str, list[Article]]:
    sets = {"sample corpus": [Article(id=d["id"], raw=d["text"], title=d.get("title", ""))
                              for d in map(json.loads, (ROOT / "data" / "sample" / "corpus.jsonl").open(encoding="utf-8"))],
            "gold passages": [Article(id=c["id"], raw=c["text"])
                              for c in gold.load(ROOT / "tests" / "gold" / "facts" / "quotes.jsonl")]}
    shared = Options().shared_data
    seeds = (shared if shared.is_absolute() else ROOT / shared).parent / "seeds"
    sets["seeds"] = [Article(id=p.stem, raw=p.read_text(encoding="utf-8")) for p in sorted(seeds.glob("*.txt"))]
    return {name: items for name, items in sets.items() if items}


def stream(shared: Path) -> list[Article]:
    """Articles of STREAM_SIZE KazNERD and SIB-200 sentences, each sentence used once (generated, never stored)."""
    from bench.search_scale import kaznerd, sib

    sentences, _ = kaznerd(shared / "kaznerd" / "IOB2_valid.txt")
    sentences = list(dict.fromkeys(sentences + sib(shared / "sib200_kaz")))
    random.Random(5).shuffle(sentences)
    return [Article(id=f"stream-{i}", raw="\n".join(sentences[i * STREAM_SIZE:(i + 1) * STREAM_SIZE]))
            for i in range(min(STREAM, len(sentences) // STREAM_SIZE))]


def main() -> None:
    from habar.runtime import tune_gc
    from habar.steps import DEFAULT, default_pipeline

    tune_gc()  # as every habar entry point does

    # The pipeline without facts and topics is the base; facts' share is measured against it.
    pipeline = default_pipeline(Options(), [n for n in DEFAULT if n not in ("facts", "topics")])
    pipeline.run_one(Article(id="warm-up", raw="Алматыда жаңа саябақ ашылды, – деді әкім."))  # models load here
    print(f"steps: {', '.join(s.name for s in pipeline.steps)}")
    for name, inputs in articles().items():
        print(f"### {name}")
        measure(pipeline, inputs)
    shared = Options().shared_data
    shared = shared if shared.is_absolute() else ROOT / shared
    if (shared / "kaznerd").is_dir():
        measure_stream(pipeline, stream(shared))


def annotate_timed(article: Article) -> tuple[float, float]:
    """habar.facts.annotate in its two parts, with the CPU seconds of each: the facts proper, then the keyphrases
    and the summary."""
    from habar.facts import extract, keyphrases
    from habar.facts.summary import summarise
    from habar.facts.words import WordIndex

    t0 = time.process_time()
    index = WordIndex(article)
    article.facts = extract(article, index)
    t1 = time.process_time()
    phrases = keyphrases(article, None, index=index)
    article.meta["keyphrases"] = phrases
    article.meta["summary"] = summarise(article, article.facts, phrases, index=index)
    return t1 - t0, time.process_time() - t1


def measure_stream(pipeline, inputs: list[Article]) -> None:
    """One pass over distinct articles, as an ingest sees them; the first STREAM_WARM only warm the caches."""
    from habar.topics import classify

    base = topics = proper = extra = 0.0
    for k, a in enumerate(inputs):
        t0 = time.process_time()
        a = pipeline.run_one(a)
        t1 = time.process_time()
        classify(a)
        t2 = time.process_time()
        f, e = annotate_timed(a)
        if k >= STREAM_WARM:
            base, topics, proper, extra = base + t1 - t0, topics + t2 - t1, proper + f, extra + e
    n = len(inputs) - STREAM_WARM
    ms = lambda x: f"{x * 1000 / n:.2f} ms"  # noqa: E731
    print(f"### stream: {n} distinct articles of {STREAM_SIZE} KazNERD/SIB sentences after {STREAM_WARM} warming up")
    print(f"  pipeline without facts and topics {ms(base)}/article, topics {ms(topics)}; facts (quotes, events, "
          f"investments, statistics) {ms(proper)}, summary and keyphrases {ms(extra)}")
    for label, b in (("the pipeline without topics", base), ("the full pipeline (topics included)", base + topics)):
        print(f"  against {label}: facts +{100 * proper / b:.1f}%, the whole facts step (with summary and "
              f"keyphrases) +{100 * (proper + extra) / b:.1f}% (target <= 20%)")


def measure(pipeline, inputs: list[Article]) -> None:
    bases, proper, extras = [], [], []
    for _ in range(ROUNDS):  # interleaved, so that drift in the machine's load hits both alike
        t0 = time.process_time()
        done = [a for a in (pipeline.run_one(Article(id=a.id, raw=a.raw, title=a.title)) for a in inputs) if a]
        bases.append(time.process_time() - t0)
        parts = [annotate_timed(a) for a in done]
        proper.append(sum(f for f, _ in parts))
        extras.append(sum(e for _, e in parts))
    chars = sum(len(a.text) for a in done)
    n_facts = sum(len(a.facts) for a in done)
    print(f"{len(done)} articles, {chars} chars, {n_facts} facts; the first round sees every text for the first "
          f"time, the other {ROUNDS - 1} rounds find the analysers' word caches warm")
    ms = lambda x: x * 1000 / len(done)  # noqa: E731
    for label, b, f, e in (("first round", bases[0], proper[0], extras[0]),
                           ("median round", statistics.median(bases[1:]), statistics.median(proper[1:]),
                            statistics.median(extras[1:]))):
        print(f"  {label:12s} pipeline {ms(b):7.2f} ms/article; facts (quotes, events, investments, statistics) "
              f"{ms(f):6.2f} ms: +{100 * f / b:.1f}% (target <= 20%); with summary and keyphrases {ms(f + e):6.2f} "
              f"ms: +{100 * (f + e) / b:.1f}%")
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
              f"round's pipeline (fast model, e5 on the lead of the {unsure:.0%} it is unsure of; not in the base)")
    except (FileNotFoundError, ValueError) as exc:  # no model, or one trained on another embedding table
        print(f"topics    skipped: {exc}")


if __name__ == "__main__":
    main()
