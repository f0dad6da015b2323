"""NER speed, model size and load time: `python -m bench.ner_speed [--shared ../shared/data]`.

Tags the KazNERD dev part (features included) on one core, three ways: with empty caches (every word analysed
by habar.morph and featurised for the first time); with caches warmed on 4,000 train-part sentences, as in a
long-running process; and as in the pipeline, where the morph step has analysed the words before NER runs.
"""

from __future__ import annotations

import argparse
import os
import time
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", type=Path, default=None, help="default: Options().shared_data")
    args = ap.parse_args(argv)
    from habar.ner.corpus import kaznerd_split
    from habar.options import Options
    from habar.ner.model import MODEL_DIR, NerModel

    t0 = time.perf_counter()
    model = NerModel()
    load = time.perf_counter() - t0
    model.tag(["Алматы", "қаласы"])  # the first call loads habar.morph's lexicon when the model uses it
    ready = time.perf_counter() - t0
    size = sum(p.stat().st_size for p in MODEL_DIR.iterdir() if p.is_file())
    print(f"ner model: {size / 1e6:.1f} MB in {MODEL_DIR}, loads in {load:.2f} s, "
          f"tags its first sentence after {ready:.2f} s (habar.morph's lexicon included)")
    path = (args.shared or Options().shared_data) / "kaznerd"
    if not path.exists():
        print(f"ner speed: skipped, {path} is missing")
        return
    train, dev = kaznerd_split(path)
    sentences = [s.tokens for s in dev]
    n = sum(map(len, sentences))
    for label in ("cold caches", "warm caches", "in the pipeline"):
        model = NerModel()  # an empty word-feature cache
        _clear_morph_cache()
        if label == "warm caches":  # a long-running process has seen other text: warm up on the train part
            for s in train[:4000]:
                model.tag(s.tokens)
        if label == "in the pipeline" and model.featurizer.morph is not None:
            for s in sentences:  # the morph step before NER has analysed these words already
                for w in s:
                    model.featurizer.morph(w)
        t0 = time.process_time()
        for s in sentences:
            model.tag(s)
        secs = time.process_time() - t0
        print(f"ner speed ({label}): {n} tokens in {secs:.2f} s CPU = {n / secs:,.0f} tokens/s per core")


def _clear_morph_cache() -> None:
    """Empty habar.morph's per-word cache, so each pass pays for analysing the words it has not seen."""
    try:
        from habar.morph.api import _analyze
    except ImportError:
        return
    _analyze.cache_clear()


if __name__ == "__main__":
    main()
