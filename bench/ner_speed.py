"""NER speed, model size and load time: `python -m bench.ner_speed [--shared ../shared/data] [--repeats 3]`.

Tags the KazNERD dev part on one core and prints CPU time (process time, so other jobs on the machine count less),
the median of --repeats runs. NER time is measured apart from habar.morph's: in the pipeline the morph step has
analysed the words before NER runs, so "NER only" runs with habar.morph's answers cached and counts NER's own
features, score sums and decoding. Three NER states:
  - cold: a fresh model, every word form featurised and scored for the first time;
  - warm: after tagging 4,000 train-part sentences, as in a long-running ingest process;
  - seen: every word form already cached (the decoder's floor).
"morph" is habar.morph analysing the same tokens with an empty cache, and "NER + morph, cold" both at once.
Each NER state is measured twice: one sentence per call (`NerModel.tag`) and --batch sentences per call
(`NerModel.tag_many`, as the pipeline step tags an article's sentences at once and `habar ner --input conll`
64 sentences).
`--model-dir DIR`, repeated, measures several model folders in one run, their runs alternating.
"""

from __future__ import annotations

import argparse
import os
import statistics
import time
from pathlib import Path
from typing import Callable

os.environ.setdefault("OMP_NUM_THREADS", "1")


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", type=Path, default=None, help="default: Options().shared_data")
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--batch", type=int, default=25, help="sentences per tag_many call (a news article has ~25)")
    ap.add_argument("--model-dir", type=Path, action="append", default=None,
                    help="a model folder to measure (repeat it to compare models in one run; default: the shipped)")
    args = ap.parse_args(argv)
    from habar.ner.corpus import kaznerd_split
    from habar.ner.model import MODEL_DIR, NerModel
    from habar.options import Options

    dirs = args.model_dir or [MODEL_DIR]
    for model_dir in dirs:
        t0 = time.perf_counter()
        model = NerModel(model_dir)
        load = time.perf_counter() - t0
        model.tag(["Алматы", "қаласы"])  # the first call loads habar.morph's lexicon when the model uses it
        ready = time.perf_counter() - t0
        size = sum(p.stat().st_size for p in model_dir.iterdir() if p.is_file())
        print(f"ner model: {size / 1e6:.1f} MB in {model_dir}, loads in {load:.2f} s, "
              f"tags its first sentence after {ready:.2f} s (habar.morph's lexicon included)")
    path = (args.shared or Options().shared_data) / "kaznerd"
    if not path.exists():
        print(f"ner speed: skipped, {path} is missing")
        return
    train, dev = kaznerd_split(path)
    sentences = [s.tokens for s in dev]
    n = sum(map(len, sentences))
    print(f"{len(sentences)} dev sentences, {n} tokens, {len({w for s in sentences for w in s})} distinct forms; "
          f"CPU seconds, median of {args.repeats}")

    batches = [sentences[i:i + args.batch] for i in range(0, len(sentences), args.batch)]

    def ner_run(model_dir: Path, state: str, batched: bool) -> Callable[[], float]:
        def run() -> float:
            fresh = NerModel(model_dir)
            _analyse_all(fresh, sentences)  # the pipeline's morph step ran before NER
            if state == "warm":
                for s in train[:4000]:
                    fresh.tag(s.tokens)
            elif state == "seen":
                for s in sentences:
                    fresh.tag(s)
            if batched:
                return _timed(lambda: [fresh.tag_many(b) for b in batches])
            return _timed(lambda: [fresh.tag(s) for s in sentences])
        return run

    def morph_run() -> float:
        from habar.morph import analyze
        _clear_morph_cache()
        return _timed(lambda: [analyze(w) for s in sentences for w in s])

    def both_run() -> float:
        fresh = NerModel(dirs[0])
        _clear_morph_cache()
        return _timed(lambda: [fresh.tag(s) for s in sentences])

    # with several models, their runs alternate, so a change in the machine's load hits them alike
    runs = [(f"NER only, {state}{how}" + (f" [{d.name}]" if len(dirs) > 1 else ""), ner_run(d, state, batched))
            for state in ("cold", "warm", "seen")
            for how, batched in (("", False), (f", {args.batch} sentences a call", True)) for d in dirs]
    width = max(42, *(len(label) for label, _ in runs))
    for label, run in (*runs, ("morph (habar.morph.analyze), cold", morph_run), ("NER + morph, cold", both_run)):
        secs = statistics.median(run() for _ in range(args.repeats))
        print(f"{label:{width}s} {secs:6.2f} s = {n / secs:8,.0f} tokens/s per core")


def _timed(work: Callable[[], object]) -> float:
    t0 = time.process_time()
    work()
    return time.process_time() - t0


def _analyse_all(model, sentences: list[list[str]]) -> None:
    """What the pipeline's morph step leaves behind: habar.morph's own cache filled, NER's caches untouched."""
    if model.featurizer.morph is not None:
        from habar.morph import analyze
        for s in sentences:
            for w in s:
                analyze(w)


def _clear_morph_cache() -> None:
    """Empty habar.morph's per-word caches, so a run pays for analysing the words it has not seen."""
    try:
        from habar.morph import analyzer
        from habar.morph.api import _analyze
    except ImportError:
        return
    _analyze.cache_clear()
    getattr(analyzer, "clear_caches", lambda: None)()  # its readings and stems per form


if __name__ == "__main__":
    main()
