"""The embedded store's third layout: lemmas implied by the terms text, entity labels by number, meta compressed
against the raw text. Everything round-trips exactly, and what an older habar wrote still reads."""

from __future__ import annotations

import json
import zlib

import pytest

from habar.document import Article, Change, Entity, Sentence, Token
from habar.store import Store, codecs, records
from habar.store.compact import (META_FORMAT, _meta_zdict, decode_meta, encode_meta, implied_lemma, label_codes,
                                 labels_of, lemma_exceptions)


# --- lemmas implied by the token's line of the terms text ----------------------------------------------------------
@pytest.mark.parametrize("word, upos, term, lemma", [
    ("кітаптар", "NOUN", "кітап", "кітап"),              # a common word: its term
    ("Мемлекет", "NOUN", "мемлекет", "мемлекет"),        # capitalised at a sentence start: still the term
    ("кітабы", "NOUN", "кітап", "кітап"),                # п -> б: not a prefix, the term all the same
    ("Астанада", "PROPN", "астана", "Астана"),           # a name keeps the case of its word
    ("Қазақстанның", "PROPN", "қазақстан", "Қазақстан"),
    (",", "PUNCT", "", ","),                             # punctuation (no term) is its own lemma
])
def test_implied_lemma(word, upos, term, lemma):
    assert implied_lemma(word, upos, term) == lemma


@pytest.mark.parametrize("token, line, stored", [
    (Token("Астанада", 0, 8, "word", "Астана", "PROPN"), "астана", False),
    (Token("Алматыда", 0, 8, "word", "алматы", "PROPN"), "алматы", True),   # a name lower-cased by the lemmatiser
    (Token("оқылды", 0, 6, "word", "оқы", "VERB"), "оқы|оқыл", False),      # other readings follow "|"
    (Token(".", 0, 1, "punct", "", "PUNCT"), "", True),                     # punctuation with an empty lemma
    (Token("жазды", 0, 5, "word", "", ""), "жазды", True),                  # no lemmatiser ran: the term is the word
])
def test_only_lemmas_the_line_does_not_imply_are_stored(token, line, stored):
    assert lemma_exceptions([token], [line]) == ({"0": token.lemma} if stored else {})


def test_labels_by_number_and_unknown_labels_kept():
    labels = ["PERSON", "GPE", "NEW_KIND", "CARDINAL"]
    codes = label_codes(labels)
    assert codes[2] == "NEW_KIND" and all(isinstance(c, int) for c in codes[:2] + codes[3:])
    assert labels_of(codes) == labels


# --- meta ----------------------------------------------------------------------------------------------------------
RAW = ("Астанада Халықаралық парламентшілер конференциясы өтті.\n"
       "Конференцияға қатысушылар қосарлы валюта бағамына қатысты ұсыныстар айтты.\n"
       "Оқырмандарға жазылыңыз!")
META = {
    "langs": [{"start": 0, "end": 130, "lang": "kk"}],
    "keyphrases": [{"text": "Халықаралық парламентшілер конференциясы",
                    "key": "халықаралық парламентшілер конференция", "score": 20.78, "count": 1},
                   {"text": "қосарлы валюта бағамына", "key": "қосарлы валюта бағам", "score": 18.583, "count": 1},
                   {"text": "жаңа кітабы", "key": "жаңа кітап", "score": 9.1, "count": 2},  # б -> п: key kept
                   {"text": "ҚР Үкіметі", "key": "қр үкімет", "score": 8.0, "count": 1}],
    "cleaning": [{"step": "clean_boilerplate", "reason": "boilerplate", "text": "Оқырмандарға жазылыңыз!",
                  "new": ""}],
    "summary": {"sentences": [[0, 56]], "text": None},
    "topic": {"label": "politics", "score": 0.25, "source": "sib200"},
    "quality": {"ok": True, "reasons": [], "words": 16, "boilerplate_share": 0.2},
}


@pytest.mark.parametrize("meta, raw", [(META, RAW), ({}, ""), ({"author": "Ә. Бек"}, RAW), (META, "")])
def test_meta_round_trip(meta, raw):
    blob = encode_meta(meta, raw)
    assert blob[:1] == META_FORMAT
    assert decode_meta(blob, raw) == meta


def test_keyphrase_keys_kept_as_letters_dropped():
    blob = encode_meta(META, RAW)
    d = zlib.decompressobj(-15, zdict=_meta_zdict(RAW))
    stored = json.loads(d.decompress(blob[1:]) + d.flush())["keyphrases"]
    assert [p.get("key", p.get("key_drop")) for p in stored] == [[0, 0, 2], [0, 0, 3], "жаңа кітап", [0, 1]]
    assert META["keyphrases"][0]["key"] == "халықаралық парламентшілер конференция"  # the caller's meta untouched
    back = decode_meta(blob, RAW)["keyphrases"]
    assert [list(p) for p in back] == [list(p) for p in META["keyphrases"]]  # fields in their order


@pytest.mark.parametrize("phrase", [
    {"text": "жаңа кітап", "key": [1, 2]},                         # a key that is a list already
    {"text": "жаңа кітап", "key": "жаңа кітап", "key_drop": 1},    # a field named like the coded key
    {"text": "жаңа", "key": None},
    "жаңа кітап",                                                   # a phrase that is a plain string
])
def test_unusual_keyphrases_round_trip(phrase):
    meta = {"keyphrases": [phrase]}
    assert decode_meta(encode_meta(meta, RAW), RAW) == meta


def test_meta_is_smaller_than_plain_and_plain_still_decodes():
    plain = records.pack(META)  # what an older habar and the PostgreSQL store keep
    assert decode_meta(plain, RAW) == decode_meta(plain, "") == META
    assert len(encode_meta(META, RAW)) < 0.7 * len(plain)


# --- whole articles through a store ---------------------------------------------------------------------------------
def _article(aid: str = "l1") -> Article:
    raw = "Астанада  меморандумға қол қойылды.\nАлматыда кітабы оқылды."
    text = raw.replace("  ", " ", 1)
    tokens = [Token("Астанада", 0, 8, "word", "Астана", "PROPN", "Case=Loc"),
              Token("меморандумға", 9, 21, "word", "меморандум", "NOUN", "Case=Dat"),
              Token("қол", 22, 25, "word", "қол", "NOUN", "Case=Nom"),
              Token("қойылды", 26, 33, "word", "қой", "VERB", "Voice=Pass|Rare=Feature"),
              Token(".", 33, 34, "punct", "", "PUNCT", ""),
              Token("Алматыда", 35, 43, "word", "алматы", "PROPN", "Case=Loc"),
              Token("кітабы", 44, 50, "word", "кітап", "NOUN", "Case=Nom"),
              Token("оқылды", 51, 57, "word", "", "", ""),
              Token(".", 57, 58, "punct", ".", "PUNCT", "")]
    return Article(
        id=aid, raw=raw, text=text, title="Меморандум", source="x.kz", url=f"https://x.kz/{aid}",
        published="2019-11-21", lang="kk", changes=[Change(8, 10, " ", "spaces")],
        sentences=[Sentence(0, 34), Sentence(35, 58)], tokens=tokens,
        entities=[Entity("Астанада", "GPE", 0, 8, norm="Астана", group=0),
                  Entity("меморандумға", "NEW_KIND", 9, 21, value={"n": 1})],
        meta={**META, "summary": {"sentences": [[0, 34]], "text": text[:34]}})


def test_store_form_is_format_3_and_round_trips(tmp_path):
    article = _article()
    rec = records.to_record(article, "steps", {"3": ["қойыл"]})
    text = records.article_text(rec.raw, rec.changes)
    assert codecs.unpack(rec.store_annotations, text)["v"] == 3
    assert codecs.unpack(rec.annotations, text)["v"] == 2  # the portable form decodes alone
    assert len(rec.store_meta) < len(rec.meta)
    with Store(tmp_path) as store:
        store.write([rec])
        assert store.get("l1") == article
        assert store.article_meta("l1") == article.meta
        assert store.article_meta("missing") is None
        (row,) = [r for r in store.changed_since(0)]
        assert row[9]["topic"]["label"] == "politics"  # the index gets the meta decoded


def test_rows_of_the_second_layout_still_read(tmp_path):
    """A store written by the previous habar: annotations format 2 without facts, meta a plain zlib stream."""
    article = _article("old")
    rec = records.to_record(article, "steps")
    text = records.article_text(rec.raw, rec.changes)
    v2 = json.loads(records.decode_article({**_row(rec), "annotations": rec.annotations}).to_json())
    assert v2 == json.loads(article.to_json())
    with Store(tmp_path) as store:
        store.write([rec])
        data = codecs.unpack(rec.annotations, text)
        del data["facts"]
        old_raw = zlib.compress(article.raw.encode())
        store.conn.execute("UPDATE articles SET meta = ?, raw = ?, annotations = NULL", (rec.meta, old_raw))
        store.conn.execute("INSERT INTO annotations(article, data) SELECT rowid, ? FROM articles",
                           (codecs.pack(data, text),))
        assert store.get("old") == article
        assert [a.id for a in store.iter_articles()] == ["old"]
        assert store.article_meta("old") == article.meta
        # rewriting an article of the older layout moves its annotations into its row
        changed = _article("old")
        changed.title = "Жаңа тақырып"
        assert store.write([records.to_record(changed, "steps")]) == ["updated"]
        assert store.conn.execute("SELECT count(*) FROM annotations").fetchone()[0] == 0
        assert store.get("old") == changed


def test_a_store_of_schema_2_is_brought_forward(tmp_path, monkeypatch):
    import sqlite3

    from habar.store import schema

    conn = sqlite3.connect(tmp_path / "habar.sqlite", isolation_level=None)
    monkeypatch.setattr(schema, "MIGRATIONS", schema.MIGRATIONS[:2])
    assert schema.migrate(conn) == 2
    conn.close()
    monkeypatch.undo()
    with Store(tmp_path) as store:
        assert store.conn.execute("PRAGMA user_version").fetchone()[0] == len(schema.MIGRATIONS) == 7
        store.write([records.to_record(_article(), "steps")])
        assert store.get("l1") == _article()


def _row(rec) -> dict:
    return {k: getattr(rec, k) for k in ("id", "title", "source", "url", "published", "lang", "raw", "changes",
                                         "meta", "terms", "spans")}
