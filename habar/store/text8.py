"""Kazakh text in one byte a letter before deflate: the raw text and the terms, about a fifth smaller stored.

In UTF-8 every Cyrillic letter takes two bytes, and deflate spends bits on the lead bytes (0xD0-0xD3) and on
matches twice as long. KZ-1048, the Kazakh code page (Python's `kz1048` codec, encoded and decoded in C), has
every Kazakh letter and the punctuation news uses (« » – — №) in one byte. A character outside it (é, an emoji,
a lone surrogate) is written as byte 0x98, the one byte KZ-1048 leaves undefined, followed by its UTF-8, so any
string round-trips exactly; a text with many such characters is kept in UTF-8 instead. Measured on 1,500
articles of the scale benchmark, deflate level 6: raw text 1,459 -> 1,140 bytes an article, terms compressed
against the case-folded text 693 -> 626.

A blob of this format starts with byte 0x02 (0x03 when primed); the older formats (a zlib stream: 0x78, PRIMED: 0x01, both UTF-8)
still decode through `decompress_text`.
"""

from __future__ import annotations

import codecs as _pycodecs
import zlib

from habar.store import codecs

TEXT8 = b"\x02"  # format byte: raw deflate of the KZ-1048 bytes
TEXT8_PRIMED = b"\x03"  # ...primed with the primer's KZ-1048 bytes (the end of them that fits zlib's window)
_ESCAPE = 0x98
_ERRORS = "habar-text8"


def _escape(exc: UnicodeError):
    if isinstance(exc, UnicodeEncodeError):
        out = b"".join(bytes([_ESCAPE]) + c.encode("utf-8", "surrogatepass") for c in exc.object[exc.start:exc.end])
        return out, exc.end
    if isinstance(exc, UnicodeDecodeError) and exc.object[exc.start] == _ESCAPE and exc.start + 1 < len(exc.object):
        lead = exc.object[exc.start + 1]
        size = 1 if lead < 0xC0 else 2 if lead < 0xE0 else 3 if lead < 0xF0 else 4
        piece = bytes(exc.object[exc.start + 1:exc.start + 1 + size])
        return piece.decode("utf-8", "surrogatepass"), exc.start + 1 + size
    raise exc


_pycodecs.register_error(_ERRORS, _escape)


def encode8(text: str) -> bytes:
    return text.encode("kz1048", _ERRORS)


def decode8(data: bytes) -> str:
    return data.decode("kz1048", _ERRORS)


def compress_text(text: str, primer: str = "") -> bytes:
    """`text` deflated in KZ-1048 (primed with `primer`, also in KZ-1048), or as codecs.compress does it in UTF-8
    when that is shorter (a text mostly outside KZ-1048)."""
    data = encode8(text)
    utf8 = text.encode("utf-8", "surrogatepass")
    if len(data) > len(utf8):
        return codecs.compress(utf8, primer)
    if not primer:
        c = zlib.compressobj(codecs.LEVEL, zlib.DEFLATED, -15)
        return TEXT8 + c.compress(data) + c.flush()
    c = zlib.compressobj(codecs.LEVEL, zlib.DEFLATED, -15, zdict=_zdict(primer))
    return TEXT8_PRIMED + c.compress(data) + c.flush()


def decompress_text(blob: bytes, primer: str | None = None) -> str:
    """The text of a blob in any format: TEXT8 (primed or not), or UTF-8 plain or primed (codecs.decompress)."""
    kind = blob[:1]
    if kind == TEXT8:
        d = zlib.decompressobj(-15)
    elif kind == TEXT8_PRIMED:
        if primer is None:
            raise ValueError("this blob was compressed against its article's text; pass the text to decode it")
        d = zlib.decompressobj(-15, zdict=_zdict(primer))
    else:
        return codecs.decompress(blob, primer).decode("utf-8", "surrogatepass")
    return decode8(d.decompress(blob[1:]) + d.flush())


def _zdict(primer: str) -> bytes:
    return encode8(primer)[-32768:]
