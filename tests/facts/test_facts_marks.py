"""Sentence limits around a position (habar.facts.marks.clause_start / clause_end), read from the terminators found
once per text, and the lazily built words of habar.facts.words.WordIndex."""

import pytest

from habar.document import Article, Token
from habar.facts.marks import clause_end, clause_start
from habar.facts.words import WordIndex

TEXT = "Жиын өтті. «Бәрі жақсы!» деді ол.\nЕкінші жол... Соңы"


@pytest.mark.parametrize("pos, floor, start", [
    (0, 0, 0),  # the first sentence starts at the text's start
    (5, 0, 0),
    (11, 0, 10),  # after "өтті. ": the terminator ends at the space
    (10, 0, 10),  # a terminator right before the position counts, whatever follows it
    (9, 0, 0),
    (20, 0, 10),
    (25, 0, 23),  # "!" before a closing mark ends a sentence
    (36, 0, 34),  # the line break ends a sentence
    (48, 0, 47),  # "...": only the last dot, the one before a space, ends the sentence
    (20, 15, 15),  # not before the floor
    (5, 8, 8),  # a position before the floor: the floor
])
def test_clause_start(pos: int, floor: int, start: int) -> None:
    assert clause_start(TEXT, pos, floor) == start


@pytest.mark.parametrize("pos, end", [
    (0, 9),  # the "." of "өтті."
    (9, 9),
    (10, 22),  # "!" of «Бәрі жақсы!»
    (24, 32),
    (33, 33),  # the line break itself
    (48, len(TEXT)),  # no terminator after it: the text's end
])
def test_clause_end(pos: int, end: int) -> None:
    assert clause_end(TEXT, pos) == end


def _tokens(text: str) -> list[Token]:
    out, pos = [], 0
    for part in text.split():
        start = text.index(part, pos)
        kind = "punct" if not part[0].isalnum() else "word"
        out.append(Token(part, start, start + len(part), kind, lemma=part.upper() if kind == "word" else ""))
        pos = start + len(part)
    return out


@pytest.mark.parametrize("start, end, limit, expected", [
    (0, 100, None, ["Бір", "екі", "үш", "төрт", "бес"]),  # punctuation tokens are no words
    (4, 100, None, ["екі", "үш", "төрт", "бес"]),
    (4, 11, None, ["екі", "үш"]),
    (4, 9, None, ["екі"]),  # a word crossing the window's end is left out
    (4, 100, 2, ["екі", "үш"]),
    (30, 40, None, []),
])
def test_words_between(start: int, end: int, limit: int | None, expected: list[str]) -> None:
    text = "Бір екі үш , төрт бес"
    index = WordIndex(Article(id="t", raw=text, text=text, tokens=_tokens(text)))
    ws = index.between(start, end, limit)
    assert [w.text for w in ws] == expected
    # lemmas are lower-cased, and asking again gives the same words
    assert all(w.lemma == w.lower for w in ws)
    assert [w.text for w in index.between(start, end, limit)] == expected
    assert [w.text for w in index.all] == ["Бір", "екі", "үш", "төрт", "бес"]
