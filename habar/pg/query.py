"""The query language (habar.search.query.parse) as a WHERE clause over `articles a` and a tsquery.

The same matching as the tantivy query (habar.search.query.build), clause by clause:
- a word is the OR of its lemmas, in any field (title, body, lede, other readings: any weight);
- several words are the phrase over each combination of their lemmas (at most MAX_PHRASE_VARIANTS, in the same
  order), read on the chosen lemmas of title and body only: `'a':ABC <-> 'b':ABC` (habar.pg.terms's weights);
- `title:` asks for weight A; filters compare the keys stored with the row (habar.pg.terms.search_columns);
- `entity:` matches stored entity mentions by base form (and by label with one `type:` beside it), or the name as
  words when no article has that entity.
Every clause made of words alone goes into one tsquery, which the lemma index answers and ranks; the other clauses
are SQL conditions beside it, and entity clauses also add their mention counts to the score.
"""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass, field

from habar.search.analysis import Analyzer, fold
from habar.search.query import MAX_PHRASE_VARIANTS, Clause, Parsed, _is_label, date_bounds, parse
from habar.pg.terms import quote

_MENTIONS = "SELECT {what} FROM mentions m JOIN names n ON n.id = m.name WHERE n.key = ANY(%s){label}"


@dataclass
class Compiled:
    tsquery: str = ""  # the clauses of words, AND'ed; "" when there are none
    ranked: bool = False  # the tsquery has a positive part to rank by
    where: list[str] = field(default_factory=list)  # other conditions, AND'ed
    args: list = field(default_factory=list)
    rank: list[str] = field(default_factory=list)  # SQL terms added to the score (entity mentions)
    rank_args: list = field(default_factory=list)
    parsed: Parsed | None = None


@dataclass
class _Part:
    tsq: str | None = None  # a tsquery, or
    sql: str = ""  # an SQL condition with its args
    args: list = field(default_factory=list)
    rank: tuple[str, list] | None = None


def _text(words: list[frozenset[str]], title_only: bool) -> _Part:
    words = [sorted(t for t in w if t) for w in words]
    if not words or not all(words):
        return _Part(sql="FALSE")
    if len(words) == 1:
        weight = ":A" if title_only else ""
        return _Part(tsq="(" + " | ".join(quote(t) + weight for t in words[0]) + ")")
    weight = ":A" if title_only else ":ABC"
    if math.prod(len(w) for w in words) <= MAX_PHRASE_VARIANTS:  # every combination: (a | b) <-> (c | d) says it
        return _Part(tsq="(" + " <-> ".join("(" + " | ".join(quote(t) + weight for t in w) + ")" for w in words) + ")")
    # as habar.search.query does: the first combinations only
    variants = itertools.islice(itertools.product(*words), MAX_PHRASE_VARIANTS)
    return _Part(tsq="(" + " | ".join("(" + " <-> ".join(quote(t) + weight for t in v) + ")" for v in variants) + ")")


def _date(value: str) -> _Part:
    start, stop = date_bounds(value)
    conds, args = [], []
    for op, bound in ((">=", start), ("<=", stop)):
        if bound is not None:
            conds.append(f"a.pub {op} %s")
            args.append(bound)
    return _Part(sql=" AND ".join(conds) or "a.pub IS NOT NULL", args=args)


class Compiler:
    """Turns query text into a Compiled query; `conn` answers whether an event kind or an entity exists."""

    def __init__(self, conn, analyzer: Analyzer):
        self.conn = conn
        self.an = analyzer

    def _exists(self, sql: str, args: list) -> bool:
        return self.conn.execute(f"SELECT EXISTS ({sql})", args).fetchone()[0]

    def _clause(self, c: Clause, parsed: Parsed, entity_type: str | None) -> _Part:
        an, value = self.an, c.value.strip()
        if c.field in (None, "title"):
            words = an.query_words(c.value)
            if words and not c.negative:
                parsed.highlight.update(*words)
            return _text(words, c.field == "title")
        if c.field in ("source", "lang"):
            return _Part(sql=f"a.{c.field}_key = %s", args=[fold(value)])
        if c.field == "type":
            if _is_label(value):
                return _Part(sql="a.etype @> ARRAY[%s]", args=[value])
            return _Part(sql="(a.event @> ARRAY[%s] OR a.etype @> ARRAY[%s])", args=[fold(value), value.upper()])
        if c.field in ("has", "topic"):
            return _Part(sql=f"a.{c.field} @> ARRAY[%s]", args=[fold(value)])
        if c.field == "speaker":
            if not c.negative:
                parsed.highlight.update(*an.query_words(c.value))
            return _Part(sql="a.speaker && %s::text[]", args=[sorted(an.entity_keys(c.value))])
        if c.field == "date":
            return _date(value)
        keys = sorted(an.entity_keys(c.value))
        if not c.negative:
            parsed.highlight.update(*an.query_words(c.value))
        label, largs = (" AND n.label = %s", [entity_type]) if entity_type else ("", [])
        if not entity_type and not self._exists(_MENTIONS.format(what="1", label=""), [keys]):
            # no entity by that base form: the name as a phrase still finds articles the NER missed
            return _text(an.query_words(c.value), False)
        members = _MENTIONS.format(what="m.article", label=label)
        score = "(" + _MENTIONS.format(what="coalesce(sum(m.count), 0)", label=label) + " AND m.article = a.rowid)"
        return _Part(sql=f"a.rowid IN ({members})", args=[keys, *largs], rank=(score, [keys, *largs]))

    def compile(self, text: str) -> Compiled:
        parsed = parse(text)
        types = [c.value.strip().upper() for g in parsed.groups for c in g if c.field == "type" and not c.negative
                 and (_is_label(c.value.strip()) or not self._exists(
                     "SELECT 1 FROM articles WHERE event @> ARRAY[%s]", [fold(c.value.strip())]))]
        # entity:"X" type:T together mean an entity X of type T (habar.search.query.build)
        entity_type = types[0] if len(types) == 1 and any(
            c.field == "entity" and not c.negative for g in parsed.groups for c in g) else None
        out = Compiled(parsed=parsed)
        tsq: list[str] = []
        for group in parsed.groups:
            group = [c for c in group if not (entity_type and c.field == "type" and not c.negative
                                              and c.value.strip().upper() == entity_type)]
            if not group:
                continue
            parts = [(c, self._clause(c, parsed, entity_type)) for c in group]
            if all(p.tsq is not None for _, p in parts):
                tsq.append(" | ".join(f"!{p.tsq}" if c.negative else p.tsq for c, p in parts))
                out.ranked |= any(not c.negative for c, _ in parts)
                continue
            conds, args = [], []
            for c, p in parts:
                sql, a = ("a.tsv @@ %s::tsquery", [p.tsq]) if p.tsq is not None else (p.sql, p.args)
                conds.append(f"NOT ({sql})" if c.negative else f"({sql})")
                args += a
                if p.rank and not c.negative:
                    out.rank.append(p.rank[0])
                    out.rank_args += p.rank[1]
            out.where.append(" OR ".join(conds) if len(conds) > 1 else conds[0])
            out.args += args
        out.tsquery = " & ".join(f"({q})" for q in tsq)
        return out
