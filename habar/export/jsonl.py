"""JSON Lines: one whole Article per line (`Article.to_json`), lossless, and its reader for `habar ingest`.

The plain JSONL reader (habar.ingest.jsonl) takes `text` as the body a reader received. An exported line is more:
`raw`, the `changes` that made `text` from it, and every annotation. `read_articles_jsonl`, registered for
files named *.articles.jsonl, restores such lines as they were, and reads any other line as the plain reader
does. `habar ingest FILE.articles.jsonl --steps ''` then stores exactly the articles that were exported.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import fields
from pathlib import Path
from typing import Iterable, Iterator

from habar.document import Article, Change, Entity, Fact, Sentence, Token
from habar.export import tally
from habar.export.sink import open_text
from habar.ingest.jsonl import article_from_record, read_lines
from habar.ingest.source import ReadError, Source
from habar.options import Options
from habar.text import offsets

_STRINGS = ("id", "raw", "text", "title", "source", "url", "published", "lang")
_FIELDS = {cls: [f.name for f in fields(cls)] for cls in (Article, Sentence, Token, Entity, Fact, Change)}


def article_dict(article: Article) -> dict:
    """`article.to_dict()` without its deep copy (dataclasses.asdict), which took 2/3 of an export's time:
    serialising needs no copy."""
    out = {}
    for name in _FIELDS[Article]:
        value = getattr(article, name)
        if isinstance(value, list):
            value = [{n: getattr(x, n) for n in _FIELDS[type(x)]} for x in value]
        out[name] = value
    return out


def write_jsonl(articles: Iterable[Article], out: Path | None) -> Counter:
    counts: Counter = Counter()
    dumps = json.JSONEncoder(ensure_ascii=False).encode  # the separators of Article.to_json
    with open_text(out, errors="backslashreplace") as fh:  # a lone surrogate stays the "\udXXX" escape it was
        for article in articles:
            fh.write(dumps(article_dict(article)) + "\n")
            tally(counts, article)
    return counts


def _spans(article: Article) -> Iterator[tuple[str, int, int, int]]:
    for name in ("sentences", "tokens", "entities", "facts"):
        for i, item in enumerate(getattr(article, name)):
            yield name, i, item.start, item.end


def article_from_export(obj: dict) -> Article:
    """The Article of one exported object; ValueError naming what is inconsistent."""
    for name in _STRINGS:
        if not isinstance(obj.get(name, ""), str):
            raise ValueError(f'"{name}" is not a string')
    try:
        article = Article.from_dict(obj)
    except TypeError as exc:  # an annotation object with missing or unknown keys
        raise ValueError(f"an annotation does not fit the document model ({exc})") from None
    if offsets.apply(article.raw, article.changes) != article.text:
        raise ValueError('"text" does not follow from "raw" and "changes"')
    for name, i, start, end in _spans(article):
        if not 0 <= start <= end <= len(article.text):
            raise ValueError(f"{name}[{i}] spans {start}..{end}, outside the text's {len(article.text)} characters")
    return article


def _parse(src: Source, lineno: int, line: str, encoding: str) -> Article | ReadError | None:
    if not line.strip():
        return None
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        return src.error(f"invalid JSON ({exc.msg} at column {exc.colno}); fix the line or export it again",
                         "invalid_json", lineno)
    if not (isinstance(obj, dict) and "raw" in obj):  # an article as a reader would give it: the plain reader's way
        return article_from_record(obj, src, lineno, "jsonl", encoding)
    try:
        return article_from_export(obj)
    except ValueError as exc:
        return src.error(f"not a whole habar article: {exc}; export it again with `habar export --format jsonl` "
                         'or drop "raw" to read the line as new text', "bad_field", lineno)


def read_articles_jsonl(src: Source, options: Options) -> Iterator[Article | ReadError]:
    """Exported articles, one per line, read line by line (memory-bounded)."""
    return read_lines(src, options, _parse, "export again or remove the file")
