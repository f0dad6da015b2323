"""Security: article text is escaped everywhere, no parameter reaches the file system, limits hold."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from urllib.parse import quote

import pytest

from web_store import HOSTILE_ID

class Elements(HTMLParser):
    """Every element the browser would build from a page, with its attributes."""

    def __init__(self):
        super().__init__()
        self.found: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.found.append((tag, dict(attrs)))


def assert_inert(html: str) -> None:
    """The page's elements are the templates' own: no script but ours, no handler attributes, and none of the
    tags the hostile article carries (img, b, i) became elements."""
    parser = Elements()
    parser.feed(html)
    for tag, attrs in parser.found:
        assert tag not in ("img", "b", "i", "iframe", "object"), (tag, attrs)
        if tag == "script":
            assert attrs.get("src") == "/static/habar.js", attrs
        assert not [a for a in attrs if a.startswith("on")], (tag, attrs)
        for name in ("href", "src", "action"):
            assert not (attrs.get(name) or "").strip().lower().startswith("javascript:"), (tag, attrs)


@pytest.mark.parametrize("path", [
    f"/article/{HOSTILE_ID}",
    "/search?q=форум",
    "/search?q=алматы&sort=date",
    "/search?q=",
    "/dashboard",
    "/entity/" + quote("GPE:Алматы", safe=""),
])
def test_article_markup_is_escaped_in_pages(html_client, path):
    r = html_client.get(path)
    assert r.status_code == 200, r.text[:300]
    assert_inert(r.text)


def test_hostile_article_page_shows_the_text_as_text(html_client):
    html = html_client.get(f"/article/{HOSTILE_ID}").text
    assert "&lt;script&gt;alert(&#34;title&#34;)&lt;/script&gt;" in html or "&lt;script&gt;alert(&quot;title&quot;)" in html
    assert "&lt;script&gt;alert(&#39;text&#39;)&lt;/script&gt;" in html
    assert 'href="javascript:' not in html  # a javascript: URL in the data is not made a link


def test_search_snippet_keeps_only_mark(html_client):
    html = html_client.get("/search", params={"q": "форум жастар"}).text
    snippets = re.findall(r'<p class="snippet">(.*?)</p>', html, re.S)
    assert snippets
    for s in snippets:
        assert set(re.findall(r"</?([a-zA-Z]+)", s)) <= {"mark"}, s


@pytest.mark.parametrize("snippet,expected", [
    ("a <mark>b</mark> c", "a <mark>b</mark> c"),
    ("&lt;script&gt;x", "&lt;script&gt;x"),
    ("<script>x</script>", "&lt;script&gt;x&lt;/script&gt;"),
    ("<mark onclick=x>b</mark>", "&lt;mark onclick=x&gt;b</mark>"),
    ("<mark>open", "<mark>open</mark>"),
    ("&amp;lt;", "&amp;lt;"),
    # the fast path (every < and > in a mark, no &) and its edges
    ("<mark>a</mark> b <mark>c", "<mark>a</mark> b <mark>c</mark>"),
    ("</<mark>mark>", "&lt;/<mark>mark&gt;</mark>"),
    ("<<mark>>", "&lt;<mark>&gt;</mark>"),
    ("</mark></mark>x", "</mark></mark>x"),
    ("a > b", "a &gt; b"),
    ("", ""),
    (None, ""),
])
def test_safe_marks(snippet, expected):
    from habar.web.i18n import safe_marks

    assert str(safe_marks(snippet)) == expected


@pytest.mark.parametrize("path", [
    "/static/../app.py", "/static/%2e%2e/app.py", "/static/..%2Fapp.py", "/static/%2e%2e%2f%2e%2e%2fpyproject.toml",
    "/static//etc/passwd", "/article/..%2F..%2F..%2Fetc%2Fpasswd", "/api/article/../../etc/passwd",
    "/api/entity/PERSON%3A..%2F..%2Fetc%2Fpasswd", "/search?q=../../etc/passwd&lang=../../etc/passwd",
])
def test_no_path_traversal(client, path):
    r = client.get(path)
    assert "def create_app" not in r.text and "root:x:0:0" not in r.text and "[build-system]" not in r.text
    assert r.status_code in (200, 404, 422)


def test_lang_parameter_cannot_pick_a_file(client):
    r = client.get("/search", params={"lang": "../../../etc/passwd"})
    assert r.status_code == 200 and "habar_lang" not in r.headers.get("set-cookie", "")


@pytest.mark.parametrize("params,status", [
    ({"q": "қ" * 500}, 200), ({"q": "қ" * 501}, 422), ({"size": 100}, 200), ({"size": 101}, 422),
    ({"page": 500}, 200), ({"page": 501}, 422), ({"size": -1}, 422),
])
def test_query_and_page_limits(client, params, status):
    assert client.get("/api/search", params=params).status_code == status


def test_security_headers(client):
    headers = client.get("/search").headers
    assert "script-src 'self'" in headers["content-security-policy"]
    assert headers["x-content-type-options"] == "nosniff"


@pytest.mark.parametrize("headers,status", [
    ({}, 401), ({"authorization": "Bearer"}, 401), ({"authorization": "Basic dXNlcjpwYXNz"}, 401),
    ({"authorization": "Bearer wrong"}, 403),
])
def test_ingest_refuses_without_the_token(client, headers, status):
    before = client.get("/api/stats").json()["articles"]
    r = client.post("/api/ingest", headers=headers,
                    files={"files": ("a.jsonl", b'{"id": "x1", "text": "\\u049a\\u0430\\u0437\\u0430\\u049b"}')})
    assert r.status_code == status
    assert client.get("/api/stats").json()["articles"] == before


def test_ingest_is_disabled_without_a_configured_token(tmp_path):
    from fastapi.testclient import TestClient

    from habar.options import Options
    from habar.web.app import create_app

    app = create_app(Options(workers=1), tmp_path / "db", ingest_token="")
    with TestClient(app) as c:
        r = c.post("/api/ingest", headers={"authorization": "Bearer anything"}, files={"files": ("a.txt", b"x")})
    assert r.status_code == 403 and "HABAR_INGEST_TOKEN" in r.json()["error"]


def test_ingest_token_comes_from_the_environment(tmp_path, monkeypatch):
    from fastapi.testclient import TestClient

    from habar.options import Options
    from habar.web.app import TOKEN_ENV, create_app

    monkeypatch.setenv(TOKEN_ENV, "from-env")
    app = create_app(Options(workers=1), tmp_path / "db")
    assert app.state.web.ingest_token == "from-env"
    with TestClient(app) as c:
        assert c.post("/api/ingest", files={"files": ("a.txt", b"x")}).status_code == 401
        wrong = c.post("/api/ingest", headers={"authorization": "Bearer other"}, files={"files": ("a.txt", b"x")})
        assert wrong.status_code == 403
