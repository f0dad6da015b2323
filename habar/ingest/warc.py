"""WARC and WARC.gz archives, read by warcio: one article per HTML response (or resource) record.

Records that are not HTML pages (requests, warcinfo, metadata, images) are not documents and are passed over.
A page record without payload is a ReadError ("no_payload"); a truncated or corrupt archive ends with a
ReadError ("truncated") after every record before the damage has been read; a file that is not a WARC at all
is one ReadError ("not_warc").
"""

from __future__ import annotations

import gzip
import zlib
from typing import Iterator

from habar.document import Article
from habar.ingest.encoding import EncodingError
from habar.ingest.html import decode_html, html_to_article
from habar.ingest.source import ReadError, Source, check_size
from habar.options import Options

_PAGE_RECORDS = ("response", "resource")


def _content_type(record) -> str:
    if record.http_headers is not None:
        return (record.http_headers.get_header("Content-Type") or "").lower()
    return (record.rec_headers.get_header("Content-Type") or "").lower()


def read_warc(src: Source, options: Options) -> Iterator[Article | ReadError]:
    """Every HTML page in the archive."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    check_size(src, options)
    n = 0
    with src.open() as f:
        gz = f.read(2) == b"\x1f\x8b"
        f.seek(0)
        try:
            for record in ArchiveIterator(f):
                n += 1
                if record.format not in ("warc", "arc2warc"):  # warcio reads unknown bytes as an old ARC header
                    yield src.error(f"record {n} is not a WARC record; check the file is a WARC archive", "not_warc")
                    return
                if record.rec_type not in _PAGE_RECORDS or "html" not in _content_type(record):
                    continue
                url = record.rec_headers.get_header("WARC-Target-URI") or ""
                data = record.content_stream().read()
                if getattr(record.raw_stream, "limit", 0):  # warcio stops quietly where a cut-off file ends
                    raise EOFError(f"record {n} ends {record.raw_stream.limit} bytes short of its length")
                if not data.strip():
                    yield src.error(f"record {n} ({url or 'no URL'}) has no payload; the crawl stored headers only, "
                                    "so re-fetch that page", "no_payload")
                    continue
                yield from _page(src, n, url, record.rec_headers.get_header("WARC-Date") or "", data)
            if gz:
                _check_gzip(f)
        except (ArchiveLoadFailed, EOFError, zlib.error, OSError, ValueError) as exc:
            yield src.error(f"archive unreadable after record {n} ({type(exc).__name__}: {exc}); the file is "
                            "truncated or corrupt, so re-download it", "truncated")


def _check_gzip(f) -> None:
    """Raise EOFError if the gzip stream is cut off: warcio ends quietly where a cut-off member begins."""
    f.seek(0)
    with gzip.GzipFile(fileobj=f) as z:
        while z.read(1 << 20):
            pass


def _page(src: Source, n: int, url: str, warc_date: str, data: bytes) -> Iterator[Article | ReadError]:
    try:
        html, encoding = decode_html(data)
    except EncodingError as exc:
        yield src.error(f"record {n} ({url}): {exc}", exc.kind)
        return
    where = {"path": src.name, "format": "warc", "record": n, "encoding": encoding}
    try:
        article = html_to_article(html, url=url, where=where)
    except (ValueError, TypeError, AttributeError) as exc:
        yield src.error(f"record {n} ({url}): the HTML cannot be parsed ({exc}); the page is skipped", "bad_html")
        return
    if article is None:
        yield src.error(f"record {n} ({url}): no main text in the page; it is an index or a stub", "no_text")
        return
    if warc_date:
        article.meta["crawled"] = warc_date  # not the publication date, only an upper bound for it
    yield article
