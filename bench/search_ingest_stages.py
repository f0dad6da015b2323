"""Where an ingest spends its CPU: per pipeline step and per store stage, in one process, per article.

`python -m bench.search_ingest_stages [--n 600] [--warm 0] [--shared ../shared/data]`

Articles are generated as bench.search_scale makes them (KazNERD and SIB-200 sentences, 10-40 an article). The
worker side runs each step of the default pipeline, the title analysis, the lemma alternatives and the record
encoding (habar.store.records.to_record, in the embedded store's forms) one article at a time; the writer side
stores the records in batches and feeds the index (habar.store.ingest.Writer). Times are CPU seconds of this
process (time.process_time), so they do not grow when other jobs load the machine; caches warm up over the run, as
in a long ingest, or first on --warm other articles (a worker of a 20,000-article ingest analyses 10,000).
"""

from __future__ import annotations

import argparse
import os
import shutil
import tempfile
import time
from collections import defaultdict
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")

ROOT = Path(__file__).resolve().parents[1]


def main(argv: list[str] | None = None) -> None:
    from bench.search_scale import articles, kaznerd, sib
    from habar.options import Options
    from habar.store import ingest, records

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=600, help="articles")
    ap.add_argument("--warm", type=int, default=0, help="articles analysed first, not counted (other ones)")
    ap.add_argument("--shared", type=Path, default=None, help="default: Options().shared_data")
    args = ap.parse_args(argv)
    shared = args.shared or Options().shared_data
    shared = shared if shared.is_absolute() else ROOT / shared
    sentences, _ = kaznerd(shared / "kaznerd" / "IOB2_valid.txt")
    sentences += sib(shared / "sib200_kaz")
    ingest._init(Options(workers=1, progress=False), None, portable=False)  # as `habar ingest` into SQLite
    pipeline, analyzer = ingest._pipeline, ingest._analyzer
    for article in articles(sentences, args.warm, seed=3):
        ingest.analyse(article)
    cpu: dict[str, float] = defaultdict(float)
    recs = []
    started = time.process_time()
    for article in articles(sentences, args.n):
        key = records.content_key(article)
        for step in pipeline.steps:
            t = time.process_time()
            article = step(article)
            cpu["step " + step.name] += time.process_time() - t
        t = time.process_time()
        title = [term for term, _, _, _ in analyzer.analyse_text(article.title)]
        cpu["title terms"] += time.process_time() - t
        t = time.process_time()
        alts = analyzer.alternatives(article.tokens)
        cpu["lemma alternatives"] += time.process_time() - t
        t = time.process_time()
        recs.append(records.to_record(article, ingest.signature(pipeline), alts, title, key, portable=False))
        cpu["record encoding"] += time.process_time() - t
    total = time.process_time() - started
    print(f"worker: {args.n} articles, {1000 * total / args.n:.1f} ms CPU an article")
    for name, seconds in sorted(cpu.items(), key=lambda kv: -kv[1]):
        print(f"  {name:28} {1000 * seconds / args.n:7.2f} ms")
    db = Path(tempfile.mkdtemp(prefix="habar-stages-"))
    try:
        started = time.process_time()
        writer = ingest.Writer(db)
        stages: dict[str, float] = defaultdict(float)
        for i in range(0, len(recs), ingest.BATCH):
            t = time.process_time()
            writer.store.write(recs[i:i + ingest.BATCH])
            stages["store write (SQLite)"] += time.process_time() - t
            t = time.process_time()
            writer.index.sync(writer.store)
            stages["index documents (tantivy)"] += time.process_time() - t
        t = time.process_time()
        writer.close()
        stages["index commit, checkpoint"] += time.process_time() - t
        total = time.process_time() - started
        print(f"writer: {1000 * total / args.n:.2f} ms CPU an article")
        for name, seconds in stages.items():
            print(f"  {name:28} {1000 * seconds / args.n:7.2f} ms")
    finally:
        shutil.rmtree(db, ignore_errors=True)


if __name__ == "__main__":
    main()
