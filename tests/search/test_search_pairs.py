"""The pairs field (habar.search.index.pairs_text): adjacent lemmas as tantivy numbers positions, which the
phrase filter relies on (a phrase can match only where all its pairs are)."""

from __future__ import annotations

import pytest

from habar.search.index import GAP, pairs_text


@pytest.mark.parametrize("fields, expected", [
    (("ақпараттық қоғам",), "ақпараттық|қоғам"),
    (("қол қой келісім",), "қол|қой қой|келісім"),
    # a GAP (punctuation) takes a position: no pair across it
    ((f"ашыл {GAP} технопарк",), ""),
    ((f"{GAP} меморандум қол {GAP}",), "меморандум|қол"),
    # no pair from one field into the next (body, then title)
    (("меморандум қол", "қой форум"), "меморандум|қол қой|форум"),
    (("", "форум"), ""),
    # whitespace as tantivy's tokenizer splits it
    (("меморандум  қол\nқой",), "меморандум|қол қол|қой"),
])
def test_pairs_of_adjacent_lemmas(fields, expected):
    assert pairs_text(*fields) == expected
