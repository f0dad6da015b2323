"""The training-time builders: gazetteers from labelled sentences, clusters from unlabeled text."""

from __future__ import annotations

from habar.ner import clusters, gazetteer
from habar.ner.corpus import Sentence
from habar.ner.features import Featurizer

SENTENCES = [
    Sentence("a", ["Асқар", "Астанаға", "келді", "."], ["B-PERSON", "B-GPE", "O", "O"]),
    Sentence("b", ["Астанада", "жаңбыр", "жауды", "."], ["B-GPE", "O", "O", "O"]),
    Sentence("c", ["Асқар", "үйге", "қайтты", "."], ["B-PERSON", "O", "O", "O"]),
]


def test_gazetteer_keeps_words_and_stems_of_entities():
    table = gazetteer.build(SENTENCES)
    assert table["асқар"] == "PERSON"
    assert table["~астана"] == "GPE"  # Астанаға and Астанада share the stem
    assert "келді" not in table and "." not in table


def test_clusters_are_deterministic_and_cover_frequent_words():
    text = [s.tokens for s in SENTENCES] * 5
    first, second = clusters.build(text, seed=1), clusters.build(text, seed=1)
    assert first == second
    assert "асқар" in first and "~астана" in first


def test_features_use_the_tables():
    feat = Featurizer({"асқар": ("3", "17")}, {"асқар": "PERSON"})
    row = feat.sentence(["Асқар", "келді"])[0]
    assert {"w=асқар", "c1=3", "c2=17", "g=PERSON", "BOS"} <= set(row)
    assert "-1w=асқар" in feat.sentence(["Асқар", "келді"])[1]


def test_plain_features_are_a_baseline():
    row = Featurizer({}, {}, plain=True).sentence(["Асқар", "келді"])[0]
    assert not any(f.startswith(("c1=", "g=", "st=")) for f in row)
