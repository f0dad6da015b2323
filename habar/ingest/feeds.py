"""RSS and Atom feeds, read by feedparser: one article per entry.

The entry's full content (content:encoded, Atom content) is preferred over its summary; HTML in it becomes plain
text with one blank line between blocks. An entry whose date feedparser cannot read keeps its article, without
a date (the value is kept in `meta["published_raw"]`), and a ReadError of kind "bad_date" counts the problem.
A malformed feed is read as far as feedparser recovers it; a feed with no entries is a ReadError.

Feeds at a URL are fetched only by `read_feed_url(..., allow_fetch=True)`, with a timeout: reading files never
touches the network.
"""

from __future__ import annotations

import time
import urllib.request
from typing import Iterator
from urllib.parse import urlsplit

from habar.document import Article
from habar.ingest.html import fragment_text, read_bytes
from habar.ingest.source import ReadError, Source, make_id
from habar.options import Options

FETCH_TIMEOUT = 10.0  # seconds; a feed that takes longer is reported, not waited for
MAX_FETCH_BYTES = 20_000_000


def _iso(parsed: time.struct_time | None) -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", parsed) if parsed else ""


def _entry_text(entry) -> str:
    for item in entry.get("content") or []:
        value = item.get("value") or ""
        if value.strip():
            return fragment_text(value) if "html" in (item.get("type") or "html") else value.strip()
    return fragment_text(entry.get("summary") or entry.get("description") or "")


def parse_feed(data: bytes, name: str, where: dict | None = None) -> Iterator[Article | ReadError]:
    """Articles (and ReadErrors for bad entries) from the bytes of one feed; `name` is for messages."""
    import feedparser

    parsed = feedparser.parse(data)
    if not parsed.entries:
        problem = f" ({parsed.get('bozo_exception')})" if parsed.get("bozo") else ""
        yield ReadError(name, None, f"no entries in the feed{problem}; check it is an RSS or Atom file", "no_entries")
        return
    site = parsed.feed.get("link") or ""
    feed_source = urlsplit(site).netloc.lower().removeprefix("www.") or parsed.feed.get("title", "")
    for n, entry in enumerate(parsed.entries, 1):
        text = _entry_text(entry)
        if not text:
            yield ReadError(name, None, f"entry {n} has no text (no content or summary); the feed gives headlines "
                                        "only, so read the pages themselves (HTML or WARC)", "no_text")
            continue
        url = entry.get("link") or ""
        meta: dict = {"reader": dict(where or {}, entry=n)}
        if entry.get("author"):
            meta["author"] = entry["author"]
        # dict.get: FeedParserDict.get maps a missing "updated" onto "published" with a DeprecationWarning
        given = dict.get(entry, "published") or dict.get(entry, "updated") or ""
        published = _iso(dict.get(entry, "published_parsed") or dict.get(entry, "updated_parsed"))
        if given and not published:
            meta["published_raw"] = given
            yield ReadError(name, None, f"entry {n}: date {given!r} is not one feedparser can read; the entry is "
                                        "kept without a date; fix the feed's pubDate/updated", "bad_date")
        source = urlsplit(url).netloc.lower().removeprefix("www.") or feed_source
        yield Article(id=make_id(url, text), raw=text, text=text, title=(entry.get("title") or "").strip(),
                      source=source, url=url, published=published, meta=meta)


def read_feed(src: Source, options: Options) -> Iterator[Article | ReadError]:
    """An RSS or Atom file."""
    try:
        data = read_bytes(src, options)
    except ReadError as exc:
        yield exc
        return
    yield from parse_feed(data, src.name, {"path": src.name, "format": "feed"})


def read_feed_url(url: str, allow_fetch: bool = False, timeout: float = FETCH_TIMEOUT) -> Iterator[Article | ReadError]:
    """A feed fetched from `url`; only when `allow_fetch` is given, since it goes to the network."""
    if not allow_fetch:
        yield ReadError(url, None, "fetching feeds from the network is off; enable it with --fetch-feeds "
                                   "(or HABAR_FETCH_FEEDS=1), or save the feed to a file and read that", "fetch_disabled")
        return
    try:
        with urllib.request.urlopen(url, timeout=timeout) as resp:
            data = resp.read(MAX_FETCH_BYTES + 1)
    except (OSError, ValueError) as exc:  # URLError, timeouts and malformed URLs
        yield ReadError(url, None, f"cannot fetch the feed ({exc}); check the URL and the network", "fetch_failed")
        return
    if len(data) > MAX_FETCH_BYTES:
        yield ReadError(url, None, f"feed larger than {MAX_FETCH_BYTES:,} bytes; save it and split it", "too_large")
        return
    yield from parse_feed(data, url, {"url": url, "format": "feed"})
