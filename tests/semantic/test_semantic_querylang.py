"""The language of short queries (one to three words), which is shown to the reader and picks the search sides.

Grouped by what decides: the script, a Kazakh letter, the Russian/Kazakh cue table (habar/data/semantic/
query_cues.tsv), and the reader's interface language for a word both languages write alike.
"""

from __future__ import annotations

import pytest

from habar.search.querylang import cues, cyrillic_votes, detect

SCRIPT = [  # Hangul and Latin need no cue
    ("서울", "ko"),
    ("알마티", "ko"),
    ("카자흐스탄 대통령", "ko"),
    ("Almaty", "en"),
    ("Moscow summit", "en"),
    ("Korea Kazakhstan memorandum", "en"),
    ("Qazaqstan", "kk"),  # the Kazakh Latin alphabet
    ("Almatyda jer silkinisi", "en"),  # Kazakh Latin without one of its own letters reads as English
]

KAZAKH_LETTER = [
    ("Алматы жер сілкінісі", "kk"),
    ("ұлттық кластер", "kk"),
    ("Астана саммиті", "kk"),
    ("балалар бақшасы", "kk"),
]

RUSSIAN_CUES = [  # places Kazakh spells otherwise, Russian words and endings
    ("Москва", "ru"),
    ("Москва саммит", "ru"),
    ("Казахстан", "ru"),
    ("Китай", "ru"),
    ("Пекин", "ru"),
    ("Южная Корея", "ru"),
    ("новости Алматы", "ru"),
    ("Алматы погода", "ru"),
    ("выборы президента", "ru"),
    ("саммит в Москве", "ru"),
    ("казахстанская нефть", "ru"),
    ("землетрясение", "ru"),
]

KAZAKH_CUES = [  # no Kazakh letter, but a Kazakh word or ending
    ("бойынша", "kk"),
    ("жасанды интеллект", "kk"),
    ("мектеп", "kk"),
    ("Президент жолдауы", "kk"),
    ("Алматы метро", "kk"),
]


@pytest.mark.parametrize("query, lang", SCRIPT + KAZAKH_LETTER + RUSSIAN_CUES + KAZAKH_CUES)
def test_short_query_language(query: str, lang: str) -> None:
    assert detect(query) == lang


@pytest.mark.parametrize("query, default, ru_reader", [
    # written alike by both languages: the archive's language, unless the reader's interface is Russian
    ("Алматы", "kk", "ru"),
    ("Астана", "kk", "ru"),
    ("меморандум", "kk", "ru"),
])
def test_shared_word_follows_the_reader(query: str, default: str, ru_reader: str) -> None:
    assert detect(query) == default
    assert detect(query, prefer="ru") == ru_reader
    assert detect(query, prefer="kk") == "kk"


@pytest.mark.parametrize("query, prefer", [
    ("Москва", "kk"),  # a cue outweighs the reader's interface language
    ("Алматы жер сілкінісі", "ru"),
    ("서울", "ru"),
])
def test_prefer_never_overrides_evidence(query: str, prefer: str) -> None:
    assert detect(query, prefer=prefer) == detect(query)


@pytest.mark.parametrize("word, votes", [
    ("доллар", {"ru": 0, "kk": 0}),  # listed as both: not a Kazakh plural in -лар
    ("удар", {"ru": 0, "kk": 0}),  # too short for the ending -дар to count
    ("астанадан", {"ru": 0, "kk": 1}),
    ("казахский", {"ru": 1, "kk": 0}),
    ("москва", {"ru": 2, "kk": 0}),
])
def test_cue_votes(word: str, votes: dict[str, int]) -> None:
    assert cyrillic_votes(word) == votes


def test_cue_table_is_well_formed() -> None:
    table, endings = cues()
    assert table["москва"] == "ru" and table["мен"] == "kk"
    assert all(e == e.lower() for ends in endings.values() for e in ends)
