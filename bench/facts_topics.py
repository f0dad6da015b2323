"""Topic model figures: SIB-200 dev accuracy (combined, e5 regression, naive Bayes) and time per sentence."""

from __future__ import annotations

import csv
import time
from pathlib import Path

import numpy as np

from habar.options import Options
from habar.topics import model
from habar.topics.features import embed

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    shared = Options().shared_data
    path = (shared if shared.is_absolute() else ROOT / shared) / "sib200_kaz" / "dev.tsv"
    if not path.exists():
        print(f"skipped: {path} not found")
        return
    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    m = model()
    texts = [r["text"] for r in rows]
    truth = np.array([m.labels.index(r["category"]) for r in rows])
    t0 = time.perf_counter()
    vectors = embed(texts)
    seconds = time.perf_counter() - t0
    combined = m.scores(texts, vectors).argmax(axis=1)
    print(f"SIB-200 dev, {len(rows)} sentences: accuracy {np.mean(combined == truth):.3f} combined, "
          f"{np.mean(m.lr_log_proba(vectors).argmax(axis=1) == truth):.3f} e5 regression, "
          f"{np.mean(m.nb_scores(texts).argmax(axis=1) == truth):.3f} naive Bayes")
    print(f"e5 embedding: {1000 * seconds / len(rows):.0f} ms/sentence")


if __name__ == "__main__":
    main()
