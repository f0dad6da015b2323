"""Word clusters learned from unlabeled Kazakh text: PPMI over neighbour stems, truncated SVD, then k-means.

Built at training time by scripts/train_ner.py; the shipped table maps a lowercase word or stem to two
cluster ids (coarse, fine), like the prefixes of Brown cluster paths.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import numpy as np

from habar.ner.suffixes import strip_case

COARSE, FINE = 64, 384
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
