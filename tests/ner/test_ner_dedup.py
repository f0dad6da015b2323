"""The near-duplicate search of bench/ner_dev_dedup.py: normalisation and exact Jaccard search."""

from __future__ import annotations

import pytest

from bench.ner_dev_dedup import NUM, NearDuplicates, normalise

# (tokens, normalised): case, punctuation, and digits and number words as one placeholder per run
NORMALISE = [
    (["Астанада", "жаңа", "мектеп", "ашылды", "."], ("астанада", "жаңа", "мектеп", "ашылды")),
    (["Мектепке", "35", "оқушы", "келді"], ("мектепке", NUM, "оқушы", "келді")),
    (["Мектепке", "отыз", "бес", "оқушы", "келді"], ("мектепке", NUM, "оқушы", "келді")),
    (["Ол", "3-ші", "орын", "алды"], ("ол", NUM, "орын", "алды")),
    (["Ол", "үшінші", "орын", "алды"], ("ол", NUM, "орын", "алды")),
    (["2", "млн", "теңге", "«", "бөлінді", "»"], (NUM, "теңге", "бөлінді")),
    (["–", ",", "."], ()),
]


@pytest.mark.parametrize("tokens,expected", NORMALISE)
def test_normalise(tokens, expected):
    assert normalise(tokens) == expected


CORPUS = [
    frozenset("а ә б в г д е ж з и".split()),
    frozenset("к л м н о".split()),
    frozenset("а ә б в г".split()),
]

# (query, threshold, expected (index, Jaccard) or None)
SEARCH = [
    (frozenset("а ә б в г д е ж з и".split()), 0.8, (0, 1.0)),
    (frozenset("а ә б в г д е ж з".split()), 0.8, (0, 0.9)),        # one word dropped
    (frozenset("а ә б в г д е ж к л".split()), 0.8, None),          # 8/12 < 0.8
    (frozenset("а ә б в г д е ж к л".split()), 0.5, (0, 8 / 12)),
    (frozenset("к л м н".split()), 0.8, (1, 0.8)),                  # exactly at the threshold
    (frozenset("п р с".split()), 0.5, None),
    (frozenset(), 0.5, None),
]


@pytest.mark.parametrize("query,threshold,expected", SEARCH)
def test_near_duplicates(query, threshold, expected):
    found = NearDuplicates(CORPUS, threshold).best(query)
    if expected is None:
        assert found is None
    else:
        assert found[0] == expected[0] and found[1] == pytest.approx(expected[1])


def test_prefix_filter_finds_what_brute_force_finds():
    words = [f"w{i}" for i in range(12)]
    corpus = [frozenset(words[i:i + 6]) for i in range(7)] + [frozenset(words[::2]), frozenset(words[1::3])]
    index = NearDuplicates(corpus, 0.5)
    for query in corpus + [frozenset(words[2:7]), frozenset(words[::3])]:
        brute = max(len(query & c) / len(query | c) for c in corpus)
        found = index.best(query)
        assert (found[1] if found else 0.0) == pytest.approx(brute if brute >= 0.5 else 0.0)
