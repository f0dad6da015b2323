"""Which encoding a file's bytes are in, with Kazakh in mind.

Order of the checks, and why:
1. A byte-order mark decides (UTF-8, UTF-16, UTF-32); the mark is not part of the text.
2. NUL bytes mean UTF-16/32 without a mark (every space is `20 00`) or a binary file. A decoding whose
   characters are nearly all plausible text wins; otherwise the file is refused as binary.
3. Many other C0 control bytes also mean binary.
4. Strict UTF-8, which is what almost every file is, and which no legacy code page mimics by accident.
5. Otherwise charset-normalizer's candidates plus the Cyrillic code pages (KZ-1048, cp1251, PTCP154, KOI8-R),
   rescored: cp1251 and KZ-1048 differ exactly on the Kazakh letters (KZ-1048 0x9D is қ, cp1251 0x9D is ќ),
   and PTCP154 places them elsewhere again. The decoding with the most Kazakh letters and the fewest traces
   of a wrong page (letters foreign to Kazakh and Russian, C1 controls, "пРЕЗИДЕНТ" case flips) wins;
   charset-normalizer alone cannot tell these pages apart on short texts.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass

from charset_normalizer import from_bytes

from habar.ingest.kazakh_letters import (CASE_FLIP_RE, CONTROL_RE, CYRILLIC_RE, FOREIGN_RE, IMPLAUSIBLE_RE,
                                         KAZAKH_RE, LATIN_RE, LETTER_RE)

SAMPLE_BYTES = 256 * 1024  # the head of a file that detection looks at: enough text, and cheap
LEGACY_SAMPLE_BYTES = 32 * 1024  # enough for the code-page vote: Kazakh letters are about 1 in 10

_BOMS = [  # longest first: the UTF-32-LE mark starts with the UTF-16-LE one
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
]
# C0 control bytes other than whitespace and the ^Z that old DOS editors append
_CONTROLS = bytes(b for b in range(0x20) if b not in b"\t\n\r\x0b\x0c\x1a")
_MAX_CONTROL_SHARE = 0.01  # real text has almost none; 1% of a 256 KB sample is 2,600 stray bytes
_MIN_PLAUSIBLE = 0.95  # share of plausible characters a BOM-less UTF-16/32 decoding must reach
_CYRILLIC_PAGES = ("kz1048", "cp1251", "ptcp154", "koi8_r")  # always compared with each other on Cyrillic text


class EncodingError(ValueError):
    """Bytes that are not text, or whose encoding cannot be told. `kind` is a short reason tag."""

    def __init__(self, message: str, kind: str):
        super().__init__(message)
        self.kind = kind


@dataclass(frozen=True, slots=True)
class Detected:
    encoding: str  # a Python codec name
    how: str  # bom, utf-16-heuristic, utf-8, charset-normalizer


def _plausible_share(text: str) -> float:
    """Share of characters that news in our scripts is made of; CJK or stray symbols count against."""
    return 1.0 - len(IMPLAUSIBLE_RE.findall(text)) / len(text) if text else 0.0


def _wide_unicode(sample: bytes, complete: bool) -> str | None:
    """UTF-16/32 without a mark, if one decoding of the sample is plainly text."""
    best, best_share = None, _MIN_PLAUSIBLE
    if len(sample) < 8:
        return None  # too few characters to tell text from noise
    for enc, unit in (("utf-16-le", 2), ("utf-16-be", 2), ("utf-32-le", 4), ("utf-32-be", 4)):
        cut = len(sample) - len(sample) % unit
        if complete and cut != len(sample):
            continue
        try:
            text = codecs.getincrementaldecoder(enc)().decode(sample[:cut], final=False)
        except UnicodeDecodeError:
            continue
        share = _plausible_share(text)
        if share > best_share:
            best, best_share = enc, share
    return best


def kazakh_score(text: str) -> float:
    """Per 1,000 characters: Kazakh letters, minus a heavy price for the traces of a wrong code page.

    The traces: letters Kazakh and Russian never use, C1 controls, and case flips inside words.
    """
    kk = len(KAZAKH_RE.findall(text))
    wrong = len(FOREIGN_RE.findall(text)) + len(CASE_FLIP_RE.findall(text))
    return 1000.0 * (kk - 5 * wrong) / max(len(text), 1)


def _legacy(sample: bytes) -> str | None:
    """The best single-byte decoding of the sample: charset-normalizer's candidates, rescored for Kazakh."""
    sample = sample[:LEGACY_SAMPLE_BYTES]
    found = [m.encoding for m in from_bytes(sample)]
    scored = []
    for rank, enc in enumerate(found + [e for e in _CYRILLIC_PAGES if e not in found]):
        try:
            text = sample.decode(enc)
        except UnicodeDecodeError:
            continue  # includes a multi-byte candidate cut at the end of the sample: not worth the guess
        letters = max(len(LETTER_RE.findall(text)), 1)
        cyrillic = len(CYRILLIC_RE.findall(text)) / letters
        if enc not in found and cyrillic < 0.5:
            continue  # a Kazakh page is only a fair guess for Cyrillic text (a Latin-1 "£" would become "Ә")
        if len(CONTROL_RE.findall(text)) > 0.02 * len(text):
            continue  # C1 controls: not this page
        ours = cyrillic + len(LATIN_RE.findall(text)) / letters
        # the Kazakh score decides where the pages differ; then our scripts; then charset-normalizer's order
        scored.append((kazakh_score(text), round(min(ours, 1.0), 2), -rank, enc))
    return max(scored)[3] if scored else None


def detect(sample: bytes, complete: bool = True) -> Detected:
    """The encoding of `sample`, the head of a file (`complete` when it is the whole file)."""
    if not sample:
        raise EncodingError("empty file (0 bytes); remove it or put the article text in it", "empty")
    for bom, enc in _BOMS:
        if sample.startswith(bom):
            return Detected(enc, "bom")
    if b"\x00" in sample:
        wide = _wide_unicode(sample, complete)
        if wide:
            return Detected(wide, "utf-16-heuristic")
        raise EncodingError("binary file (it contains NUL bytes and is not UTF-16 text); "
                            "give a text file (.txt, .jsonl, ...) instead", "binary")
    controls = len(sample) - len(sample.translate(None, _CONTROLS))
    if controls > _MAX_CONTROL_SHARE * len(sample):
        raise EncodingError(f"binary file ({controls} control bytes in the first {len(sample)}); "
                            "give a text file (.txt, .jsonl, ...) instead", "binary")
    try:
        codecs.getincrementaldecoder("utf-8")().decode(sample, final=complete)
        return Detected("utf-8", "utf-8")
    except UnicodeDecodeError:
        pass
    legacy = _legacy(sample)
    if legacy is None:
        raise EncodingError("unknown text encoding (not UTF-8, UTF-16, cp1251, KZ-1048 or another that "
                            "charset-normalizer knows); re-save the file as UTF-8", "encoding")
    return Detected(codecs.lookup(legacy).name, "charset-normalizer")


def decode(data: bytes) -> tuple[str, str]:
    """Whole bytes to text and the codec used; raises EncodingError."""
    enc = detect(data[:SAMPLE_BYTES], complete=len(data) <= SAMPLE_BYTES).encoding
    try:
        return data.decode(enc), enc
    except UnicodeDecodeError as exc:
        raise EncodingError(f"bytes not valid in the detected encoding {enc} at byte {exc.start}; "
                            "re-save the file as UTF-8", "encoding") from None
