"""Train the topic model on SIB-200 Kazakh (train.tsv), report dev accuracy, write habar/data/topics/.

    .venv/bin/python scripts/train_topics.py [--shared ../shared/data] [--out habar/data/topics]

Called by `make models`. Embedding the 800 sentences with e5 takes one to two minutes on one core.
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
from habar.topics.features import embed  # noqa: E402
from habar.topics.model import MODEL_DIR, train  # noqa: E402


def read_split(path: Path) -> tuple[list[str], list[str]]:
    if not path.exists():
        raise SystemExit(f"{path} is missing; pass --shared pointing at the shared data folder (with sib200_kaz/)")
    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    if not rows or not {"category", "text"} <= set(rows[0]):
        raise SystemExit(f"{path}:1: expected a header with 'category' and 'text' columns")
    return [r["text"] for r in rows], [r["category"] for r in rows]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--shared", type=Path, default=None, help="shared data folder (default: Options)")
    parser.add_argument("--out", type=Path, default=MODEL_DIR)
    args = parser.parse_args()
    shared = args.shared or Options().shared_data
    shared = shared if shared.is_absolute() else ROOT / shared
    train_x, train_y = read_split(shared / "sib200_kaz" / "train.tsv")
    dev_x, dev_y = read_split(shared / "sib200_kaz" / "dev.tsv")
    started = time.time()
    train_v, dev_v = embed(train_x), embed(dev_x)
    print(f"embedded {len(train_x) + len(dev_x)} sentences in {time.time() - started:.0f}s")
    model = train(train_x, train_y, train_v)
    truth = np.array([model.labels.index(y) for y in dev_y])
    nb = model.nb_scores(dev_x).argmax(axis=1)
    lr = model.lr_log_proba(dev_v).argmax(axis=1)
    both = model.scores(dev_x, dev_v).argmax(axis=1)
    print(f"SIB-200 dev ({len(dev_x)} sentences) accuracy: combined {np.mean(both == truth):.3f}, "
          f"e5 regression {np.mean(lr == truth):.3f}, naive Bayes {np.mean(nb == truth):.3f}")
    model.save(args.out)
    size = sum(p.stat().st_size for p in args.out.iterdir())
    print(f"wrote {args.out} ({size / 1024:.0f} KiB, {len(model.vocab)} features, labels {', '.join(model.labels)})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
