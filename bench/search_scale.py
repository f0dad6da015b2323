"""Search at scale: ingest throughput, store and index size, query latency, peak memory.

`python -m bench.search_scale [--n 1000000] [--compose] [--real 5000] [--workers 2] [--queries 1000]
[--shared ../shared/data] [--db DIR] [--pg]` (`make bench-scale`; not part of `make bench` or CI)

The articles are generated at run time from real Kazakh sentences (KazNERD and SIB-200), shuffled into articles of
10 to 40 sentences, and never written to the repo. Without --compose they all go through the full default
pipeline into a fresh store (a temporary directory unless --db is given). With --compose (what a million-article
run needs: full analysis of a million articles takes about a day of CPU here), each distinct sentence is analysed
once by the real pipeline and the articles are composed from those analyses (bench.search_compose says exactly
how), then written through the real ingest Writer (store and index); ingest throughput with full analysis is then
measured on `--real` articles analysed whole, in a store of their own, in the same run. Then 1,000 mixed queries
(words, two-word queries, phrases, exclusions, source/date/entity filters, 2021-Latin words) run with facets and
snippets, as `habar search` runs them. With --pg (and --compose), the same composed articles are written into
PostgreSQL in the same pass, and the same queries run on both backends.
"""

from __future__ import annotations

import argparse
import atexit
import os
import random
import re
import resource
import shutil
import statistics
import tempfile
import time
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")

ROOT = Path(__file__).resolve().parents[1]
_NO_SPACE_BEFORE = re.compile(r" ([,.:;!?»)%])")
_NO_SPACE_AFTER = re.compile(r"([«(]) ")


def kaznerd(path: Path) -> tuple[list[str], list[str]]:
    """Sentences (detokenized) and the PERSON/GPE/ORGANISATION names in them."""
    sentences, names, words, span = [], [], [], []
    for line in path.read_text(encoding="utf-8").splitlines() + [""]:
        if not line.strip():
            if words:
                sentences.append(_NO_SPACE_AFTER.sub(r"\1", _NO_SPACE_BEFORE.sub(r"\1", " ".join(words))))
            words = []
            continue
        token, tag = line.rsplit(" ", 1)
        words.append(token)
        if tag.startswith("B-") and tag[2:] in ("PERSON", "GPE", "ORGANISATION"):
            span = [token]
            names.append(span)
        elif tag.startswith("I-") and span:
            span.append(token)
        else:
            span = []
    return sentences, [" ".join(n) for n in names]


def sib(folder: Path) -> list[str]:
    out = []
    for name in ("train.tsv", "dev.tsv"):
        lines = (folder / name).read_text(encoding="utf-8").splitlines()[1:]
        out += [line.split("\t", 2)[2] for line in lines if line.count("\t") >= 2]
    return out


def articles(sentences: list[str], n: int, seed: int = 7):
    from habar.document import Article

    rng = random.Random(seed)
    sources = [f"source{i:02d}.kz" for i in range(20)]
    for i in range(n):
        body = rng.sample(sentences, rng.randint(10, 40))
        title = " ".join(body[0].split()[:8])
        day = rng.randrange(365 * 10)
        published = time.strftime("%Y-%m-%d", time.gmtime(1420070400 + day * 86400))
        yield Article(id=f"gen-{i}", raw="\n".join(body), title=title, source=rng.choice(sources),
                      url=f"https://example.kz/gen/{i}", published=published, lang="kk")


def make_queries(sentences: list[str], names: list[str], n: int, seed: int = 11) -> list[str]:
    from habar.text.translit import to_latin

    rng = random.Random(seed)
    words = [w for s in sentences for w in re.findall(r"\w{4,}", s)]
    out = []
    for i in range(n):
        kind = i % 8
        w1, w2 = rng.choice(words), rng.choice(words)
        if kind == 0:
            out.append(w1)
        elif kind == 1:
            out.append(f"{w1} {w2}")
        elif kind == 2:
            seq = re.findall(r"\w+", rng.choice(sentences))
            j = rng.randrange(max(1, len(seq) - 1))
            out.append(f'"{" ".join(seq[j:j + 2])}"')
        elif kind == 3:
            out.append(f"{w1} -{w2}")
        elif kind == 4:
            out.append(f"{w1} source:source{rng.randrange(20):02d}.kz")
        elif kind == 5:
            y = rng.randrange(2015, 2024)
            out.append(f"{w1} date:{y}-01..{y}-06")
        elif kind == 6:
            out.append(f'entity:"{rng.choice(names)}"')
        else:
            out.append(to_latin(w1))
    return out


def du(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def where_bytes_go(db: Path, articles_count: int) -> str:
    """Bytes per article by SQLite table or index (SQLite's dbstat, pages included) and by index file kind."""
    import sqlite3
    from collections import Counter

    conn = sqlite3.connect(f"file:{db / 'habar.sqlite'}?mode=ro", uri=True)
    try:
        tables = conn.execute("SELECT name, sum(pgsize) FROM dbstat GROUP BY name ORDER BY 2 DESC").fetchall()
        columns = conn.execute("SELECT sum(length(raw)), sum(length(terms)), sum(length(spans)), sum(length(meta)), "
                               "sum(length(changes)) FROM articles").fetchone()
    except sqlite3.OperationalError as exc:  # an SQLite built without dbstat
        return f"(no per-table sizes: {exc})"
    finally:
        conn.close()
    kinds: Counter = Counter()
    for f in (db / "index").iterdir():
        kinds[f.suffix.lstrip(".")] += f.stat().st_size
    per = lambda n: f"{(n or 0) / max(1, articles_count):.0f}"  # noqa: E731
    return ("bytes per article, SQLite: " + ", ".join(f"{name} {per(n)}" for name, n in tables if n >= 20 * articles_count)
            + "; articles columns: " + ", ".join(f"{c} {per(n)}" for c, n in zip(
                ("raw", "terms", "spans", "meta", "changes"), columns))
            + "; tantivy: " + ", ".join(f"{k} {per(n)}" for k, n in kinds.most_common() if n >= 20 * articles_count))


def time_queries(searcher, queries: list[str], label: str, cut_ms: float | None = None) -> None:
    """Two passes over the queries, top 10 with facets and snippets, as `habar search` runs them."""
    # pass 1: the analyzer meets most query words for the first time (morphology on cold words);
    # pass 2: the same queries again, as a long-running service that has seen them answers them
    # wall time is what a user waits; CPU time (this process: the search runs in the calling thread) is what
    # the query costs, and it does not grow when other jobs load the machine (PostgreSQL's own CPU is not in it)
    for rnd in ("first pass", "second pass"):
        times, cpu, totals, cut = [], [], [], 0
        for q in queries:
            t, c = time.perf_counter(), time.process_time()
            try:
                result = searcher.search(q, limit=10)
                times.append((time.perf_counter() - t) * 1000)
            except Exception as exc:  # a query PostgreSQL cancelled at --pg-timeout: counted at that time
                if cut_ms is None or "statement timeout" not in str(exc):
                    raise
                result, cut = {"total": 0}, cut + 1  # autocommit: nothing to roll back
                times.append(max((time.perf_counter() - t) * 1000, cut_ms))
            cpu.append((time.process_time() - c) * 1000)
            totals.append(result["total"])
        p = lambda xs, f: sorted(xs)[min(len(xs) - 1, int(f * len(xs)))]  # noqa: E731
        print(f"queries, {label}{rnd}: {len(queries)} mixed, top 10 with facets and snippets: p50 {p(times, 0.5):.1f} "
              f"ms, p99 {p(times, 0.99):.1f} ms, mean {statistics.mean(times):.1f} ms (CPU p50 {p(cpu, 0.5):.1f} ms, "
              f"p99 {p(cpu, 0.99):.1f} ms); {sum(1 for x in totals if x)} of {len(totals)} found something; "
              f"median hit count {p(totals, 0.5)}"
              + (f"; {cut} cancelled at the {cut_ms / 1000:.0f} s statement timeout (counted at it)" if cut else ""),
              flush=True)


def main(argv: list[str] | None = None) -> None:
    from habar.options import Options
    from habar.search.search import Searcher
    from habar.store import Store
    from habar.store.ingest import ingest

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=1_000_000, help="articles to generate")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--queries", type=int, default=1000)
    ap.add_argument("--shared", type=Path, default=None, help="default: Options().shared_data")
    ap.add_argument("--db", type=Path, default=None, help="keep the store here (default: a temporary directory)")
    ap.add_argument("--skip-steps", default="", help="comma-separated default steps to leave out, e.g. topics")
    ap.add_argument("--compose", action="store_true",
                    help="analyse each distinct sentence once and compose the articles (bench.search_compose)")
    ap.add_argument("--real", type=int, default=5000,
                    help="with --compose: articles ingested with full analysis to measure throughput (0: none)")
    ap.add_argument("--stop-after", type=float, default=None,
                    help="with --compose: stop writing after this many seconds and measure the store as it is")
    ap.add_argument("--pg", action="store_true",
                    help="with --compose: write the same articles into PostgreSQL too (a private server kept in "
                         "DB.pg, started and stopped by scripts/postgres.sh) and run the same queries on it")
    ap.add_argument("--pg-timeout", type=float, default=None,
                    help="with --pg: cancel a PostgreSQL query after this many seconds and count it at that time")
    ap.add_argument("--measure-only", action="store_true",
                    help="measure the store at --db as it is (size with --compose, queries); build nothing")
    args = ap.parse_args(argv)
    shared = args.shared or Options().shared_data
    shared = shared if shared.is_absolute() else ROOT / shared
    sentences, names = kaznerd(shared / "kaznerd" / "IOB2_valid.txt")
    sentences += sib(shared / "sib200_kaz")
    sentences = list(dict.fromkeys(sentences))  # distinct: a composed article must not repeat an analysis twice
    db = args.db or Path(tempfile.mkdtemp(prefix="habar-scale-"))
    print(f"{len(sentences)} distinct sentences; {args.n} articles of 10-40 sentences; {args.workers} workers; "
          f"store {db}", flush=True)

    from habar.steps import default_pipeline

    options = Options(workers=args.workers, progress=False)
    skip = {x for x in args.skip_steps.split(",") if x}
    steps = [st.name for st in default_pipeline(options).steps if st.name not in skip]
    pg_dir, pg_url = db.parent / f"{db.name}.pg", ""
    if args.pg:
        from bench import pg_search

        _, pg_url = pg_search.start_server(pg_dir)
        # stopped by its PID file however the run ends (unless already stopped and removed, below)
        atexit.register(lambda: pg_dir.exists() and pg_search.stop_server(pg_dir))
    if args.measure_only:  # a store built by an earlier run (--db): its size and queries only
        from bench import search_compose

        with Store(db, create=False) as store:
            stored = store.count()
        raw_bytes = search_compose.raw_size(sentences, stored) if args.compose else 0
        print(f"measuring the existing store {db}: {stored} articles", flush=True)
    elif args.compose:
        from bench import search_compose

        if args.real:
            real_db = Path(tempfile.mkdtemp(prefix="habar-scale-real-"))
            t0 = time.perf_counter()
            counts = ingest(articles(sentences, args.real, seed=99), real_db, options, steps=steps)
            took = time.perf_counter() - t0
            print(f"ingest with full analysis (articles analysed whole, own store): {dict(counts)} in {took:.1f} s "
                  f"= {args.real / took:.1f} articles/s; steps: {','.join(steps)}", flush=True)
            shutil.rmtree(real_db, ignore_errors=True)
        done = search_compose.build(db, sentences, args.n, steps, args.workers,
                                    progress=lambda m: print(m, flush=True), stop_after=args.stop_after,
                                    also=(pg_url,) if pg_url else ())
        if done["stored"] < args.n:
            print(f"writing stopped after --stop-after {args.stop_after:.0f} s: the store holds the first "
                  f"{done['stored']} of the {args.n} planned articles; every figure below is for those", flush=True)
        raw_bytes = search_compose.raw_size(sentences, done["stored"])
        print(f"composed store: {done['sentences']} sentences analysed once in {done['analyse_s']:.0f} s; "
              f"{done['written']} composed articles written through the ingest Writer in {done['write_s']:.0f} s "
              f"= {done['written'] / max(done['write_s'], 1e-9):.0f} articles/s (composition, records, store, "
              f"index; NOT full analysis); outcomes {done['counts']}", flush=True)
    else:
        raw_bytes = 0

        def counted(items):
            nonlocal raw_bytes
            for a in items:
                raw_bytes += len(a.raw.encode()) + len(a.title.encode())
                yield a

        t0 = time.perf_counter()
        counts = ingest(counted(articles(sentences, args.n)), db, options, steps=steps)
        took = time.perf_counter() - t0
        print(f"ingest: {dict(counts)} in {took:.1f} s = {args.n / took:.1f} articles/s; steps: {','.join(steps)}")
    store_size, index_size = du(db) - du(db / "index"), du(db / "index")
    if raw_bytes:
        print(f"raw text {raw_bytes / 1e6:.1f} MB; store {store_size / 1e6:.1f} MB + index {index_size / 1e6:.1f} MB "
              f"= {(store_size + index_size) / raw_bytes:.2f}x the raw text", flush=True)
    with Store(db, create=False) as store:
        print(where_bytes_go(db, store.count()), flush=True)

    queries = make_queries(sentences, names, args.queries)
    searcher = Searcher(db)
    time_queries(searcher, queries, "")
    me = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"peak memory: main process {me:.0f} MB, largest worker {kids:.0f} MB")
    searcher.close()
    if pg_url:
        from habar.pg.search import PgSearcher

        searcher = PgSearcher(pg_url)
        size = searcher.store.conn.execute("SELECT pg_database_size(current_database())").fetchone()[0]
        print(f"PostgreSQL ({searcher.index_kind.upper()}) with the same articles: {searcher.store.count()} articles, "
              f"database {size / 1e6:.0f} MB", flush=True)
        if args.pg_timeout:
            searcher.store.conn.raw.execute(f"SET statement_timeout = {int(args.pg_timeout * 1000)}")
        time_queries(searcher, queries, "PostgreSQL, ", args.pg_timeout * 1000 if args.pg_timeout else None)
        searcher.close()
    if args.db is None:
        shutil.rmtree(db, ignore_errors=True)
        db.parent.joinpath(f"{db.name}.sentences.pickle").unlink(missing_ok=True)  # bench.search_compose's cache
        if args.pg:
            pg_search.stop_server(pg_dir)
            shutil.rmtree(pg_dir, ignore_errors=True)


if __name__ == "__main__":
    main()
