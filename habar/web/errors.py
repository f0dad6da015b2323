"""One error shape for every failure: `{"ok": false, "error": "...", "status": N}` (datasette's pattern).

Exceptions carry their HTTP status (`WebError`); FastAPI's validation errors, Starlette's 404/405 and any
unexpected exception are turned into the same shape. The API always answers JSON; an HTML page that fails
renders the same dict in the error template, with the same status.
"""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

log = logging.getLogger(__name__)


class WebError(Exception):
    """An error a client can act on: the message says what was wrong and how to fix it."""

    def __init__(self, status: int, message: str, headers: dict[str, str] | None = None):
        super().__init__(message)
        self.status = status
        self.message = message
        self.headers = headers or {}


def error_body(status: int, message: str) -> dict:
    return {"ok": False, "error": message, "status": status}


def wants_html(request: Request) -> bool:
    """Pages get an HTML error; /api/*, /docs and clients that do not ask for HTML get JSON."""
    if request.url.path.startswith(("/api/", "/static/", "/openapi", "/docs")):
        return False
    return "text/html" in request.headers.get("accept", "")


def respond(request: Request, status: int, message: str, headers: dict[str, str] | None = None):
    if wants_html(request):
        from habar.web.app import render

        response = render(request, "error.html", error_body(status, message), status=status)
        response.headers.update(headers or {})
        return response
    return JSONResponse(error_body(status, message), status_code=status, headers=headers)


def _validation_message(exc: RequestValidationError) -> str:
    parts = []
    for err in exc.errors()[:5]:
        where = ".".join(str(p) for p in err.get("loc", ()) if p not in ("query", "path", "body"))
        parts.append(f"{where or 'request'}: {err.get('msg', 'invalid')}")
    return "; ".join(parts) + "; fix the request parameters (see /docs)"


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(WebError)
    async def web_error(request: Request, exc: WebError):
        return respond(request, exc.status, exc.message, exc.headers)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):
        message = exc.detail if isinstance(exc.detail, str) else "request failed"
        if exc.status_code == 404 and message == "Not Found":
            message = f"no page at {request.url.path}; see /docs for the routes"
        return respond(request, exc.status_code, message, getattr(exc, "headers", None))

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError):
        return respond(request, 422, _validation_message(exc))

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception):
        # the details go to the log, not to the client: they may hold paths and data
        log.exception("%s %s failed", request.method, request.url.path)
        return respond(request, 500, f"internal error ({type(exc).__name__}); the server log has the details")
