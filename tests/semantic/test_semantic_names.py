"""Place names across languages (habar/data/semantic/place_names.tsv): which Kazakh names a foreign query names,
and whether an article's text holds them, with Kazakh case endings and without false hits inside other words."""

from __future__ import annotations

import pytest

from habar.semantic.names import mentions, query_names, table

QUERIES = [
    # English: whole words, any case; abbreviations only as written
    ("Korea Kazakhstan IT cooperation memorandum", "en", {"Корея", "Қазақстан"}),
    ("korean investment in almaty", "en", {"Корея", "Алматы"}),
    ("US trade with China", "en", {"АҚШ", "Қытай"}),
    ("let us talk", "en", set()),
    # Russian: the stem with up to three letters of ending
    ("саммит в Москве", "ru", {"Мәскеу"}),
    ("инвестиции казахстанской нефти", "ru", {"Қазақстан"}),
    ("Южная Корея и Казахстан", "ru", {"Корея", "Қазақстан"}),
    ("новости Алматы", "ru", {"Алматы"}),
    # Korean: particles are written joined, so any part of a word
    ("한국 카자흐스탄 정보통신 협력 양해각서", "ko", {"Корея", "Қазақстан"}),
    ("한국의 투자", "ko", {"Корея"}),
    ("인공지능 국가 클러스터 투자", "ko", set()),
    # Kazakh queries have the lemma index; other languages are not in the table
    ("Корея", "kk", set()),
]


@pytest.mark.parametrize("query, lang, names", QUERIES)
def test_query_names(query: str, lang: str, names: set[str]) -> None:
    assert query_names(query, lang) == names


@pytest.mark.parametrize("text, names, count", [
    ("Оңтүстік Кореяның Сеул қаласында меморандумға қол қойылды.", {"Корея", "Сеул"}, 2),
    ("Қазақстандағы инвестиция", {"Қазақстан"}, 1),
    ("АҚШ пен Қытай арасындағы сауда", {"АҚШ", "Қытай"}, 2),
    ("Ақша несиесі өсті.", {"АҚШ"}, 0),  # "ақша" (money) starts with the letters of АҚШ in lower case
    ("Солтүстік Корея", {"Қазақстан"}, 0),
    ("ТҮРКИЯДА өткен форум", {"Түркия"}, 1),  # a name in capitals
])
def test_mentions(text: str, names: set[str], count: int) -> None:
    assert mentions(text, names) == count


def test_every_language_has_names() -> None:
    names = table()
    assert all(len(rows) >= 30 for rows in names.values())
    assert ("Korea", "Корея") in names["en"] and ("한국", "Корея") in names["ko"]


class _Rows:
    """The one store call `named` makes: hit_rows(ids) -> {id: (title, source, published, lang, body)}."""

    def __init__(self, bodies: dict[str, str]) -> None:
        self.bodies = bodies

    def hit_rows(self, ids: list[str]) -> dict[str, tuple]:
        return {i: ("", "", "", "kk", self.bodies[i]) for i in ids if i in self.bodies}


@pytest.mark.parametrize("hits, names, first", [
    # a near tie goes to the hit that names both places of the query
    ([("5g", 1.660), ("seed", 1.655)], {"Корея", "Қазақстан"}, "seed"),
    # a clear lead is kept: the bonus is no bigger than a near tie
    ([("5g", 1.700), ("seed", 1.655)], {"Корея", "Қазақстан"}, "5g"),
    ([("5g", 1.660), ("seed", 1.655)], set(), "5g"),
])
def test_named_hits(hits, names, first) -> None:
    from habar.search.hybrid import named

    store = _Rows({"5g": "Қазақстанда 5G желісі туралы меморандум", "seed": "Корея мен Қазақстан меморандумы"})
    assert named(hits, store, names)[0][0] == first
