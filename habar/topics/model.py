"""The shipped topic model: naive Bayes over word features plus a logistic regression over static embeddings.

Both parts are distilled from a slow teacher (e5 regression + naive Bayes, see habar/topics/train.py) and both are
sums over words, so an article costs one look-up per word in a table of per-word rows (habar/topics/cache.py), and
only its head is read (features.head_words: the title and first 100 tokens, where news states its topic):
- naive Bayes adds each distinct word's feature log-likelihoods; long articles are scaled down to the feature count of
  a training sentence so that one article does not out-shout the regression;
- the regression is linear in the weighted mean of the static embedder's unit vectors, so each unit's class scores
  are precomputed (`unit_scores`) and an article's mean score is a weighted sum of them.
The two are mixed as `nb_weight * NB / temperature + (1 - nb_weight) * log p(regression)`, with temperature and weight
chosen by 5-fold cross-validation at training time.

Where that fast model is unsure (its top probability under `E5Head.threshold`), the e5 teacher embeds the article's
title and lead (features.lead: 160 characters, so the cost does not grow with the article) and a logistic regression
over that vector is blended in. About 40% of SIB-200 sentences take this path, and two thirds of multi-paragraph news
articles (a mix of topics makes the fast model less sure); it lifts 5-fold accuracy from 0.78 to 0.83
(scripts/train_topics.py prints both), at ~70 ms of e5 CPU time per article that takes it. By default only texts of
up to 50 words may take it (habar.topics.SHORT_WORDS, the topic_e5 setting).
"""

from __future__ import annotations

import json
import zlib
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from habar.topics.cache import ScoreCache, segment_sums
from habar.topics.features import head_words, lead, static_model, teacher_embed, token_units, word_parts, words

MODEL_DIR = Path(__file__).resolve().parent.parent / "data" / "topics"


def static_check() -> str:
    """A fingerprint of the static embedder's unit table: unit_scores rows are only valid for that table."""
    m = static_model()
    crc = zlib.crc32(m.piece_rows.tobytes())
    crc = zlib.crc32("\n".join(sorted(m.word_rows, key=m.word_rows.get)).encode("utf-8"), crc)
    return f"{len(m.vectors)}:{crc:08x}"


def log_softmax(z: np.ndarray) -> np.ndarray:
    z = z - z.max(axis=1, keepdims=True)
    return z - np.log(np.exp(z).sum(axis=1, keepdims=True))


@dataclass
class E5Head:
    """The slow path: a regression over e5 query vectors, blended with the fast model where that one is unsure."""
    weights: np.ndarray  # 384 x labels (the training centre and scale folded into weights and bias)
    bias: np.ndarray
    blend: float  # weight of the fast model's log-probabilities; the e5 regression gets the rest
    threshold: float  # the fast model's top probability under which e5 runs

    def log_proba(self, vectors: np.ndarray) -> np.ndarray:
        return log_softmax(vectors @ self.weights + self.bias)


@dataclass
class TopicModel:
    labels: list[str]
    vocab: dict[str, int]  # NB feature -> column
    log_likelihood: np.ndarray  # labels x features
    log_prior: np.ndarray
    mean_features: float
    unit_scores: np.ndarray  # static units x labels: unit vector @ regression weights, centred and scaled
    bias: np.ndarray
    temperature: float
    nb_weight: float
    check: str  # static_check() at training time
    head: E5Head | None = None

    def __post_init__(self) -> None:
        self._ll_rows = np.ascontiguousarray(self.log_likelihood.T)  # feature -> its row of class log-likelihoods
        # the vocabulary split by kind, so a new word's features are looked up without building "w:"/"c:" strings
        self._prefix_ids = {f[2:]: i for f, i in self.vocab.items() if f.startswith("w:")}
        self._gram_ids = {f[2:]: i for f, i in self.vocab.items() if f.startswith("c:")}
        k = len(self.log_prior)
        self._words = ScoreCache(k + 1, self._word_rows)  # [feature count, class log-likelihood sums]
        self._tokens = ScoreCache(k + 1, self._token_rows)  # [sum of unit weights, weighted sum of unit scores]

    def _word_rows(self, batch: list[str]) -> np.ndarray:
        prefix_id, gram_id = self._prefix_ids.get, self._gram_ids.get
        ids = []
        for word in batch:
            prefix, grams = word_parts(word)
            ids.append([i for i in (prefix_id(prefix), *map(gram_id, grams)) if i is not None])
        lengths = [len(i) for i in ids]
        sums = segment_sums(lengths, self._ll_rows[[f for i in ids for f in i]])
        return np.column_stack([lengths, sums])

    def _token_rows(self, batch: list[str]) -> np.ndarray:
        embedder = static_model()
        units = [token_units(t, embedder) for t in batch]
        rows = np.fromiter((r for u in units for r in u), dtype=np.int64)
        w = embedder.weights[rows]
        values = np.column_stack([w, w[:, None] * self.unit_scores[rows]])
        return segment_sums([len(u) for u in units], values)

    def nb_scores(self, texts: list[str]) -> np.ndarray:
        out = np.tile(self.log_prior, (len(texts), 1))
        for i, text in enumerate(texts):
            s = self._words.total(words(text))
            if s[0]:
                out[i] += s[1:] * (self.mean_features / max(s[0], self.mean_features))
        return out

    def lr_log_proba(self, texts: list[str]) -> np.ndarray:
        z = np.tile(self.bias, (len(texts), 1))
        for i, text in enumerate(texts):
            s = self._tokens.total(text.split())
            if s[0] > 0:
                z[i] += s[1:] / s[0]
        return log_softmax(z)

    def mix(self, nb: np.ndarray, lr: np.ndarray) -> np.ndarray:
        z = self.nb_weight * nb / self.temperature + (1 - self.nb_weight) * lr
        z = z - z.max(axis=1, keepdims=True)
        return np.exp(z) / np.exp(z).sum(axis=1, keepdims=True)

    def scores(self, texts: list[str]) -> np.ndarray:
        """Fast-model class probabilities of each text's head (features.head_words: an article's title and lead)."""
        heads = [head_words(t) for t in texts]
        return self.mix(self.nb_scores(heads), self.lr_log_proba(heads))

    def unsure(self, p: np.ndarray) -> np.ndarray:
        """Rows of fast-model probabilities that the e5 head would re-score."""
        if self.head is None:
            return np.zeros(len(p), dtype=bool)
        return p.max(axis=1) < self.head.threshold

    def rescore(self, p: np.ndarray, vectors: np.ndarray) -> np.ndarray:
        """Blend fast-model probabilities (rows) with the e5 head's view of the same texts."""
        z = self.head.blend * np.log(np.maximum(p, 1e-12)) + (1 - self.head.blend) * self.head.log_proba(vectors)
        return np.exp(log_softmax(z))

    def predict(self, texts: list[str], precise: bool = True) -> list[tuple[str, float]]:
        """(label, probability) per text; `precise` lets e5 re-score the texts the fast model is unsure of."""
        p = self.scores(texts)
        rows = np.flatnonzero(self.unsure(p)) if precise else []
        if len(rows):
            p[rows] = self.rescore(p[rows], teacher_embed([lead(texts[i]) for i in rows]))
        return [(self.labels[i], float(p[k, i])) for k, i in enumerate(p.argmax(axis=1))]

    def save(self, directory: Path = MODEL_DIR) -> None:
        directory.mkdir(parents=True, exist_ok=True)
        np.savez_compressed(directory / "model.npz", log_likelihood=self.log_likelihood.astype(np.float16),
                            log_prior=self.log_prior, unit_scores=self.unit_scores.astype(np.float16),
                            bias=self.bias, **({"e5_weights": self.head.weights.astype(np.float32),
                                                "e5_bias": self.head.bias} if self.head else {}))
        meta = {"labels": self.labels, "mean_features": self.mean_features, "temperature": self.temperature,
                "nb_weight": self.nb_weight, "static_check": self.check,
                **({"e5_blend": self.head.blend, "e5_threshold": self.head.threshold} if self.head else {}),
                "features": sorted(self.vocab, key=self.vocab.get)}
        (directory / "model.json").write_text(json.dumps(meta, ensure_ascii=False), encoding="utf-8")

    @classmethod
    def load(cls, directory: Path = MODEL_DIR) -> "TopicModel":
        if not (directory / "model.npz").exists():
            raise FileNotFoundError(f"{directory}/model.npz is missing; build it with `make models` "
                                    "(scripts/train_topics.py)")
        meta = json.loads((directory / "model.json").read_text(encoding="utf-8"))
        if "static_check" not in meta or meta["static_check"] != static_check():
            raise ValueError(f"{directory}/model.json was trained against another static embedding table "
                             "(habar/data/semantic/static.npz); retrain it with scripts/train_topics.py "
                             "(`make models` runs it after the static embeddings)")
        with np.load(directory / "model.npz") as arrays:
            head = E5Head(arrays["e5_weights"], arrays["e5_bias"], meta["e5_blend"],
                          meta["e5_threshold"]) if "e5_weights" in arrays.files else None
            return cls(meta["labels"], {f: i for i, f in enumerate(meta["features"])},
                       arrays["log_likelihood"].astype(np.float32), arrays["log_prior"], meta["mean_features"],
                       arrays["unit_scores"].astype(np.float32), arrays["bias"], meta["temperature"],
                       meta["nb_weight"], meta["static_check"], head)
