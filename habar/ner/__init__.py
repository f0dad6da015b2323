"""Kazakh named entities: a CRF tagger over KazNERD's 25 classes, base forms, values and mention groups.

`tag(tokens)` gives IOB2 tags for one sentence; `step` is the pipeline step (tokens -> entities).
"""

from __future__ import annotations

from habar.ner.model import default_model
from habar.ner.step import find_entities, ner_step as step


def tag(tokens: list[str]) -> list[str]:
    """IOB2 tags for one sentence of token strings, with the shipped model."""
    return default_model().tag(tokens)


__all__ = ["tag", "step", "find_entities"]
