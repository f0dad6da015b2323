"""/docs: the API reference, rendered on the server from the app's own OpenAPI schema (/openapi.json).

Swagger UI would need a CDN or a vendored bundle and inline scripts; this page needs neither, works offline
and obeys the same content security policy as every other page.
"""

from __future__ import annotations

from fastapi import FastAPI, Request

from habar.web.app import render


def describe(schema: dict) -> str:
    """A parameter's type and limits in one short line: 'integer, 1..100, default 10'."""
    parts = [schema.get("type", "")]
    if "anyOf" in schema:
        parts = [" | ".join(s.get("type", "") for s in schema["anyOf"])]
    lo, hi = schema.get("minimum", schema.get("minLength")), schema.get("maximum", schema.get("maxLength"))
    if lo is not None or hi is not None:
        parts.append(f"{'' if lo is None else lo}..{'' if hi is None else hi}")
    if schema.get("pattern"):
        parts.append(f"pattern {schema['pattern']}")
    if "default" in schema and schema["default"] not in ("", None):
        parts.append(f"default {schema['default']}")
    return ", ".join(p for p in parts if p)


def docs_data(app: FastAPI) -> dict:
    spec = app.openapi()
    routes = []
    for path, methods in spec.get("paths", {}).items():
        for method, op in methods.items():
            params = [{"name": p["name"], "in": p["in"], "required": p.get("required", False),
                       "about": describe(p.get("schema", {})), "description": p.get("description", "")}
                      for p in op.get("parameters", [])]
            body = op.get("requestBody", {}).get("content", {})
            routes.append({"method": method.upper(), "path": path, "summary": op.get("summary", ""),
                           "description": op.get("description", ""), "tags": op.get("tags", []),
                           "parameters": params, "body": sorted(body)})
    return {"title": spec["info"]["title"], "version": spec["info"]["version"],
            "description": spec["info"].get("description", ""), "routes": routes}


def add_routes(app: FastAPI) -> None:
    @app.get("/docs", include_in_schema=False)
    def page_docs(request: Request):
        return render(request, "docs.html", docs_data(app))
