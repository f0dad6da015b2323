"""Parquet shards: one partition's analysed articles, one row per article, written once and read back as Records.

A row holds every Record field the store needs (the blobs exactly as the local ingest makes them, so a shard
loads into SQLite or PostgreSQL unchanged) and the analysis as structured columns that any Parquet reader
(pandas, DuckDB, Spark) can query without habar: the clean `text`, `sentences`, `tokens`, `entities`
(mentions with offsets), `names` (one per distinct entity, as the store keeps them) and `facts`. These structs
are laid out as in `habar export --format parquet` (docs/export.md), so one query reads both.

A shard is finished when its done marker exists: the Parquet file is renamed into place first, then the marker,
each from a temporary file, so a kill at any moment leaves either no marker or a complete shard.
"""

from __future__ import annotations

import json
import os
from dataclasses import fields
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from habar.store.records import Record, decode_article

# the Record's text and blob fields, whatever they are: a field added to Record travels without a change here
_STRING_FIELDS = tuple(f.name for f in fields(Record) if f.type in ("str", str))
_BINARY_FIELDS = tuple(f.name for f in fields(Record) if str(f.type).startswith(("bytes", "<class 'bytes'>")))
_I32 = pa.int32()

SCHEMA = pa.schema(
    [(f, pa.string()) for f in _STRING_FIELDS]
    + [(f, pa.binary()) for f in _BINARY_FIELDS]
    + [
        ("length", pa.int64()),
        ("quality", pa.list_(pa.string())),
        ("text", pa.string()),
        ("sentences", pa.list_(pa.struct([("start", _I32), ("end", _I32)]))),
        ("tokens", pa.list_(pa.struct([("start", _I32), ("end", _I32), ("text", pa.string()), ("kind", pa.string()),
                                       ("lemma", pa.string()), ("upos", pa.string()), ("feats", pa.string())]))),
        # value is any JSON value (a number, a date string, a range), so it is kept as JSON text
        ("entities", pa.list_(pa.struct([("label", pa.string()), ("start", _I32), ("end", _I32),
                                         ("text", pa.string()), ("norm", pa.string()), ("value", pa.string()),
                                         ("group", _I32)]))),
        ("names", pa.list_(pa.struct([("label", pa.string()), ("norm", pa.string()), ("key", pa.string()),
                                      ("mentions", _I32), ("first", _I32)]))),
        ("facts", pa.list_(pa.struct([("kind", pa.string()), ("start", _I32), ("end", _I32),
                                      ("args", pa.string())]))),  # args as JSON text, as the store keeps them
    ])


def _row(rec: Record) -> dict:
    row = {f: getattr(rec, f) for f in _STRING_FIELDS + _BINARY_FIELDS}
    article = decode_article(row)  # the annotations exactly as Store.get will return them
    row.update(
        length=rec.length, quality=list(rec.quality), text=article.text,
        sentences=[{"start": s.start, "end": s.end} for s in article.sentences],
        tokens=[{"text": t.text, "start": t.start, "end": t.end, "kind": t.kind, "lemma": t.lemma, "upos": t.upos,
                 "feats": t.feats} for t in article.tokens],
        entities=[{"text": e.text, "label": e.label, "start": e.start, "end": e.end, "norm": e.norm,
                   "value": json.dumps(e.value, ensure_ascii=False), "group": e.group} for e in article.entities],
        names=[dict(zip(("label", "norm", "key", "mentions", "first"), n)) for n in rec.entities],
        facts=[dict(zip(("kind", "start", "end", "args"), f)) for f in rec.facts],
    )
    return row


def to_parquet(records: list[Record]) -> bytes:
    """The shard file's bytes, made where the records were analysed and sent back whole."""
    table = pa.Table.from_pylist([_row(r) for r in records], schema=SCHEMA)
    sink = pa.BufferOutputStream()
    pq.write_table(table, sink, compression="zstd")
    return sink.getvalue().to_pybytes()


def from_parquet(path: Path) -> list[Record]:
    """The Records of a shard, as the local ingest would hand them to the writer."""
    # a shard from an older habar lacks the Record fields added since; they have defaults
    have = set(pq.read_schema(path).names)
    table = pq.read_table(path, columns=[c for c in (*_STRING_FIELDS, *_BINARY_FIELDS, "length", "quality", "names",
                                                     "facts") if c in have])
    out = []
    for row in table.to_pylist():
        names = [(n["label"], n["norm"], n["key"], n["mentions"], n["first"]) for n in row.pop("names")]
        facts = [(f["kind"], f["start"], f["end"], f["args"]) for f in row.pop("facts")]
        row["quality"] = tuple(row["quality"])
        out.append(Record(**row, entities=names, facts=facts))
    return out


def paths(shard_dir: Path, name: str) -> tuple[Path, Path]:
    return shard_dir / f"{name}.parquet", shard_dir / f"{name}.done"


def _replace(path: Path, data: bytes) -> None:
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    with open(tmp, "wb") as f:
        f.write(data)
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, path)  # atomic on one file system: readers see the old file or the whole new one


def write(shard_dir: Path, name: str, data: bytes, marker: dict) -> None:
    """The shard, then its done marker (JSON: articles, rows, failed id -> reason)."""
    parquet, done = paths(shard_dir, name)
    shard_dir.mkdir(parents=True, exist_ok=True)
    _replace(parquet, data)
    _replace(done, json.dumps(marker, ensure_ascii=False).encode())


def done(shard_dir: Path, name: str) -> dict | None:
    """The marker of a finished shard, or None when it must be (re)made."""
    parquet, marker = paths(shard_dir, name)
    if not (marker.exists() and parquet.exists()):
        return None
    return json.loads(marker.read_text(encoding="utf-8"))
