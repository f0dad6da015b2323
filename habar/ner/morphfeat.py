"""Morphological features for NER from habar.morph: lemma, part of speech and case of the best analysis.

habar.morph caches analyses per word form, so when the pipeline's morph step has run, these lookups are hits.
"""

from __future__ import annotations

from functools import lru_cache

from habar.ner.features import Morph

CACHE_SIZE = 50_000  # NER asks for a word's analysis when featurising it and again for the locative constraint


def morph_features(source: bool = False) -> Morph:
    """A `word -> (lemma, upos, case[, source])` function over habar.morph; ImportError if it is not installed."""
    from habar.morph import analyze

    @lru_cache(maxsize=CACHE_SIZE)
    def features(word: str) -> tuple[str, str, str] | None:
        readings = analyze(word)
        if not readings:
            return None
        best = readings[0]
        feats = dict(f.split("=", 1) for f in best.feats.split("|") if "=" in f)
        case = feats.get("Case", "")
        if "Person[psor]" in feats:
            case += "+P" + feats["Person[psor]"]
        if source:
            return best.lemma.lower(), best.upos, case, best.source
        return best.lemma.lower(), best.upos, case

    return features


def morph_works() -> bool:
    """Whether habar.morph is installed and analyses a plain word (it ships its own data files)."""
    try:
        return morph_features()("қалада") is not None
    except (ImportError, OSError):
        return False
