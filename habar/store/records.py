"""An analysed Article as the values of a store row, and back.

Annotations are kept as columnar JSON (one list per attribute) compressed with zlib: repeated tags and steadily
growing offsets compress several times better that way than as a list of objects, which keeps the store small.
A token's text is left out when it equals `text[start:end]`, which the tokenizer contract makes the usual case.
"""

from __future__ import annotations

import hashlib
import json
import re
import zlib
from dataclasses import dataclass, fields

from habar.document import Article, Change, Entity, Fact, Sentence, Token

_SPACE = re.compile(r"\s+")
_LEVEL = 6  # zlib: level 6 is within 10% of level 9 on Kazakh news and about twice as fast


def pack(obj) -> bytes:
    return zlib.compress(json.dumps(obj, ensure_ascii=False, separators=(",", ":")).encode(), _LEVEL)


def unpack(blob: bytes):
    return json.loads(zlib.decompress(blob))


def sha1(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()


def text_key(text: str) -> str:
    """Hash of the normalised text with spacing and case folded: the same article however it was spaced."""
    return sha1(_SPACE.sub(" ", text).strip().casefold())


def content_key(article: Article) -> str:
    """Hash of everything a reader supplied: when it is unchanged, re-ingesting the article does nothing."""
    head = [article.raw, article.title, article.url, article.source, article.published, article.lang]
    return sha1(json.dumps(head, ensure_ascii=False))


def _columns(items: list, cls) -> dict[str, list]:
    return {f.name: [getattr(x, f.name) for x in items] for f in fields(cls)}


def _rows(cols: dict[str, list], cls) -> list:
    names = list(cols)
    return [cls(**dict(zip(names, values))) for values in zip(*cols.values())] if names else []


def encode_annotations(article: Article, extra: dict) -> bytes:
    tokens = _columns(article.tokens, Token)
    tokens["text"] = [None if t.text == article.text[t.start:t.end] else t.text for t in article.tokens]
    if not any(x is not None for x in tokens["text"]):
        del tokens["text"]
    data = {
        "sentences": _columns(article.sentences, Sentence),
        "tokens": tokens,
        "entities": _columns(article.entities, Entity),
        "facts": [vars_of(f) for f in article.facts],
        "changes": _columns(article.changes, Change),
        "title_terms": extra.get("title_terms", []),  # [[term, position], ...]: the analysed title
        "alts": extra.get("alts", {}),  # token index -> other possible lemmas (habar.search.analysis)
    }
    return pack(data)


def vars_of(item) -> dict:
    return {f.name: getattr(item, f.name) for f in fields(item)}


def decode_annotations(blob: bytes, text: str) -> dict:
    data = unpack(blob)
    tok = data["tokens"]
    if tok and "text" not in tok:
        tok["text"] = [None] * len(tok["start"])
    tokens = _rows(tok, Token) if tok else []
    for t in tokens:
        if t.text is None:
            t.text = text[t.start:t.end]
    return {
        "sentences": _rows(data["sentences"], Sentence),
        "tokens": tokens,
        "entities": _rows(data["entities"], Entity),
        "facts": [Fact(**f) for f in data["facts"]],
        "changes": _rows(data["changes"], Change),
        "title_terms": data.get("title_terms", []),
        "alts": data.get("alts", {}),
    }


@dataclass(slots=True)
class Record:
    """One article ready to be written: row values computed in the worker that analysed it."""

    id: str
    url: str
    title: str
    source: str
    published: str
    lang: str
    raw_hash: str
    content_hash: str
    text_hash: str
    analysis: str
    raw: bytes
    text: bytes | None
    meta: str
    annotations: bytes
    entities: list[tuple[str, str, str, int, int]]  # label, norm, key, mentions, first
    facts: list[tuple[str, int, int, str]]


def entity_rows(article: Article) -> list[tuple[str, str, str, int, int]]:
    """One row per distinct (label, base form) in the article, with its mention count."""
    seen: dict[tuple[str, str], list] = {}
    for e in article.entities:
        norm = e.norm or e.text
        key = (e.label, entity_key(norm))
        if key in seen:
            seen[key][3] += 1
        else:
            seen[key] = [e.label, norm, key[1], 1, e.start]
    return [tuple(v) for v in seen.values()]


def entity_key(norm: str) -> str:
    return _SPACE.sub(" ", norm).strip().casefold()


def to_record(article: Article, analysis: str, extra: dict | None = None) -> Record:
    """`extra`: index data computed with the analysis, kept with the annotations (title_terms, alts)."""
    text = article.text or article.raw
    return Record(
        id=article.id, url=article.url, title=article.title, source=article.source,
        published=article.published, lang=article.lang,
        raw_hash=sha1(article.raw), content_hash=content_key(article), text_hash=text_key(text),
        analysis=analysis,
        raw=zlib.compress(article.raw.encode("utf-8", "surrogatepass"), _LEVEL),
        text=None if text == article.raw else zlib.compress(text.encode("utf-8", "surrogatepass"), _LEVEL),
        meta=json.dumps(article.meta, ensure_ascii=False),
        annotations=encode_annotations(article, extra or {}),
        entities=entity_rows(article),
        facts=[(f.kind, f.start, f.end, json.dumps(f.args, ensure_ascii=False)) for f in article.facts],
    )


def texts(raw_blob: bytes, text_blob: bytes | None) -> tuple[str, str]:
    raw = zlib.decompress(raw_blob).decode("utf-8", "surrogatepass")
    text = raw if text_blob is None else zlib.decompress(text_blob).decode("utf-8", "surrogatepass")
    return raw, text
