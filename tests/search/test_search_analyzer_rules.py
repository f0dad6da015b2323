"""What a query word and a document word stand for, over a fixed stand-in morphology (no model needed)."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from habar.document import Token
from habar.search.analysis import Analyzer

# word -> [(lemma, cost)], best first: the readings a morphology would give
READINGS = {
    "жыла": [("жыл", 1.0), ("жыла", 1.5)],    # the bare verb costs more than жыл + dative
    "жылдың": [("жыл", 0.0)],
    "тақта": [("тақ", 0.5)],                 # the noun missing: only тақ + locative
    "бұзылады": [("бұз", 0.0), ("бұзыл", 0.3)],
    "бұзылады-ау": [("бұзылады-ау", 3.0)],   # one unknown word, as the morphology sees it
    "премьер-министр": [("премьер-министр", 2.0)],
    "министр": [("министр", 0.0)],
    "ау": [("ауыл", 0.0)],
    "кеше": [("кеше", 0.0)],                 # "yesterday"; Snowball would cut it to кеш
}


class StandIn(Analyzer):
    def _get(self, name: str, attr: str):
        if name == "habar.morph":
            return SimpleNamespace(analyze=lambda w: [SimpleNamespace(lemma=l, cost=c)
                                                      for l, c in READINGS.get(w.casefold(), [])],
                                   known_word=lambda w: w.casefold() in READINGS)
        return None


@pytest.fixture
def analyzer() -> Analyzer:
    return StandIn()


@pytest.mark.parametrize("word, lemmas", [
    ("жыла", {"жыл", "жыла"}),   # the best reading, and the word as typed (a query is often a base form)
    ("тақта", {"тақ", "тақта"}),  # the base form the morphology did not offer
    ("жылдың", {"жыл", "жылдың"}),
    ("бұзылады", {"бұз", "бұзылады"}),  # only the best reading: documents index the others
])
def test_query_word_lemmas(analyzer, word, lemmas):
    assert analyzer.word_lemmas(word) == lemmas


@pytest.mark.parametrize("word, russian", [
    ("кеше", False),   # a word the Kazakh lexicon knows is not also read as Russian
    ("выборы", True),  # one it does not know also stands for its Snowball stem (Russian articles)
])
def test_russian_stems_only_for_words_kazakh_does_not_know(analyzer, word, russian):
    from habar.clean.russian import stem_ru

    stem = stem_ru(word).casefold()
    assert stem != word and (stem in analyzer.word_lemmas(word)) == russian


@pytest.mark.parametrize("word, chosen, others", [
    ("бұзылады", "бұз", ["бұзыл"]),                    # readings within the margin are alternatives
    ("бұзылады-ау", "бұзылады-ау", ["бұз", "бұзыл"]),  # a particle after a hyphen: the word without it
    ("премьер-министр", "премьер-министр", None),      # a compound stays one word
    ("жылдың", "жыл", None),
])
def test_document_alternatives(analyzer, word, chosen, others):
    alts = analyzer.alternatives([Token(word, 0, len(word), "word", chosen)])
    assert alts.get("0") == others


@pytest.mark.parametrize("title, text, expected", [
    ("Тақырып", "Мәтін.", "Тақырып"),  # a title is kept as it is
    ("", "Қысқа сөйлем. Екінші сөйлем.", "Қысқа сөйлем."),  # else the first sentence
    ("", "Бір  сөз\nекі сөз", "Бір сөз екі сөз"),  # spaces and line breaks folded
    ("", "Ұзын сөйлем " * 20, "Ұзын сөйлем " * 7 + "Ұзын…"),  # cut at a word within 90 characters
    ("", "", ""),
])
def test_headline_of_a_hit(title, text, expected):
    from habar.search.snippets import headline

    assert headline(title, text) == expected
