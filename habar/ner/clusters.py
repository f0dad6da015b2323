"""Word clusters: PPMI over neighbour stems from unlabeled Kazakh text (truncated SVD, then k-means), and
clusters of the e5 teacher's static piece vectors (habar/data/semantic/static.npz), which carry what e5 learned
in pretraining about organisations, events and places that our few thousand sentences lack.

Built at training time by scripts/train_ner.py; the shipped table maps a lowercase word or stem ("~stem") to two
cluster ids (coarse, fine), like the prefixes of Brown cluster paths, and a lemma ("@lemma") to its two e5
cluster ids (feature set 3).
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import numpy as np

from habar.ner.suffixes import strip_case

COARSE, FINE = 64, 384
E5_COARSE, E5_FINE = 96, 640  # e5 clusters of lemmas (feature set 3)
MIN_COUNT = 4
N_CONTEXTS = 1200
DIMS = 80


def _items(word: str) -> tuple[str, str]:
    lower = word.lower()
    return lower, "~" + strip_case(lower)[0]


def build(sentences: list[list[str]], seed: int = 13) -> dict[str, tuple[int, int]]:
    """item -> (coarse id, fine id) for every word and stem seen MIN_COUNT times; deterministic for a seed."""
    counts: Counter = Counter()
    ctx_counts: Counter = Counter()
    for sent in sentences:
        for w in sent:
            counts.update(_items(w))
            ctx_counts[_items(w)[1]] += 1
    items = sorted(i for i, c in counts.items() if c >= MIN_COUNT)
    index = {w: i for i, w in enumerate(items)}
    contexts = [c for c, _ in sorted(ctx_counts.items(), key=lambda kv: (-kv[1], kv[0]))[:N_CONTEXTS]]
    cindex = {c: i for i, c in enumerate(contexts)}
    # three context blocks: the stem just left, just right, and two away on either side
    M = np.zeros((len(items), 3 * len(contexts)), dtype=np.float32)
    for sent in sentences:
        stems = [_items(w)[1] for w in sent]
        for i, w in enumerate(sent):
            rows = [index[x] for x in _items(w) if x in index]
            if not rows:
                continue
            for off, block in ((-1, 0), (1, 1), (-2, 2), (2, 2)):
                j = i + off
                if 0 <= j < len(sent) and stems[j] in cindex:
                    for r in rows:
                        M[r, block * len(contexts) + cindex[stems[j]]] += 1
    total = M.sum()
    pw = M.sum(1, keepdims=True) / total
    pc = (M.sum(0, keepdims=True) / total) ** 0.75  # context distribution smoothing
    pc /= pc.sum()
    with np.errstate(divide="ignore", invalid="ignore"):
        pmi = np.log((M / total) / (pw * pc))
    M = np.nan_to_num(np.maximum(pmi, 0), nan=0.0, posinf=0.0, neginf=0.0).astype(np.float32)
    u, s, _ = np.linalg.svd(M, full_matrices=False)
    X = u[:, :DIMS] * np.sqrt(s[:DIMS])
    X /= np.linalg.norm(X, axis=1, keepdims=True) + 1e-9
    coarse = _kmeans(X, COARSE, seed)
    fine = _kmeans(X, FINE, seed + 1)
    return {w: (int(coarse[i]), int(fine[i])) for w, i in index.items()}


def e5_vectors(words: list[str], static_path: Path | None = None) -> np.ndarray:
    """Unit vectors of words: the mean of their e5 sub-word piece vectors (never the static model's whole-word
    rows, whose word list comes from all KazNERD sentences, dev included)."""
    from habar.semantic.pieces import Pieces
    from habar.semantic.static import DEFAULT_PATH

    pieces = Pieces()
    with np.load(static_path or DEFAULT_PATH, allow_pickle=False) as z:
        vectors = z["vectors"].astype(np.float32) * z["scales"][:, None]
        piece_rows = z["piece_rows"]
    X = np.zeros((len(words), vectors.shape[1]), dtype=np.float32)
    for i, w in enumerate(words):
        rows = [int(r) for r in piece_rows[list(pieces.word_ids(pieces.normalise(w)))] if r >= 0]
        if rows:
            X[i] = vectors[rows].mean(0)
    X /= np.linalg.norm(X, axis=1, keepdims=True) + 1e-9
    return X


def build_e5(lemmas: set[str], seed: int = 13, static_path: Path | None = None) -> dict[str, tuple[int, int]]:
    """"@lemma" -> (coarse id, fine id) of k-means over e5 piece vectors; deterministic for a seed."""
    words = sorted(w for w in lemmas if w and any(ch.isalpha() for ch in w))
    X = e5_vectors(words, static_path)
    coarse = _kmeans(X, E5_COARSE, seed)
    fine = _kmeans(X, E5_FINE, seed + 1)
    return {"@" + w: (int(coarse[i]), int(fine[i])) for i, w in enumerate(words)}


def _kmeans(X: np.ndarray, k: int, seed: int, iters: int = 25) -> np.ndarray:
    rng = np.random.default_rng(seed)
    k = min(k, len(X))  # a tiny corpus has fewer words than clusters
    centres = X[rng.choice(len(X), size=k, replace=False)].copy()
    assign = np.zeros(len(X), dtype=np.int64)
    for _ in range(iters):
        assign = np.argmax(X @ centres.T, axis=1)  # cosine: rows are unit vectors
        for c in range(k):
            members = X[assign == c]
            if len(members):
                centre = members.mean(0)
                centres[c] = centre / (np.linalg.norm(centre) + 1e-9)
    return assign


def save(table: dict[str, tuple[int, int]], path: Path) -> None:
    with open(path, "w", encoding="utf-8") as f:
        for w in sorted(table):
            f.write(f"{w}\t{table[w][0]}\t{table[w][1]}\n")


def load(path: Path) -> dict[str, tuple[str, str]]:
    out = {}
    with open(path, encoding="utf-8") as f:
        for lineno, line in enumerate(f, 1):
            parts = line.rstrip("\n").split("\t")
            if len(parts) != 3:
                raise ValueError(f"{path}:{lineno}: expected 'word<TAB>coarse<TAB>fine'; rebuild with `make models`")
            out[parts[0]] = (parts[1], parts[2])
    return out
