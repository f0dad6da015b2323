"""The named pipeline steps and the default pipeline.

STEPS maps a step name to "module:attribute" of a `Step`; the module is imported only when the step is used, so a
pipeline that does not tag entities never loads the NER model. The Kazakh analyzers run only on Kazakh articles
(or on text whose language is unknown); Russian articles get Snowball stems as lemmas so that they are searchable.
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

    # an empty text with changes is a text that cleaning emptied (every line boilerplate), not one never set
    base = article.text if article.text or article.changes else article.raw
    text, changes = normalise(base)
    if article.changes:  # the text was already derived from raw (by cleaning): fold the new edits in
        changes = offsets.compose(len(article.raw), article.changes, changes)
    article.text, article.changes = text, changes
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


@step("russian", requires=("tokens",), provides=("lemma",))
def russian_step(article: Article) -> Article:
    """Russian articles: Snowball stems in place of lemmas (the Kazakh analyzers do not run on them)."""
    if article.lang == "ru":
        from habar.clean.russian import stem_ru_words

        words = [t for t in article.tokens if t.kind == "word"]
        for t, stem in zip(words, stem_ru_words([t.text for t in words])):
            t.lemma = stem
    return article


def kazakh_only(inner: Step) -> Step:
    """The same step, run only when the article is Kazakh or its language is unknown."""
    def run(article: Article) -> Article:
        return inner(article) if article.lang in ("kk", "") else article
    return Step(inner.name, run, inner.requires, inner.provides)


STEPS: dict[str, str] = {
    "clean_invisible": "habar.clean.invisible:clean_invisible",
    "clean_artefacts": "habar.clean.artefacts:clean_artefacts",
    "clean_repeats": "habar.clean.repeats:clean_repeats",
    "clean_boilerplate": "habar.clean.boilerplate:clean_boilerplate",
    "clean_byline": "habar.clean.byline:clean_byline",
    "clean_blanks": "habar.clean.blanks:clean_blanks",
    "identify_language": "habar.clean.language:identify_language",
    "quality": "habar.clean.quality:judge_quality",
    "normalise": "habar.steps:normalise_step",
    "segment": "habar.steps:segment_step",
    "tokenize": "habar.steps:tokenize_step",
    "russian": "habar.steps:russian_step",
    "morph": "habar.morph:step",
    "ner": "habar.ner:step",
    "facts": "habar.facts:step",
    "topics": "habar.topics:step",
}
KAZAKH_ONLY = {"morph", "ner", "facts", "topics"}
DEFAULT = list(STEPS)


def load_step(name: str) -> Step:
    if name not in STEPS:
        raise KeyError(f"unknown step '{name}'; known steps: {', '.join(STEPS)}")
    module, attr = STEPS[name].split(":")
    loaded = getattr(importlib.import_module(module), attr)
    return kazakh_only(loaded) if name in KAZAKH_ONLY else loaded


def default_pipeline(options: Options | None = None, names: list[str] | None = None) -> Pipeline:
    return Pipeline([load_step(n) for n in (names or DEFAULT)])
