"""POST /api/ingest with the token: uploads go through the readers and the pipeline into the store."""

from __future__ import annotations

import json

import pytest

UPLOAD = [
    {"id": "up-1", "source": "upload-test", "published": "2025-03-04", "title": "Павлодарда жаңа саябақ ашылды",
     "text": "Павлодар қаласында жаңа саябақ ашылды. Саябаққа мыңнан астам ағаш отырғызылды."},
    {"id": "up-2", "source": "upload-test", "published": "2025-03-05", "title": "Ақтөбеде жол жөндеу басталды",
     "text": "Ақтөбе облысында жергілікті жолдарды жөндеу жұмыстары басталды."},
]


@pytest.fixture(scope="module")
def writable(tmp_path_factory):
    from fastapi.testclient import TestClient

    from habar.options import Options
    from habar.web.app import create_app

    app = create_app(Options(workers=1), tmp_path_factory.mktemp("ingest-db"), ingest_token="s3cret",
                     max_upload_bytes=50_000)
    with TestClient(app, raise_server_exceptions=False) as c:
        c.headers["authorization"] = "Bearer s3cret"
        yield c


def jsonl(rows) -> bytes:
    return "\n".join(json.dumps(r, ensure_ascii=False) for r in rows).encode()


def test_uploaded_articles_become_searchable(writable):
    r = writable.post("/api/ingest", files={"files": ("../../etc/news.jsonl", jsonl(UPLOAD))})
    assert r.status_code == 200, r.text
    assert r.json()["counts"]["new"] == 2
    hits = writable.get("/api/search", params={"q": "саябақ"}).json()["hits"]
    assert [h["id"] for h in hits] == ["up-1"]
    article = writable.get("/api/article/up-1").json()
    assert article["text"].startswith("Павлодар")


def test_upload_name_never_becomes_a_path(writable, tmp_path):
    r = writable.post("/api/ingest", files={"files": ("/tmp/../../x.jsonl", jsonl(UPLOAD[:1]))})
    assert r.status_code == 200
    assert r.json()["counts"].get("unchanged") == 1  # stored once, read again from our own temporary file


@pytest.mark.parametrize("name,status", [("notes.exe", 415), ("noextension", 415), ("page.html", 200)])
def test_upload_type_is_chosen_by_a_registered_ending(writable, name, status):
    body = b"<html><head><title>Test</title></head><body><p>\xd0\x9c\xd3\x99\xd1\x82\xd1\x96\xd0\xbd.</p></body></html>"
    assert writable.post("/api/ingest", files={"files": (name, body)}).status_code == status


def test_upload_over_the_limit_is_refused(writable):
    r = writable.post("/api/ingest", files={"files": ("big.jsonl", b" " * 60_000)})
    assert r.status_code == 413 and r.json()["status"] == 413
