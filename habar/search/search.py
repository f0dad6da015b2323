"""Search: BM25 (or date) ranked hits with snippets, facets and the total count.

One `Searcher` serves many queries (`habar search --queries FILE`, the web app), so models and the index are
opened once. On open it brings the index up to date with the store when no other process holds the index
writer; while an ingest runs, it searches what the ingest has committed so far.
"""

from __future__ import annotations

import logging
import os
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import tantivy

from habar.search import query as query_lang
from habar.search.analysis import Analyzer
from habar.search.index import Index
from habar.search.snippets import headline, matches, snippet
from habar.store import Store

log = logging.getLogger(__name__)

FACET_FIELDS = {"source": 10, "lang": 10, "month": 240}
# Every article falls in one lang bucket (this one when it has no language), so the lang buckets also give the
# hit count, and the ranking pass need not count: a Count collector beside the top hits cost it 10-40%.
NO_LANG = "-"
# Entities are counted over the best hits, not all of them: news is dense in names (30 per article in the scale
# benchmark), and a terms aggregation over every hit cost 20 ms per 1,400 hits. The store keeps each article's
# most mentioned named entities (habar.store.facets), which are counted over the best 50 hits.
ENTITY_FACET_HITS = 50
SORTS = ("score", "date")
_FACETS: tuple[int, ThreadPoolExecutor] | None = None


def facet_pool() -> ThreadPoolExecutor:
    """The facet threads of this process, shared by its searchers (made again in a forked child, which does not
    inherit the parent's threads)."""
    global _FACETS
    if _FACETS is None or _FACETS[0] != os.getpid():
        _FACETS = (os.getpid(), ThreadPoolExecutor(4, thread_name_prefix="habar-facets"))
    return _FACETS[1]


def facet_request() -> dict:
    request = {name: {"terms": {"field": name, "size": size}} for name, size in FACET_FIELDS.items()}
    request["lang"]["terms"]["missing"] = NO_LANG
    return request


def facet_total(raw: dict) -> int:
    """The number of hits, from the lang facet (see NO_LANG)."""
    lang = raw.get("lang", {})
    return sum(b["doc_count"] for b in lang.get("buckets", [])) + lang.get("sum_other_doc_count", 0)


def shape_facets(raw: dict, entity_values: list[list[str]], per_type: int = 5) -> dict:
    """Facets as [{value, count}]: source, lang, month (in order) over all hits; entities per type over the best."""
    out = {name: [{"value": b["key"], "count": b["doc_count"]} for b in raw.get(name, {}).get("buckets", [])
                  if b["key"] != NO_LANG or name != "lang"] for name in FACET_FIELDS}
    out["month"].sort(key=lambda b: b["value"])
    entities: dict[str, list] = {}
    for value, n in Counter(v for values in entity_values for v in values).most_common():
        label, _, name = value.partition(":")
        if len(entities.setdefault(label, [])) < per_type:
            entities[label].append({"value": name, "count": n})
    out["entities"] = entities
    return out


class Searcher:
    def __init__(self, data_dir: str | Path, catch_up: bool = True, analyzer: Analyzer | None = None):
        self.analyzer = analyzer or Analyzer()
        self.store = Store(data_dir, create=False)
        self.index = Index(data_dir)
        self._vectors: tuple | None = None  # (file stamp, VectorIndex), loaded on the first semantic query
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

    def vectors_file(self) -> Path:
        from habar.semantic import vectors_path

        return vectors_path(self.store.dir)

    def has_vectors(self) -> bool:
        return self.vectors_file().exists()

    def vector_index(self):
        """The semantic vectors of this data directory, loaded again when an ingest has saved a newer file."""
        from habar.semantic import VectorIndex

        path = self.vectors_file()
        try:
            stamp = path.stat().st_mtime_ns
        except FileNotFoundError:
            raise FileNotFoundError(f"{path}: this store has no semantic vectors; run `habar reindex --vectors "
                                    f"--db {self.store.dir}` or use --mode lexical") from None
        if self._vectors is None or self._vectors[0] != stamp:
            self._vectors = (stamp, VectorIndex.load(path))
        return self._vectors[1]

    def query(self, text: str, mode: str | None = None, **kwargs) -> dict:
        """`search` in a mode: lexical, semantic or hybrid (habar.search.hybrid); None picks hybrid when the
        store has vectors. The result also names the mode used and the query's language."""
        from habar.search.hybrid import run

        return run(self, text, mode, **kwargs)

    def search(self, text: str, limit: int = 10, offset: int = 0, sort: str = "score",
               facets: bool = True) -> dict:
        if sort not in SORTS:
            raise ValueError(f"sort '{sort}' is not known; use one of {', '.join(SORTS)}")
        searcher = self.index.tantivy.searcher()  # the reader reloads itself on every commit
        query, parsed = query_lang.build(text, searcher, self.analyzer)
        order = {"order_by_field": "published", "order": tantivy.Order.Desc} if sort == "date" else {}
        depth = max(offset + limit, ENTITY_FACET_HITS if facets else 0)
        # the facet counts go over every hit again: on another core, while this one ranks and cuts snippets
        # (tantivy releases the GIL), so a query with many hits waits for the longer of the two, not both
        counting = facet_pool().submit(searcher.aggregate, query, facet_request()) if facets else None
        result = searcher.search(query, limit=depth, count=not facets, **order)
        # store rowids from a fast field: one call for all the hits, where a stored document costs 20 µs each
        rowids = searcher.fast_field_values("row", [addr for _, addr in result.hits])
        found = [(score, rowid) for (score, _), rowid in zip(result.hits, rowids)][offset:offset + limit]
        rows = self.store.hits_at([rowid for _, rowid in found])
        hits = []
        for score, rowid in found:
            row = rows.get(rowid)
            if row is None:  # deleted from the store after the index was committed
                continue
            title, source, published, lang, body, terms, spans, article_id = row
            marks = matches(terms, spans, parsed.highlight)
            hits.append({
                "id": article_id, "title": title, "headline": headline(title, body), "source": source,
                "published": published, "lang": lang,
                "score": round(score, 4) if sort == "score" else None, "snippet": snippet(body, marks),
            })
        out = {"query": text, "total": result.count, "offset": offset, "hits": hits}
        if facets:
            raw = counting.result()
            out["total"] = facet_total(raw)
            names = self.store.facet_names(rowids[:ENTITY_FACET_HITS])
            out["facets"] = shape_facets(raw, [names.get(rowid, []) for rowid in rowids[:ENTITY_FACET_HITS]])
        return out
