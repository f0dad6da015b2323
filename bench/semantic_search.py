"""Semantic search through the store: dev R@1/MRR per query language, query latency hybrid vs lexical, memory.

`python -m bench.semantic_search [--shared ../shared/data] [--articles 5000] [--per-lang 25]`

1. Quality, end to end: the 800 SIB-200 Kazakh train+dev sentences (never the test split) are ingested as articles
   with vectors, and the English, Russian and Korean queries of tests/gold/semantic/queries.tsv go through
   `Searcher.query(mode="hybrid")`, the path of `habar search --mode hybrid`. R@1 and MRR (rank within the top 10)
   per language, over the first --per-lang queries of each language (the full model costs ~1 s per query here).
2. Scale: --articles synthetic articles, eight KazNERD sentences each in a seeded random order (read by path, never
   copied), through the --steps pipeline with vectors. Latency p50/p99 of lexical and hybrid on Kazakh words taken
   from the corpus, and of hybrid on the English and Korean dev queries (semantic side only), one Searcher, warm.
3. Memory: bytes of vectors per article (in memory, and of vectors.npz on disk), rows per article.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.semantic_eval import load_docs, load_queries  # noqa: E402
from habar.document import Article  # noqa: E402
from habar.options import Options  # noqa: E402

SENTENCES_PER_ARTICLE = 8


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def kaznerd_sentences(shared: Path) -> list[str]:
    path = shared / "kaznerd" / "IOB2_valid.txt"
    if not path.exists():
        raise FileNotFoundError(f"{path}: KazNERD is missing; pass --shared <data dir>")
    out, words = [], []
    for line in path.read_text(encoding="utf-8").splitlines() + [""]:
        if line.strip():
            words.append(line.split()[0])
        elif words:
            text = " ".join(words)
            for p in (" ,", " .", " :", " ;", " !", " ?", " »", "« "):
                text = text.replace(p, p.strip())
            out.append(text)
            words = []
    return out


def quality(shared: Path, per_lang: int, tmp: Path) -> None:
    from habar.search.analysis import Analyzer
    from habar.search.search import Searcher
    from habar.store.ingest import ingest

    ids, texts = load_docs(shared)
    db = tmp / "sib"
    articles = [Article(id=f"sib-{i}", raw=t, text=t, lang="kk") for i, t in zip(ids, texts)]
    ingest(articles, db, Options(workers=1, vectors=True, progress=False), steps=[])
    searcher = Searcher(db, analyzer=Analyzer(plain=True))
    print(f"dev set: {len(texts)} SIB-200 Kazakh train+dev sentences as articles; queries through "
          "Searcher.query(mode='hybrid')")
    print(f"{'lang':5} {'queries':>7} {'R@1':>6} {'MRR':>6} {'p50 ms':>7} {'p99 ms':>7}")
    queries = load_queries()
    searcher.query(queries[0][2], "hybrid")  # loads the models and the vectors: not part of a query's latency
    for lang in ("en", "ru", "ko"):
        sel = [q for q in queries if q[1] == lang][:per_lang]
        r1 = mrr = 0.0
        times = []
        for target, _, text in sel:
            t0 = time.perf_counter()
            hits = [h["id"] for h in searcher.query(text, "hybrid", limit=10, facets=False)["hits"]]
            times.append(time.perf_counter() - t0)
            if f"sib-{target}" in hits:
                rank = hits.index(f"sib-{target}") + 1
                r1 += rank == 1
                mrr += 1 / rank
        print(f"{lang:5} {len(sel):7d} {r1 / len(sel):6.3f} {mrr / len(sel):6.3f} "
              f"{1000 * percentile(times, 50):7.0f} {1000 * percentile(times, 99):7.0f}")
    searcher.close()


def scale(shared: Path, n_articles: int, steps: list[str], tmp: Path) -> None:
    from habar.search.search import Searcher
    from habar.search.vectors import VectorSync
    from habar.store.ingest import ingest

    sentences = kaznerd_sentences(shared)
    rng = random.Random(13)
    articles = []
    for n in range(n_articles):
        body = rng.sample(sentences, SENTENCES_PER_ARTICLE)
        articles.append(Article(id=f"a{n}", raw="\n\n".join(body[1:]), title=body[0][:120], lang="kk",
                                source="bench", published=f"20{10 + n % 12}-0{1 + n % 9}-01"))
    words = sum(len(a.raw.split()) + len(a.title.split()) for a in articles)
    db = tmp / "scale"
    t0 = time.perf_counter()
    ingest(articles, db, Options(workers=1, vectors=False, progress=False), steps=steps)
    t_ingest = time.perf_counter() - t0
    from habar.store import Store

    with Store(db) as store:
        sync = VectorSync(db)
        t0 = time.perf_counter()
        sync.sync(store, save_seconds=float("inf"))
        t_vec = time.perf_counter() - t0
        sync.save()
    index = sync.index
    print(f"\nscale store: {n_articles} articles, {words} words, steps {','.join(steps) or 'none'}; ingest "
          f"{t_ingest:.0f} s, vectors {t_vec:.0f} s ({words / t_vec:.0f} words/s, in the ingest's main process)")
    print(f"memory: {index.bytes_per_article():.0f} bytes of vectors per article in memory "
          f"({len(index) / n_articles:.1f} int8 rows of {index.dim} + scale, owner id, slot); "
          f"vectors.npz {sync.path.stat().st_size / n_articles:.0f} bytes per article on disk")
    vocab = [w for s in sentences[:2000] for w in s.split() if len(w) > 5 and w.isalpha()]
    kk = rng.sample(sorted(set(vocab)), 40)
    dev = load_queries()
    foreign = [q[2] for q in dev if q[1] == "en"][:10] + [q[2] for q in dev if q[1] == "ko"][:10]
    searcher = Searcher(db)
    searcher.query(kk[0], "hybrid")  # loads the models and the vectors
    rows = [("lexical", "kk words", kk), ("hybrid", "kk words", kk), ("hybrid", "en+ko sentences", foreign)]
    print(f"{'mode':8} {'queries':16} {'n':>3} {'p50 ms':>7} {'p99 ms':>7}")
    for mode, name, qs in rows:
        times = []
        for q in qs:
            t0 = time.perf_counter()
            searcher.query(q, mode)
            times.append(time.perf_counter() - t0)
        print(f"{mode:8} {name:16} {len(qs):3d} {1000 * percentile(times, 50):7.0f} "
              f"{1000 * percentile(times, 99):7.0f}")
    searcher.close()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=Options().shared_data)
    ap.add_argument("--articles", type=int, default=5000, help="articles in the scale store")
    ap.add_argument("--per-lang", type=int, default=25, help="dev queries per language")
    ap.add_argument("--steps", default=None, help="pipeline of the scale store, comma-separated [default: the "
                    "default pipeline up to morph: the lemmas BM25 needs, without NER, facts and topics]")
    ap.add_argument("--skip-quality", action="store_true")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="habar-semsearch-") as tmp:
        try:
            if not args.skip_quality:
                quality(args.shared, args.per_lang, Path(tmp))
            if args.steps is None:
                from habar.steps import default_pipeline

                names = [st.name for st in default_pipeline(Options()).steps]
                steps = names[: names.index("morph") + 1]
            else:
                steps = [s for s in args.steps.split(",") if s]
            scale(args.shared, args.articles, steps, Path(tmp))
        except FileNotFoundError as exc:
            print(f"semantic_search: skipped, {exc}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
