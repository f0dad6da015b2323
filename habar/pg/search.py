"""Search on PostgreSQL: habar.search.search.Searcher's `search` and `query`, answered by one database.

Hits are ranked by the lemma tsvector: with RUM, `tsv <=> query` orders them inside the index, so the first page
costs the same however many articles match; with GIN, ts_rank scores every match. The weights follow the fields
of habar.pg.terms: title 1.0, lede 0.4, body 0.2, other readings 0.1 (RUM's defaults; tantivy's words field also
weighs the title above the lede above the body). The total and the source, lang and month facets come from one
GROUPING SETS pass over the matches; entity facets and snippets from the best hits, as the embedded searcher cuts
them.
"""

from __future__ import annotations

from habar.pg.query import Compiled, Compiler
from habar.pg.store import PgStore
from habar.search.analysis import Analyzer
from habar.search.search import ENTITY_FACET_HITS, FACET_FIELDS, SORTS, shape_facets
from habar.search.snippets import headline, matches, snippet

WEIGHTS = "{0.1, 0.2, 0.4, 1.0}"  # D other readings, C body, B lede, A title
NORMALIZATION = 1  # rank / (1 + log(document length)): a long article does not win by length alone
_FACET_KEY = {"source": "a.source_key", "lang": "a.lang_key", "month": "a.pub_month"}


class PgSearcher:
    def __init__(self, url: str, analyzer: Analyzer | None = None):
        self.analyzer = analyzer or Analyzer()
        self.store = PgStore(url, create=False)
        self.index_kind = self.store.search_index()
        self.compiler = Compiler(self.store.conn.raw, self.analyzer)

    def refresh(self) -> bool:
        """Nothing to catch up: the lemma index is written in the store's own transactions."""
        return True

    def close(self) -> None:
        self.store.close()

    def has_vectors(self) -> bool:
        return False

    def vector_index(self):
        raise FileNotFoundError(f"{self.store.url}: semantic vectors are kept beside the embedded store only; use "
                                "--mode lexical with PostgreSQL, or an embedded --db directory for semantic search")

    def query(self, text: str, mode: str | None = None, **kwargs) -> dict:
        """`search` in a mode (habar.search.hybrid.run); only lexical search runs on PostgreSQL."""
        from habar.search.hybrid import run

        return run(self, text, mode, **kwargs)

    def _where(self, q: Compiled) -> tuple[str, list]:
        conds, args = [], []
        if q.tsquery:
            conds.append("a.tsv @@ %s::tsquery")
            args.append(q.tsquery)
        return " AND ".join(conds + [f"({w})" for w in q.where]) or "TRUE", args + q.args

    def _order(self, q: Compiled, sort: str) -> tuple[str, str, list]:
        """The score expression, the ORDER BY and their args."""
        if sort == "date":
            return "NULL::float8", "a.pub DESC NULLS LAST, a.rowid", []
        if not q.ranked and not q.rank:
            return "1.0::float8", "a.rowid", []
        if self.index_kind == "rum" and q.ranked and not q.rank:
            # the index scan returns the hits in this order and stops at the LIMIT
            return ("1.0 / nullif(a.tsv <=> %s::tsquery, 0)", "a.tsv <=> %s::tsquery", [q.tsquery])
        parts, args = [], []
        if q.ranked:
            parts.append(f"ts_rank('{WEIGHTS}', a.tsv, %s::tsquery, {NORMALIZATION})")
            args.append(q.tsquery)
        parts += [f"ln(1 + {r})" for r in q.rank]  # mentions: the articles that talk most about it first
        args += q.rank_args
        return "(" + " + ".join(parts) + ")::float8", "score DESC, a.rowid", args

    def search(self, text: str, limit: int = 10, offset: int = 0, sort: str = "score", facets: bool = True) -> dict:
        if sort not in SORTS:
            raise ValueError(f"sort '{sort}' is not known; use one of {', '.join(SORTS)}")
        q = self.compiler.compile(text)
        where, wargs = self._where(q)
        score, order, oargs = self._order(q, sort)
        depth = max(offset + limit, ENTITY_FACET_HITS if facets else 0)
        order_args = oargs if "%s" in order else []
        score_args = oargs if "%s" in score else []
        conn = self.store.conn.raw
        # one snapshot for the hits, their rows and the facets. The planner prices a heap scan below the lemma
        # index when a query matches most articles, without counting that the heap scan reads (de-TOASTs) every
        # tsvector: 150 ms against 12 ms at 6,000 articles for a word in 93% of them; the index it is then
        with conn.transaction():
            conn.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
            conn.execute("SET LOCAL enable_seqscan = off")
            rows = conn.execute(f"SELECT a.id, a.ent, {score} AS score FROM articles a WHERE {where} "
                                f"ORDER BY {order} LIMIT %s", [*score_args, *wargs, *order_args, depth]).fetchall()
            found = rows[offset:offset + limit]
            hit_rows = self.store.hit_rows([r[0] for r in found])
            if facets:
                total, raw = self._facets(where, wargs)
            else:
                total = conn.execute(f"SELECT count(*) FROM articles a WHERE {where}", wargs).fetchone()[0]
        hits = []
        for article_id, _, value in found:
            title, source, published, lang, body, terms, spans = hit_rows[article_id]
            hits.append({
                "id": article_id, "title": title, "headline": headline(title, body), "source": source,
                "published": published, "lang": lang, "score": round(float(value), 4) if sort == "score" else None,
                "snippet": snippet(body, matches(terms, spans, q.parsed.highlight)),
            })
        out = {"query": text, "total": total, "offset": offset, "hits": hits}
        if facets:
            out["facets"] = shape_facets(raw, [list(ent) for _, ent, _ in rows[:ENTITY_FACET_HITS]])
        return out

    def _facets(self, where: str, args: list) -> tuple[int, dict]:
        """The number of matches and the source, lang and month buckets (tantivy's terms aggregation shape)."""
        keys = ", ".join(_FACET_KEY.values())
        rows = self.store.conn.raw.execute(
            f"SELECT grouping({keys}), {keys}, count(*) FROM articles a WHERE {where} "
            f"GROUP BY GROUPING SETS (({_FACET_KEY['source']}), ({_FACET_KEY['lang']}), ({_FACET_KEY['month']}), ())",
            args).fetchall()
        total, buckets = 0, {name: [] for name in FACET_FIELDS}
        names = list(_FACET_KEY)
        for grouping, *values, n in rows:
            if grouping == 0b111:
                total = n
                continue
            i = [0b011, 0b101, 0b110].index(grouping)  # the one key not rolled up
            if values[i]:
                buckets[names[i]].append((values[i], n))
        raw = {name: {"buckets": [{"key": k, "doc_count": n} for k, n in
                                  sorted(b, key=lambda kv: (-kv[1], kv[0]))[:FACET_FIELDS[name]]]}
               for name, b in buckets.items()}
        return total, raw
