"""Plain-text articles: one file, one article; the first line is the title when it looks like one.

The title rule: the first line (after leading blank lines) is the title when
- more text follows it (after a blank line or directly: scraped files do both),
- it has 1 to 30 words and at most 250 characters,
- it starts with a capital letter, a digit or an opening quote or bracket,
- it does not end in `.`, `,`, `;` or `:` (a title may end in `?`, `!` or an ellipsis).
So "Пандемия технологиялардың дамуы төмен екенін көрсетті – Google вице-президенті" is a title, while a lead
sentence put above the text ("... жәрдемдесу болып табылады.") is not: it stays body text for the cleaning
steps, which remove it as a repeated lead.

`raw` and `text` are the whole file (title line included): the reader alters nothing, and the cleaning steps
record why the title line leaves `text`. `source` is the name of the file's directory (corpus/<source>/x.txt);
`id` is the hash of the text, so the same file read twice is the same article.
"""

from __future__ import annotations

import os
import re
from typing import Iterator

from habar.document import Article
from habar.ingest.source import ReadError, Source, make_id, read_text
from habar.options import Options

MAX_TITLE_WORDS = 30
MAX_TITLE_CHARS = 250
_OPENERS = "«\"'“„(["
_BAD_ENDINGS = (".", ",", ";", ":")
_FIRST_LINE = re.compile(r"\s*([^\r\n]*)(\r\n|\r|\n|$)")


def looks_like_title(line: str, rest: str) -> bool:
    """The title rule above, for a stripped first line and the text after it."""
    words = line.split()
    if not words or not rest.strip():
        return False
    if len(words) > MAX_TITLE_WORDS or len(line) > MAX_TITLE_CHARS:
        return False
    first = line[0]
    if not (first.isupper() or first.isdigit() or first in _OPENERS):
        return False
    if line.endswith(_BAD_ENDINGS) and not line.endswith(("...", "…")):
        return False
    return any(c.isalpha() for c in line)


def split_title(raw: str) -> tuple[str, int]:
    """(title, offset in raw where the title line ends), or ("", 0) when the first line is not a title."""
    m = _FIRST_LINE.match(raw)
    line = m.group(1).strip()
    if looks_like_title(line, raw[m.end():]):
        return line, m.end()
    return "", 0


def read_txt(src: Source, options: Options) -> Iterator[Article | ReadError]:
    """The file as one article."""
    try:
        raw, encoding = read_text(src, options)
    except ReadError as exc:
        yield exc
        return
    title, title_end = split_title(raw)
    source = os.path.basename(os.path.dirname(os.path.abspath(src.path))) if src.path is not None else ""
    reader = {"path": src.name, "line": 1, "format": "txt", "encoding": encoding}
    if title:
        reader["title_end"] = title_end  # raw[:title_end] is the title line, for the cleaning steps
    yield Article(id=make_id("", raw), raw=raw, text=raw, title=title, source=source, meta={"reader": reader})
