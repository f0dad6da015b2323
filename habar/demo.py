"""`make demo`: the main job on the bundled sample corpus (plus the seeds in ../shared/seeds when present)."""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

from habar.cli.analyze import article_text
from habar.cli.common import read_articles
from habar.options import Options
from habar.steps import default_pipeline

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "data" / "sample"


def demo_inputs(options: Options) -> list[str]:
    inputs = [str(SAMPLE)]
    seeds = options.shared_data.parent / "seeds"
    if seeds.is_dir():
        inputs.append(str(seeds))
    return inputs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--limit", type=int, default=0, help="show only the first N articles")
    args = parser.parse_args()
    options = Options()
    pipeline = default_pipeline(options)
    print(f"habar demo: steps {', '.join(s.name for s in pipeline.steps)}; inputs {', '.join(demo_inputs(options))}\n")
    failures: Counter = Counter()
    shown = 0
    for article in pipeline.run(read_articles(demo_inputs(options), options, failures)):
        if args.limit and shown >= args.limit:
            continue
        print(article_text(article))
        shown += 1
    print(f"habar demo: {pipeline.stats['ok']} articles analysed; failures: {dict(failures) or 'none'}")


if __name__ == "__main__":
    main()
