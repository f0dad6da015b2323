"""Small stored forms of the embedded store: a MinHash signature in 16 bits a value, and the title's and lead's
index terms compressed against the article they came from. Both decode what an older habar wrote."""

from __future__ import annotations

import numpy as np

from habar.clean.dedup import NUM_PERM
from habar.store import codecs


def sig_bytes(values: np.ndarray) -> bytes:
    """A MinHash signature as stored: the low 16 bits of each value, half the bytes of the full 32. Two
    different shingle sets then share a value by accident once in 65,536, which moves a Jaccard estimate over
    64 permutations by far less than its own sampling error (1/8 at 0.5)."""
    return (np.asarray(values, dtype=np.uint64) & 0xFFFF).astype("<u2").tobytes()


def sig_values(blob: bytes) -> np.ndarray:
    """The stored signature as uint64 values, 16-bit in any format (older stores kept all 32 bits)."""
    if len(blob) == 4 * NUM_PERM:
        return np.frombuffer(blob, dtype="<u4").astype(np.uint64) & 0xFFFF
    return np.frombuffer(blob, dtype="<u2").astype(np.uint64)


def encode_field_terms(terms: str, title: str, text: str) -> bytes | str:
    """The title's or lead's terms as the embedded store keeps them: deflate primed with the case-folded title
    and text, in which nearly every term is a stretch (85 + 105 bytes an article -> about 57). Empty stays ""."""
    return codecs.compress(terms.encode(), _field_primer(title, text)) if terms else ""


def decode_field_terms(stored: bytes | str, title: str, text: str) -> str:
    """Inverse of encode_field_terms; TEXT rows (written by an older habar) are the terms themselves."""
    return stored if isinstance(stored, str) else codecs.decompress(stored, _field_primer(title, text)).decode()


def _field_primer(title: str, text: str) -> str:
    # the title last: zlib keeps the end of a long primer, and the lead's words are at the text's start
    return (text[:8192] + "\n" + title).casefold()
