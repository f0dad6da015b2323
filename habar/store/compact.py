"""Small stored forms of the embedded store: a MinHash signature in 16 bits a value, the title's and lead's
index terms compressed against the article they came from, and meta compressed against its raw text. Each
decodes what an older habar wrote."""

from __future__ import annotations

import json
import zlib

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


# --- meta: compressed against the raw text and a frozen dictionary of its keys ---------------------------------------
META_FORMAT = b"\x02"  # raw deflate primed with _META_ZDICT_2 + the article's raw text; a zlib stream starts 0x78
META_UNCODED = b"\x03"  # the same, keyphrase keys as they are (see encode_meta)
# Keys and common values as compact JSON writes them, the most frequent last: deflate reaches near text for fewer
# bits, and the text follows. Frozen: a changed dictionary needs a new format byte, or stored meta stops decoding.
_META_ZDICT_2 = (
    '"author":"","published_raw":"","reader":"","static_check":,"cluster":'
    '"cleaning":[{"step":"clean_byline","step":"clean_artefacts","step":"clean_blanks","step":"clean_invisible",'
    '"step":"clean_repeats","step":"clean_boilerplate","reason":"","text":"","new":""},'
    '{"label":"science/technology","label":"travel","label":"geography","label":"entertainment",'
    '"label":"health","label":"sports","label":"politics","source":"seeds","source":"sib200"},'
    '"quality":{"ok":false,"reasons":["too_short","not_kazakh","mostly_boilerplate"],"ok":true,"reasons":[],'
    '"words":,"boilerplate_share":0.0}},'
    '"summary":{"sentences":[[0,],[,]],"text":null},"topic":{"label":"","score":0.'
    '"langs":[{"start":0,"end":,"lang":"ru"},{"start":0,"end":,"lang":"kk"}],'
    '"keyphrases":[{"text":"","key":"","score":,"count":1},{"text":"'
).encode("utf-8")


def encode_meta(meta: dict, raw: str) -> bytes:
    """An article's meta as the embedded store keeps it: its keyphrases, cleaning records and summary are mostly
    stretches of the raw text, and its keys repeat from article to article; a keyphrase's key (its words'
    base forms) is kept as how many letters each word of its text loses (584 bytes an article -> about 190)."""
    phrases = meta.get("keyphrases")
    kind = META_FORMAT
    if isinstance(phrases, list) and any(isinstance(p, dict) and _CODED in p for p in phrases):
        kind = META_UNCODED  # a field of that name already: coding the keys could not be undone
    elif isinstance(phrases, list) and phrases:
        meta = {**meta, "keyphrases": [_coded_phrase(p) for p in phrases]}
    c = zlib.compressobj(codecs.LEVEL, zlib.DEFLATED, -15, zdict=_meta_zdict(raw))
    return kind + c.compress(json.dumps(meta, ensure_ascii=False, separators=(",", ":")).encode()) + c.flush()


def decode_meta(blob: bytes, raw: str) -> dict:
    """Inverse of encode_meta; a zlib stream (codecs.pack: what an older habar and the PostgreSQL store write)
    decodes without the raw text."""
    if blob[:1] not in (META_FORMAT, META_UNCODED):
        return codecs.unpack(blob)
    d = zlib.decompressobj(-15, zdict=_meta_zdict(raw))
    meta = json.loads(d.decompress(blob[1:]) + d.flush())
    phrases = meta.get("keyphrases")
    if blob[:1] == META_FORMAT and isinstance(phrases, list):
        meta["keyphrases"] = [_plain_phrase(p) for p in phrases]
    return meta


_CODED = "key_drop"  # a coded key's field name, in the key's place (the order of the fields is kept)


def _coded_phrase(phrase):
    """The phrase with its key as letters dropped per word ("қосарлы валюта бағамына" -> [0, 0, 3]) when that
    gives the key back exactly; as it is otherwise."""
    if not (isinstance(phrase, dict) and isinstance(phrase.get("text"), str) and isinstance(phrase.get("key"), str)
            and _CODED not in phrase):
        return phrase
    words, keys = phrase["text"].casefold().split(" "), phrase["key"].split(" ")
    if len(words) != len(keys) or not all(w.startswith(k) for w, k in zip(words, keys)):
        return phrase
    code = [len(w) - len(k) for w, k in zip(words, keys)]
    if _key_of(phrase["text"], code) != phrase["key"]:
        return phrase
    return {(_CODED if k == "key" else k): (code if k == "key" else v) for k, v in phrase.items()}


def _plain_phrase(phrase):
    if not (isinstance(phrase, dict) and _CODED in phrase):
        return phrase
    return {("key" if k == _CODED else k): (_key_of(phrase["text"], v) if k == _CODED else v)
            for k, v in phrase.items()}


def _key_of(text: str, code: list[int]) -> str:
    return " ".join(w[:len(w) - n] for w, n in zip(text.casefold().split(" "), code))


def _meta_zdict(raw: str) -> bytes:
    return (_META_ZDICT_2 + raw.encode("utf-8", "surrogatepass"))[-32768:]


# --- annotations, format 3: what the terms text already says is left out --------------------------------------------
# Entity labels by number (a label outside the table is kept as it is). Frozen like the tag tables: append only.
ENTITY_LABELS = ("CARDINAL", "DATE", "GPE", "PERSON", "ORGANISATION", "POSITION", "PERCENTAGE", "ORDINAL", "MONEY",
                 "QUANTITY", "NORP", "LOCATION", "TIME", "FACILITY", "PROJECT", "ART", "EVENT", "DISEASE", "PRODUCT",
                 "LANGUAGE", "LAW", "MISCELLANEOUS", "CONTACT", "ADAGE", "NON_HUMAN")
_LABEL_CODES = {label: i for i, label in enumerate(ENTITY_LABELS)}


def label_codes(labels: list[str]) -> list[int | str]:
    return [_LABEL_CODES.get(label, label) for label in labels]


def labels_of(codes: list[int | str]) -> list[str]:
    return [ENTITY_LABELS[c] if isinstance(c, int) else c for c in codes]


def implied_lemma(word: str, upos: str, term: str) -> str:
    """The lemma a token's line of the terms text implies (its first term: the lemma case-folded, "" for
    punctuation). Stored lemmas are only those that differ, about one an article instead of one per token:
    a common word's lemma is its term, a proper name keeps the case of the word it begins, and punctuation is
    its own lemma."""
    if not term:
        return word
    return word[:len(term)] if upos == "PROPN" else term


def lemma_exceptions(tokens, lines: list[str]) -> dict[str, str]:
    """Token index -> lemma, for the tokens whose lemma is not the implied one."""
    out = {}
    for i, (t, line) in enumerate(zip(tokens, lines)):  # implied_lemma inlined: this runs for every token
        term = line.split("|", 1)[0] if "|" in line else line
        lemma = t.lemma
        if lemma != (t.text if not term else t.text[:len(term)] if t.upos == "PROPN" else term):
            out[str(i)] = lemma
    return out
