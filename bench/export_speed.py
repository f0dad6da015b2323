"""`habar export` speed and memory per format, on a store of the sample corpus repeated to REPEAT x 30 articles.

The sample corpus (data/sample/corpus.jsonl) is analysed once with the full pipeline; its articles are then
stored REPEAT times under new ids (a number appended to the text, so that they are not duplicates) with no
steps. Each format is exported in its own process, once with a third of the store and once with all of it:
the peak RSS of the two should be about the same, since every writer streams. Figures: articles per second
(wall and CPU), peak RSS, and bytes per article of the 30 distinct articles (the copies would flatter
Parquet's compression).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from itertools import islice
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "data" / "sample" / "corpus.jsonl"
REPEAT = 40
FORMATS = ("jsonl", "parquet", "conllu", "opensearch")


def build(db: Path) -> int:
    from habar.document import Article
    from habar.ingest.readers import read_paths
    from habar.options import Options
    from habar.store.ingest import ingest
    from habar.store.store import Store

    first = db / "analysed"
    ingest((a for a in read_paths([CORPUS], Options()) if isinstance(a, Article)), first, Options(workers=1))
    with Store(first, create=False) as store:
        base = list(store.iter_articles())

    def copies():
        for n in range(REPEAT):
            for a in base:
                c = Article.from_json(a.to_json())
                c.id, c.url, c.raw, c.text = f"{a.id}-{n}", f"{a.url}?copy={n}", f"{a.raw} {n}", f"{a.text} {n}"
                yield c
    ingest(copies(), db / "store", Options(workers=1), steps=[])
    return len(base) * REPEAT


def one(fmt: str, db: Path, limit: int | None, out: Path) -> dict:
    """Export (at most `limit` articles) in this process; time, size and peak RSS."""
    from habar.export import writer
    from habar.store.store import Store

    with Store(db, create=False) as store:
        t0, c0 = time.perf_counter(), time.process_time()
        counts = writer(fmt)(islice(store.iter_articles(), limit), out)
        wall, cpu = time.perf_counter() - t0, time.process_time() - c0
    size = out.stat().st_size
    return {"articles": counts["articles"], "wall": wall, "cpu": cpu, "bytes": size,
            "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


def walk(db: Path) -> tuple[int, float]:
    from habar.store.store import Store

    with Store(db, create=False) as store:
        c0 = time.process_time()
        n = sum(1 for _ in store.iter_articles())
        return n, time.process_time() - c0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--one", choices=FORMATS, help=argparse.SUPPRESS)
    parser.add_argument("--db", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--limit", type=int, default=None, help=argparse.SUPPRESS)
    parser.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(one(args.one, args.db, args.limit, args.out)))
        return
    env = dict(os.environ, OMP_NUM_THREADS="1", HABAR_PROGRESS="0")
    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        total = build(tmp_path)
        db = tmp_path / "store"
        n, cpu = walk(db)
        print(f"store: {n} articles ({REPEAT} x the sample corpus); decoding walk (iter_articles): "
              f"{n / cpu:,.0f} articles/s CPU")
        print("| format | articles | articles/s (wall) | articles/s (CPU) | bytes/article | peak RSS, 1/3 -> all |")
        print("|---|---|---|---|---|---|")
        for fmt in FORMATS:
            runs = []
            for limit in (total // 3, total):
                out = tmp_path / f"out-{limit}.{fmt}"
                cmd = [sys.executable, "-m", "bench.export_speed", "--one", fmt, "--db", str(db), "--limit",
                       str(limit), "--out", str(out)]
                runs.append(json.loads(subprocess.run(cmd, cwd=ROOT, env=env, check=True, capture_output=True,
                                                      text=True).stdout))
            small, full = runs
            distinct = one(fmt, tmp_path / "analysed", None, tmp_path / f"distinct.{fmt}")
            print(f"| {fmt} | {full['articles']} | {full['articles'] / full['wall']:,.0f} | "
                  f"{full['articles'] / full['cpu']:,.0f} | {distinct['bytes'] / distinct['articles']:,.0f} | "
                  f"{small['rss_mb']:.0f} MB -> {full['rss_mb']:.0f} MB |")


if __name__ == "__main__":
    main()
