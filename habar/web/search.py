"""The search page and /api/search: hits with snippets, facets that filter on click, pages, sort, search mode.

A query in any language goes through Searcher.query (habar.search.hybrid): hybrid when the store has vectors, so
a Korean, English or Russian query finds Kazakh articles by meaning; the result names the mode used and the
query's language, and a cross-lingual hit carries the article's main names and keyphrases."""

from __future__ import annotations

import re
from functools import lru_cache
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


@lru_cache(maxsize=65536)
def entity_url(label: str, norm: str) -> str:
    # cached: a search page links some sixty entities, and the same names come back page after page
    return "/entity/" + quote(entity_id(label, norm), safe="")


def filter_clause(field: str, value: str) -> str:
    """A query-language filter for a facet value: quoted when it holds spaces or quote marks."""
    value = value.replace('"', "")
    return f'{field}:"{value}"' if _NEEDS_QUOTES.search(value) else f"{field}:{value}"


@lru_cache(maxsize=65536)
def _clause_link(field: str, value: str) -> tuple[str, str]:
    """A facet value's filter clause, and the clause as it goes into a link (quote_plus): sources, months and
    names recur on every page, so both are built once."""
    clause = filter_clause(field, value)
    return clause, quote_plus(clause)


def add_clause(q: str, clause: str) -> str:
    """The query with one more filter; a filter already present is not added twice."""
    return q if clause in q else f"{q} {clause}".strip()


def remove_clause(q: str, clause: str) -> str:
    return " ".join(q.replace(clause, " ").split())


def _url_tail(sort: str, size: int, page: int, mode: str | None, empty: bool) -> str:
    """What follows the query in a search link; `empty`: the link's query is empty."""
    tail = ""
    if sort != ("date" if empty else "score"):  # the default order is left out of the link
        tail += f"&sort={sort}"
    if size != DEFAULT_SIZE:
        tail += f"&size={size}"
    if mode:  # only a mode the reader chose: without one the store's default applies
        tail += f"&mode={mode}"
    return tail + (f"&page={page}" if page > 1 else "")


def search_url(q: str, sort: str = "score", size: int = DEFAULT_SIZE, page: int = 1, mode: str | None = None) -> str:
    # built by hand, not with urlencode: a page has a few hundred facet links and this is its hot loop
    return "/search?q=" + quote_plus(q) + _url_tail(sort, size, page, mode, not q)


class _Links:
    """The links of one search page, for its normalised query `q` (single spaces, none at the ends).

    Adding a filter to `q` gives `q + " " + clause`, whose quote_plus is quote_plus(q) + "+" + quote_plus(clause):
    so `q` is quoted once per page, not once per link, and each clause comes quoted from a cache. Every link is
    the one search_url(add_clause(q, clause), ...) or search_url(remove_clause(q, clause), ...) would build."""

    def __init__(self, q: str, sort: str, size: int, mode: str | None):
        self.q, self.sort, self.size, self.mode = q, sort, size, mode
        self.quoted = quote_plus(q)
        self.adding = "/search?q=" + (self.quoted + "+" if q else "")
        self.tail = _url_tail(sort, size, 1, mode, False)  # the added clause makes the link's query non-empty

    def page(self, page: int = 1, sort: str | None = None) -> str:
        """search_url(q, ...): this query, another page or order."""
        return "/search?q=" + self.quoted + _url_tail(sort or self.sort, self.size, page, self.mode, not self.q)

    def toggle(self, field: str, value: str) -> tuple[bool, str]:
        """Whether the filter is in the query, and the link that takes it out, or else puts it in."""
        clause, quoted = _clause_link(field, value)
        if clause in self.q:
            return True, search_url(remove_clause(self.q, clause), self.sort, self.size, mode=self.mode)
        return False, self.adding + quoted + self.tail

    def facet_items(self, field: str, buckets: list[dict]) -> list[dict]:
        """The buckets as filter links: an active filter's link removes it, any other's adds it."""
        out = []
        for b in buckets:
            active, url = self.toggle(field, b["value"])
            out.append({"value": b["value"], "count": b["count"], "active": active, "url": url})
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
    links = _Links(q, sort, size, mode)
    facets = {name: links.facet_items(name, raw.get(name, [])) for name in ("source", "lang")}
    months = raw.get("month", [])
    if len(months) > MONTHS_SHOWN:
        years: dict[str, int] = {}
        for b in months:
            years[b["value"][:4]] = years.get(b["value"][:4], 0) + b["count"]
        facets["year"] = links.facet_items("date", [{"value": y, "count": n} for y, n in sorted(years.items())])
        facets["month"] = []
    else:
        facets["year"] = []
        facets["month"] = links.facet_items("date", months)
    entities = {}
    for label, buckets in raw.get("entities", {}).items():
        items = links.facet_items("entity", buckets)
        for item, b in zip(items, buckets):
            item["entity_url"] = entity_url(label, b["value"])
        entities[label] = items
    facets["entities"] = entities
    facets["type"] = []
    for label in entities:  # a type already asked for links to the same query (adding it again changes nothing)
        active, url = links.toggle("type", label)
        facets["type"].append({"value": label, "active": active, "url": links.page() if active else url})
    pages = max(1, min(MAX_PAGE, -(-result["total"] // size)))
    return {
        "query": q, "total": result["total"], "page": page, "size": size, "pages": pages, "sort": sort,
        "mode": result["mode"], "query_lang": result["query_lang"], "asked_mode": mode,
        "hits": result["hits"], "facets": facets,
        "links": {
            "prev": links.page(page - 1) if page > 1 else None,
            "next": links.page(page + 1) if page < pages else None,
            "by_score": links.page(sort="score"), "by_date": links.page(sort="date"),
        },
    }


def add_routes(app: FastAPI, web: Web) -> None:
    q_param = Query("", max_length=MAX_QUERY_CHARS, description="query language: words, \"phrases\", -word, OR, "
                    "source: lang: date:2019-11..2020-01 entity:\"...\" type:PERSON title:")
    page_param = Query(1, ge=1, le=MAX_PAGE, description="page of hits, from 1")
    size_param = Query(DEFAULT_SIZE, ge=1, le=MAX_PAGE_SIZE, description="hits per page")
    sort_param = Query(None, pattern=f"^({'|'.join(SORTS)})$",
                       description="score (BM25) or date (newest first); default score, or date for an empty query")
    mode_param = Query(None, pattern=f"^({'|'.join(MODES)})?$",
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

    # the same endpoints for habar.web.shortcut, which calls them with plain values past FastAPI's validation
    app.state.shortcuts = {"/search": page_search, "/api/search": lambda request, **args: api_search(**args)}
