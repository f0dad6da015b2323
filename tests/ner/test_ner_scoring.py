"""Span extraction, exact-match scoring, the fixed split and the KazNERD token convention."""

from __future__ import annotations

import pytest

from habar.document import Token
from habar.ner.corpus import is_dev, spans
from habar.ner.evaluate import score
from habar.ner.model import normalise_quotes
from habar.ner.step import kaznerd_pieces

SPANS = [
    (["B-PERSON", "I-PERSON", "O"], [(0, 2, "PERSON")]),
    (["B-GPE", "B-GPE"], [(0, 1, "GPE"), (1, 2, "GPE")]),
    (["O", "I-DATE", "I-DATE"], [(1, 3, "DATE")]),            # a stray I- opens a span
    (["B-DATE", "I-MONEY"], [(0, 1, "DATE"), (1, 2, "MONEY")]),  # a type change closes one
]


@pytest.mark.parametrize("tags,expected", SPANS)
def test_spans(tags, expected):
    assert spans(tags) == expected


def test_exact_span_and_type_only():
    gold = [["B-PERSON", "I-PERSON", "O", "B-GPE"]]
    pred = [["B-PERSON", "O", "O", "B-GPE"]]  # the person's span is too short
    s = score(gold, pred)
    assert s["PERSON"]["f1"] == 0.0 and s["GPE"]["f1"] == 1.0
    assert s["ALL"]["p"] == pytest.approx(0.5) and s["ALL"]["r"] == pytest.approx(0.5)


def test_split_is_fixed():
    # md5-based, so the same ids land in the same part on every machine and run
    assert [is_dev(f"AID{n}") for n in range(5)] == [is_dev(f"AID{n}") for n in range(5)]
    share = sum(is_dev(f"AID{n}") for n in range(10_000)) / 10_000
    assert 0.13 < share < 0.17


def test_quotes_become_guillemets():
    assert normalise_quotes(['"', "Зерде", '"', "АҚ"]) == ["«", "Зерде", "»", "АҚ"]


def _toks(*items: tuple[str, int]) -> list[Token]:
    return [Token(text, start, start + len(text)) for text, start in items]


def test_pieces_follow_kaznerd():
    got = kaznerd_pieces(_toks(("99%", 0), ("-ы", 3), ("3,9", 6), ("трлн", 10), ("Zakon.kz", 15), ("-ке", 23)))
    assert [(t.text, t.start, t.end) for t in got] == [
        ("99", 0, 2), ("%-ы", 2, 5), ("3", 6, 7), (",", 7, 8), ("9", 8, 9), ("трлн", 10, 14), ("Zakon.kz-ке", 15, 26)]
