"""WordIndex builds the Words of the windows the rules ask for, once each: windows that overlap share them, and
the whole list is the same Words in the same order."""

from __future__ import annotations

import pytest

from habar.document import Article
from habar.facts.words import WordIndex
from habar.text.tokenize import tokenize

TEXT = "Бүгін Астанада «Зерде» холдингі 2021 жылы 5 млрд теңге салды, деді министр."


def index() -> WordIndex:
    return WordIndex(Article(id="w", raw=TEXT, text=TEXT, tokens=tokenize(TEXT)))


WINDOWS = {
    "no window": [],
    "one window": [(0, 20)],
    "overlapping windows": [(0, 30), (10, 50)],
    "nested windows": [(0, 80), (15, 25)],
    "a window cut by a limit": [(6, 80, 2), (0, 80)],
}


@pytest.mark.parametrize("windows", WINDOWS.values(), ids=WINDOWS.keys())
def test_windows_share_their_words(windows: list[tuple]) -> None:
    ix = index()
    got = [ix.between(*w) for w in windows]
    everything = ix.all
    assert [w.text for w in everything] == [t.text for t in ix.items]
    for window, words in zip(windows, got):
        # the same objects as in `all`, whatever order the windows came in
        ids = {id(w) for w in everything}
        assert all(id(w) in ids for w in words)
        assert ix.between(*window) == words


def test_only_asked_words_are_built() -> None:
    ix = index()
    ix.between(0, 20)
    built = [w is not None for w in ix._words]
    assert any(built) and not all(built)
