"""Exports for the next engine up: the analysed store as JSON Lines, Parquet, CoNLL-U or an OpenSearch bulk file.

FORMATS maps a format to its writer, "module:function", imported only when used (pyarrow costs nothing until a
Parquet export runs). A writer is `write(articles, out, **options) -> Counter`: it streams `articles` to `out`
(a Path, or None for stdout where the format is text) and counts what it wrote. `select` picks the articles
of one language or source from a store's stream.
"""

from __future__ import annotations

import importlib
from collections import Counter
from pathlib import Path
from typing import Callable, Iterable, Iterator

from habar.document import Article

FORMATS: dict[str, str] = {
    "jsonl": "habar.export.jsonl:write_jsonl",
    "parquet": "habar.export.parquet:write_parquet",
    "conllu": "habar.export.conllu:write_conllu",
    "opensearch": "habar.export.opensearch:write_bulk",
}

# the file each format goes to without --out; `habar ingest` reads *.articles.jsonl back as whole articles
DEFAULT_OUT: dict[str, Path] = {
    "jsonl": Path("habar.articles.jsonl"),
    "parquet": Path("habar.parquet"),
    "conllu": Path("habar.conllu"),
    "opensearch": Path("habar.bulk.ndjson"),
}

def writer(fmt: str) -> Callable[..., Counter]:
    module, _, name = FORMATS[fmt].partition(":")
    return getattr(importlib.import_module(module), name)


def select(articles: Iterable[Article], lang: str | None = None, source: str | None = None) -> Iterator[Article]:
    """The articles of one language and/or source (exact match; None: any)."""
    for a in articles:
        if (lang is None or a.lang == lang) and (source is None or a.source == source):
            yield a


def tally(counts: Counter, article: Article) -> None:
    """Count an exported article and its annotations, for the report."""
    counts["articles"] += 1
    counts["sentences"] += len(article.sentences)
    counts["tokens"] += len(article.tokens)
    counts["entities"] += len(article.entities)
    counts["facts"] += len(article.facts)
