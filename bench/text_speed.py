"""Speed of the Kazakh text layer: normalise + repair_artefacts + segment + tokenize, in MB/s of UTF-8 per core.

Texts: the KazNERD validation sentences (tokens re-joined into running text, 20 sentences an article) and the
two seed articles (repeated to 1 MB, each one processed as an article). One process, one core; the best of
three runs, timed in CPU seconds of this process (the machine is shared, so wall time would measure the
neighbours). Quality figures are in bench/text_quality.py.
"""

from __future__ import annotations

import argparse
import os
import time
from pathlib import Path

from habar.options import Options
from habar.text.normalise import normalise
from habar.text.segment import repair_artefacts, segment
from habar.text.tokenize import tokenize

ROOT = Path(__file__).resolve().parents[1]
NO_SPACE_BEFORE = set(",.!?:;)»%")
NO_SPACE_AFTER = set("(«")


def shared_dir() -> Path:
    shared = Options().shared_data
    return shared if shared.is_absolute() else (ROOT / shared).resolve()


def kaznerd_articles(path: Path, per_article: int = 20) -> list[str]:
    """Running text from the IOB2 file: tokens joined with Kazakh spacing, sentences grouped into articles."""
    sentences, words = [], []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            if words:
                sentences.append(_join(words))
                words = []
            continue
        words.append(line.split(" ")[0])
    if words:
        sentences.append(_join(words))
    return [" ".join(sentences[i:i + per_article]) for i in range(0, len(sentences), per_article)]


def _join(words: list[str]) -> str:
    out = ""
    for w in words:
        if out and w not in NO_SPACE_BEFORE and out[-1] not in NO_SPACE_AFTER:
            out += " "
        out += w
    return out


def run(articles: list[str]) -> dict[str, float]:
    """Seconds per stage over all articles."""
    t = {"normalise": 0.0, "repair": 0.0, "segment": 0.0, "tokenize": 0.0}
    for raw in articles:
        t0 = time.process_time()
        text, _ = normalise(raw)
        t1 = time.process_time()
        text, _ = repair_artefacts(text)
        t2 = time.process_time()
        sentences = segment(text)
        t3 = time.process_time()
        for s in sentences:
            tokenize(text, s.start, s.end)
        t4 = time.process_time()
        t["normalise"] += t1 - t0
        t["repair"] += t2 - t1
        t["segment"] += t3 - t2
        t["tokenize"] += t4 - t3
    return t


def report(name: str, articles: list[str]) -> None:
    mb = sum(len(a.encode("utf-8")) for a in articles) / 1e6
    run(articles[:5])  # warm up: the morphology's lexicon, if installed, loads here
    best = min((run(articles) for _ in range(3)), key=lambda t: sum(t.values()))
    total = sum(best.values())
    stages = ", ".join(f"{k} {mb / v:.2f}" for k, v in best.items() if v)
    print(f"{name}: {mb:.2f} MB in {len(articles)} articles; all stages {mb / total:.2f} MB/s ({stages} MB/s)")


def main() -> None:
    argparse.ArgumentParser(description=__doc__).parse_args()
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    shared = shared_dir()
    kaznerd = shared / "kaznerd" / "IOB2_valid.txt"
    if kaznerd.exists():
        report("KazNERD valid text", kaznerd_articles(kaznerd))
    else:
        print(f"KazNERD: skipped, {kaznerd} is absent")
    seeds = sorted((shared.parent / "seeds").glob("*.txt"))
    if seeds:
        texts = [p.read_text(encoding="utf-8") for p in seeds]
        size = sum(len(t.encode("utf-8")) for t in texts)
        report("seed articles x" + str(1_000_000 // size + 1), texts * (1_000_000 // size + 1))
    else:
        print("seeds: skipped, none found")


if __name__ == "__main__":
    main()
