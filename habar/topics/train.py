"""Training by distillation: a slow teacher labels unlabelled Kazakh sentences, a fast student learns from both.

SIB-200 has only 701 training sentences; naive Bayes on them alone knows few words (5-fold 0.68), and a regression
on static embeddings of them alone is weaker still (0.66). The teacher (e5 regression + naive Bayes, the former
shipped model: 5-fold 0.82) carries e5's knowledge of many more words; its class probabilities on a few thousand
unlabelled KazNERD sentences become soft training labels for the student, next to SIB's own hard labels.
The shipped cascade adds an e5 head (`fit_head`, the teacher's regression alone) for the texts the student is unsure
of; `choose_cascade` picks its blend and threshold on cross-validated scores, within an e5 budget (MAX_E5_SHARE).
Everything is plain numpy; the regressions are full-batch gradient descent with L2 (C as in scikit-learn).
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from habar.topics.features import mean_vectors, static_model, word_features, words
from habar.topics.model import E5Head, TopicModel, static_check

NB_ALPHA = 0.1
MIN_FEATURE_DOCS = 2  # features seen in one training text only are dropped: a smaller model, same accuracy
LR_C, LR_EPOCHS, LR_RATE = 10.0, 300, 0.5
TEACHER_SCALE = 10.0
# static means are short and close together; at 60 gradient descent converges in LR_EPOCHS (5-fold: 0.782 against
# 0.776 at 30), at 100 it diverges
STUDENT_SCALE = 60.0
SIB_WEIGHT = 3.0  # a hand label counts as much as three teacher labels in the student's regression
TEACHER_MIX = (40.0, 0.3)  # temperature and NB weight of the teacher, chosen by 5-fold CV on SIB-200 train
TEMPERATURES = (5.0, 10.0, 20.0, 40.0, 80.0)
NB_WEIGHTS = (0.0, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 1.0)
HEAD_BLENDS = (0.3, 0.4, 0.5, 0.6)
HEAD_THRESHOLDS = (0.35, 0.4, 0.45, 0.5, 0.55, 0.6)
MAX_E5_SHARE = 0.45  # the cascade may send at most this share of SIB-200 texts to e5: it is the slow step of ingest


def softmax(z: np.ndarray) -> np.ndarray:
    z = z - z.max(axis=1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=1, keepdims=True)


def fit_nb(texts: list[str], targets: np.ndarray) -> tuple[dict[str, int], np.ndarray, np.ndarray, float]:
    """Naive Bayes with soft counts: each text adds its class probabilities to the counts of its features."""
    feats = [[f for w in words(t) for f in word_features(w)] for t in texts]
    doc_freq: dict[str, int] = {}
    for fs in feats:
        for f in set(fs):
            doc_freq[f] = doc_freq.get(f, 0) + 1
    vocab = {f: i for i, f in enumerate(sorted(f for f, n in doc_freq.items() if n >= MIN_FEATURE_DOCS))}
    counts = np.zeros((targets.shape[1], len(vocab)))
    for fs, q in zip(feats, targets):
        ids = [vocab[f] for f in fs if f in vocab]
        np.add.at(counts, (slice(None), ids), q[:, None])
    log_likelihood = np.log((counts + NB_ALPHA) / (counts.sum(axis=1, keepdims=True) + NB_ALPHA * len(vocab)))
    log_prior = np.log(targets.sum(axis=0) / targets.sum())
    mean_features = float(np.mean([sum(f in vocab for f in fs) for fs in feats]))
    return vocab, log_likelihood, log_prior, mean_features


def fit_logistic(x: np.ndarray, targets: np.ndarray, sample_weight: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Multinomial logistic regression on soft targets (one-hot rows for hand labels)."""
    k = targets.shape[1]
    w, b, total = np.zeros((x.shape[1], k)), np.zeros(k), sample_weight.sum()
    for _ in range(LR_EPOCHS):
        g = (softmax(x @ w + b) - targets) * sample_weight[:, None]
        w -= LR_RATE * (x.T @ g / total + w / LR_C / total)
        b -= LR_RATE * g.sum(axis=0) / total
    return w, b


def nb_scorer(vocab, log_likelihood, log_prior, mean_features) -> Callable[[list[str]], np.ndarray]:
    return TopicModel([], vocab, log_likelihood, log_prior, mean_features, np.zeros((0, 0)), np.zeros(0),
                      1.0, 0.0, "").nb_scores


def fit_teacher(texts: list[str], y: np.ndarray, vectors: np.ndarray, k: int) -> Callable:
    """The slow model: (texts, e5 vectors) -> class probabilities."""
    onehot = np.eye(k)[y]
    nb = nb_scorer(*fit_nb(texts, onehot))
    centre = vectors.mean(axis=0)
    w, b = fit_logistic((vectors - centre) * TEACHER_SCALE, onehot, np.ones(len(y)))
    temperature, nb_weight = TEACHER_MIX

    def predict(new_texts: list[str], new_vectors: np.ndarray) -> np.ndarray:
        lr = np.log(softmax((new_vectors - centre) * TEACHER_SCALE @ w + b))
        return softmax(nb_weight * nb(new_texts) / temperature + (1 - nb_weight) * lr)
    return predict


def fit_student(labels: list[str], texts: list[str], y: np.ndarray, extra: list[str], extra_targets: np.ndarray,
                temperature: float = 10.0, nb_weight: float = 0.5,
                means: tuple[np.ndarray, np.ndarray] | None = None) -> TopicModel:
    """The fast model from hand-labelled `texts` and teacher-labelled `extra` (means: their static mean vectors)."""
    targets = np.vstack([np.eye(len(labels))[y], extra_targets])
    all_texts = list(texts) + list(extra)
    vocab, log_likelihood, log_prior, mean_features = fit_nb(all_texts, targets)
    x = np.vstack(means) if means is not None else mean_vectors(all_texts)
    centre = x.mean(axis=0)
    sample_weight = np.concatenate([np.full(len(texts), SIB_WEIGHT), np.ones(len(extra))])
    w, b = fit_logistic((x - centre) * STUDENT_SCALE, targets, sample_weight)
    unit_scores = STUDENT_SCALE * static_model().vectors @ w
    bias = b - STUDENT_SCALE * centre @ w
    return TopicModel(labels, vocab, log_likelihood.astype(np.float32), log_prior, mean_features,
                      unit_scores.astype(np.float32), bias, temperature, nb_weight, static_check())


def choose_mix(nb: np.ndarray, lr: np.ndarray, y: np.ndarray) -> tuple[float, float, float]:
    """(temperature, NB weight, accuracy) with the best accuracy over held-out scores."""
    best = (0.0, 0.0, -1.0)
    for t in TEMPERATURES:
        for wt in NB_WEIGHTS:
            acc = float(np.mean((wt * nb / t + (1 - wt) * lr).argmax(axis=1) == y))
            if acc > best[2]:
                best = (t, wt, acc)
    return best


def folds(n: int, k: int = 5, seed: int = 0) -> np.ndarray:
    out = np.arange(n) % k
    np.random.default_rng(seed).shuffle(out)
    return out


def fit_head(vectors: np.ndarray, y: np.ndarray, k: int, blend: float = 0.5, threshold: float = 0.5) -> E5Head:
    """The e5 regression of the cascade, with the training centre and scale folded into weights and bias."""
    centre = vectors.mean(axis=0)
    w, b = fit_logistic((vectors - centre) * TEACHER_SCALE, np.eye(k)[y], np.ones(len(y)))
    return E5Head(TEACHER_SCALE * w, b - TEACHER_SCALE * centre @ w, blend, threshold)


def choose_cascade(p_fast: np.ndarray, lp_e5: np.ndarray, y: np.ndarray) -> tuple[float, float, float, float]:
    """(blend, threshold, accuracy, e5 share) with the best held-out accuracy within MAX_E5_SHARE; on a tie the
    smaller share wins."""
    best = (0.0, 0.0, -1.0, 1.0)
    log_fast = np.log(np.maximum(p_fast, 1e-12))
    for threshold in HEAD_THRESHOLDS:
        unsure = p_fast.max(axis=1) < threshold
        if unsure.mean() > MAX_E5_SHARE:
            continue
        for blend in HEAD_BLENDS:
            z = np.where(unsure[:, None], blend * log_fast + (1 - blend) * lp_e5, log_fast)
            acc = float(np.mean(z.argmax(axis=1) == y))
            if acc > best[2] or (acc == best[2] and unsure.mean() < best[3]):
                best = (blend, threshold, acc, float(unsure.mean()))
    return best
