"""What the Dask tests share: the corpus both engines read, and the annotations compared between stores."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from habar.options import Options

ROOT = Path(__file__).resolve().parents[2]


def corpus_paths() -> list[str]:
    """The sample corpus, and the two scraped seed articles when ../shared/seeds is present."""
    shared = Options().shared_data
    seeds = (shared if shared.is_absolute() else ROOT / shared) / ".." / "seeds"
    return [str(ROOT / "data" / "sample" / "corpus.jsonl"), *map(str, sorted(seeds.glob("*.txt")))]


def read_corpus(options: Options) -> list:
    from habar.cli.common import read_articles

    failures: Counter = Counter()
    articles = list(read_articles(corpus_paths(), options, failures))
    assert not failures, failures
    return articles


def annotations(db: Path | str) -> dict[str, tuple]:
    """id -> everything Store.get gives back of an article: text, metadata and every annotation layer; `db` is a
    data directory or a PostgreSQL URL."""
    from dataclasses import astuple

    from habar.store.backend import open_store

    with open_store(db, create=False) as store:
        out = {}
        for article_id in sorted(a.id for a in store.iter_articles()):
            a = store.get(article_id)
            out[article_id] = (a.title, a.lang, a.source, a.published, a.text, a.meta,
                               [astuple(s) for s in a.sentences], [astuple(t) for t in a.tokens],
                               [astuple(e) for e in a.entities], [astuple(f) for f in a.facts])
        return out


def id_counts(db: Path | str) -> Counter:
    """How many rows each article id has in the store: 1 for every article stored exactly once."""
    from habar.store.backend import open_store

    with open_store(db, create=False) as store:
        return Counter(a.id for a in store.iter_articles())
