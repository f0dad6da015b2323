"""The FastAPI app: HTML pages and a JSON API over one store, each page's data from one function.

datasette's pattern: `habar.web.search.search_data` (and its siblings) builds a dict; the HTML route renders it
with a template, the `/api/...` route returns it. The UI and the API therefore cannot drift apart.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse
from fastapi.staticfiles import StaticFiles
from starlette.datastructures import MutableHeaders
from jinja2 import Environment, FileSystemLoader, select_autoescape

from habar.options import Options
from habar.web import charts, fragments, i18n
from habar.web.errors import install_error_handlers

HERE = Path(__file__).resolve().parent
TOKEN_ENV = "HABAR_INGEST_TOKEN"

# What a request may ask for: long queries and deep pages cost the index real work and help no reader.
MAX_QUERY_CHARS = 500
MAX_PAGE_SIZE = 100
MAX_PAGE = 500
MAX_ANALYZE_CHARS = 20_000
MAX_UPLOAD_BYTES = 20_000_000

# a strict policy: scripts, styles and images only from this server, no inline script or style at all
SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
                               "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
}


@dataclass
class Web:
    """What every page function needs: the data directory, limits, and one searcher per server thread."""

    data_dir: Path | str  # a data directory, or a postgresql:// URL (habar.store.backend)
    options: Options
    ingest_token: str = ""
    max_upload_bytes: int = MAX_UPLOAD_BYTES
    local: threading.local = field(default_factory=threading.local)
    write_lock: threading.Lock = field(default_factory=threading.Lock)  # one ingest at a time
    build_lock: threading.Lock = field(default_factory=threading.Lock)
    cache: dict = field(default_factory=dict)
    _pipeline: object = None

    def searcher(self):
        """This thread's Searcher: SQLite (or PostgreSQL) connections are per thread, tantivy's searcher is shared
        safely."""
        from habar.store.backend import open_searcher

        s = getattr(self.local, "searcher", None)
        if s is None:
            s = self.local.searcher = open_searcher(self.data_dir, catch_up=False)
        return s

    @property
    def store(self):
        return self.searcher().store

    def pipeline(self):
        """The analysis pipeline for /api/analyze, built on first use (it loads the models)."""
        with self.build_lock:
            if self._pipeline is None:
                from habar.steps import default_pipeline

                self._pipeline = default_pipeline(self.options)
            return self._pipeline

    def text_of(self, article_id: str) -> str:
        """An article's clean text (the store's own decoding: how it keeps text is its business)."""
        article = self.store.get(article_id)
        return article.text if article is not None else ""

    def cached(self, key: tuple, build):
        """Memoise `build()` until the store changes (its rev moves): the dashboard scans whole tables."""
        rev = self.store.rev()
        hit = self.cache.get(key)
        if hit is not None and hit[0] == rev:
            return hit[1]
        value = build()
        if len(self.cache) > 256:
            self.cache.clear()
        self.cache[key] = (rev, value)
        return value


def open_store(data_dir: Path | str) -> None:
    """Create the store if it is missing, and bring the index up to date once, before serving."""
    from habar.store import backend

    backend.open_store(data_dir).close()
    backend.open_searcher(data_dir, catch_up=True).close()


def create_app(options: Options | None = None, data_dir: str | Path | None = None,
               ingest_token: str | None = None, max_upload_bytes: int = MAX_UPLOAD_BYTES) -> FastAPI:
    """The app over `data_dir` (default `options.data_dir`). `ingest_token` (default: `options.ingest_token` or
    the HABAR_INGEST_TOKEN environment variable) enables POST /api/ingest; without one, writes are disabled."""
    from habar.web import analyze, article, dashboard, docs, entity, ingest, search, shortcut

    options = options or Options()
    from habar.store.backend import resolve

    root = resolve(data_dir, options.data_dir)
    open_store(root)
    if ingest_token is None:
        ingest_token = options.ingest_token
    token = str(ingest_token)
    web = Web(root, options, token.strip(), max_upload_bytes)

    # docs_url=None: /docs is served by habar.web.docs, offline, instead of Swagger UI from a CDN
    app = FastAPI(title="habar", version="0.1.0", description="Kazakh news: search, articles, entities, facts.",
                  docs_url=None, redoc_url=None)
    app.state.web = web
    app.state.templates = {lang: templates(lang) for lang in i18n.LANGUAGES}
    install_error_handlers(app)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")

    @app.api_route("/", methods=["GET", "HEAD"], include_in_schema=False)
    def home():
        return RedirectResponse("/search", status_code=302)

    @app.get("/api/stats", tags=["stats"])
    def stats() -> dict:
        """Articles, languages, sources, dates, entities and facts in the store."""
        return {"ok": True, **web.cached(("stats",), lambda: web.store.stats())}

    for module in (search, article, entity, dashboard, analyze, ingest):
        module.add_routes(app, web)
    docs.add_routes(app)
    app.add_middleware(shortcut.Shortcut, routes=app.state.shortcuts)  # innermost: inside the headers and Server-Timing
    app.add_middleware(ingest.UploadGuard, web=web)
    app.add_middleware(ResponseHeaders)  # outermost: its Server-Timing covers everything below it
    return app


class ResponseHeaders:
    """Security headers, the language cookie and Server-Timing on every response.

    A plain ASGI middleware: Starlette's @app.middleware("http") wraps every response in a stream and cost
    more than rendering a search page."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        cookie = i18n.cookie_header(Request(scope))

        async def send_with_headers(message):
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                # the server's own time, without the network and the client: what bench/web_latency.py reads
                headers.append("Server-Timing", f"app;dur={(time.perf_counter() - started) * 1000:.2f}")
                for name, value in SECURITY_HEADERS.items():
                    if name not in headers:
                        headers.append(name, value)
                if cookie:
                    headers.append("Set-Cookie", cookie)
            await send(message)

        await self.app(scope, receive, send_with_headers)


def templates(lang: str = i18n.DEFAULT) -> Environment:
    """The templates in one interface language: `"key"|tr` is a message of `lang`, and with a key written out it is
    translated and escaped once, when Jinja compiles the template (it folds a filter of constants), where t("key")
    was a call at every render, some 3.5 µs each and forty on a search page. t() stays for messages with values."""
    # auto_reload off: templates ship with the package, and checking their mtimes costs a stat per render
    env = Environment(loader=FileSystemLoader(HERE / "templates"), autoescape=select_autoescape(default=True),
                      trim_blocks=True, lstrip_blocks=True, auto_reload=False, extensions=["jinja2.ext.do"])
    env.filters["marks"] = i18n.safe_marks
    env.filters["facet_lines"] = fragments.facet_lines
    env.globals["facet_sections"] = fragments.facet_sections
    env.globals["hit_items"] = fragments.hit_items
    env.globals["month_chart"] = charts.month_chart
    env.filters["tr"] = i18n.translator(lang)
    return env


def render(request: Request, name: str, data: dict, status: int = 200) -> HTMLResponse:
    """A page: the template gets the page's data plus the language, the message function and the path."""
    lang = i18n.language(request)
    env: Environment = request.app.state.templates[lang]
    html = env.get_template(name).render(
        data=data, lang=lang, t=i18n.translator(lang), langs=i18n.LANGUAGES, request=request,
        lang_url=i18n.lang_urls(request))
    return HTMLResponse(html, status_code=status)


def api(data: dict) -> JSONResponse:
    return JSONResponse({"ok": True, **data})
