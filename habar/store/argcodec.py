"""The embedded store's encoding of a fact's args (the facts table's `args` column), and its reader.

A fact's args are a small JSON object (150-400 bytes) whose keys and frequent values repeat from row to row;
deflate alone gains little on so short a text, but primed with a preset dictionary of those keys it roughly
halves it. A row of the current format is a BLOB starting with format byte 0x01; rows written by an older
habar are TEXT holding the JSON itself, and still decode. Readers of the facts table go through `fact_args`.

The dictionary is frozen: changing it would make every stored row undecodable, so a new one needs a new
format byte.
"""

from __future__ import annotations

import json
import zlib

FORMAT = b"\x01"  # raw deflate primed with _ZDICT_1
_LEVEL = 9  # rows are short: level 9 costs nothing measurable and gains a few bytes
# Keys and values as compact JSON writes them, the most frequent last (deflate reaches near text more cheaply).
_ZDICT_1 = (
    '"kind":"меморандум","kind":"келісім","kind":"кездесу","kind":"кеңес",'
    '"label":"ORGANISATION","label":"GPE","label":"PERSON","label":"LOCATION",'
    '"date":null,"date_source":null,"place":null,"parties":[],"parties":[{"text":"'
    '"purpose":{"text":"","period":null,"in_quote":false,"in_quote":true,'
    '{"amount":{"text":"","value":{"amount":,"currency":"KZT","currency":"USD","bound":null},"start":,"end":},'
    '"amounts":[{"text":"","value":{"amount":'
    '{"quote":[,],"layout":"before","layout":"mid","layout":"continued","layout":"after",'
    '"speaker":{"text":"","norm":"","entity_group":-1,"start":,"end":,"mention":[,]},'
    '"role":null,"role_norm":null,"resolved_from":null,"role":"","role_norm":"",'
    '"value":,"unit":"%","unit":"млн","unit":"млрд","unit":"мың","unit":"теңге",'
    '{"subject":"","subject_span":[,],"number_span":[,],"predicate":"'
).encode("utf-8")


def encode_args(args: dict | str) -> bytes:
    """The stored form of a fact's args (a dict, or its JSON as Record.facts carries it)."""
    if isinstance(args, str):
        args = json.loads(args)
    data = json.dumps(args, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    c = zlib.compressobj(_LEVEL, zlib.DEFLATED, -15, zdict=_ZDICT_1)
    return FORMAT + c.compress(data) + c.flush()


def args_json(stored: bytes | str) -> str:
    """The JSON text of a fact's stored args, in any format habar has written."""
    if isinstance(stored, str):
        return stored
    blob = bytes(stored)
    if blob[:1] == FORMAT:
        d = zlib.decompressobj(-15, zdict=_ZDICT_1)
        return (d.decompress(blob[1:]) + d.flush()).decode("utf-8")
    return blob.decode("utf-8")


def fact_args(stored: bytes | str | dict | None) -> dict:
    """A fact's args from the facts table, in any format habar has written (or a dict a driver already parsed)."""
    if stored is None:
        return {}
    if isinstance(stored, dict):
        return stored
    return json.loads(args_json(stored))
