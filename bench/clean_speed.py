"""Speed of cleaning + language identification (articles/s on one core) and of MinHash clustering (100k).

Synthetic articles are built at run time from KazNERD sentences (../shared/data, never stored): a title line,
the title repeated, 8-14 sentences in paragraphs, a byline and a Telegram footer, so that every step has work.
For clustering, a tenth of the articles are edited copies of others (a sentence dropped, one added).
Usage: python -m bench.clean_speed [--articles 3000] [--cluster 100000]
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import time
from pathlib import Path

from habar.clean import clean_article
from habar.clean.dedup import Deduper
from habar.document import Article
from habar.options import Options

FOOTER = "\n\nTelegram арнамызға жазылыңыз!\nЖазылу\nМатериалды көшіріп басқанда сайтқа гиперсілтеме міндетті\n"


def kaznerd_sentences(shared: Path) -> list[str]:
    path = shared / "kaznerd" / "IOB2_valid.txt"
    out, words = [], []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            if words:
                out.append(" ".join(words).replace(" ,", ",").replace(" .", "."))
            words = []
        else:
            words.append(line.split()[0])
    return out


def article(rng: random.Random, sents: list[str], n: int) -> Article:
    body = rng.sample(sents, rng.randint(8, 14))
    title = body[0][:80].rstrip(".")
    paras = ["\n".join(body[i:i + 3]) for i in range(1, len(body), 3)]
    raw = f"{title}\n\n" + "\n\n".join(paras[:1] + [title] + paras[1:]) + "\n\nҚұралай Құдайберген" + FOOTER
    return Article(id=f"a{n}", raw=raw, text=raw, title=title, source=f"s{n % 7}", published=f"2024-01-{n % 28 + 1:02d}")


def bench_clean(sents: list[str], n: int) -> None:
    rng = random.Random(1)
    arts = [article(rng, sents, i) for i in range(n)]
    t0 = time.process_time()
    for a in arts:
        clean_article(a)
    cpu = time.process_time() - t0
    kk = sum(a.lang == "kk" for a in arts)
    print(f"clean + langid: {n} articles in {cpu:.2f} s CPU = {n / cpu:,.0f} articles/s per core "
          f"({kk} identified as kk)")


def bench_cluster(sents: list[str], n: int) -> None:
    rng = random.Random(2)
    texts: list[str] = []
    copy_of: dict[int, int] = {}
    for i in range(n):
        if i > 10 and rng.random() < 0.1:  # an edited copy of an earlier article
            copy_of[i] = rng.randrange(len(texts))
            base = texts[copy_of[i]].split("\n")
            base.pop(rng.randrange(len(base)))
            texts.append("\n".join(base + [rng.choice(sents)]))
        else:
            texts.append("\n".join(rng.sample(sents, rng.randint(6, 12))))
    d = Deduper()
    t0, c0 = time.perf_counter(), time.process_time()
    for i, t in enumerate(texts):
        d.add(Article(id=f"c{i}", raw=t, text=t, published=f"2024-01-{i % 28 + 1:02d}"))
    clusters = d.clusters()
    wall, cpu = time.perf_counter() - t0, time.process_time() - c0
    group = {m: canon for canon, members in clusters.items() for m in members}
    found = sum(1 for c, src in copy_of.items() if group.get(f"c{c}", c) == group.get(f"c{src}", src))
    print(f"MinHash LSH clustering: {n:,} articles in {cpu:.1f} s CPU on one core ({wall:.1f} s wall); "
          f"{len(clusters):,} clusters, {len(d.exact):,} exact duplicates; "
          f"{found:,} of {len(copy_of):,} edited copies clustered with their original")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=3000)
    ap.add_argument("--cluster", type=int, default=100_000)
    args = ap.parse_args()
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    shared = Options().shared_data
    if not (shared / "kaznerd" / "IOB2_valid.txt").exists():
        print(f"skipped: KazNERD not found under {shared}; set HABAR_SHARED_DATA", file=sys.stderr)
        return
    sents = kaznerd_sentences(shared)
    bench_clean(sents, args.articles)
    if args.cluster:
        bench_cluster(sents, args.cluster)


if __name__ == "__main__":
    main()
