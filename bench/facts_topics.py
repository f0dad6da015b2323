"""Topic model figures: SIB-200 dev accuracy of the shipped cascade and of its fast part alone, the share of texts
that go to e5, what reading only an article's head costs in accuracy, and the CPU time per article of the topics step.

`python -m bench.facts_topics`

Head check: the fast model reads the first features.HEAD_WORDS tokens of a text (title and lead). SIB-200 sentences
are shorter, so it cannot show on dev; here articles of 8-16 dev sentences of one label (fixed seed) are scored on
their first 80 / 100 / 120 words and whole. Every sentence carries the topic equally in them, unlike news, which
states it up front, so the loss measured is an upper bound for news.

Timing is CPU time per article (time.process_time: other jobs on the machine do not count), on articles composed as
bench.search_scale composes them (10-40 KazNERD and SIB sentences, ~300 words): after 150 articles, as a short
pipeline profile measures it (many words still seen for the first time, each ~0.1 ms), after 3,000 (a long ingest),
and the first 50 articles on a model with empty word caches. e5 is timed separately on the 160-character lead that the
cascade sends it for unsure short texts. Cross-validated figures and the teacher's come from scripts/train_topics.py.
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
from habar.topics.features import HEAD_WORDS, head_words, lead, teacher_embed
from habar.topics.model import MODEL_DIR, TopicModel

ROOT = Path(__file__).resolve().parent.parent
HEAD_CHECK = (80, 100, 120)


def same_label_articles(texts: list[str], labels: list[str], n: int, seed: int = 0) -> tuple[list[str], list[str]]:
    """n articles, each 8-16 distinct sentences of one label (fewer when the label has fewer)."""
    by_label: dict[str, list[str]] = {}
    for text, label in zip(texts, labels):
        by_label.setdefault(label, []).append(text)
    rng = random.Random(seed)
    out, gold = [], []
    for _ in range(n):
        label = rng.choice(sorted(by_label))
        pool = by_label[label]
        out.append(" ".join(rng.sample(pool, min(len(pool), rng.randint(8, 16)))))
        gold.append(label)
    return out, gold


def per_article_ms(items: list, run) -> float:
    started = time.process_time()
    for item in items:
        run(item)
    return 1000 * (time.process_time() - started) / len(items)


def composed_articles(shared: Path, n: int) -> list[Article]:
    from bench.search_scale import articles, kaznerd, sib

    sentences, _ = kaznerd(shared / "kaznerd" / "IOB2_valid.txt")
    return list(articles(list(dict.fromkeys(sentences + sib(shared / "sib200_kaz"))), n, seed=99))


def main() -> None:
    shared = Options().shared_data
    shared = shared if shared.is_absolute() else ROOT / shared
    path = shared / "sib200_kaz" / "dev.tsv"
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
    acc = lambda p, gold=truth: float(np.mean(p.argmax(axis=1) == gold))  # noqa: E731
    shipped = np.array([m.labels.index(label) for label, _ in m.predict(texts)])
    print(f"SIB-200 dev, {len(rows)} sentences: shipped cascade {float(np.mean(shipped == truth)):.3f} "
          f"(e5 on {m.unsure(fast).mean():.0%}); fast part alone {acc(fast):.3f} (NB {acc(nb):.3f}, "
          f"static regression {acc(lr):.3f}); longest sentence {max(len(t.split()) for t in texts)} words, "
          f"the fast model reads {HEAD_WORDS}")

    long_texts, long_labels = same_label_articles(texts, [r["category"] for r in rows], 700)
    gold = np.array([m.labels.index(label) for label in long_labels])
    figures = []
    for limit in (*HEAD_CHECK, None):
        cut = [head_words(t, limit) for t in long_texts] if limit else long_texts
        figures.append(f"{acc(m.mix(m.nb_scores(cut), m.lr_log_proba(cut)), gold):.3f} "
                       f"({limit or 'all'}{' shipped' if limit == HEAD_WORDS else ''})")
    print(f"fast model on {len(long_texts)} articles of 8-16 dev sentences of one label "
          f"({np.mean([len(t.split()) for t in long_texts]):.0f} words on average), reading the first N words: "
          + ", ".join(figures))

    news = composed_articles(shared, 3400)
    cold_model = TopicModel.load(MODEL_DIR)  # empty word caches (the static embedder's own cache is shared)
    cold = per_article_ms(news[:50], lambda a: cold_model.predict([f"{a.title}\n{a.raw}"], precise=False))
    per_article_ms(news[:150], step)
    early = per_article_ms(news[150:400], step)
    per_article_ms(news[400:3000], step)
    late = per_article_ms(news[3000:], step)
    again = per_article_ms(news[3000:], step)
    e5 = per_article_ms([f"{a.title}\n{a.raw}" for a in news[:20]], lambda t: teacher_embed([lead(t)]))
    words = np.mean([len(a.raw.split()) for a in news])
    print(f"topics step, KazNERD-composed articles ({words:.0f} words): {early:.2f} ms after 150 articles, "
          f"{late:.2f} ms after 3,000, {again:.2f} ms on articles seen before, {cold:.2f} ms on empty caches; "
          f"e5 on a 160-character lead (short texts only, HABAR_TOPIC_E5=short) {e5:.0f} ms")


if __name__ == "__main__":
    main()
