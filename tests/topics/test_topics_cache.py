"""Topics fast path: the per-word score tables give the same sums as scoring each word afresh, and the model reads
only the head of a long text."""

from __future__ import annotations

import numpy as np
import pytest

from habar.topics import model
from habar.topics.cache import ScoreCache, segment_sums
from habar.topics.features import HEAD_WORDS, head_words, static_model, token_units, word_features, words
from habar.topics.model import MODEL_DIR, TopicModel

SPORT = "Құрама командамыз футболдан әлем чемпионатының іріктеу кезеңінде жеңіске жетті."
HEALTH = "Денсаулық сақтау министрлігі жаңа аурухана ашты, дәрігерлер 2024 жылы 120 мың адамды тексерді."
SPACE = "Ғалымдар жаңа ғарыш аппаратын ұшырды; «Байқоңыр» ғарыш айлағынан ұшқан зымыран орбитаға шықты."


def rows_of(keys: list[str]) -> np.ndarray:
    """A stand-in scorer: row = (length, first code point, 1)."""
    return np.array([[len(k), ord(k[0]), 1.0] for k in keys], dtype=np.float32)


# ---- ScoreCache: sums with repeats, growth past the first table, and a full cache that stops keeping keys ----

@pytest.mark.parametrize("batches", [
    [["аға", "іні", "аға"]],  # a key listed twice counts twice
    [["аға", "іні"], ["іні", "апа", "апа", "аға"]],  # known and new keys in one call
    [[f"сөз{i}" for i in range(3000)], [f"сөз{i}" for i in range(2990, 3010)]],  # the table grows past 1024 rows
    [[]],
])
def test_cache_totals_equal_direct_sums(batches):
    cache = ScoreCache(3, rows_of)
    for keys in batches:
        expected = rows_of(keys).sum(axis=0) if keys else np.zeros(3)
        assert np.allclose(cache.total(keys), expected)
    assert len(cache) == len({k for keys in batches for k in keys})


def test_full_cache_scores_new_keys_without_keeping_them():
    cache = ScoreCache(3, rows_of, limit=2)
    assert np.allclose(cache.total(["аға", "іні"]), rows_of(["аға", "іні"]).sum(axis=0))
    keys = ["аға", "апа", "апа", "әке"]
    assert np.allclose(cache.total(keys), rows_of(keys).sum(axis=0))
    assert len(cache) == 2


@pytest.mark.parametrize("lengths", [[2, 0, 3], [0, 0], [1], [0, 4, 0, 1]])
def test_segment_sums(lengths):
    values = np.arange(sum(lengths) * 2, dtype=np.float32).reshape(-1, 2)
    starts = np.concatenate([[0], np.cumsum(lengths)[:-1]]).astype(int)
    expected = [values[s:s + n].sum(axis=0) for s, n in zip(starts, lengths)]
    assert np.allclose(segment_sums(lengths, values), np.array(expected).reshape(len(lengths), 2))


# ---- the model's sums equal the per-word definitions (features.py) ----

@pytest.mark.parametrize("text", [SPORT, HEALTH, SPACE, "2024 100", ""])
def test_naive_bayes_sum_matches_word_features(text):
    m = TopicModel.load(MODEL_DIR)
    ids = [m.vocab[f] for w in words(text) for f in word_features(w) if f in m.vocab]
    expected = m.log_prior.copy()
    if ids:
        expected += m.log_likelihood[:, ids].sum(axis=1) * (m.mean_features / max(len(ids), m.mean_features))
    assert np.allclose(m.nb_scores([text])[0], expected, atol=1e-4)


@pytest.mark.parametrize("text", [SPORT, HEALTH, SPACE])
def test_static_regression_matches_unit_means(text):
    m = TopicModel.load(MODEL_DIR)
    rows = np.array([r for t in text.split() for r in token_units(t)])
    w = static_model().weights[rows]
    z = m.bias + w @ m.unit_scores[rows] / w.sum()
    expected = z - z.max() - np.log(np.exp(z - z.max()).sum())
    assert np.allclose(m.lr_log_proba([text])[0], expected, atol=1e-4)


# ---- the head: long texts are read up to HEAD_WORDS tokens, short ones whole ----

@pytest.mark.parametrize("text, limit, expected", [
    ("бір екі үш", 5, "бір екі үш"),
    ("бір  екі\nүш", 3, "бір  екі\nүш"),  # not longer than the limit: the text itself, spacing kept
    ("бір екі\nүш төрт", 2, "бір екі"),
    ("  бір екі үш ", 2, "бір екі"),
])
def test_head_words(text, limit, expected):
    assert head_words(text, limit) == expected


def test_long_article_is_scored_on_its_head():
    long = " ".join([SPORT] * 12 + [HEALTH] * 12)
    assert len(long.split()) > HEAD_WORDS
    m = model()
    assert np.allclose(m.scores([long]), m.scores([head_words(long)]))
    assert m.predict([long], precise=False)[0][0] == "sports"
    assert model().scores([SPORT]).shape == (1, len(m.labels))
