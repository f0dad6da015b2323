"""Parquet: one row per article, the annotations as structured columns (schema in docs/export.md).

Rows are written in row groups of ROW_GROUP articles, so memory stays bounded however large the store is.
The file is lossless: `read_parquet` gives back the exported Articles. Values of any JSON shape (an entity's
machine-readable value, a fact's arguments, the article's meta) are JSON text columns, because Parquet needs one
type per column and these differ from row to row.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from datetime import date, datetime
from pathlib import Path
from typing import Iterable, Iterator

from habar.document import Article, Change, Entity, Fact, Sentence, Token
from habar.export import tally
from habar.export.sink import ExportError, atomic_path

try:
    import pyarrow as pa
    import pyarrow.parquet as pq
except ImportError:  # checked when a Parquet export starts, with the fix in the message
    pa = pq = None

_SURROGATE = re.compile("[\ud800-\udfff]")
ROW_GROUP = 500  # articles per row group: about 10 MB of Kazakh news with its annotations

INSTALL = "install it with `pip install pyarrow==26.0.1` (it is in habar's dependencies)"


def _struct(*fields: tuple[str, object]):
    return pa.list_(pa.struct(list(fields)))


def schema():
    s, i32 = pa.string(), pa.int32()
    return pa.schema([
        ("id", s), ("title", s), ("source", s), ("url", s),
        ("published", s), ("date", pa.date32()), ("lang", s),
        ("raw", s), ("text", s),
        ("changes", _struct(("raw_start", i32), ("raw_end", i32), ("new", s), ("reason", s))),
        ("sentences", _struct(("start", i32), ("end", i32))),
        ("tokens", _struct(("start", i32), ("end", i32), ("text", s), ("kind", s), ("lemma", s), ("upos", s),
                           ("feats", s))),
        ("entities", _struct(("label", s), ("start", i32), ("end", i32), ("text", s), ("norm", s),
                             ("value", s), ("group", i32))),
        ("facts", _struct(("kind", s), ("start", i32), ("end", i32), ("args", s))),
        ("meta", s),
    ], metadata={"habar": "articles, schema 1 (docs/export.md)"})


def _json(value) -> str:
    return json.dumps(value, ensure_ascii=False)


def _day(published: str) -> date | None:
    """The calendar day of `published` as written (its own time zone); None when unknown or not ISO 8601."""
    try:
        return datetime.fromisoformat(published).date() if published else None
    except ValueError:
        return None


def article_row(a: Article) -> dict:
    return {
        "id": a.id, "title": a.title, "source": a.source, "url": a.url, "published": a.published,
        "date": _day(a.published), "lang": a.lang, "raw": a.raw, "text": a.text,
        "changes": [{"raw_start": c.raw_start, "raw_end": c.raw_end, "new": c.new, "reason": c.reason}
                    for c in a.changes],
        "sentences": [{"start": x.start, "end": x.end} for x in a.sentences],
        "tokens": [{"start": t.start, "end": t.end, "text": t.text, "kind": t.kind, "lemma": t.lemma, "upos": t.upos,
                    "feats": t.feats} for t in a.tokens],
        "entities": [{"label": e.label, "start": e.start, "end": e.end, "text": e.text, "norm": e.norm,
                      "value": None if e.value is None else _json(e.value), "group": e.group} for e in a.entities],
        "facts": [{"kind": f.kind, "start": f.start, "end": f.end, "args": _json(f.args)} for f in a.facts],
        "meta": _json(a.meta),
    }


def row_article(row: dict) -> Article:
    """The Article of a row as `article_row` wrote it."""
    return Article(
        id=row["id"], raw=row["raw"], text=row["text"], title=row["title"], source=row["source"], url=row["url"],
        published=row["published"], lang=row["lang"],
        changes=[Change(**c) for c in row["changes"]],
        sentences=[Sentence(**x) for x in row["sentences"]],
        tokens=[Token(**t) for t in row["tokens"]],
        entities=[Entity(**{**e, "value": None if e["value"] is None else json.loads(e["value"])})
                  for e in row["entities"]],
        facts=[Fact(f["kind"], f["start"], f["end"], json.loads(f["args"])) for f in row["facts"]],
        meta=json.loads(row["meta"]))


def _scrub(value):
    """`value` with lone surrogates replaced by U+FFFD: Parquet strings must be valid UTF-8 (offsets keep)."""
    if isinstance(value, str):
        return _SURROGATE.sub("\ufffd", value)
    if isinstance(value, list):
        return [_scrub(v) for v in value]
    if isinstance(value, dict):
        return {k: _scrub(v) for k, v in value.items()}
    return value


def _table(rows: list[dict], sch):
    try:
        return pa.Table.from_pylist(rows, schema=sch)
    except (UnicodeEncodeError, pa.ArrowInvalid) as exc:
        if "surrogate" not in str(exc):
            raise
        return pa.Table.from_pylist(_scrub(rows), schema=sch)


def require_pyarrow() -> None:
    if pa is None:
        raise ExportError(f"pyarrow is not installed, and Parquet needs it; {INSTALL}")


def write_parquet(articles: Iterable[Article], out: Path | None) -> Counter:
    require_pyarrow()
    if out is None:
        raise ExportError("Parquet is binary and cannot go to stdout; give a file with --out")
    counts: Counter = Counter()
    sch = schema()
    with atomic_path(out) as tmp:
        try:
            writer = pq.ParquetWriter(tmp, sch, compression="zstd")
        except OSError as exc:
            raise ExportError(f"{out}: cannot write ({exc}); check the directory's permissions or choose "
                              "another --out") from None
        with writer:
            rows: list[dict] = []
            for article in articles:
                rows.append(article_row(article))
                tally(counts, article)
                if len(rows) == ROW_GROUP:
                    writer.write_table(_table(rows, sch))
                    rows = []
            if rows or not counts["articles"]:  # an empty export is still a file with the schema
                writer.write_table(_table(rows, sch))
    return counts


def read_parquet(path: str | Path, batch: int = ROW_GROUP) -> Iterator[Article]:
    """The Articles of an exported Parquet file, `batch` rows at a time."""
    require_pyarrow()
    for record_batch in pq.ParquetFile(path).iter_batches(batch_size=batch):
        for row in record_batch.to_pylist():
            yield row_article(row)
