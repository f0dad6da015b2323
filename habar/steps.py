"""The named pipeline steps and the default pipeline.

STEPS maps a step name to "module:attribute" of a `Step`; the module is imported only when the step is used, so a
pipeline that does not tag entities never loads the NER model.
"""

from __future__ import annotations

import importlib

from habar.document import Article
from habar.options import Options
from habar.pipeline import Pipeline, Step, step
from habar.text import offsets


@step("normalise", provides=("text",))
def normalise_step(article: Article) -> Article:
    from habar.text.normalise import normalise
    from habar.text.segment import repair_artefacts

    base = article.text or article.raw
    text, changes = normalise(base)
    repaired, more = repair_artefacts(text)
    changes = offsets.compose(len(base), changes, more)
    if article.text and article.changes:  # the text was already derived from raw (e.g. by cleaning)
        changes = offsets.compose(len(article.raw), article.changes, changes)
    article.text, article.changes = repaired, changes
    return article


@step("segment", requires=("text",), provides=("sentences",))
def segment_step(article: Article) -> Article:
    from habar.text.segment import segment

    article.sentences = segment(article.text)
    return article


@step("tokenize", requires=("sentences",), provides=("tokens",))
def tokenize_step(article: Article) -> Article:
    from habar.text.tokenize import tokenize

    article.tokens = [t for s in article.sentences for t in tokenize(article.text, s.start, s.end)]
    return article


STEPS: dict[str, str] = {
    "normalise": "habar.steps:normalise_step",
    "segment": "habar.steps:segment_step",
    "tokenize": "habar.steps:tokenize_step",
    "morph": "habar.morph:step",
    "ner": "habar.ner:step",
}

DEFAULT = ["normalise", "segment", "tokenize", "morph", "ner"]


def load_step(name: str) -> Step:
    if name not in STEPS:
        raise KeyError(f"unknown step '{name}'; known steps: {', '.join(STEPS)}")
    module, attr = STEPS[name].split(":")
    return getattr(importlib.import_module(module), attr)


def available(name: str) -> bool:
    """Whether a step's module is installed (later components land one by one)."""
    module = STEPS[name].split(":")[0]
    return importlib.util.find_spec(module) is not None


def default_pipeline(options: Options | None = None, names: list[str] | None = None) -> Pipeline:
    names = names or [n for n in DEFAULT if available(n)]
    return Pipeline([load_step(n) for n in names])
