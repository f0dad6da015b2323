"""Files, directories and stdin to a stream of Articles, with one ReadError for each thing that failed.

`read_paths(paths, options)` takes files, directories (walked recursively in sorted order, hidden files and
directories skipped, files of unknown type skipped) and "-" for stdin, whose format is sniffed from its first
character. Nothing is raised for a bad document: a ReadError is yielded and the batch goes on.

Plugging in a reader: `READERS` maps a file-name ending (lower case, longest match wins, so ".warc.gz" beats
".gz") to a reader, given as "module:function" (imported on first use, so a heavy library costs nothing
until its format is read) or as the function itself:

    def read_x(src: Source, options: Options) -> Iterator[Article | ReadError]

`src` (habar.ingest.source.Source) has `name` (for messages), `path` (None for stdin) and `open()` (bytes).
Text formats use `read_text(src, options)` -> (text, encoding), or `iter_lines(src, options)` for
line-oriented ones; both detect the encoding and enforce the size and line limits. Binary formats read
`src.open()` after `check_size(src, options)`. Report a bad document with `yield src.error(message, kind,
line)`, where the message is "problem; fix". Set `meta["reader"] = {"path": src.name, "line": N, ...}`.
"""

from __future__ import annotations

import importlib
import logging
import os
from pathlib import Path
from typing import Callable, Iterable, Iterator

from habar.document import Article
from habar.ingest.source import ReadError, Source, detect_encoding, stdin_source
from habar.options import Options

log = logging.getLogger(__name__)

Reader = Callable[[Source, Options], Iterator["Article | ReadError"]]

READERS: dict[str, str | Reader] = {
    ".txt": "habar.ingest.txt:read_txt",
    ".text": "habar.ingest.txt:read_txt",
    ".jsonl": "habar.ingest.jsonl:read_jsonl",
    ".articles.jsonl": "habar.export.jsonl:read_articles_jsonl",
    ".ndjson": "habar.ingest.jsonl:read_jsonl",
    ".json": "habar.ingest.jsonl:read_json",
    **{".html": "habar.ingest.html:read_html", ".htm": "habar.ingest.html:read_html", ".rss": "habar.ingest.feeds:read_feed", ".atom": "habar.ingest.feeds:read_feed", ".xml": "habar.ingest.feeds:read_feed", ".warc": "habar.ingest.warc:read_warc", ".warc.gz": "habar.ingest.warc:read_warc"},
}

# stdin has no name: how it starts says which reader gets it (first match; lower-cased, blanks stripped)
_SNIFF = [("{", ".jsonl"), ("[", ".json"), ("<?xml", ".rss"), ("<rss", ".rss"), ("<feed", ".rss"),
          ("<", ".html")]

__all__ = ["READERS", "ReadError", "Source", "read_paths", "reader_for"]


def _resolve(entry: str | Reader) -> Reader:
    if callable(entry):
        return entry
    module, _, name = entry.partition(":")
    return getattr(importlib.import_module(module), name)


def reader_for(name: str) -> Reader | None:
    """The reader for a file name, by its longest registered ending; None if the type is unknown."""
    lower = name.lower()
    for suffix in sorted(READERS, key=len, reverse=True):
        if lower.endswith(suffix):
            return _resolve(READERS[suffix])
    return None


def _walk(root: Path) -> Iterator[Path | ReadError]:
    """Files under `root`, sorted, depth first, without hidden entries or symlinked directories (no loops)."""
    try:
        with os.scandir(root) as it:
            entries = sorted((e for e in it if not e.name.startswith(".")), key=lambda e: e.name)
    except OSError as exc:
        yield ReadError(str(root), None, f"cannot list the directory ({exc.strerror}); check its permissions",
                        "unreadable")
        return
    for entry in entries:
        if entry.is_dir(follow_symlinks=False):
            yield from _walk(Path(entry.path))
        elif entry.is_file():
            yield Path(entry.path)


def _sniff_stdin(src: Source, options: Options) -> Reader:
    head = src.data[:4096] if src.data else b""
    try:
        text = head.decode(detect_encoding(src, options), errors="ignore").lstrip("\ufeff \t\r\n").lower()
    except ReadError:
        text = ""  # the text reader reports the problem with its usual message
    suffix = next((suffix for start, suffix in _SNIFF if text.startswith(start)), ".txt")
    return reader_for("x" + suffix) or reader_for("x.txt")


def _read_one(src: Source, reader: Reader, options: Options) -> Iterator[Article | ReadError]:
    try:
        yield from reader(src, options)
    except ReadError as exc:  # a reader may raise what it cannot yield
        yield exc
    except OSError as exc:  # vanished or unreadable between listing and reading
        yield src.error(f"cannot read ({exc.strerror or exc}); check the file's permissions", "unreadable")
    except Exception as exc:  # a reader's bug must not end the batch; it is logged in full and reported
        log.exception("reader %s failed on %s", getattr(reader, "__name__", reader), src.name)
        yield src.error(f"the reader failed ({type(exc).__name__}: {exc}); the rest of this file was not read, "
                        "please report it with the file", "reader_failed")


def read_paths(paths: Iterable[str | Path], options: Options) -> Iterator[Article | ReadError]:
    """Every article in `paths` ("-" is stdin), in order; a ReadError for each document that failed."""
    for given in paths:
        if str(given) == "-":
            src = stdin_source(options)
            yield from _read_one(src, _sniff_stdin(src, options), options)
            continue
        if str(given).startswith(("http://", "https://")):  # a feed URL: fetched only when enabled
            from habar.ingest.feeds import read_feed_url

            yield from read_feed_url(str(given), allow_fetch=options.fetch_feeds)
            continue
        path = Path(given)
        if path.is_dir():
            skipped = 0
            for file in _walk(path):
                if isinstance(file, ReadError):
                    yield file
                    continue
                reader = reader_for(file.name)
                if reader is None:
                    skipped += 1
                    continue
                yield from _read_one(Source(str(file), file, root=path), reader, options)
            if skipped:
                log.info("%s: skipped %d files of unknown type (known: %s)", path, skipped, ", ".join(READERS))
        elif path.is_file():
            reader = reader_for(path.name)
            if reader is None:
                yield ReadError(str(path), None, f"unknown file type; give one of {', '.join(sorted(READERS))}",
                                "unsupported")
                continue
            yield from _read_one(Source(str(path), path), reader, options)
        else:
            yield ReadError(str(path), None, "no such file or directory; check the path", "missing")
