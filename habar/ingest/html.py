"""HTML pages: main text and metadata (title, date, author, url) extracted by trafilatura.

`raw` is the extracted main text, one blank line between blocks: the page's navigation, menus and comments are
trafilatura's to drop, and storing whole pages would multiply the store's size. `meta["reader"]` names the file
and the extractor, so the page itself can always be found again. A page with no main text is a ReadError
("no_text"), never an empty article; so is markup trafilatura cannot parse ("bad_html").
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from typing import Iterator
from urllib.parse import urlsplit

from habar.document import Article
from habar.ingest.encoding import EncodingError, decode
from habar.ingest.source import ReadError, Source, check_size, make_id
from habar.options import Options

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.I)


def decode_html(data: bytes) -> tuple[str, str]:
    """Text and codec: the page's own <meta charset> when it decodes cleanly, else detection."""
    m = _META_CHARSET.search(data[:4096])
    if m:
        declared = m.group(1).decode("ascii").lower()
        try:
            return data.decode(declared), declared
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong declaration is common; detection decides
    return decode(data)


def _blocks(text: str) -> str:
    """trafilatura separates blocks by one newline; the cleaning steps read paragraphs as blank-line runs."""
    return "\n\n".join(line.strip() for line in text.split("\n") if line.strip())


def html_to_article(html: str, url: str = "", source: str = "", where: dict | None = None) -> Article | None:
    """The article in one page, or None when the page has no main text."""
    import trafilatura

    doc = trafilatura.bare_extraction(html, url=url or None, with_metadata=True, include_comments=False,
                                      include_tables=False, deduplicate=False)
    if doc is None or not (doc.text or "").strip():
        return None
    raw = _blocks(doc.text)
    url = url or (doc.url or "")
    meta: dict = {"reader": dict(where or {}, extractor="trafilatura")}
    if doc.author:
        meta["author"] = doc.author
    if doc.sitename:
        meta["sitename"] = doc.sitename
    source = source or (urlsplit(url).netloc.lower().removeprefix("www.") if url else "") or (doc.sitename or "")
    return Article(id=make_id(url, raw), raw=raw, text=raw, title=(doc.title or "").strip(), source=source,
                   url=url, published=doc.date or "", meta=meta)


def read_bytes(src: Source, options: Options) -> bytes:
    """The whole input, within the size and line-length limits (a 100 MB one-line file is refused)."""
    check_size(src, options)
    with src.open() as f:
        data = f.read()
    longest = max(map(len, data.split(b"\n")))
    if longest > options.max_line_chars:
        raise src.error(f"a line of {longest:,} bytes is over the limit of {options.max_line_chars:,} characters; "
                        "raise it with HABAR_MAX_LINE_CHARS or split the file", "line_too_long")
    return data


def read_html(src: Source, options: Options) -> Iterator[Article | ReadError]:
    """One page, one article."""
    try:
        data = read_bytes(src, options)
    except ReadError as exc:
        yield exc
        return
    try:
        html, encoding = decode_html(data)
    except EncodingError as exc:
        yield src.error(str(exc), exc.kind)
        return
    try:
        article = html_to_article(html, where={"path": src.name, "format": "html", "encoding": encoding})
    except (ValueError, TypeError, AttributeError) as exc:  # lxml and trafilatura on markup they cannot parse
        yield src.error(f"the HTML cannot be parsed ({type(exc).__name__}: {exc}); check the file is a web page",
                        "bad_html")
        return
    if article is None:
        yield src.error("no main text found in the page; check it is an article page, not an index or a stub",
                        "no_text")
        return
    if src.root is not None and not article.source:
        article.source = src.path.resolve().parent.name if src.path else ""
    yield article


class _TextParser(HTMLParser):
    """Text of an HTML fragment (a feed entry's content); block elements become paragraph breaks."""

    BLOCKS = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr", "section", "article"}
    SKIP = {"script", "style", "noscript"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in self.SKIP:
            self.skip += 1
        elif tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in self.SKIP:
            self.skip = max(self.skip - 1, 0)
        elif tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data):
        if not self.skip:
            self.parts.append(data)


def fragment_text(html: str) -> str:
    """Plain text of an HTML fragment, paragraphs separated by one blank line."""
    parser = _TextParser()
    parser.feed(html)
    parser.close()
    text = "".join(parser.parts)
    paras = [" ".join(p.split()) for p in text.split("\n")]
    return "\n\n".join(p for p in paras if p)
