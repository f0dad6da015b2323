"""The tantivy index: rebuildable from the store, and caught up from the store's sequence numbers.

The index keeps a marker file with the store epoch and the last store rev it has committed. It is written only
after a tantivy commit returns, so it is never ahead of the index; replaying from an older rev is harmless,
because every document is deleted by id before it is added again.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
from datetime import datetime
from pathlib import Path

import tantivy

from habar.document import Article, Fact
from habar.facts.view import search_fields
from habar.search.analysis import fold
from habar.store import Store, records

log = logging.getLogger(__name__)

SCHEMA_VERSION = 13  # 9: the fact fields has, speaker, event and topic; 10: pairs; 11: pairs per field, with freqs;
# 12: words (one field ranks a word), instead of alt and lead; 13: row (the store's rowid) instead of a stored ent
# Our analysis is done before the index sees the text: a field gets its lemmas joined by spaces, one per token
# position, with GAP where a token has none (punctuation), and tantivy's whitespace tokenizer numbers them. The
# stop-word filter drops GAP but keeps the position it took, so a phrase does not match across punctuation.
# Measured against PreTokenizedString (a tantivy.Token object per token, built in Python) on 1,000 articles of
# the scale benchmark, under cProfile: building the documents took 5.1 s that way and 1.1 s this way, which
# took the single writer process from 44 to 67 articles/s of store and index work; the postings are the same.
LEMMAS = "habar_lemmas"
GAP = "_"
PAIR = "|"  # joins the two lemmas of a pair; never inside a lemma (the terms' own separator, records.decode_terms)
PAIRS = {"body": "body_pairs", "title": "title_pairs"}  # the field that holds each positional field's lemma pairs
MARKER = "habar-index.json"
HEAP = 64_000_000  # bytes for the one indexing thread; tantivy flushes a segment when it is full


def build_schema() -> tantivy.Schema:
    sb = tantivy.SchemaBuilder()
    sb.add_text_field("id", stored=True, tokenizer_name="raw")
    # the lemmas chosen in context, at token positions (see LEMMAS): phrases, and title: queries
    for name in ("title", "body"):
        sb.add_text_field(name, tokenizer_name=LEMMAS, index_option="position")
    # A word is ranked in one field, BM25F-style (as Elasticsearch's combined_fields): every lemma of the article,
    # chosen or not, with the title's twice and the lede's (first sentence) once more, so that a field's weight is
    # a term frequency. At 1M articles an OR of the word over body, title, lede and the other lemmas took 2-3 times
    # as long to rank and count as one field (tantivy's union scorer): 5.2 and 4.9 ms a query against 3.2 and 3.6.
    sb.add_text_field("words", tokenizer_name=LEMMAS, index_option="freq")
    # the pairs of adjacent chosen lemmas of body and of title (PAIR-joined), with their frequencies, as Lucene's
    # shingles: a two-word phrase is one term there, ranked by the pair's own rarity, and a longer phrase checks
    # positions only in the articles that have all its pairs. At 1M articles a phrase of common words ("екі жүз",
    # in 128,000 of them) took 87 ms to rank, reading positions in every article with both words.
    for name in PAIRS.values():
        sb.add_text_field(name, tokenizer_name=LEMMAS, index_option="freq")
    # typed ("PERSON:қасым-жомарт тоқаев") feeds the entity filters; the entity facets come from the store
    for name in ("source", "lang", "month"):
        sb.add_text_field(name, fast=True, tokenizer_name="raw", index_option="basic")
    sb.add_text_field("etype", tokenizer_name="raw", index_option="basic")
    sb.add_text_field("typed", tokenizer_name="raw", index_option="basic")
    sb.add_text_field("entity", tokenizer_name="raw", index_option="freq")
    # facts (habar.facts.view.search_fields): has:quote, speaker:"..." (a base form, keyed as entities are),
    # type:agreement (event kinds, lower-case, beside the upper-case entity labels in etype), topic:politics
    for name in ("has", "speaker", "event", "topic"):
        sb.add_text_field(name, tokenizer_name="raw", index_option="basic")
    sb.add_date_field("published", indexed=True, fast=True)
    # the article's rowid in the store, read for a page of hits in one call (Searcher.fast_field_values) where
    # a stored document costs 20 µs a hit; the store never reuses a rowid (schema 7)
    sb.add_unsigned_field("row", fast=True)
    return sb.build()


SCHEMA = build_schema()


def parse_date(text: str) -> datetime | None:
    """The date part of an ISO date or datetime, as tantivy wants it; None when there is none."""
    try:
        return datetime.fromisoformat(text[:19]) if text else None
    except ValueError:
        try:
            return datetime.fromisoformat(text[:10])
        except ValueError:
            return None


def lemma_analyzer() -> tantivy.TextAnalyzer:
    return tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.whitespace()).filter(
        tantivy.Filter.custom_stopword([GAP])).build()


def body_texts(terms: str) -> tuple[str, str]:
    """The body field (the lemma chosen in context at each token position) and the tokens' other lemmas, from
    the terms text (records.decode_terms)."""
    lines = terms[1:-1].split("\n")
    body = " ".join(line.split("|", 1)[0] or GAP for line in lines)
    alt = " ".join(line.split("|", 1)[1] for line in lines if "|" in line).replace("|", " ")
    return body, alt


def pair(first: str, second: str) -> str:
    return first + PAIR + second


def pairs_text(text: str) -> str:
    """The pairs of adjacent lemmas of a field text (as tantivy numbers its positions: whitespace-separated, GAP
    taking a position), never across a GAP."""
    words = text.split()
    return " ".join(pair(a, b) for a, b in zip(words, words[1:]) if a != GAP and b != GAP)


def fact_terms(meta_blob: bytes | None, facts: list[tuple[str, int, int, str]]) -> dict[str, set[str]]:
    """Index field -> terms of an article's facts (rows of the store's facts table) and its topic (in meta)."""
    article = Article(id="", raw="", meta=records.unpack(meta_blob) if meta_blob else {},
                      facts=[Fact(kind, start, end, json.loads(args)) for kind, start, end, args in facts])
    fields = search_fields(article)
    return {"has": {fold(v) for v in fields["has"]}, "speaker": {records.entity_key(v) for v in fields["speaker"]},
            "event": {fold(v) for v in fields["type"]}, "topic": {fold(v) for v in fields["topic"]}}


def make_document(row) -> tantivy.Document:
    """The index document of one store row (see Store.changed_since, which decodes the terms). The text itself is
    not needed: the index stores nothing but the id, and snippets are cut from the store."""
    rowid, article_id, _, source, published, lang, terms, title_terms, lead_terms, meta, entities, facts = row
    doc = tantivy.Document()
    doc.add_text("id", article_id)
    doc.add_unsigned("row", rowid)
    body, alt = body_texts(terms)
    words = " ".join(t for t in (title_terms, title_terms, lead_terms, body, alt) if t)
    for name, value in (("body", body), ("title", title_terms), ("words", words),
                        (PAIRS["body"], pairs_text(body)), (PAIRS["title"], pairs_text(title_terms))):
        if value:
            doc.add_text(name, value)
    for name, value in (("source", source), ("lang", lang)):
        if value:
            doc.add_text(name, fold(value))
    date = parse_date(published)
    if date is not None:
        doc.add_date("published", date)
        doc.add_text("month", date.strftime("%Y-%m"))
    for label in {label for label, *_ in entities}:
        doc.add_text("etype", label)
    for label, norm, key, mentions in entities:
        for _ in range(mentions):  # one token per mention: BM25 ranks the articles that talk most about it first
            doc.add_text("entity", key)
        doc.add_text("typed", f"{label}:{key}")
    for name, values in fact_terms(meta, facts).items():
        for value in sorted(values):
            doc.add_text(name, value)
    return doc


class Index:
    """The index directory of a data dir; `writer()` is taken by at most one process at a time."""

    def __init__(self, data_dir: str | Path):
        self.path = Path(data_dir) / "index"
        self.marker_path = self.path / MARKER
        self.path.mkdir(parents=True, exist_ok=True)
        try:
            self.tantivy = tantivy.Index(SCHEMA, path=str(self.path), reuse=True)
        except ValueError as exc:  # an index of an older habar: it is rebuilt from the store, which is the truth
            if "schema does not match" not in str(exc):
                raise
            log.warning("%s: the index was built by another habar version; rebuilding it from the store", self.path)
            self.marker_path.unlink(missing_ok=True)
            self.tantivy = tantivy.Index(SCHEMA, path=str(self.path), reuse=False)
        self.tantivy.register_tokenizer(LEMMAS, lemma_analyzer())
        self._writer: tantivy.IndexWriter | None = None
        self.cursor = 0  # the rev up to which documents have been added (committed or not)

    def marker(self) -> dict:
        try:
            return json.loads(self.marker_path.read_text())
        except (FileNotFoundError, json.JSONDecodeError):
            return {}

    def writer(self) -> tantivy.IndexWriter:
        """Take the index's writer lock; ValueError when another process holds it."""
        if self._writer is None:
            self._writer = self.tantivy.writer(heap_size=HEAP, num_threads=1)
        return self._writer

    def close(self) -> None:
        if self._writer is not None:
            self._writer.wait_merging_threads()
            self._writer = None

    def catch_up(self, store: Store) -> int:
        """Make the index equal to the store: rebuild if it belongs to another store or schema, else apply
        what changed since its marker; returns the number of documents (re)indexed."""
        writer = self.writer()
        marker = self.marker()
        if marker.get("epoch") != store.epoch() or marker.get("schema") != SCHEMA_VERSION:
            writer.delete_all_documents()
            self.cursor = 0
        else:
            self.cursor = max(self.cursor, marker.get("rev", 0))
        done = self.sync(store)
        self.commit(store)
        self.tantivy.reload()
        if self.tantivy.searcher().num_docs != store.count():  # e.g. an index restored from an old backup
            writer.delete_all_documents()
            self.cursor = 0
            done = self.sync(store)
            self.commit(store)
        return done

    def sync(self, store: Store) -> int:
        """Add what the store wrote after `cursor`, deleting each id first; not yet committed."""
        writer = self.writer()
        done = 0
        upto = store.rev()  # read first: every write up to it is committed, so the reads below see it
        for rev, article_id in store.deleted_since(self.cursor):
            writer.delete_documents_by_term("id", article_id)
        for row in store.changed_since(self.cursor):
            writer.delete_documents_by_term("id", row[1])
            writer.add_document(make_document(row))
            self.cursor = max(self.cursor, row[2])
            done += 1
        self.cursor = max(self.cursor, upto)
        return done

    def commit(self, store: Store) -> None:
        self.writer().commit()
        tmp = self.marker_path.with_suffix(".tmp")
        tmp.write_text(json.dumps({"schema": SCHEMA_VERSION, "epoch": store.epoch(), "rev": self.cursor}))
        os.replace(tmp, self.marker_path)

    def rebuild(self, store: Store) -> int:
        self.writer().delete_all_documents()
        self.cursor = 0
        done = self.sync(store)
        self.commit(store)
        self.writer().garbage_collect_files()
        return done

    @staticmethod
    def remove(data_dir: str | Path) -> None:
        shutil.rmtree(Path(data_dir) / "index", ignore_errors=True)
