"""What to embed per article: title+lead, one vector per paragraph, or the whole text as one vector.

Articles: the 800 SIB-200 Kazakh train+dev sentences in index_id order (FLORES keeps the sentences of one source
article together), five consecutive sentences per article, one paragraph each. Queries: our 300 en/ru/ko queries
(tests/gold/semantic/queries.tsv); each targets one sentence, which may sit anywhere in its article, as a reader's
question may. An article scores by its best passage. Documents use the fast static path, queries the teacher.

Usage: python -m bench.semantic_passages [--shared ../shared/data]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.semantic_eval import load_docs, load_queries  # noqa: E402
from habar.document import Article  # noqa: E402
from habar.options import Options  # noqa: E402
from habar.semantic import VectorIndex, embed_documents, embed_queries, passages  # noqa: E402

PER_ARTICLE = 5


def build_articles(ids: list[str], texts: list[str]) -> tuple[list[Article], dict[str, str]]:
    order = sorted(range(len(ids)), key=lambda n: int(ids[n]))
    articles, owner = [], {}
    for a, start in enumerate(range(0, len(order), PER_ARTICLE)):
        group = order[start : start + PER_ARTICLE]
        body = "\n\n".join(texts[n] for n in group)
        articles.append(Article(id=f"a{a}", raw=body, text=body))
        owner.update({ids[n]: f"a{a}" for n in group})
    return articles, owner


def evaluate(mode: str, articles: list[Article], qvecs: np.ndarray, queries, owner: dict[str, str]) -> None:
    index = VectorIndex(qvecs.shape[1], "int8")
    t0 = time.perf_counter()
    for art in articles:
        index.add(art.id, embed_documents(passages(art, mode)))
    dt = time.perf_counter() - t0
    rows = len(index) / len(articles)
    cells = []
    for lang in ("en", "ru", "ko"):
        ranks = []
        for n, (sid, qlang, _) in enumerate(queries):
            if qlang != lang:
                continue
            hits = [o for o, _, _ in index.search(qvecs[n], k=len(articles))]
            ranks.append(hits.index(owner[sid]) + 1)
        r = np.asarray(ranks)
        cells.append(f"{np.mean(r == 1):.3f} {np.mean(1 / r):.3f}")
    print(f"{mode:10} {rows:5.1f} {index.bytes_per_article():7.0f}  " + "   ".join(cells) + f"   ({dt:.2f} s)")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=Options().shared_data)
    args = ap.parse_args(argv)
    try:
        ids, texts = load_docs(args.shared)
    except FileNotFoundError as exc:
        print(f"semantic_passages: skipped, {exc}")
        return 0
    articles, owner = build_articles(ids, texts)
    queries = load_queries()
    qvecs = embed_queries([q[2] for q in queries])
    print(f"{len(articles)} articles of {PER_ARTICLE} paragraphs; {len(queries)} queries; static documents, int8")
    print(f"{'mode':10} {'vec/a':>5} {'B/art':>7}  {'en R@1 MRR':11}   {'ru R@1 MRR':11}   {'ko R@1 MRR':11}")
    for mode in ("lead", "whole", "paragraph"):
        evaluate(mode, articles, qvecs, queries, owner)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
