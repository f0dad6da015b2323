"""Compact encodings of the per-article blobs (terms, spans, annotations), measured on analysed Kazakh news.

Each blob of the current format starts with a format byte; a zlib stream (the first format) starts with 0x78,
so blobs written by an older habar still decode. What each format saves, per article of the scale benchmark
(about 3.6 KB of raw text; /tmp-measured over 1,000 analysed articles, bytes after compression):
- terms: deflate primed with the article's case-folded text as a preset dictionary (zlib `zdict`). A lemma is
  mostly a stretch of the word it came from, which the compressor then finds in the dictionary: 1,128 -> 628.
- spans: the same start/end deltas as before, in the narrowest integer type that holds them (uint8 for nearly
  every article: tokens are short and one space apart): 340 -> 250; all gaps before all lengths: -> 225.
- annotations: (kind, upos, feats) as ids into a shared frozen table of tags (habar.store.tagsets), lemmas as a prefix
  length of the word (or of the case-folded word) when they are one, entity offsets as deltas, facts left out
  (the store's facts table has them), the whole primed with the text: 2,576 -> about 1,000.
"""

from __future__ import annotations

import json
import zlib

import numpy as np

from habar.store.tagsets import CURRENT, TAGSETS

LEVEL = 6  # zlib: level 6 is within a few % of level 9 on Kazakh news and about twice as fast
PRIMED = b"\x01"  # format byte: deflate with the article text as preset dictionary
_WINDOW = 32768  # zlib uses at most the last 32 KiB of a preset dictionary
_SPAN_TYPES = {1: np.uint8, 2: np.uint16, 4: np.int32}  # format byte = bytes per value (| SPLIT)
SPLIT = 0x10
_TAG_INDEX = {n: {t: i for i, t in enumerate(table)} for n, table in TAGSETS.items()}


def compress(data: bytes, primer: str = "") -> bytes:
    """Deflate, primed with `primer` (the end of it that fits zlib's window) when one is given."""
    if not primer:
        return zlib.compress(data, LEVEL)
    c = zlib.compressobj(LEVEL, zdict=_zdict(primer))
    return PRIMED + c.compress(data) + c.flush()


def decompress(blob: bytes, primer: str | None = None) -> bytes:
    if blob[:1] != PRIMED:
        return zlib.decompress(blob)
    if primer is None:
        raise ValueError("this blob was compressed against its article's text; pass the text to decode it")
    d = zlib.decompressobj(zdict=_zdict(primer))
    return d.decompress(blob[1:]) + d.flush()


def _zdict(primer: str) -> bytes:
    return primer.encode("utf-8", "surrogatepass")[-_WINDOW:]


def pack(obj, primer: str = "") -> bytes:
    return compress(json.dumps(obj, ensure_ascii=False, separators=(",", ":")).encode(), primer)


def unpack(blob: bytes, primer: str | None = None):
    return json.loads(decompress(blob, primer))


# --- spans: token (start, end) pairs ------------------------------------------------------------------------------
def encode_spans(flat: np.ndarray) -> bytes:
    """`flat`: start, end, start, end... as int64. Stored as their deltas (gap before a token, its length): all
    the gaps, then all the lengths (format byte SPLIT + width), which deflate packs 10% tighter than the pairs
    interleaved (format byte = width, the previous layout, still read)."""
    deltas = np.diff(flat, prepend=0)
    for width, dtype in _SPAN_TYPES.items():
        info = np.iinfo(dtype)
        if not len(deltas) or (deltas.min() >= info.min and deltas.max() <= info.max):
            c = zlib.compressobj(9, zlib.DEFLATED, -15)
            body = np.concatenate([deltas[0::2], deltas[1::2]]).astype(dtype).tobytes()
            return bytes([SPLIT | width]) + c.compress(body) + c.flush()
    raise ValueError(f"token offsets beyond int32 ({deltas.max()}); an article of over 2 GB cannot be stored")


def decode_spans(blob: bytes) -> np.ndarray:
    """An (n, 2) int64 array of token (start, end)."""
    if blob[:1] == b"\x78":  # the first format: a zlib stream of int32 pairs
        return np.cumsum(np.frombuffer(zlib.decompress(blob), dtype=np.int32), dtype=np.int64).reshape(-1, 2)
    if blob[0] & SPLIT:
        d = zlib.decompressobj(-15)
        values = np.frombuffer(d.decompress(blob[1:]) + d.flush(), dtype=_SPAN_TYPES[blob[0] & ~SPLIT])
        values = values.reshape(2, -1).T  # gaps and lengths back into (gap, length) pairs
    else:
        values = np.frombuffer(zlib.decompress(blob[1:]), dtype=_SPAN_TYPES[blob[0]])
    return np.cumsum(values, dtype=np.int64).reshape(-1, 2)


# --- lemmas: mostly a prefix of their word --------------------------------------------------------------------------
def lemma_code(word: str, lemma: str) -> int | str:
    """k: the first k characters of the word; -k: of the case-folded word; else the lemma itself."""
    if word.startswith(lemma):
        return len(lemma)
    if lemma and word.casefold().startswith(lemma):
        return -len(lemma)
    return lemma


def lemma_of(word: str, code: int | str) -> str:
    if isinstance(code, str):
        return code
    return word[:code] if code >= 0 else word.casefold()[:-code]


def tag_ids(triples: list[tuple[str, str, str]], tagset: int = CURRENT) -> tuple[list[str], list[int]]:
    """Each token's (kind, upos, feats) as an id: its index in the shared table `tagset` (habar.store.tagsets),
    or past its end, in the article's own table of the other tags ("kind\\tupos\\tfeats"), which is returned."""
    shared = _TAG_INDEX[tagset]
    base = len(shared)
    own: dict[tuple[str, str, str], int] = {}
    ids = list(map(shared.get, triples))  # one lookup a token; the rare others are numbered after, in order
    if None in ids:
        ids = [base + own.setdefault(t, len(own)) if i is None else i for i, t in zip(ids, triples)]
    return ["\t".join(t) for t in own], ids


def tags_of(ids: list[int], own: list[str], tagset: int | None) -> list[tuple[str, ...]]:
    table = list(TAGSETS[tagset]) if tagset else []
    table += [tuple(t.split("\t")) for t in own]
    return [table[i] for i in ids]


def deltas(values: list[int]) -> list[int]:
    out, prev = [], 0
    for v in values:
        out.append(v - prev)
        prev = v
    return out


def undeltas(values: list[int]) -> list[int]:
    out, acc = [], 0
    for v in values:
        acc += v
        out.append(acc)
    return out
