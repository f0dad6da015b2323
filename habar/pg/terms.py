"""A store record's search columns: its lemmas as a tsvector, and the keys filters and facets read.

The tsvector is written as text ('lemma':position+weight ...) and cast, so PostgreSQL's parser and stemmers never
see Kazakh: the terms are exactly those of the tantivy index (habar.search.index.make_document).
- Positions: the title's terms at 1..T, then a gap, then the body at T + 2 + token index. Token indexes count
  punctuation, so a phrase does not match across it, nor across the end of the title.
- Weights say which field a position belongs to: A title, B the lede (first sentence), C the rest of the body,
  D the other lemmas the morphology allows (tantivy's `alt`). A phrase asks for A, B or C only (habar.pg.query).
- PostgreSQL keeps at most 256 positions per lexeme and positions up to 16383: beyond that a word still matches,
  but a phrase starting there does not.
"""

from __future__ import annotations

from habar.search.analysis import fold
from habar.search.index import GAP, fact_terms, parse_date
from habar.store import records
from habar.store.records import Record

MAX_POS = 16383
MAX_POSITIONS = 256
MAX_LEXEME_BYTES = 2046


def quote(term: str) -> str:
    return "'" + term.replace("\\", "\\\\").replace("'", "''") + "'"


def tsvector_text(terms: str, title_terms: str, lead_terms: str) -> str:
    """The tsvector, as text, of a record's terms (habar.store.records.decode_terms) and title and lede terms."""
    positions: dict[str, list[str]] = {}

    def put(term: str, pos: int, weight: str) -> None:
        if not term or term == GAP or pos > MAX_POS or len(term.encode()) > MAX_LEXEME_BYTES:
            return
        at = positions.setdefault(term, [])
        if len(at) < MAX_POSITIONS:
            at.append(f"{pos}{weight}")

    title = title_terms.split()
    for i, term in enumerate(title):
        put(term, i + 1, "A")
    base = len(title) + 2
    lead = len(lead_terms.split())
    seen = 0
    for i, line in enumerate(terms[1:-1].split("\n")):
        if not line:
            continue
        chosen, *alts = line.split("|")
        if chosen:
            seen += 1
            put(chosen, base + i, "B" if seen <= lead else "C")
        for alt in alts:
            put(alt, base + i, "D")
    return " ".join(f"{quote(t)}:{','.join(p)}" for t, p in positions.items())


def search_columns(terms: str, title_terms: str, lead_terms: str, source: str, lang: str, published: str,
                   meta: bytes | None, facts: list[tuple[str, int, int, str]],
                   entities: list[tuple[str, str, str, int]]) -> dict:
    """The columns of `articles` that search reads, beside the store's own and `ent`, which the merge fills in
    from the stored names (habar.pg.load.FACET_ENTITIES). `terms`: decoded (records.decode_terms); `facts`:
    (kind, start, end, args JSON); `entities`: (label, norm, key, mentions)."""
    date = parse_date(published)
    fields = fact_terms(meta, facts)
    return {
        "tsv": tsvector_text(terms, title_terms, lead_terms),
        "pub": date,
        "pub_month": date.strftime("%Y-%m") if date else "",
        "source_key": fold(source) if source else "",
        "lang_key": fold(lang) if lang else "",
        "etype": sorted({label for label, *_ in entities}),
        "has": sorted(fields["has"]), "speaker": sorted(fields["speaker"]),
        "event": sorted(fields["event"]), "topic": sorted(fields["topic"]),
    }


def record_columns(rec: Record) -> dict:
    """search_columns of a record about to be written."""
    terms = records.decode_terms(rec.terms, records.article_text(rec.raw, rec.changes))
    return search_columns(terms, rec.title_terms, rec.lead_terms, rec.source, rec.lang, rec.published, rec.meta,
                          rec.facts, [(label, norm, key, n) for label, norm, key, n, _ in rec.entities])
