"""An analysed Article as the values of a store row, and back.

The row keeps what search reads on every hit apart from the rest, so that a hit costs no JSON parsing:
- `terms`: one line per token with its index terms, "lemma|other lemma|..." case-folded, empty for punctuation
  (zlib). A snippet finds the words a query asked for with one regular expression over it; the index reads its
  terms from it, so neither parses JSON.
- `spans`: each token's start and end as int32 deltas (zlib), restored with one numpy cumsum.
- `annotations`: the rest, as columnar JSON (one list per attribute, zlib). Columns compress several times better
  than a list of objects; a token's or entity's text is left out when it equals its span of `text`, and a lemma
  that is a prefix of the word is kept as its length.
- `text` is not stored: it is `raw` with the recorded `changes` applied (habar.text.offsets).
"""

from __future__ import annotations

import hashlib
import json
import re
import zlib
from dataclasses import dataclass, fields

import numpy as np

from habar.clean.dedup import signature
from habar.document import Article, Change, Entity, Fact, Sentence, Token
from habar.text import offsets

_SPACE = re.compile(r"\s+")
_LEVEL = 6  # zlib: level 6 is within a few % of level 9 on Kazakh news and about twice as fast
_TOKEN_COLS = ("text", "kind", "upos", "feats", "lemma")  # start and end live in `spans`


def pack(obj) -> bytes:
    return zlib.compress(json.dumps(obj, ensure_ascii=False, separators=(",", ":")).encode(), _LEVEL)


def unpack(blob: bytes):
    return json.loads(zlib.decompress(blob))


def sha1(text: str) -> str:
    """64 bits of SHA-1 in hex: at a million articles the chance of any collision is about 3e-8."""
    return hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def text_key(text: str) -> str:
    """Hash of the normalised text with spacing and case folded: the same article however it was spaced."""
    return sha1(_SPACE.sub(" ", text).strip().casefold())


def content_key(article: Article) -> str:
    """Hash of everything a reader supplied: when it is unchanged, re-ingesting the article does nothing."""
    head = [article.raw, article.title, article.url, article.source, article.published, article.lang]
    return sha1(json.dumps(head, ensure_ascii=False))


def entity_key(norm: str) -> str:
    return _SPACE.sub(" ", norm).strip().casefold()


# --- terms and spans -----------------------------------------------------------------------------------------
def encode_terms(tokens: list[Token], alts: dict[str, list[str]]) -> bytes:
    from habar.search.analysis import index_term  # the analyzer decides what a token is indexed as

    lines = []
    for i, t in enumerate(tokens):
        term = index_term(t)
        lines.append("|".join([term, *alts.get(str(i), ())]).replace("\n", " ") if term else "")
    return zlib.compress(("\n" + "\n".join(lines) + "\n").encode(), _LEVEL)


def decode_terms(blob: bytes) -> str:
    """The terms text: "\\n" + one line per token + "\\n"."""
    return zlib.decompress(blob).decode()


def encode_spans(tokens: list[Token]) -> bytes:
    flat = np.fromiter((x for t in tokens for x in (t.start, t.end)), dtype=np.int64, count=2 * len(tokens))
    return zlib.compress(np.diff(flat, prepend=0).astype(np.int32).tobytes(), _LEVEL)


def decode_spans(blob: bytes) -> np.ndarray:
    """An (n, 2) array of token (start, end)."""
    return np.cumsum(np.frombuffer(zlib.decompress(blob), dtype=np.int32), dtype=np.int64).reshape(-1, 2)


# --- the rest of the annotations -------------------------------------------------------------------------------
def _columns(items: list, names) -> dict[str, list]:
    return {n: [getattr(x, n) for x in items] for n in names}


def _rows(cols: dict[str, list], cls, n: int) -> list:
    names = list(cols)
    return [cls(**dict(zip(names, values))) for values in zip(*cols.values())] if names else [cls() for _ in range(n)]


def encode_annotations(article: Article) -> bytes:
    text = article.text
    tokens = _columns(article.tokens, _TOKEN_COLS)
    tokens["text"] = [None if t.text == text[t.start:t.end] else t.text for t in article.tokens]
    tokens["lemma"] = [len(t.lemma) if t.lemma and t.text.startswith(t.lemma) else t.lemma for t in article.tokens]
    ents = _columns(article.entities, [f.name for f in fields(Entity)])
    ents["text"] = [None if e.text == text[e.start:e.end] else e.text for e in article.entities]
    ents["norm"] = [None if e.norm == e.text else e.norm for e in article.entities]
    return pack({
        "sentences": _columns(article.sentences, ("start", "end")),
        "tokens": tokens,
        "entities": ents,
        "facts": [{f.name: getattr(x, f.name) for f in fields(Fact)} for x in article.facts],
    })


def decode_article(row: dict) -> Article:
    """The Article of a store row (a mapping with the article columns and the three annotation blobs)."""
    raw = zlib.decompress(row["raw"]).decode("utf-8", "surrogatepass")
    changes = [Change(*c) for c in unpack(row["changes"])] if row["changes"] else []
    text = offsets.apply(raw, changes)
    data = unpack(row["annotations"])
    spans = decode_spans(row["spans"]).tolist()
    tok = data["tokens"]
    tokens = []
    for x, k, u, f, lem, (s, e) in zip(tok["text"], tok["kind"], tok["upos"], tok["feats"], tok["lemma"], spans):
        x = x if x is not None else text[s:e]
        tokens.append(Token(x, s, e, k, x[:lem] if isinstance(lem, int) else lem, u, f))
    ents = _rows(data["entities"], Entity, 0)
    for e in ents:
        e.text = e.text if e.text is not None else text[e.start:e.end]
        e.norm = e.norm if e.norm is not None else e.text
    return Article(
        id=row["id"], raw=raw, text=text, title=row["title"], source=row["source"], url=row["url"],
        published=row["published"], lang=row["lang"], meta=unpack(row["meta"]),
        sentences=_rows(data["sentences"], Sentence, 0), tokens=tokens, entities=ents,
        facts=[Fact(**f) for f in data["facts"]], changes=changes)


def article_text(raw_blob: bytes, changes_blob: bytes | None) -> str:
    raw = zlib.decompress(raw_blob).decode("utf-8", "surrogatepass")
    return offsets.apply(raw, [Change(*c) for c in unpack(changes_blob)]) if changes_blob else raw


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
    changes: bytes | None
    meta: bytes
    terms: bytes
    spans: bytes
    title_terms: str
    lead_terms: str
    annotations: bytes
    entities: list[tuple[str, str, str, int, int]]  # label, norm, key, mentions, first
    facts: list[tuple[str, int, int, str]]
    signature: bytes = b""  # MinHash of the lemma shingles (uint32 values), for near-duplicate clusters
    length: int = 0  # characters of clean text: the most complete copy of a story is its canonical member
    quality: tuple[str, ...] = ()  # the quality verdict's reasons (too_short, not_kazakh, ...), for the ingest report


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


def lead_terms(article: Article) -> list[str]:
    """Index terms of the first sentence (the first 40 tokens without sentences): news puts the story there."""
    from habar.search.analysis import index_term

    end = article.sentences[0].end if article.sentences else None
    tokens = [t for t in article.tokens if end is None or t.end <= end][:40 if end is None else None]
    return [term.replace(" ", "") for term in map(index_term, tokens) if term]


def analysis_key(steps: str) -> str:
    return sha1(steps)


def to_record(article: Article, analysis: str, alts: dict[str, list[str]] | None = None,
              title_terms: list[str] = (), content_hash: str | None = None) -> Record:
    """`alts`: token index -> other possible lemmas; `title_terms`: the title's terms, in order; `content_hash`:
    `content_key` of the article as the reader gave it (the pipeline changes title and lang)."""
    if not article.text:
        article.text = article.raw
    if not article.tokens:  # input without a tokenizer step: the index still needs words
        from habar.search.analysis import fallback_tokens

        article.tokens = fallback_tokens(article.text)
    changes = [[c.raw_start, c.raw_end, c.new, c.reason] for c in article.changes]
    if not changes and article.text != article.raw:
        changes = [[0, len(article.raw), article.text, "replaced"]]
    return Record(
        id=article.id, url=article.url, title=article.title, source=article.source,
        published=article.published, lang=article.lang,
        raw_hash=sha1(article.raw), content_hash=content_hash or content_key(article), text_hash=text_key(article.text),
        analysis=analysis_key(analysis),
        raw=zlib.compress(article.raw.encode("utf-8", "surrogatepass"), _LEVEL),
        changes=pack(changes) if changes else None,
        meta=pack(article.meta),
        terms=encode_terms(article.tokens, alts or {}), spans=encode_spans(article.tokens),
        title_terms=" ".join(t.replace(" ", "") for t in title_terms),
        lead_terms=" ".join(lead_terms(article)),
        annotations=encode_annotations(article),
        entities=entity_rows(article),
        facts=[(f.kind, f.start, f.end, json.dumps(f.args, ensure_ascii=False)) for f in article.facts],
        signature=signature(article).astype("<u4").tobytes(), length=len(article.text),
        quality=tuple((article.meta.get("quality") or {}).get("reasons", ())),
    )
