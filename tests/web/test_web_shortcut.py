"""habar.web.shortcut answers /search and /api/search as FastAPI does: the same status, headers and bytes for
plain values, and odd or wrong ones left to FastAPI's validation and messages."""

from __future__ import annotations

import pytest
from starlette.datastructures import QueryParams

from habar.options import Options
from habar.web.shortcut import Shortcut, search_args
from web_store import TOKEN

QUERIES = [
    "", "q=", "q=%D1%84%D0%BE%D1%80%D1%83%D0%BC", "q=форум+жастар&page=2", "q=форум&size=3&page=4&sort=date",
    "q=форум&sort=score&mode=lexical", "q=форум&mode=", "q=source%3Akazinform.kz&lang=ru", "q=a&q=форум",
    "q=форум&page=500", "q=форум&size=100", "sort=date", "q=" + "ы" * 500,
    # FastAPI's to decide: the shortcut must pass them on
    "q=" + "ы" * 501, "q=a&page=0", "q=a&page=501", "q=a&page=01", "q=a&page=%2B1", "q=a&page=+1", "q=a&page=1.0",
    "q=a&page=", "q=a&page=x", "q=a&size=0", "q=a&size=101", "q=a&size=1_0", "q=a&sort=", "q=a&sort=Date",
    "q=a&sort=date%0A", "q=a&mode=bad", "q=a&mode=semantic", "q=%22open", "q=date%3Anonsense", "q=a&page=2&page=x",
]


@pytest.fixture(scope="module")
def plain_client(web_db):
    """The same app with FastAPI alone: the shortcut taken out before the first request builds the stack."""
    from fastapi.testclient import TestClient

    from habar.web.app import create_app

    app = create_app(Options(workers=1), web_db, ingest_token=TOKEN, max_upload_bytes=200_000)
    app.user_middleware = [m for m in app.user_middleware if m.cls is not Shortcut]
    with TestClient(app, raise_server_exceptions=False) as c:
        yield c


def same(response, expected):
    assert response.status_code == expected.status_code
    drop = ("server-timing",)
    assert [h for h in response.headers.items() if h[0] not in drop] == \
        [h for h in expected.headers.items() if h[0] not in drop]
    assert response.content == expected.content


@pytest.mark.parametrize("query", QUERIES)
@pytest.mark.parametrize("path,accept", [("/search", "text/html"), ("/api/search", "*/*"), ("/search", "*/*")])
def test_same_response_as_fastapi(client, plain_client, query, path, accept):
    headers = {"accept": accept}
    same(client.get(f"{path}?{query}", headers=headers), plain_client.get(f"{path}?{query}", headers=headers))


def test_other_languages_and_methods(client, plain_client):
    for cookie in ("habar_lang=ru", "habar_lang=en"):
        headers = {"accept": "text/html", "cookie": cookie}
        same(client.get("/search?q=форум", headers=headers), plain_client.get("/search?q=форум", headers=headers))
    same(client.head("/search?q=форум"), plain_client.head("/search?q=форум"))
    same(client.post("/api/search?q=форум"), plain_client.post("/api/search?q=форум"))
    same(client.get("/search/?q=форум", follow_redirects=False),
         plain_client.get("/search/?q=форум", follow_redirects=False))


@pytest.mark.parametrize("query,args", [
    ("q=a", {"q": "a", "page": 1, "size": 10, "sort": None, "mode": None}),
    ("q=a&page=12&size=100&sort=date&mode=", {"q": "a", "page": 12, "size": 100, "sort": "date", "mode": ""}),
    ("q=a&page=01", None), ("q=a&size=101", None), ("q=a&sort=", None), ("q=a&mode=x", None),
])
def test_search_args(query, args):
    assert search_args(QueryParams(query)) == args


def test_plain_requests_take_the_shortcut(client, monkeypatch):
    import habar.web.shortcut as shortcut

    calls = []
    real = shortcut.run_in_threadpool

    async def counted(func, *args, **kwargs):
        calls.append(kwargs)
        return await real(func, *args, **kwargs)

    monkeypatch.setattr(shortcut, "run_in_threadpool", counted)
    assert client.get("/search", params={"q": "форум", "page": "2"}).status_code == 200
    assert client.get("/api/search", params={"q": "форум", "page": "0"}).status_code == 422
    assert calls == [{"q": "форум", "page": 2, "size": 10, "sort": None, "mode": None}]
