"""The query language: words, "phrases", -exclusion, OR, and field filters, turned into a tantivy query.

    меморандум "ақпараттық қоғам" -Корея source:zakon.kz lang:kk date:2019-11..2020-01
    entity:"Қасым-Жомарт Тоқаев" type:PERSON  Astana OR Almaty  title:форум
    has:quote speaker:"Асқар Мамин" type:agreement topic:politics

Words go through the document analyzer (habar.search.analysis), so a word matches every inflected form of
each of its lemmas; a phrase matches lemmas at consecutive positions. `type:` in upper case (PERSON, GPE) is an
entity label; otherwise it is an event kind (agreement, meeting, меморандум), or an entity label as well.
"""

from __future__ import annotations

import calendar
import itertools
import re
from dataclasses import dataclass, field
from datetime import datetime

import tantivy

from habar.search.analysis import Analyzer, fold
from habar.search.index import PAIRS, SCHEMA, pair

FIELDS = {"source", "lang", "date", "entity", "type", "title", "has", "speaker", "topic"}
TITLE_BOOST = 2.0  # a phrase in the title; a word's weights per field are in the words field (habar.search.index)
MAX_PHRASE_VARIANTS = 32  # ambiguous phrase words multiply; beyond this the rarest readings are dropped

_CLAUSE = re.compile(
    r'(?P<neg>-)?(?:(?P<field>[A-Za-z]+):)?(?:["«“„](?P<phrase>[^"»”“]*)["»”“]?|(?P<word>[^\s"«“„]+))')


class QueryError(ValueError):
    pass


@dataclass(slots=True)
class Clause:
    value: str
    field: str | None = None
    phrase: bool = False
    negative: bool = False


@dataclass
class Parsed:
    groups: list[list[Clause]]  # clauses inside a group are OR'ed; groups are AND'ed
    highlight: set[str] = field(default_factory=set)  # terms whose words snippets mark


def parse(text: str) -> Parsed:
    groups: list[list[Clause]] = []
    join = False
    for m in _CLAUSE.finditer(text):
        word, phrase, fname = m.group("word"), m.group("phrase"), m.group("field")
        if word == "OR" and not fname and not m.group("neg"):
            join = bool(groups)
            continue
        if fname and fname.lower() not in FIELDS:  # "12:30", "http://..." are words, not filters
            word, phrase, fname = m.group(0).lstrip("-"), None, None
        value = phrase if phrase is not None else word
        if not value or not value.strip():
            continue
        clause = Clause(value, fname.lower() if fname else None, phrase is not None, bool(m.group("neg")))
        if join:
            groups[-1].append(clause)
        else:
            groups.append([clause])
        join = False
    return Parsed(groups)


def _term(field_name: str, value) -> tantivy.Query:
    return tantivy.Query.term_query(SCHEMA, field_name, value)


def _filter(q: tantivy.Query) -> tantivy.Query:
    return tantivy.Query.const_score_query(q, 0.0)


def _text_query(words: list[frozenset[str]], title_only: bool = False) -> tantivy.Query:
    """A word: any of its lemmas, in the words field (the whole article) or the title. Several words: the phrase,
    over each combination of lemmas, in body and title (the chosen lemmas, at positions). One flat OR of (boosted)
    terms or phrases, not an OR per field: the same scores, and tantivy scores a flat union faster."""
    if len(words) == 1:
        return _should([_term("title" if title_only else "words", t) for t in sorted(words[0])])
    variants = list(itertools.islice(itertools.product(*[sorted(w) for w in words]), MAX_PHRASE_VARIANTS))
    fields = ("title",) if title_only else ("body", "title")
    if len(words) == 2:  # a term of the pairs fields (habar.search.index.PAIRS): no positions to read
        return _should([_boosted(_term(PAIRS[name], pair(*v)), name) for name in fields for v in variants])
    phrases = _should([_boosted(tantivy.Query.phrase_query(SCHEMA, name, list(v)), name)
                       for name in fields for v in variants])
    # only an article with every pair of a variant in one field can hold the phrase there: tantivy checks
    # positions in those alone; the filter scores 0, so the phrases' scores are unchanged
    having = _should([_all([_term(PAIRS[name], pair(a, b)) for a, b in zip(v, v[1:])])
                      for name in fields for v in variants])
    return tantivy.Query.boolean_query([(tantivy.Occur.Must, _filter(having)), (tantivy.Occur.Must, phrases)])


def _boosted(q: tantivy.Query, field_name: str) -> tantivy.Query:
    return tantivy.Query.boost_query(q, TITLE_BOOST) if field_name == "title" else q


def _all(queries: list[tantivy.Query]) -> tantivy.Query:
    return queries[0] if len(queries) == 1 else tantivy.Query.boolean_query(
        [(tantivy.Occur.Must, q) for q in queries])


def _should(queries: list[tantivy.Query]) -> tantivy.Query:
    if not queries:
        return tantivy.Query.empty_query()
    return queries[0] if len(queries) == 1 else tantivy.Query.boolean_query(
        [(tantivy.Occur.Should, q) for q in queries])


MAX_MONTH_TERMS = 240  # longer ranges (decades) are left to the date column


def _month_bounds(text: str, end: bool) -> datetime:
    """'2019', '2019-11' or '2019-11-21' as the first (or last) moment it covers."""
    parts = [int(p) for p in text.split("-")]
    if not 1 <= len(parts) <= 3:
        raise ValueError(text)
    y, m, d = (parts + [0, 0])[:3]
    if not end:
        return datetime(y, m or 1, d or 1)
    m = m or 12
    return datetime(y, m, d or calendar.monthrange(y, m)[1], 23, 59, 59)


def date_bounds(value: str) -> tuple[datetime | None, datetime | None]:
    """The first and last moment of a date: filter (either may be open); QueryError naming the fix."""
    lo, sep, hi = value.partition("..")
    try:
        start = _month_bounds(lo, False) if lo else None
        stop = _month_bounds(hi if sep else lo, True) if (hi or not sep) else None
    except ValueError:
        raise QueryError(f"date:{value}: expected YYYY, YYYY-MM or YYYY-MM-DD, or a range like "
                         "date:2019-11..2020-01; fix the date filter") from None
    return start, stop


def _date_range(start: datetime | None, stop: datetime | None) -> tantivy.Query:
    return tantivy.Query.range_query(SCHEMA, "published", tantivy.FieldType.Date, start, stop)


def _date_query(value: str) -> tantivy.Query:
    """The articles of a date: filter. The whole months it covers are terms of the month field: intersected
    with a common word, their postings cost tantivy half of a range over the date column (6.5 against 12.4 ms
    for search and facets at 1M articles, the same hits). The days of a month cut by a day bound, and open
    or very long ranges, stay ranges."""
    start, stop = date_bounds(value)
    if start is None or stop is None:
        return _date_range(start, stop)
    first = start.year * 12 + start.month - 1 + (start.day > 1)  # months counted from year 0
    last = stop.year * 12 + stop.month - 1 - (stop.day < calendar.monthrange(stop.year, stop.month)[1])
    if not 0 <= last - first < MAX_MONTH_TERMS:
        return _date_range(start, stop)
    parts = [_term("month", f"{m // 12:04d}-{m % 12 + 1:02d}") for m in range(first, last + 1)]
    # a whole month lies between the two bounds, so a cut month at either end is not the other's
    if start.day > 1:
        parts.append(_date_range(start, _month_bounds(f"{start.year}-{start.month}", True)))
    if stop.day < calendar.monthrange(stop.year, stop.month)[1]:
        parts.append(_date_range(_month_bounds(f"{stop.year}-{stop.month}", False), stop))
    return _should(parts)


def _is_label(value: str) -> bool:
    """type:PERSON names an entity label; type:agreement an event kind (see _type_query)."""
    return value == value.upper()


def _type_query(value: str) -> tantivy.Query:
    """An entity label when written in upper case; else an event kind, or (type:person, as before event kinds
    were indexed) an entity label: the two sets of names do not overlap."""
    if _is_label(value):
        return _term("etype", value)
    return tantivy.Query.boolean_query([(tantivy.Occur.Should, _term("event", fold(value))),
                                        (tantivy.Occur.Should, _term("etype", value.upper()))])


def _clause_query(c: Clause, parsed: Parsed, searcher: tantivy.Searcher, entity_type: str | None,
                  an: Analyzer) -> tantivy.Query:
    if c.field in (None, "title"):
        words = an.query_words(c.value)
        if not words:
            return tantivy.Query.empty_query()
        if not c.negative:
            parsed.highlight.update(*words)
        return _text_query(words, title_only=c.field == "title")
    # filters select and do not rank: only words (and entity mentions) contribute to the score
    if c.field in ("source", "lang"):
        return _filter(_term(c.field, fold(c.value.strip())))
    if c.field == "type":
        return _filter(_type_query(c.value.strip()))
    if c.field in ("has", "topic"):
        return _filter(_term(c.field, fold(c.value.strip())))
    if c.field == "speaker":
        if not c.negative:
            parsed.highlight.update(*an.query_words(c.value))
        return _filter(tantivy.Query.boolean_query(
            [(tantivy.Occur.Should, _term("speaker", k)) for k in sorted(an.entity_keys(c.value))]))
    if c.field == "date":
        return _filter(_date_query(c.value.strip()))
    keys = sorted(an.entity_keys(c.value))
    if not c.negative:  # the name's words, in whatever form they take in the text
        parsed.highlight.update(*an.query_words(c.value))
    if entity_type:
        typed = [(tantivy.Occur.Should, _term("typed", f"{entity_type}:{k}")) for k in keys]
        ranked = [(tantivy.Occur.Should, _term("entity", k)) for k in keys]
        return tantivy.Query.boolean_query([(tantivy.Occur.Must, _filter(tantivy.Query.boolean_query(typed))),
                                            (tantivy.Occur.Should, tantivy.Query.boolean_query(ranked))])
    if not any(searcher.doc_freq("entity", k) for k in keys):
        # no entity by that base form: the name as a phrase still finds articles the NER missed
        words = an.query_words(c.value)
        return _text_query(words) if words else tantivy.Query.empty_query()
    return tantivy.Query.boolean_query([(tantivy.Occur.Should, _term("entity", k)) for k in keys])


def build(text: str, searcher: tantivy.Searcher, an: Analyzer) -> tuple[tantivy.Query, Parsed]:
    """The tantivy query for a query string, and what to highlight in snippets."""
    parsed = parse(text)
    types = [c.value.strip().upper() for g in parsed.groups for c in g if c.field == "type" and not c.negative
             and (_is_label(c.value.strip()) or not searcher.doc_freq("event", fold(c.value.strip())))]
    # entity:"X" type:T together mean an entity X of type T, not X (any type) in an article with some T; an
    # event kind (type:agreement) stays a filter of its own
    entity_type = types[0] if len(types) == 1 and any(
        c.field == "entity" and not c.negative for g in parsed.groups for c in g) else None
    musts, nots = [], []
    for group in parsed.groups:
        group = [c for c in group if not (entity_type and c.field == "type" and not c.negative
                                          and c.value.strip().upper() == entity_type)]
        if not group:
            continue
        subs = [(c, _clause_query(c, parsed, searcher, entity_type, an)) for c in group]
        if len(subs) == 1:
            c, q = subs[0]
            (nots if c.negative else musts).append(q)
        else:  # a OR -b reads as "a, or anything without b"
            parts = [(tantivy.Occur.Should, q if not c.negative else
                      tantivy.Query.all_query().and_must_not_match(q)) for c, q in subs]
            musts.append(tantivy.Query.boolean_query(parts))
    if not musts:
        musts.append(tantivy.Query.all_query())
    if len(musts) == 1 and not nots:  # a wrapper of one clause costs tantivy a third more on a common word
        return musts[0], parsed
    clauses = [(tantivy.Occur.Must, q) for q in musts] + [(tantivy.Occur.MustNot, q) for q in nots]
    return tantivy.Query.boolean_query(clauses), parsed
