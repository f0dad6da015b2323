"""What the morphology tests check of a word: its best reading (shared by the table-driven test files)."""

from __future__ import annotations

from habar.morph import analyze


def check_reading(word: str, lemma: str, upos: str, feats: str) -> None:
    """The best analysis of `word` has this lemma and UPOS, and at least these features."""
    a = analyze(word)[0]
    want = set(feats.split("|")) if feats else set()
    assert (a.lemma, a.upos) == (lemma, upos) and want <= set(a.feats.split("|")), f"{word}: {analyze(word)[:3]}"
