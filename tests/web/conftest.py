"""Fixtures of the web tests: a store built from the sample corpus (see web_store.py), the app and a client."""

from __future__ import annotations

from pathlib import Path

import os

import pytest

os.environ.setdefault("OMP_NUM_THREADS", "1")  # the topic model's threads only fight the tests for two cores

from habar.options import Options
from web_store import SAMPLE, TOKEN, build_store


@pytest.fixture(scope="session")
def web_db(tmp_path_factory) -> Path:
    if not SAMPLE.exists():
        pytest.skip(f"{SAMPLE} is missing; the web tests need the sample corpus")
    return build_store(tmp_path_factory.mktemp("web-db"))


@pytest.fixture(scope="session")
def app(web_db):
    from habar.web.app import create_app

    return create_app(Options(workers=1), web_db, ingest_token=TOKEN, max_upload_bytes=200_000)


@pytest.fixture(scope="session")
def client(app):
    from fastapi.testclient import TestClient

    with TestClient(app, raise_server_exceptions=False) as c:
        yield c


@pytest.fixture()
def html_client(client):
    """The client as a browser: asks for HTML."""
    client.headers["accept"] = "text/html"
    yield client
    client.headers["accept"] = "*/*"
