"""The compact blob encodings: each round-trips exactly, and blobs of the first format still decode."""

from __future__ import annotations

import json
import zlib

import numpy as np
import pytest

from habar.document import Article, Change, Entity, Fact, Sentence, Token
from habar.store import codecs, records


# --- lemmas as prefix lengths -------------------------------------------------------------------------------------
@pytest.mark.parametrize("word, lemma, code", [
    ("кітаптар", "кітап", 5),            # a prefix of the word
    ("Астанада", "Астана", 6),           # a prefix, case kept
    ("Мемлекет", "мемлекет", -8),        # a prefix of the case-folded word
    ("Қазақстанның", "қазақстан", -9),   # Kazakh capitals fold too
    ("кітабы", "кітап", "кітап"),        # п -> б: not a prefix, kept as it is
    (",", "", 0),                        # punctuation has no lemma
    ("ІІМ", "ішкі істер министрлігі", "ішкі істер министрлігі"),
])
def test_lemma_code(word, lemma, code):
    assert codecs.lemma_code(word, lemma) == code
    assert codecs.lemma_of(word, code) == lemma


# --- spans --------------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("pairs, width", [
    ([(0, 5), (6, 13), (13, 14)], 1),        # short tokens one space apart: one byte a value
    ([(0, 5), (700, 705)], 2),               # a long gap
    ([(0, 5), (100_000, 100_003)], 4),       # a gap beyond 16 bits
    ([], 1),
])
def test_spans_round_trip(pairs, width):
    flat = np.array([x for p in pairs for x in p], dtype=np.int64)
    blob = codecs.encode_spans(flat)
    assert blob[0] == codecs.SPLIT | width  # the gaps, then the lengths
    assert codecs.decode_spans(blob).tolist() == [list(p) for p in pairs]
    # the previous layout: (gap, length) pairs interleaved, zlib
    dtype = {1: np.uint8, 2: np.uint16, 4: np.int32}[width]
    interleaved = bytes([width]) + zlib.compress(np.diff(flat, prepend=0).astype(dtype).tobytes(), 9)
    assert codecs.decode_spans(interleaved).tolist() == [list(p) for p in pairs]


def test_spans_of_the_first_format_decode():
    flat = np.array([0, 5, 6, 13], dtype=np.int64)
    old = zlib.compress(np.diff(flat, prepend=0).astype(np.int32).tobytes(), 6)
    assert codecs.decode_spans(old).tolist() == [[0, 5], [6, 13]]


# --- primed compression -----------------------------------------------------------------------------------------
def test_primed_blob_needs_its_text():
    text = "Меморандумға қол қойылды. Меморандум екі елдің ынтымақтастығын кеңейтеді."
    data = "\nмеморандум\nқол\nқой\n".encode()
    blob = codecs.compress(data, text.casefold())
    assert blob[:1] == codecs.PRIMED
    assert codecs.decompress(blob, text.casefold()) == data
    with pytest.raises(ValueError, match="pass the text"):
        codecs.decompress(blob)
    plain = codecs.compress(data)
    assert codecs.decompress(plain) == data == codecs.decompress(plain, "any text")


# --- tags -----------------------------------------------------------------------------------------------------------
def test_tags_shared_and_own():
    triples = [("word", "NOUN", "Case=Nom"), ("punct", "PUNCT", ""), ("word", "X", "Made=Up"), ("word", "X", "Made=Up")]
    own, ids = codecs.tag_ids(triples)
    assert own == ["word\tX\tMade=Up"]  # only the tag outside the shared table is carried by the article
    assert ids[2] == ids[3] >= len(codecs.TAGSETS[codecs.CURRENT])
    assert codecs.tags_of(ids, own, codecs.CURRENT) == triples


# --- whole records ------------------------------------------------------------------------------------------------
def _article() -> Article:
    raw = "Астанада  меморандумға қол қойылды.\nКітабы оқылды."
    text = "Астанада меморандумға қол қойылды.\nКітабы оқылды."
    tokens = [Token("Астанада", 0, 8, "word", "Астана", "PROPN", "Case=Loc"),
              Token("меморандумға", 9, 21, "word", "меморандум", "NOUN", "Case=Dat"),
              Token("қол", 22, 25, "word", "қол", "NOUN", "Case=Nom"),
              Token("қойылды", 26, 33, "word", "қой", "VERB", "Voice=Pass|Rare=Feature"),
              Token(".", 33, 34, "punct", "", "PUNCT", ""),
              Token("Кітабы", 35, 41, "word", "кітап", "NOUN", "Case=Nom"),
              Token("оқылды", 42, 48, "word", "оқы", "VERB", ""),
              Token(".", 48, 49, "punct", "", "PUNCT", "")]
    return Article(
        id="a1", raw=raw, text=text, title="Меморандум", source="x.kz", url="https://x.kz/1", published="2019-11-21",
        lang="kk", changes=[Change(8, 10, " ", "spaces")], sentences=[Sentence(0, 34), Sentence(35, 49)],
        tokens=tokens,
        entities=[Entity("Астанада", "GPE", 0, 8, norm="Астана", group=0),
                  Entity("меморандумға", "EVENT", 9, 21, norm="меморандумға", value={"n": 1})],
        facts=[Fact("agreement", 0, 34, {"subject_span": [9, 21], "what": "меморандум"})],
        meta={"summary": {"sentences": [[0, 34]], "text": text[0:34]}, "quality": {"ok": True}})


def _row(rec) -> dict:
    return {k: getattr(rec, k) for k in ("id", "title", "source", "url", "published", "lang", "raw", "changes",
                                         "meta", "terms", "spans", "annotations")}


def test_record_round_trip():
    article = _article()
    rec = records.to_record(article, "steps", {"3": ["қойыл"]})
    assert records.unpack(rec.meta)["summary"]["text"] is None  # given back by the text, not stored
    expected = json.loads(article.to_json())
    assert json.loads(records.decode_article(_row(rec)).to_json()) == expected  # portable: facts inside
    stored = _row(rec) | {"terms": rec.store_terms, "annotations": rec.store_annotations}
    assert json.loads(records.decode_article(stored, rec.facts).to_json()) == expected  # facts from the table
    text = records.article_text(rec.raw, rec.changes)
    assert records.decode_terms(rec.store_terms, text) == records.decode_terms(rec.terms)
    assert records.decode_terms(rec.terms).split("\n")[4] == "қой|қойыл"
    assert len(rec.store_annotations) < len(rec.annotations)


def test_changes_that_do_not_explain_the_text_are_replaced():
    article = _article()
    article.changes = []  # the text differs from raw, yet no change says how
    rec = records.to_record(article, "steps")
    assert records.article_text(rec.raw, rec.changes) == article.text


def test_first_format_still_decodes():
    article = _article()
    rec = records.to_record(article, "steps")
    toks = article.tokens
    old = records.pack({
        "sentences": {"start": [0, 35], "end": [34, 49]},
        "tokens": {"text": [None] * len(toks), "kind": [t.kind for t in toks], "upos": [t.upos for t in toks],
                   "feats": [t.feats for t in toks],
                   "lemma": [len(t.lemma) if t.lemma and t.text.startswith(t.lemma) else t.lemma for t in toks]},
        "entities": {"text": [None, None], "label": ["GPE", "EVENT"], "start": [0, 9], "end": [8, 21],
                     "norm": ["Астана", None], "value": [None, {"n": 1}], "group": [0, -1]},
        "facts": [{"kind": "agreement", "start": 0, "end": 34,
                   "args": {"subject_span": [9, 21], "what": "меморандум"}}],
    })
    row = _row(rec) | {"annotations": old, "meta": records.pack(article.meta)}
    back = records.decode_article(row)
    assert json.loads(back.to_json()) == json.loads(article.to_json())
