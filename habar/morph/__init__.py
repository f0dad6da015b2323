"""Kazakh morphology: analysis (`analyze`), in-context tagging (`tag_tokens`) and the pipeline step `step`.

    >>> from habar.morph import analyze
    >>> a = analyze("кітаптарымызда")[0]
    >>> a.lemma, a.upos, a.feats, a.suffixes
    ('кітап', 'NOUN', 'Case=Loc|Number=Plur|Number[psor]=Plur|Person[psor]=1', ('тар', 'ымыз', 'да'))
"""

from __future__ import annotations

from habar.morph.analyzer import Analysis
from habar.morph.api import analyze, known_word
from habar.morph.tagger import step, tag_tokens

__all__ = ["Analysis", "analyze", "known_word", "tag_tokens", "step"]
