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
from habar.semantic import static_model  # noqa: E402

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
    scores = q @ d.T
    target_scores = scores[np.arange(len(targets)), targets]
    ranks = 1 + (scores > target_scores[:, None]).sum(axis=1)
    return float(np.mean(ranks == 1)), float(np.mean(1.0 / ranks))


def timed(fn, texts: list[str]) -> tuple[np.ndarray, float]:
    t0 = time.perf_counter()
    out = fn(texts)
    return out, time.perf_counter() - t0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=Options().shared_data)
    args = ap.parse_args(argv)
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

    model = static_model()
    model._cache.clear()  # time the cold path: every word is segmented anew
    d_static, t_static = timed(embed_documents, texts)
    d_teacher, t_teacher = timed(embed_passages_teacher, texts)
    q_vecs, t_query = timed(embed_queries, [q[2] for q in queries])

    print(f"documents: {len(texts)} Kazakh sentences, {words} words; queries: {len(queries)}")
    print(f"teacher passages  {words / t_teacher:10.0f} words/s  ({t_teacher:.1f} s)")
    print(f"static documents  {words / t_static:10.0f} words/s  ({t_static:.2f} s)  "
          f"x{t_teacher / t_static:.0f} the teacher")
    print(f"teacher queries   {len(queries) / t_query:10.1f} queries/s")
    index = VectorIndex(d_static.shape[1], "int8")
    for i, v in zip(ids, d_static):
        index.add(i, v[None, :])
    print(f"memory: {index.bytes_per_article():.0f} bytes per article (int8, one vector, owner id included)")
    int8 = index.matrix.astype(np.float32) / 127.0
    print(f"{'lang':5} {'n':>4}  {'teacher R@1':>11} {'MRR':>6}  {'static R@1':>10} {'MRR':>6}  {'int8 R@1':>8}")
    for lang in ("en", "ru", "ko"):
        sel = [n for n, q in enumerate(queries) if q[1] == lang]
        tg = [pos[queries[n][0]] for n in sel]
        r_t, m_t = rank_metrics(q_vecs[sel], d_teacher, tg)
        r_s, m_s = rank_metrics(q_vecs[sel], d_static, tg)
        r_i, _ = rank_metrics(q_vecs[sel], int8, tg)
        print(f"{lang:5} {len(sel):4}  {r_t:11.3f} {m_t:6.3f}  {r_s:10.3f} {m_s:6.3f}  {r_i:8.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
