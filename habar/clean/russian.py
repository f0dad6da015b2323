"""A simple Russian stemmer for Russian articles (Snowball via PyStemmer), so they are searchable by stem."""

from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=1)
def _stemmer():
    import Stemmer

    return Stemmer.Stemmer("russian")


def stem_ru(word: str) -> str:
    """The Snowball stem of a Russian word, lower-cased: "новостями" -> "новост"."""
    return _stemmer().stemWord(word.lower())


def stem_ru_words(words: list[str]) -> list[str]:
    return _stemmer().stemWords([w.lower() for w in words])
