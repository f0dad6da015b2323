"""Search: BM25 (or date) ranked hits with snippets, facets and the total count.

One `Searcher` serves many queries (`habar search --queries FILE`, the web app), so models and the index are
opened once. On open it brings the index up to date with the store when no other process holds the index
writer; while an ingest runs, it searches what the ingest has committed so far.
"""

from __future__ import annotations

import logging
from pathlib import Path

import tantivy

from habar.search import query as query_lang
from habar.search.analysis import Analyzer
from habar.search.index import Index
from habar.search.snippets import matches, snippet
from habar.store import Store, records

log = logging.getLogger(__name__)

FACET_FIELDS = {"source": 10, "lang": 10, "month": 240}
# value types (numbers, dates, amounts) stay searchable with type:, but a facet of "2" or "2018" helps no one
VALUE_TYPES = {"CARDINAL", "ORDINAL", "DATE", "TIME", "MONEY", "PERCENTAGE", "QUANTITY"}
ENTITY_FACET = 200  # top entities over all types, then cut to `per_type` each
SORTS = ("score", "date")


def facet_request() -> dict:
    aggs = {name: {"terms": {"field": name, "size": size}} for name, size in FACET_FIELDS.items()}
    aggs["ent"] = {"terms": {"field": "ent", "size": ENTITY_FACET,
                             "exclude": "(" + "|".join(sorted(VALUE_TYPES)) + "):.*"}}
    return aggs


def shape_facets(raw: dict, per_type: int = 5) -> dict:
    buckets = lambda name: raw.get(name, {}).get("buckets", [])  # noqa: E731
    out = {name: [{"value": b["key"], "count": b["doc_count"]} for b in buckets(name)] for name in FACET_FIELDS}
    out["month"].sort(key=lambda b: b["value"])
    entities: dict[str, list] = {}
    for b in buckets("ent"):
        label, _, key = b["key"].partition(":")
        if label in VALUE_TYPES:
            continue
        if len(entities.setdefault(label, [])) < per_type:
            entities[label].append({"value": key, "count": b["doc_count"]})
    out["entities"] = entities
    return out


class Searcher:
    def __init__(self, data_dir: str | Path, catch_up: bool = True, analyzer: Analyzer | None = None):
        self.analyzer = analyzer or Analyzer()
        self.store = Store(data_dir, create=False)
        self.index = Index(data_dir)
        if catch_up:
            self.refresh()
        self.index.tantivy.config_reader(reload_policy="commit")

    def refresh(self) -> bool:
        """Catch the index up with the store if no one else is writing it; False when someone is."""
        try:
            self.index.catch_up(self.store)
        except ValueError:  # the writer lock is held, by an ingest in another process
            log.info("the index is being written by another process; searching what it has committed")
            return False
        finally:
            self.index.close()
        return True

    def close(self) -> None:
        self.store.close()

    def search(self, text: str, limit: int = 10, offset: int = 0, sort: str = "score",
               facets: bool = True) -> dict:
        if sort not in SORTS:
            raise ValueError(f"sort '{sort}' is not known; use one of {', '.join(SORTS)}")
        self.index.tantivy.reload()
        searcher = self.index.tantivy.searcher()
        query, parsed = query_lang.build(text, searcher, self.analyzer)
        order = {"order_by_field": "published", "order": tantivy.Order.Desc} if sort == "date" else {}
        result = searcher.search(query, limit=limit, offset=offset, count=True, **order)
        found = [(score, searcher.doc(addr)["id"][0]) for score, addr in result.hits]
        rows = self.store.hit_rows([i for _, i in found])
        hits = []
        for score, article_id in found:
            row = rows.get(article_id)
            if row is None:  # deleted from the store after the index was committed
                continue
            title, source, published, lang, body, terms, spans = row
            marks = matches(records.decode_terms(terms), records.decode_spans(spans), parsed.highlight)
            hits.append({
                "id": article_id, "title": title, "source": source, "published": published, "lang": lang,
                "score": round(score, 4) if sort == "score" else None, "snippet": snippet(body, marks),
            })
        out = {"query": text, "total": result.count, "offset": offset, "hits": hits}
        if facets:
            out["facets"] = shape_facets(searcher.aggregate(query, facet_request()))
        return out
