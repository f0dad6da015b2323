"""Text in one byte a Kazakh letter (habar.store.text8): any string round-trips, Kazakh news gets smaller, and
blobs of the older UTF-8 formats still decode."""

from __future__ import annotations

import zlib

import pytest

from habar.store import codecs
from habar.store.text8 import TEXT8, TEXT8_PRIMED, compress_text, decode8, decompress_text, encode8

TEXTS = [
    "Қазақстан Республикасының Үкіметі «Әділет» жобасын мақұлдады — 5 %, №12.",
    "",
    "ASCII only, 2024.",
    "Кафеде café ішті 😀, содан кетті.",      # characters outside KZ-1048, escaped
    "Мәтін \ud800 ортасында жалғыз суррогат",  # a lone surrogate (raw text is kept as read)
    "Мәтін \x98 байты",                        # the escape byte's own character
    "😀🙂🙃" * 20,                              # mostly outside KZ-1048: kept in UTF-8
]


@pytest.mark.parametrize("text", TEXTS)
@pytest.mark.parametrize("primer", ["", "қазақстан республикасының үкіметі"])
def test_round_trip(text, primer):
    blob = compress_text(text, primer)
    assert decompress_text(blob, primer) == text
    assert decode8(encode8(text)) == text


@pytest.mark.parametrize("text, kind", [(TEXTS[0], TEXT8), (TEXTS[3], TEXT8), (TEXTS[6], b"\x78")])
def test_format_chosen(text, kind):
    assert compress_text(text)[:1] == kind
    if kind == TEXT8:
        assert compress_text(text, "primer")[:1] == TEXT8_PRIMED


def test_primed_blob_needs_its_primer():
    blob = compress_text(TEXTS[0], "үкімет")
    with pytest.raises(ValueError, match="pass the text"):
        decompress_text(blob)


def test_kazakh_is_stored_smaller_than_utf8():
    text = " ".join([TEXTS[0]] * 3 + ["Елордада өткен жиында министрлер өңірлердегі құрылыс барысын талқылады."])
    assert len(compress_text(text)) < 0.9 * len(zlib.compress(text.encode(), codecs.LEVEL))


@pytest.mark.parametrize("text", TEXTS[:4])
def test_older_utf8_blobs_decode(text):
    assert decompress_text(zlib.compress(text.encode("utf-8", "surrogatepass"))) == text
    assert decompress_text(codecs.compress(text.encode(), "праймер"), "праймер") == text
