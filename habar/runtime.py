"""Process settings for long runs: the garbage collector's thresholds.

habar keeps large long-lived structures (the lexicon, the NER model, caches of analysed word forms: 10^5-10^6
objects). With CPython's default thresholds (700 allocations), the collector walks them again and again: measured
on 129k KazNERD tokens, 0.2-0.3 s of a 1.3-1.7 s cold run went into collections that found nothing. None of these
structures form reference cycles worth collecting early, so once the models are loaded their objects are frozen
out of collection and the young generation is collected every 50,000 allocations instead. Every entry point that
runs the pipeline calls `tune_gc()`: the CLI, ingest and Dask workers, the web app.
"""

from __future__ import annotations

import gc

YOUNG = 50_000  # allocations between collections of the youngest generation (CPython default: 700)


def tune_gc() -> None:
    gc.freeze()  # what exists now (imported modules, loaded models) is never scanned again
    _, older, oldest = gc.get_threshold()
    gc.set_threshold(YOUNG, older, oldest)
