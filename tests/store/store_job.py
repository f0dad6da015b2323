"""A long ingest for the crash and concurrency tests, run as a subprocess: `python store_job.py DB N WORKERS`.

Articles are generated from a few hand-written Kazakh sentences; article i always has the same text, so a
re-run sees the same input. Each text carries the word "нөмір<i>" once, so every article is findable alone.
"""

from __future__ import annotations

import sys

from habar.document import Article
from habar.options import Options
from habar.store.ingest import ingest

SENTENCES = [
    "Үкімет отырысында жаңа бағдарлама талқыланды.",
    "Ауыл шаруашылығы министрлігі егін жинау науқаны туралы хабарлады.",
    "Алматыда қар жауып, жолдар тайғақ болды.",
    "Мектеп оқушылары халықаралық олимпиадада жүлделі орын алды.",
    "Елордада жаңа саябақ ашылды.",
]


def article(i: int) -> Article:
    body = " ".join(SENTENCES[(i + k) % len(SENTENCES)] for k in range(3))
    return Article(id=f"job-{i}", raw=f"{body} Хабар нөмір{i}.", title=f"Жаңалық {i}", source=f"s{i % 3}.kz",
                   published=f"2020-{1 + i % 12:02d}-01", lang="kk")


def main() -> None:
    db, n, workers = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    commit = float(sys.argv[4]) if len(sys.argv) > 4 else 10.0
    counts = ingest((article(i) for i in range(n)), db, Options(workers=workers), steps=[], commit_seconds=commit)
    print(dict(counts))


if __name__ == "__main__":
    main()
