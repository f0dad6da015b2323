"""`make demo`: the main job on the bundled sample corpus (plus the seeds in ../shared/seeds when present).

It ingests the articles into the store (idempotent: a second run only checks them), prints a few searches that
show what habar does, then serves the web UI on 127.0.0.1:8000 until interrupted.
"""

from __future__ import annotations

import argparse
import re
from collections import Counter
from html import unescape
from pathlib import Path

from habar.cli.common import progress, read_articles
from habar.options import Options

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "data" / "sample"
# Each shows one thing: inflected forms, a Latin-script query, an entity filter, a phrase.
QUERIES = ["меморандум", "jasandy intellekt", 'entity:"Қасым-Жомарт Тоқаев"', '"ұлттық кластер"']


def demo_inputs(options: Options) -> list[str]:
    seeds = options.shared_data.parent / "seeds"
    return [str(SAMPLE)] + ([str(seeds)] if seeds.is_dir() else [])


def show_searches(data_dir: Path) -> None:
    from habar.search.search import Searcher

    searcher = Searcher(data_dir)
    try:
        for q in QUERIES:
            result = searcher.search(q, limit=3)
            print(f"\n$ habar search '{q}'   -> {result['total']} articles")
            for hit in result["hits"]:
                snippet = unescape(re.sub(r"</?mark>", "*", hit["snippet"]))
                print(f"  {hit['headline'] or hit['id']}  [{hit['source']} {hit['published']}]\n    {snippet[:160]}")
    finally:
        searcher.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--no-serve", action="store_true", help="ingest and show the searches, then stop")
    args = parser.parse_args()
    options = Options()
    from habar.store.ingest import ingest

    print(f"habar demo: ingesting {', '.join(demo_inputs(options))} into {options.data_dir}/")
    failures: Counter = Counter()
    counts = ingest(read_articles(demo_inputs(options), options, failures), options.data_dir, options,
                    progress=lambda it: progress(it, options, "ingest"))
    counts.update(failures)
    print("habar demo: " + ", ".join(f"{n} {k}" for k, n in counts.most_common()))
    show_searches(options.data_dir)
    if args.no_serve:
        return
    import uvicorn

    from habar.web.app import create_app

    app = create_app(options, options.data_dir)
    print(f"\nhabar demo: open http://{args.host}:{args.port}/  (Ctrl-C stops it)", flush=True)
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning")


if __name__ == "__main__":
    main()
