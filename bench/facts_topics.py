"""Topic model figures: SIB-200 dev accuracy of the shipped model and its parts, and the time per article of the
topics step against the former path (e5 over the first 600 characters), measured in the same run.

Articles for timing are ~300-word texts made by joining SIB-200 dev sentences (shuffled, fixed seed): the timing
needs realistic Kazakh words, not labels. The cached-word path is timed warm (after one pass over a different set of
articles, as in a long ingest) and cold (first sight of every word).
"""

from __future__ import annotations

import csv
import random
import time
from pathlib import Path

import numpy as np

from habar.document import Article
from habar.options import Options
from habar.topics import model, step
from habar.topics.features import teacher_embed
from habar.topics.model import MODEL_DIR, TopicModel

ROOT = Path(__file__).resolve().parent.parent
ARTICLE_WORDS = 300
TEACHER_ARTICLES = 10  # e5 costs a quarter of a second or more per article: a few give the figure


def articles(sentences: list[str], n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        words: list[str] = []
        while len(words) < ARTICLE_WORDS:
            words.extend(rng.choice(sentences).split())
        out.append(" ".join(words[:ARTICLE_WORDS]))
    return out


def per_article_ms(texts: list[str], run) -> float:
    started = time.perf_counter()
    for t in texts:
        run(t)
    return 1000 * (time.perf_counter() - started) / len(texts)


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
    nb, lr = m.nb_scores(texts), m.lr_log_proba(texts)
    acc = lambda p: float(np.mean(p.argmax(axis=1) == truth))  # noqa: E731
    print(f"SIB-200 dev, {len(rows)} sentences: accuracy {acc(m.mix(nb, lr)):.3f} shipped model "
          f"(NB {acc(nb):.3f}, static regression {acc(lr):.3f}); teacher and 5-fold CV: scripts/train_topics.py")

    cold_model = TopicModel.load(MODEL_DIR)  # empty word caches
    warm_up, timed = articles(texts, 200, seed=1), articles(texts, 200, seed=2)
    cold = per_article_ms(timed[:50], lambda t: cold_model.predict([t]))
    for t in warm_up:
        step(Article(id="w", raw="", text=t))
    warm = per_article_ms(timed, lambda t: step(Article(id="b", raw="", text=t)))
    teacher_embed(timed[:1])  # load the e5 weights outside the timing
    old = per_article_ms(timed[:TEACHER_ARTICLES], lambda t: teacher_embed([t]))
    print(f"topics step, {ARTICLE_WORDS}-word article: {warm:.2f} ms warm, {cold:.2f} ms cold caches; "
          f"former path (e5 over {600} chars): {old:.0f} ms ({old / warm:.0f}x slower)")


if __name__ == "__main__":
    main()
