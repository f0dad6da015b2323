"""One input (a file or stdin), its limits and its decoding; and the error every reader reports.

Readers get a `Source` and read it through `read_text` (the whole decoded text), `iter_lines` (decoded lines,
each at most `Options.max_line_chars` long, memory-bounded however long a line is) or `Source.open()` (bytes,
for binary formats such as WARC). Files over `Options.max_file_bytes` are refused before anything is read.
"""

from __future__ import annotations

import codecs
import hashlib
import io
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Iterator

from habar.ingest.encoding import SAMPLE_BYTES, EncodingError, detect
from habar.options import Options

STDIN = "<stdin>"
_LINES = re.compile(r"([^\r\n]*)(?:\r\n|\r|\n|$)")  # the line breaks TextIOWrapper(newline="") knows
_SKIP_CHARS = 1 << 20  # the rest of a refused line is read and dropped in pieces of this size


class ReadError(Exception):
    """One document (or file) that could not be read. str() is one line: "PATH:LINE: problem; fix".

    `kind` is a short reason tag for counting (empty, binary, encoding, too_large, line_too_long,
    invalid_json, not_object, missing_text, bad_field, unsupported, missing, unreadable, reader_failed).
    """

    def __init__(self, path: str, line: int | None, message: str, kind: str):
        super().__init__(str(path), line, message, kind)  # all four in args, so that it pickles
        self.path, self.line, self.message, self.kind = str(path), line, message, kind

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.message}"

    def __repr__(self) -> str:
        return f"ReadError({self.path!r}, {self.line!r}, {self.message!r}, {self.kind!r})"


@dataclass(frozen=True, slots=True)
class Source:
    """A file, or stdin's bytes. `name` is what messages show; `root` is the directory it was found under."""

    name: str
    path: Path | None = None
    data: bytes | None = None  # stdin only
    root: Path | None = None

    def size(self) -> int:
        return len(self.data) if self.path is None else self.path.stat().st_size

    def open(self) -> BinaryIO:
        return io.BytesIO(self.data or b"") if self.path is None else self.path.open("rb")

    def error(self, message: str, kind: str, line: int | None = None) -> ReadError:
        return ReadError(self.name, line, message, kind)


def stdin_source(options: Options) -> Source:
    """Stdin read into memory, at most max_file_bytes (a pipe has no size to check first)."""
    data = sys.stdin.buffer.read(options.max_file_bytes + 1)
    return Source(STDIN, data=data)


def check_size(src: Source, options: Options) -> None:
    """Refuse an empty or too-large input before reading it."""
    size = src.size()
    if size > options.max_file_bytes:
        what = f"file of {size:,} bytes" if src.path is not None else "input of more bytes than allowed"
        raise src.error(f"{what} is over the limit of {options.max_file_bytes:,}; raise it with "
                        "HABAR_MAX_FILE_BYTES or split the input", "too_large")
    if size == 0:
        raise src.error("empty file (0 bytes); remove it or put the article text in it", "empty")


def _head(src: Source, options: Options) -> tuple[str, bytes, bool]:
    """(encoding, the head of the input, whether the head is all of it); ReadError for a bad input."""
    check_size(src, options)
    with src.open() as f:
        sample = f.read(SAMPLE_BYTES + 1)
    complete = len(sample) <= SAMPLE_BYTES
    try:
        return detect(sample[:SAMPLE_BYTES], complete=complete).encoding, sample, complete
    except EncodingError as exc:
        raise src.error(str(exc), exc.kind) from None


def detect_encoding(src: Source, options: Options) -> str:
    """The input's encoding, from its head; raises ReadError for an empty, too-large or binary input."""
    return _head(src, options)[0]


def _too_long(src: Source, lineno: int, options: Options) -> ReadError:
    return src.error(f"line longer than {options.max_line_chars:,} characters, the limit; raise it with "
                     "HABAR_MAX_LINE_CHARS or split the line", "line_too_long", lineno)


def iter_lines(src: Source, options: Options, encoding: str | None = None) -> Iterator[tuple[int, str] | ReadError]:
    """(line number, line with its line break) pairs; a too-long line gives a ReadError and is skipped.

    File-level problems (size, binary, encoding) raise ReadError. Decoding is incremental and `readline` is
    capped, so a 100 MB line costs at most max_line_chars characters of memory before it is refused.
    """
    encoding = encoding or detect_encoding(src, options)
    limit = options.max_line_chars
    lineno = 0
    # newline="" keeps "\r\n" as received: `raw` must be exactly the decoded input
    with io.TextIOWrapper(src.open(), encoding=encoding, errors="strict", newline="") as f:
        try:
            while line := f.readline(limit + 2):  # +2: room for "\r\n" after a line at the limit
                lineno += 1
                body = line.rstrip("\r\n")
                if len(body) <= limit:
                    yield lineno, line
                    continue
                yield _too_long(src, lineno, options)
                while line and not line.endswith(("\n", "\r")):  # skip the rest in small pieces
                    line = f.readline(_SKIP_CHARS)
        except UnicodeDecodeError as exc:
            # the wrapper decodes ahead in chunks, so the line is counted up to the bad byte itself
            offset = f.buffer.tell() - len(exc.object) + exc.start
            line = _line_of_byte(src, encoding, offset)
            raise src.error(f"bytes not valid {encoding} at byte {offset:,} ({exc.reason}); re-save the file "
                            "as UTF-8", "encoding", line) from None


def _line_of_byte(src: Source, encoding: str, offset: int) -> int:
    """The line number of the byte at `offset`, decoding the bytes before it in pieces."""
    decoder = codecs.getincrementaldecoder(encoding)(errors="replace")
    line, done = 1, 0
    with src.open() as f:
        while done < offset and (chunk := f.read(min(_SKIP_CHARS, offset - done))):
            done += len(chunk)
            line += decoder.decode(chunk).count("\n")
    return line


def _small_text(src: Source, data: bytes, encoding: str, options: Options) -> str:
    """A whole small input decoded at once (one read instead of a line-by-line pass)."""
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        line = data[:exc.start].decode(encoding, errors="replace").count("\n") + 1
        raise src.error(f"bytes not valid {encoding} at byte {exc.start:,} ({exc.reason}); re-save the file "
                        "as UTF-8", "encoding", line) from None
    if len(text) > options.max_line_chars:
        for lineno, m in enumerate(_LINES.finditer(text), 1):
            if len(m.group(1)) > options.max_line_chars:
                raise _too_long(src, lineno, options)
    return text


def read_text(src: Source, options: Options) -> tuple[str, str]:
    """The whole decoded text and its encoding; raises ReadError for an empty, binary or too-long input."""
    encoding, head, complete = _head(src, options)
    if complete:
        text = _small_text(src, head, encoding, options)
    else:
        lines = []
        for item in iter_lines(src, options, encoding):
            if isinstance(item, ReadError):
                raise item
            lines.append(item[1])
        text = "".join(lines)
    if not text.strip():
        raise src.error("no text in the file (only whitespace); remove it or put the article text in it", "empty")
    return text, encoding


def make_id(url: str, raw: str) -> str:
    """A stable id: the URL's hash when there is one (the same story at the same address), else the text's."""
    key = ("url:" + url) if url else ("raw:" + raw)
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]
