"""An analysed Article as the values of a store row, and back.

The row keeps what search reads on every hit apart from the rest, so that a hit costs no JSON parsing:
- `terms`: one line per token with its index terms, "lemma|other lemma|..." case-folded, empty for punctuation.
  A snippet finds the words a query asked for with str.find over it; the index reads its terms from it, so
  neither parses JSON. The embedded store compresses it against the article's text (habar.store.codecs).
- `spans`: each token's start and end as deltas in the narrowest integer type, restored with one numpy cumsum.
- `annotations`: the rest, as columnar JSON (one list per attribute), compressed against the text. Columns
  compress several times better than a list of objects; a token's or entity's text is left out when it equals
  its span of `text`, a lemma that is a prefix of the word is kept as its length, and a token's (kind, upos,
  feats) as an index into a frozen table of common tags (habar.store.tagsets). The embedded store leaves the
  facts out (its facts table has them) and keeps format 3: a lemma only where the token's line of `terms` does
  not imply it (habar.store.compact.implied_lemma: about one an article), entity labels by number.
- `meta`: the embedded store compresses it against the raw text and a dictionary of its keys (compact.encode_meta).
- `title_terms` and `lead_terms` (what the index boosts) are compressed against the title and text, the facts
  table's args against a frozen dictionary of their keys (habar.store.argcodec), and a MinHash signature keeps
  16 bits a value (sig_bytes): about 600 bytes an article less than plain text and uint32.
- `raw` is deflated in KZ-1048, one byte a Kazakh letter (habar.store.text8), as are the embedded store's terms.
- `text` is not stored: it is `raw` with the recorded `changes` applied (habar.text.offsets). Nor is the
  summary's text (meta["summary"]["text"]), which its sentence offsets give back.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from itertools import takewhile

import numpy as np

from habar.clean.dedup import signature
from habar.document import Article, Change, Fact, Token
from habar.store import codecs, text8
from habar.store.annotations import annotation_blobs, decode_v1, decode_v2
from habar.store.argcodec import fact_args
from habar.store.codecs import pack
from habar.store.compact import decode_meta, encode_field_terms, encode_meta, sig_bytes
from habar.text import offsets


def unpack(blob, primer: str | None = None):
    """A packed blob's value (codecs.unpack). A value already decoded passes through: Store.changed_since gives
    the index an article's meta decoded (the embedded store's needs the raw text: compact.decode_meta)."""
    return blob if isinstance(blob, dict) else codecs.unpack(blob, primer)


def sha1(text: str) -> str:
    """64 bits of SHA-1 in hex: at a million articles the chance of any collision is about 3e-8."""
    return hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def text_key(text: str) -> str:
    """Hash of the normalised text with spacing and case folded: the same article however it was spaced."""
    return sha1(fold_space(text).casefold())


def fold_space(text: str) -> str:
    """Runs of whitespace as one space, none at the ends: what re.sub(r"\\s+", " ", text).strip() gives (str.split
    splits at exactly the characters \\s matches, str.isspace's; every code point checked), at half its cost."""
    return " ".join(text.split())


def content_key(article: Article) -> str:
    """Hash of everything a reader supplied: when it is unchanged, re-ingesting the article does nothing."""
    head = [article.raw, article.title, article.url, article.source, article.published, article.lang]
    return sha1(json.dumps(head, ensure_ascii=False))


def entity_key(norm: str) -> str:
    return fold_space(norm).casefold()


# --- terms and spans -----------------------------------------------------------------------------------------
def terms_text(tokens: list[Token], alts: dict[str, list[str]]) -> bytes:
    """The terms text (see decode_terms), encoded."""
    return _terms_str(tokens, alts).encode()


def _terms_str(tokens: list[Token], alts: dict[str, list[str]]) -> str:
    from habar.search.analysis import index_term  # the analyzer decides what a token is indexed as

    lines = [index_term(t) for t in tokens]
    for key, other in alts.items():  # a few tokens in ten have other readings
        i = int(key)
        if lines[i]:
            lines[i] = "|".join([lines[i], *other])
    text_of_lines = "\n".join(lines)
    if text_of_lines.count("\n") >= max(1, len(lines)):  # a term holding a newline would shift the lines after it
        text_of_lines = "\n".join(line.replace("\n", " ") for line in lines)
    return "\n" + text_of_lines + "\n"


def encode_terms(tokens: list[Token], alts: dict[str, list[str]], text: str = "") -> bytes:
    """Compressed against `text` (the article's clean text) when given: decode with the same text."""
    return text8.compress_text(_terms_str(tokens, alts), text.casefold())


def decode_terms(blob: bytes, text: str | None = None) -> str:
    """The terms text: "\\n" + one line per token + "\\n". `text`: the article's clean text."""
    return text8.decompress_text(blob, None if text is None else text.casefold())


def encode_spans(tokens: list[Token]) -> bytes:
    flat = np.empty(2 * len(tokens), dtype=np.int64)  # start, end, start, end...: two list passes, no generator
    flat[0::2] = [t.start for t in tokens]
    flat[1::2] = [t.end for t in tokens]
    return codecs.encode_spans(flat)


def decode_spans(blob: bytes) -> np.ndarray:
    """An (n, 2) array of token (start, end)."""
    return codecs.decode_spans(blob)


def strip_meta(meta: dict, text: str) -> dict:
    """meta without what the text gives back: the summary's text (None), when it is its sentences joined."""
    summary = meta.get("summary")
    if isinstance(summary, dict) and summary.get("text") and summary.get("text") == _summary_text(summary, text):
        return {**meta, "summary": {**summary, "text": None}}
    return meta


def _summary_text(summary: dict, text: str) -> str:
    return " ".join(text[s:e] for s, e in summary.get("sentences", []))


def restore_meta(meta: dict, text: str) -> dict:
    summary = meta.get("summary")
    if isinstance(summary, dict) and summary.get("text", "") is None:
        summary["text"] = _summary_text(summary, text)
    return meta


def decode_article(row, facts: list[tuple[str, int, int, str]] | None = None) -> Article:
    """The Article of a store row (a mapping with the article columns and the three annotation blobs). `facts`:
    the article's rows of the facts table, (kind, start, end, stored args: see `fact_args`); the first format kept them inside."""
    raw = text8.decompress_text(row["raw"])
    changes = [Change(*c) for c in unpack(row["changes"])] if row["changes"] else []
    text = offsets.apply(raw, changes)
    data = unpack(row["annotations"], text)
    spans = decode_spans(row["spans"]).tolist()
    if data.get("v") == 3:  # the embedded store's form: the lemmas come with the terms text
        lines = decode_terms(row["terms"], text)[1:-1].split("\n")
        sentences, tokens, ents = decode_v2(data, text, spans, lines)
    else:
        sentences, tokens, ents = (decode_v2 if data.get("v") == 2 else decode_v1)(data, text, spans)
    for e in ents:
        e.text = e.text if e.text is not None else text[e.start:e.end]
        e.norm = e.norm if e.norm is not None else e.text
    if "facts" in data:
        found = [Fact(**f) for f in data["facts"]]
    else:
        found = [Fact(kind, start, end, fact_args(args)) for kind, start, end, args in facts or ()]
    return Article(
        id=row["id"], raw=raw, text=text, title=row["title"], source=row["source"], url=row["url"],
        published=row["published"], lang=row["lang"], meta=restore_meta(decode_meta(row["meta"], raw), text),
        sentences=sentences, tokens=tokens, entities=ents, facts=found, changes=changes)


def article_text(raw_blob: bytes, changes_blob: bytes | None) -> str:
    return raw_and_text(raw_blob, changes_blob)[1]


def raw_and_text(raw_blob: bytes, changes_blob: bytes | None) -> tuple[str, str]:
    raw = text8.decompress_text(raw_blob)
    return raw, offsets.apply(raw, [Change(*c) for c in unpack(changes_blob)]) if changes_blob else raw



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
    signature: bytes = b""  # MinHash of the lemma shingles (see sig_bytes), for near-duplicate clusters
    length: int = 0  # characters of clean text: the most complete copy of a story is its canonical member
    quality: tuple[str, ...] = ()  # the quality verdict's reasons (too_short, not_kazakh, ...), for the ingest report
    # `terms` and `annotations` decode without anything else (the PostgreSQL store and the Dask shards keep
    # them); the embedded store keeps these instead: the terms compressed against the text, the annotations
    # without the facts, which its facts table holds (habar.store.codecs: about 600 bytes an article less)
    store_terms: bytes = b""
    store_annotations: bytes = b""
    store_title_terms: bytes | str = ""  # title_terms and lead_terms compressed (encode_field_terms)
    store_lead_terms: bytes | str = ""
    store_meta: bytes = b""  # meta compressed against the raw text (compact.encode_meta)


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
    if end is None:
        tokens = article.tokens[:40]
    else:
        tokens = list(takewhile(lambda t: t.end <= end, article.tokens))
    return [term.replace(" ", "") for term in map(index_term, tokens) if term]


def analysis_key(steps: str) -> str:
    return sha1(steps)


def to_record(article: Article, analysis: str, alts: dict[str, list[str]] | None = None,
              title_terms: list[str] = (), content_hash: str | None = None, portable: bool = True) -> Record:
    """`alts`: token index -> other possible lemmas; `title_terms`: the title's terms, in order; `content_hash`:
    `content_key` of the article as the reader gave it (the pipeline changes title and lang). Without `portable`,
    the forms only PostgreSQL and the Dask shards read (terms, meta and annotations that decode alone) are left
    empty: the embedded store keeps its own forms of them."""
    if not article.text:
        article.text = article.raw
    if not article.tokens:  # input without a tokenizer step: the index still needs words
        from habar.search.analysis import fallback_tokens

        article.tokens = fallback_tokens(article.text)
    changes = [[c.raw_start, c.raw_end, c.new, c.reason] for c in article.changes]
    terms = _terms_str(article.tokens, alts or {})  # a str: the blobs below compress it in two encodings
    annotations, store_annotations = annotation_blobs(article, terms, portable)
    if article.text != (offsets.apply(article.raw, article.changes) if changes else article.raw):
        # changes that do not explain the text (a step that forgot to record one): the text as stored must be
        # exactly the text analysed, which the annotations' offsets and the blobs' compression depend on
        changes = [[0, len(article.raw), article.text, "replaced"]]
    title_text = " ".join(t.replace(" ", "") for t in title_terms)
    lead_text = " ".join(lead_terms(article))
    meta = strip_meta(article.meta, article.text)
    store_meta, store_terms = encode_meta(meta, article.raw), text8.compress_text(terms, article.text.casefold())
    return Record(
        id=article.id, url=article.url, title=article.title, source=article.source,
        published=article.published, lang=article.lang,
        raw_hash=sha1(article.raw), content_hash=content_hash or content_key(article), text_hash=text_key(article.text),
        analysis=analysis_key(analysis),
        raw=text8.compress_text(article.raw),
        changes=pack(changes) if changes else None,
        # an empty store form falls back to the portable one (habar.store.store._column)
        meta=pack(meta) if portable or not store_meta else b"", store_meta=store_meta,
        terms=codecs.compress(terms.encode()) if portable or not store_terms else b"", store_terms=store_terms,
        spans=encode_spans(article.tokens),
        title_terms=title_text, lead_terms=lead_text,
        store_title_terms=encode_field_terms(title_text, article.title, article.text),
        store_lead_terms=encode_field_terms(lead_text, article.title, article.text),
        annotations=annotations, store_annotations=store_annotations,
        entities=entity_rows(article),
        facts=[(f.kind, f.start, f.end, json.dumps(f.args, ensure_ascii=False)) for f in article.facts],
        signature=sig_bytes(signature(article)), length=len(article.text),
        quality=tuple((article.meta.get("quality") or {}).get("reasons", ())),
    )
