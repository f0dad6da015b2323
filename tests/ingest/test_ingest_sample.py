"""The bundled sample corpus: it parses, and keeps the shape and the messy cases data/sample/README.md lists."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from habar.ingest.kazakh_letters import KAZAKH_SPECIFIC

CORPUS = Path(__file__).resolve().parents[2] / "data" / "sample" / "corpus.jsonl"
RUSSIAN = {"sample-28"}


@pytest.fixture(scope="module")
def corpus():
    from habar.ingest.readers import read_paths
    from habar.options import Options

    items = list(read_paths([CORPUS], Options()))
    return items


def letters(text):
    return [c for c in text if c.isalpha()]


def test_it_parses_with_unique_ids(corpus):
    assert all(not isinstance(a, Exception) for a in corpus), [str(a) for a in corpus if isinstance(a, Exception)]
    assert 20 <= len(corpus) <= 40
    assert len({a.id for a in corpus}) == len(corpus)
    assert len({a.url for a in corpus}) == len(corpus)


def test_every_article_has_its_fields(corpus):
    for a in corpus:
        assert a.title and a.source and a.url.startswith("https://example.kz/")
        assert re.fullmatch(r"20(19|2[0-4])-\d\d-\d\d", a.published), a.id
        assert 80 <= len(a.text.split()) <= 250, a.id
    assert len({a.published[:4] for a in corpus}) == 6  # 2019 to 2024
    assert set(Counter(a.source for a in corpus)) == {"kazinform", "zakon", "atameken", "tengrinews", "egemen"}


def test_mostly_kazakh_cyrillic_except_the_russian_one(corpus):
    for a in corpus:
        ls = letters(a.text)
        cyrillic = sum(1 for c in ls if "\u0400" <= c <= "\u04ff") / len(ls)
        kazakh = sum(1 for c in ls if c in KAZAKH_SPECIFIC) / len(ls)
        assert cyrillic > 0.9, a.id
        if a.id in RUSSIAN:
            assert kazakh == 0, a.id
        else:
            assert kazakh > 0.04, a.id  # Kazakh text: about one letter in ten is one of the nine


def test_the_messy_cases_are_there(corpus):
    by_id = {a.id: a for a in corpus}
    assert by_id["sample-23"].text.startswith(by_id["sample-23"].title + "\n")
    assert "Жазылу" in by_id["sample-24"].text.split("\n") and "Telegram арнамызға жазылыңыз" in by_id["sample-24"].text
    assert "Читайте также:" in by_id["sample-25"].text and by_id["sample-25"].text.endswith("\nБөлісу")
    assert re.search(r"[а-яәғқңөұүһі][ieoaə]|[ieoaə][а-яәғқңөұүһі]", by_id["sample-26"].text)
    assert '"' in by_id["sample-27"].text and by_id["sample-27"].text.endswith("\n\nМәдина Жұмабаева")
    words = [set(re.findall(r"\w+", by_id[i].text.lower())) for i in ("sample-29", "sample-30")]
    assert len(words[0] & words[1]) / len(words[0] | words[1]) > 0.6  # near-copies of one story
