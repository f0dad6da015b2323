"""Kazakh morphology: analysis (`analyze`), in-context tagging (`tag_tokens`) and the pipeline step `step`.

    >>> from habar.morph import analyze
    >>> analyze("кітаптарымызда")[0]
    Analysis(lemma='кітап', upos='NOUN', feats='Case=Loc|Number=Plur|Number[psor]=Plur|Person[psor]=1', ...)
"""

from __future__ import annotations

from habar.morph.analyzer import Analysis
from habar.morph.api import analyze, known_word
from habar.morph.tagger import step, tag_tokens

__all__ = ["Analysis", "analyze", "known_word", "tag_tokens", "step"]
