"""Invariants of the text layer on random strings made of the characters that cause trouble."""

from __future__ import annotations

import random

import pytest

from habar.text import offsets
from habar.text.normalise import normalise
from habar.text.segment import repair_artefacts, segment
from habar.text.tokenize import tokenize

PIECES = [
    "Қазақ", "ғылым", "ҰЛТ", "үй", "бiлiм", "Əлем", "Google", "-дің", "т", "б", "ж", "2019", "20 000", "3,9",
    "99%", "-ы", "5-ші", "Zakon.kz", "http://a.kz/x", "a@b.kz", "#тег", "Қ.-Ж.", "т.б.", " ", "  ", "\t",
    "\u00a0", "\u200b", "\u00ad", "\ufeff", "\n", "\n\n", "\r\n", "\u2029", '"', "«", "»", "(", ")", ".", "...",
    "?", "!", ",", ":", " - ", " — ", "--", "е\u0308", "и\u0306", "\u0301", "Кун", "казак", "№", "₸", "x",
]


def random_texts(n: int, seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(PIECES) for _ in range(rng.randint(0, 40))) for _ in range(n)]


def check_changes(source: str, out: str, changes) -> None:
    assert offsets.apply(source, changes) == out
    assert all(0 <= c.raw_start <= c.raw_end <= len(source) for c in changes)
    assert all(a.raw_end <= b.raw_start for a, b in zip(changes, changes[1:]))


@pytest.mark.parametrize("raw", random_texts(400))
def test_chain_invariants(raw):
    text1, changes1 = normalise(raw, is_word=lambda w: w in {"күн", "қазақ"})
    check_changes(raw, text1, changes1)
    assert normalise(text1, is_word=lambda w: w in {"күн", "қазақ"})[0] == text1, "normalising is idempotent"
    text, changes2 = repair_artefacts(text1)
    check_changes(text1, text, changes2)
    check_changes(raw, text, offsets.compose(len(raw), changes1, changes2))
    sentences = segment(text)
    assert all(s.start < s.end for s in sentences)
    assert all(a.end <= b.start for a, b in zip(sentences, sentences[1:]))
    assert all(not text[s.start].isspace() and not text[s.end - 1].isspace() for s in sentences)
    covered = "".join(text[s.start:s.end] for s in sentences)
    assert "".join(covered.split()) == "".join(text.split()), "sentences cover every non-space character"
    tokens = tokenize(text)
    assert all(t.text == text[t.start:t.end] and t.text.strip() == t.text and t.text for t in tokens)
    assert all(a.end <= b.start for a, b in zip(tokens, tokens[1:]))
    assert "".join(t.text for t in tokens).replace(" ", "") == "".join(text.split())
