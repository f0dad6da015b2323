"""Topic model figures: SIB-200 dev accuracy of the shipped cascade and of its fast part alone, the share of texts
that go to e5, and the CPU time per article of the topics step.

Articles for timing are ~300-word texts made by joining SIB-200 dev sentences (shuffled, fixed seed): the timing
needs realistic Kazakh words, not labels. The fast path is timed warm (after one pass over a different set of
articles, as in a long ingest) and cold (first sight of every word); the cascade is timed on the same articles, so its
average includes e5 on the title and lead of the articles the fast path is unsure of. Cross-validated figures and the
teacher's come from scripts/train_topics.py.
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
from habar.topics.features import lead, teacher_embed
from habar.topics.model import MODEL_DIR, TopicModel

ROOT = Path(__file__).resolve().parent.parent
ARTICLE_WORDS = 300


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
    started = time.process_time()  # CPU time: other jobs on the machine do not count
    for t in texts:
        run(t)
    return 1000 * (time.process_time() - started) / len(texts)


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
    fast = m.mix(nb, lr)
    acc = lambda p: float(np.mean(p.argmax(axis=1) == truth))  # noqa: E731
    shipped = np.array([m.labels.index(label) for label, _ in m.predict(texts)])
    print(f"SIB-200 dev, {len(rows)} sentences: shipped cascade {float(np.mean(shipped == truth)):.3f} "
          f"(e5 on {m.unsure(fast).mean():.0%}); fast part alone {acc(fast):.3f} (NB {acc(nb):.3f}, "
          f"static regression {acc(lr):.3f})")

    cold_model = TopicModel.load(MODEL_DIR)  # empty word caches
    warm_up, timed = articles(texts, 200, seed=1), articles(texts, 200, seed=2)
    cold = per_article_ms(timed[:50], lambda t: cold_model.predict([t], precise=False))
    for t in warm_up:
        step(Article(id="w", raw="", text=t))  # warms the word caches and loads e5
    warm = per_article_ms(timed, lambda t: m.predict([t], precise=False))
    e5_share = float(m.unsure(m.scores(timed)).mean())
    cascade = per_article_ms(timed, lambda t: step(Article(id="b", raw="", text=t)))
    e5 = per_article_ms(timed[:20], lambda t: teacher_embed([lead(t)]))
    print(f"topics step, {ARTICLE_WORDS}-word article: fast path {warm:.2f} ms warm, {cold:.2f} ms cold caches; "
          f"e5 on the {len(lead(timed[0]))}-character lead {e5:.0f} ms; the step as shipped {cascade:.1f} ms "
          f"on average (e5 on {e5_share:.0%} of these articles)")


if __name__ == "__main__":
    main()
