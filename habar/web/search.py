"""The search page and /api/search: hits with snippets, facets that filter on click, pages, sort, search mode.

A query in any language goes through Searcher.query (habar.search.hybrid): hybrid when the store has vectors, so
a Korean, English or Russian query finds Kazakh articles by meaning; the result names the mode used and the
query's language, and a cross-lingual hit carries the article's main names and keyphrases."""

from __future__ import annotations

import re
from urllib.parse import quote, quote_plus

from fastapi import FastAPI, Query, Request

from habar.web.app import MAX_PAGE, MAX_PAGE_SIZE, MAX_QUERY_CHARS, Web, api, render
from habar.web import i18n
from habar.web.errors import WebError

DEFAULT_SIZE = 10
MONTHS_SHOWN = 24  # more months than this are offered as years first; a year filter then shows its months
SORTS = ("score", "date")
MODES = ("lexical", "semantic", "hybrid")  # habar.search.hybrid.MODES; None picks one from the store
_NEEDS_QUOTES = re.compile(r'[\s"«»“”„:]')


def entity_id(label: str, norm: str) -> str:
    """The id of an entity page: its type and base form, 'PERSON:Қасым-Жомарт Тоқаев'."""
    return f"{label}:{norm}"


def entity_url(label: str, norm: str) -> str:
    return "/entity/" + quote(entity_id(label, norm), safe="")


def filter_clause(field: str, value: str) -> str:
    """A query-language filter for a facet value: quoted when it holds spaces or quote marks."""
    value = value.replace('"', "")
    return f'{field}:"{value}"' if _NEEDS_QUOTES.search(value) else f"{field}:{value}"


def add_clause(q: str, clause: str) -> str:
    """The query with one more filter; a filter already present is not added twice."""
    return q if clause in q else f"{q} {clause}".strip()


def remove_clause(q: str, clause: str) -> str:
    return " ".join(q.replace(clause, " ").split())


def search_url(q: str, sort: str = "score", size: int = DEFAULT_SIZE, page: int = 1, mode: str | None = None) -> str:
    # built by hand, not with urlencode: a page has a few hundred facet links and this is its hot loop
    url = "/search?q=" + quote_plus(q)
    if sort != ("score" if q else "date"):  # the default order is left out of the link
        url += f"&sort={sort}"
    if size != DEFAULT_SIZE:
        url += f"&size={size}"
    if mode:  # only a mode the reader chose: without one the store's default applies
        url += f"&mode={mode}"
    return url + (f"&page={page}" if page > 1 else "")


def _facet_items(q: str, field: str, buckets: list[dict], sort: str, size: int, mode: str | None = None
                 ) -> list[dict]:
    out = []
    for b in buckets:
        clause = filter_clause(field, b["value"])
        active = clause in q
        target = remove_clause(q, clause) if active else add_clause(q, clause)
        out.append({"value": b["value"], "count": b["count"], "active": active,
                    "url": search_url(target, sort, size, mode=mode)})
    return out


def search_data(web: Web, q: str, page: int = 1, size: int = DEFAULT_SIZE, sort: str | None = None,
                mode: str | None = None, prefer: str | None = None) -> dict:
    """One page of hits for the query, facets as filter links, and the links to the neighbouring pages.
    Without a sort, a query is ranked by relevance and an empty query (every article) by date. Without a mode,
    hybrid when the store has vectors, else lexical; "mode" in the result is the one used (a date order or a
    query of filters alone is lexical), "query_lang" the detected language of the query's words, where `prefer` (the
    reader's interface language) settles words that Kazakh and Russian write alike ("Алматы")."""
    from habar.search.query import QueryError

    q = " ".join(q.split())
    sort = sort or ("score" if q else "date")
    if sort not in SORTS:
        raise WebError(422, f"sort={sort!r} is not known; use one of {', '.join(SORTS)}")
    mode = mode or None
    if mode is not None and mode not in MODES:
        raise WebError(422, f"mode={mode!r} is not known; use one of {', '.join(MODES)}, or leave it out")
    try:
        result = web.searcher().query(q, mode=mode, limit=size, offset=(page - 1) * size, sort=sort,
                                       prefer=prefer)
    except QueryError as exc:
        raise WebError(400, str(exc)) from None
    except FileNotFoundError as exc:  # mode semantic or hybrid asked of a store without vectors
        raise WebError(400, str(exc)) from None
    for hit in result["hits"]:
        hit["url"] = f"/article/{quote(hit['id'], safe='')}"
    raw = result.get("facets", {})
    facets = {name: _facet_items(q, name, raw.get(name, []), sort, size, mode) for name in ("source", "lang")}
    months = raw.get("month", [])
    if len(months) > MONTHS_SHOWN:
        years: dict[str, int] = {}
        for b in months:
            years[b["value"][:4]] = years.get(b["value"][:4], 0) + b["count"]
        facets["year"] = _facet_items(q, "date", [{"value": y, "count": n} for y, n in sorted(years.items())],
                                      sort, size, mode)
        facets["month"] = []
    else:
        facets["year"] = []
        facets["month"] = _facet_items(q, "date", months, sort, size, mode)
    entities = {}
    for label, buckets in raw.get("entities", {}).items():
        items = _facet_items(q, "entity", buckets, sort, size, mode)
        for item, b in zip(items, buckets):
            item["entity_url"] = entity_url(label, b["value"])
        entities[label] = items
    facets["entities"] = entities
    facets["type"] = [{"value": label, "active": filter_clause("type", label) in q,
                       "url": search_url(add_clause(q, filter_clause("type", label)), sort, size, mode=mode)}
                      for label in entities]
    pages = max(1, min(MAX_PAGE, -(-result["total"] // size)))
    return {
        "query": q, "total": result["total"], "page": page, "size": size, "pages": pages, "sort": sort,
        "mode": result["mode"], "query_lang": result["query_lang"], "asked_mode": mode,
        "hits": result["hits"], "facets": facets,
        "links": {
            "prev": search_url(q, sort, size, page - 1, mode) if page > 1 else None,
            "next": search_url(q, sort, size, page + 1, mode) if page < pages else None,
            "by_score": search_url(q, "score", size, mode=mode), "by_date": search_url(q, "date", size, mode=mode),
        },
    }


def add_routes(app: FastAPI, web: Web) -> None:
    q_param = Query("", max_length=MAX_QUERY_CHARS, description="query language: words, \"phrases\", -word, OR, "
                    "source: lang: date:2019-11..2020-01 entity:\"...\" type:PERSON title:")
    page_param = Query(1, ge=1, le=MAX_PAGE, description="page of hits, from 1")
    size_param = Query(DEFAULT_SIZE, ge=1, le=MAX_PAGE_SIZE, description="hits per page")
    sort_param = Query(None, pattern="^(score|date)$",
                       description="score (BM25) or date (newest first); default score, or date for an empty query")
    mode_param = Query(None, pattern="^(lexical|semantic|hybrid)?$",
                       description="lexical (BM25 over Kazakh lemmas), semantic (vectors: a query in any language) "
                                   "or hybrid (both fused); default hybrid when the store has vectors, else lexical")

    @app.get("/api/search", tags=["search"])
    def api_search(q: str = q_param, page: int = page_param, size: int = size_param, sort: str | None = sort_param,
                   mode: str | None = mode_param):
        """Hits with highlighted snippets (HTML-escaped, matches in <mark>), facets, the total, the mode used and
        the query's language (kk ru en ko other). A hit found across languages has as snippet its Kazakh
        sentence closest to the query, and its article's main "entities" and "keyphrases"."""
        return api(search_data(web, q, page, size, sort, mode))

    @app.get("/search", include_in_schema=False)
    def page_search(request: Request, q: str = q_param, page: int = page_param, size: int = size_param,
                    sort: str | None = sort_param, mode: str | None = mode_param):
        return render(request, "search.html", search_data(web, q, page, size, sort, mode, i18n.language(request)))
