"""A shortcut past FastAPI's request handling for /search and /api/search, with the same responses.

FastAPI routes a request and resolves and validates the endpoint's parameters through pydantic each time: for a
search page, about 0.2-0.35 ms of CPU of the 1-2 ms outside the search itself (docs/benchmarks.md, issue 8). A
search request almost always carries plain values (a query of at most MAX_QUERY_CHARS, a page and a size as
digits in range, a sort and a mode by name), and those need none of it: this middleware calls the same endpoint
function with them, in the same thread pool. Anything else (a value missing its digits, out of range, of another
spelling, or a method or path not exactly these) goes to FastAPI, whose validation and error messages stay the
only ones; an error the endpoint raises is answered by the same handler as under FastAPI.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from starlette.concurrency import run_in_threadpool
from starlette.datastructures import QueryParams
from starlette.requests import Request

from habar.web.app import MAX_PAGE, MAX_PAGE_SIZE, MAX_QUERY_CHARS
from habar.web.errors import WebError, respond
from habar.web import search

_DIGITS = re.compile(r"[1-9][0-9]{0,5}")  # "01", "+1", " 1" and the like are FastAPI's to judge
SORTS = (None, *search.SORTS)  # the values the routes' patterns let through: absent, or one of the names
MODES = (None, "", *search.MODES)  # the mode pattern also lets an empty value through


def _number(value: str | None, default: int, top: int) -> int | None:
    if value is None:
        return default
    if _DIGITS.fullmatch(value) and int(value) <= top:
        return int(value)
    return None


def search_args(params: QueryParams) -> dict | None:
    """The search routes' arguments from a query string, as FastAPI would give them, or None where FastAPI
    must decide (QueryParams.get gives the last of repeated names, as FastAPI reads them)."""
    q = params.get("q", "")
    page = _number(params.get("page"), 1, MAX_PAGE)
    size = _number(params.get("size"), search.DEFAULT_SIZE, MAX_PAGE_SIZE)
    sort, mode = params.get("sort"), params.get("mode")
    if len(q) > MAX_QUERY_CHARS or page is None or size is None or sort not in SORTS or mode not in MODES:
        return None
    return {"q": q, "page": page, "size": size, "sort": sort, "mode": mode}


class Shortcut:
    """ASGI middleware: `routes` maps a path to its endpoint, called as endpoint(request, **search_args)."""

    def __init__(self, app, routes: dict[str, Callable]):
        self.app = app
        self.routes = routes

    async def __call__(self, scope, receive, send):
        endpoint = self.routes.get(scope["path"]) if scope["type"] == "http" and scope["method"] == "GET" else None
        if endpoint is not None:
            request = Request(scope, receive)
            args = search_args(request.query_params)
            if args is not None:
                try:
                    response = await run_in_threadpool(endpoint, request, **args)
                except WebError as exc:  # FastAPI's handler for it lies inside this middleware
                    response = respond(request, exc.status, exc.message, exc.headers)
                await response(scope, receive, send)
                return
        await self.app(scope, receive, send)
