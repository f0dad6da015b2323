"""The pairs fields (habar.search.index.pairs_text): adjacent lemmas as tantivy numbers positions. A two-word
phrase is one of their terms, and a longer phrase is checked only where all its pairs are."""

from __future__ import annotations

import pytest

from habar.search.index import GAP, pairs_text


@pytest.mark.parametrize("text, expected", [
    ("ақпараттық қоғам", "ақпараттық|қоғам"),
    ("қол қой келісім", "қол|қой қой|келісім"),
    # a GAP (punctuation) takes a position: no pair across it
    (f"ашыл {GAP} технопарк", ""),
    (f"{GAP} меморандум қол {GAP}", "меморандум|қол"),
    ("", ""),
    ("форум", ""),
    # whitespace as tantivy's tokenizer splits it
    ("меморандум  қол\nқой", "меморандум|қол қол|қой"),
])
def test_pairs_of_adjacent_lemmas(text, expected):
    assert pairs_text(text) == expected
