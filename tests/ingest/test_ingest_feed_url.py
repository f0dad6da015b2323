"""A feed URL given as an input is read only when fetching is enabled, and then over loopback in this test."""

import threading
from functools import partial
from http.server import HTTPServer, SimpleHTTPRequestHandler

import pytest
from click.testing import CliRunner

from habar.cli import main
from habar.ingest.readers import ReadError, read_paths
from habar.options import Options

FEED = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Жаңалықтар</title><link>https://example.kz/</link>
<item><title>Алматыда жаңа саябақ ашылды</title><link>https://example.kz/news/1</link>
<pubDate>Tue, 05 Mar 2024 10:00:00 +0500</pubDate>
<description>Алматыда жаңа саябақ ашылды. Саябаққа мың ағаш отырғызылды.</description></item>
</channel></rss>
"""


@pytest.fixture
def feed_url(tmp_path):
    (tmp_path / "feed.xml").write_text(FEED, encoding="utf-8")
    handler = partial(SimpleHTTPRequestHandler, directory=str(tmp_path))
    handler.log_message = lambda *a: None
    server = HTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}/feed.xml"
    server.shutdown()


def test_fetching_is_off_by_default(feed_url):
    [error] = list(read_paths([feed_url], Options()))
    assert isinstance(error, ReadError) and error.kind == "fetch_disabled"
    assert "--fetch-feeds" in str(error) and "HABAR_FETCH_FEEDS" in str(error)


def test_enabled_fetch_reads_the_feed(feed_url):
    [article] = list(read_paths([feed_url], Options(fetch_feeds=True)))
    assert article.title == "Алматыда жаңа саябақ ашылды" and article.url == "https://example.kz/news/1"


def test_ingest_flag_enables_it(feed_url, tmp_path):
    db = tmp_path / "db"
    args = ["ingest", "--db", str(db), "--workers", "1", "--steps", "normalise,segment,tokenize", feed_url]
    off = CliRunner().invoke(main, args)
    assert off.exit_code == 1 and "fetch_disabled" in off.stderr
    on = CliRunner().invoke(main, args[:1] + ["--fetch-feeds"] + args[1:])
    assert on.exit_code == 0 and "1 new" in on.stderr, on.stderr
