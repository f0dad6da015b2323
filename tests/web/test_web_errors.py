"""Every error has one JSON shape, {"ok": false, "error": ..., "status": ...}, whatever raised it."""

from __future__ import annotations

import pytest

from web_store import TOKEN

# method, path, request kwargs, expected status
CASES = [
    ("GET", "/api/article/no-such-article", {}, 404),
    ("GET", "/api/entity/PERSON%3AНеТұлға", {}, 404),
    ("GET", "/no/such/route", {}, 404),
    ("GET", "/api/search?size=0", {}, 422),
    ("GET", "/api/search?page=abc", {}, 422),
    ("GET", "/api/search?sort=random", {}, 422),
    ("GET", "/api/search?q=" + "қ" * 501, {}, 422),
    ("GET", "/api/search?q=date:2019-99", {}, 400),
    ("GET", "/api/entity/not-an-id", {}, 422),
    ("GET", "/api/dashboard?from=2019-13", {}, 422),
    ("POST", "/api/analyze", {"json": {}}, 422),
    ("POST", "/api/analyze", {"json": {"text": "ә" * 20_001}}, 422),
    ("POST", "/api/ingest", {"files": {"files": ("a.jsonl", b"{}")}}, 401),
    ("POST", "/api/ingest", {"files": {"files": ("a.jsonl", b"{}")}, "headers": {"authorization": "Bearer nope"}}, 403),
    ("POST", "/api/ingest", {"files": {"files": ("a.jsonl", b"x" * 300_000)},
                             "headers": {"authorization": f"Bearer {TOKEN}"}}, 413),
    ("DELETE", "/api/search", {}, 405),
]


@pytest.mark.parametrize("method,path,kwargs,status", CASES, ids=[f"{c[0]} {c[1][:40]} {c[3]}" for c in CASES])
def test_error_shape(client, method, path, kwargs, status):
    r = client.request(method, path, **kwargs)
    assert r.status_code == status, r.text
    body = r.json()
    assert set(body) == {"ok", "error", "status"}
    assert body["ok"] is False and body["status"] == status
    assert isinstance(body["error"], str) and body["error"]


def test_unexpected_exception_is_500_in_the_same_shape(client, app, monkeypatch):
    def broken():
        raise RuntimeError("/secret/path must not leak")

    monkeypatch.setattr(app.state.web, "searcher", broken)
    r = client.get("/api/search", params={"q": "x"})
    assert r.status_code == 500
    assert r.json()["ok"] is False and r.json()["status"] == 500
    assert "/secret/path" not in r.text


def test_pages_render_errors_as_html_with_the_status(html_client):
    r = html_client.get("/article/no-such-article")
    assert r.status_code == 404
    assert r.headers["content-type"].startswith("text/html")
    assert 'data-status="404"' in r.text


def test_api_errors_stay_json_for_browsers(html_client):
    r = html_client.get("/api/article/no-such-article")
    assert r.status_code == 404 and r.json()["status"] == 404
