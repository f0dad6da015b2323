"""PostgreSQL against the embedded store (SQLite + tantivy): load throughput and search latency, in one run.

`python -m bench.pg_search [--n 20000] [--unique 1000] [--queries 500] [--url postgresql://...]`

Articles are generated as bench/search_scale.py generates them (KazNERD and SIB-200 sentences, never written to the
repo). `--unique` of them go through the real pipeline (all steps but topics) once; the N records loaded are those
analysed records under N ids, with their own URL, source and date, so that both stores hold the same N analysed
articles without analysing N (the pipeline, not the store, is the slow part; bench/search_scale.py measures it).
Each copy counts as its own article (its text hash is made unique), so a query matches N / unique times more
articles than it would in the unique set. Then the same mixed queries (search_scale.make_queries: words, two
words, phrases, exclusions, source/date/entity filters, Latin spellings) run on both, top 10 with facets and
snippets, twice; the second pass is reported. Without --url a private server is started with scripts/postgres.sh
in a temporary directory on 127.0.0.1 and stopped at the end.
"""

from __future__ import annotations

import argparse
import dataclasses
import multiprocessing
import os
import random
import shutil
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")

from bench.search_scale import ROOT, articles, du, kaznerd, make_queries, sib  # noqa: E402

SCRIPT = ROOT / "scripts" / "postgres.sh"


def analyse_all(items: list, workers: int, steps: list[str]):
    from habar.options import Options
    from habar.store import ingest as ing

    options = Options(workers=workers, progress=False)
    with multiprocessing.get_context("fork").Pool(workers, ing._init, (options, steps)) as pool:
        return [r for r in pool.imap(ing.analyse, items, chunksize=8) if not isinstance(r, tuple)]


def copies(records: list, n: int, seed: int = 5):
    """`n` records: the analysed ones under new ids, URLs, sources and dates."""
    from habar.store.records import sha1

    rng = random.Random(seed)
    for i in range(n):
        rec = records[i % len(records)]
        day = rng.randrange(365 * 10)
        yield dataclasses.replace(
            rec, id=f"pg-{i}", url=f"https://example.kz/pg/{i}", source=f"source{rng.randrange(20):02d}.kz",
            published=time.strftime("%Y-%m-%d", time.gmtime(1420070400 + day * 86400)),
            text_hash=sha1(f"{rec.text_hash}:{i}"), content_hash=sha1(f"{rec.content_hash}:{i}"))


def load(writer, records) -> float:
    t = time.perf_counter()
    for rec in records:
        writer.add(rec)
    writer.close()
    return time.perf_counter() - t


def latency(searcher, queries: list[str]) -> tuple[list[float], int]:
    """Milliseconds per query (second pass), and how many queries found something."""
    for _ in range(2):
        times, found = [], 0
        for q in queries:
            t = time.perf_counter()
            result = searcher.search(q, limit=10)
            times.append((time.perf_counter() - t) * 1000)
            found += bool(result["total"])
    return sorted(times), found


def pct(times: list[float], f: float) -> float:
    return times[min(len(times) - 1, int(f * len(times)))]


def start_server(folder: Path | None = None) -> tuple[Path, str]:
    """A private server in `folder` (kept: a later run resumes on it) or in a new temporary directory."""
    folder = folder or Path(tempfile.mkdtemp(prefix="habar-pg-bench-"))
    port = str(random.Random().randrange(20000, 32000))
    out = subprocess.run(["bash", str(SCRIPT), "start", str(folder), port], capture_output=True, text=True, check=True)
    return folder, out.stdout.strip()


def stop_server(folder: Path) -> None:
    subprocess.run(["bash", str(SCRIPT), "stop", str(folder)], check=False)


def main(argv: list[str] | None = None) -> None:
    from habar.options import Options
    from habar.pg.schema import create_search_index
    from habar.pg.search import PgSearcher
    from habar.pg.store import PgWriter
    from habar.search.search import Searcher
    from habar.steps import default_pipeline
    from habar.store.ingest import Writer

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=20_000, help="articles loaded into each store")
    ap.add_argument("--unique", type=int, default=1000, help="articles analysed by the pipeline")
    ap.add_argument("--workers", type=int, default=2, help="analysis processes")
    ap.add_argument("--queries", type=int, default=500)
    ap.add_argument("--shared", type=Path, default=None, help="default: Options().shared_data")
    ap.add_argument("--url", default=None, help="an empty PostgreSQL database (default: a private server)")
    ap.add_argument("--index", choices=["best", "gin"], default="best",
                    help="the lemma index: RUM when the server has it (best), or GIN")
    args = ap.parse_args(argv)
    shared = args.shared or Options().shared_data
    shared = shared if shared.is_absolute() else ROOT / shared
    sentences, names = kaznerd(shared / "kaznerd" / "IOB2_valid.txt")
    sentences += sib(shared / "sib200_kaz")
    steps = [st.name for st in default_pipeline(Options()).steps if st.name != "topics"]

    t = time.perf_counter()
    records = analyse_all(list(articles(sentences, args.unique)), args.workers, steps)
    print(f"analysed {len(records)} articles in {time.perf_counter() - t:.1f} s ({args.workers} workers); "
          f"loading {args.n} into each store")
    folder, url = (None, args.url) if args.url else start_server()
    db = Path(tempfile.mkdtemp(prefix="habar-pg-bench-embedded-"))
    try:
        took = load(Writer(db), copies(records, args.n))
        print(f"load, embedded (SQLite + tantivy, one writer): {args.n / took:.0f} articles/s; "
              f"{du(db) / 1e6:.0f} MB on disk")
        writer = PgWriter(url)
        if args.index == "gin":
            with writer.store.conn.raw.transaction():
                create_search_index(writer.store.conn.raw, "gin")
        took = load(writer, copies(records, args.n))
        pg = PgSearcher(url)
        size = pg.store.conn.execute("SELECT pg_database_size(current_database())").fetchone()[0]
        print(f"load, PostgreSQL (COPY + merge, one writer, {pg.index_kind.upper()} index): "
              f"{args.n / took:.0f} articles/s; database {size / 1e6:.0f} MB")
        queries = make_queries(sentences, names, args.queries)
        embedded = Searcher(db)
        for label, searcher in (("embedded", embedded), (f"PostgreSQL ({pg.index_kind.upper()})", pg)):
            times, found = latency(searcher, queries)
            print(f"search, {label}: {len(queries)} mixed queries, top 10 with facets and snippets: "
                  f"p50 {pct(times, 0.5):.1f} ms, p99 {pct(times, 0.99):.1f} ms, mean {statistics.mean(times):.1f} ms; "
                  f"{found} found something")
            searcher.close()
    finally:
        shutil.rmtree(db, ignore_errors=True)
        if folder is not None:
            stop_server(folder)
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
