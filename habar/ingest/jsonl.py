"""JSON Lines (one article object per line) and JSON (an array of article objects, or one object).

Fields: `text` (required, the body; it becomes `raw` exactly), `title`, `url`, `published` (ISO 8601), `source`,
`id` (string or integer). Any other field goes to `meta` under its own name (`author` is the byline by the
project's convention); `meta["reader"]` is set by the reader. Without `id`, the id is the hash of `url`, or of
the text when there is no URL. A `published` value that is not ISO 8601 is kept in `meta["published_raw"]`.
Every bad line is reported (PATH:LINE) and skipped; the other lines are read.
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import Callable, Iterator

from habar.document import Article
from habar.ingest.source import ReadError, Source, detect_encoding, iter_lines, make_id, read_text
from habar.options import Options

STRING_FIELDS = ("title", "url", "published", "source")
_JSON_TYPES = {dict: "object", list: "array", str: "string", int: "number", float: "number", bool: "boolean",
               type(None): "null"}


def _is_iso(value: str) -> bool:
    try:
        datetime.fromisoformat(value)
        return True
    except ValueError:
        return False


def article_from_record(obj: object, src: Source, line: int, fmt: str, encoding: str) -> Article | ReadError:
    """One article object to an Article, or the reason it is not one."""
    if not isinstance(obj, dict):
        return src.error(f"a JSON {_JSON_TYPES.get(type(obj), 'value')}, not an object; write each article as "
                         '{"text": ..., "title": ...} or remove the line', "not_object", line)
    if "text" not in obj:
        return src.error('no "text" field; add the article body as "text" or remove the line', "missing_text", line)
    text = obj["text"]
    if not isinstance(text, str):
        return src.error(f'"text" is a JSON {_JSON_TYPES.get(type(text), "value")}; make it a string',
                         "bad_field", line)
    if not text.strip():
        return src.error('empty "text" field; put the article body in it or remove the line', "missing_text", line)
    values = {}
    for name in STRING_FIELDS:
        value = obj.get(name)
        if value is not None and not isinstance(value, str):
            return src.error(f'"{name}" is a JSON {_JSON_TYPES.get(type(value), "value")}; make it a string '
                             "or leave it out", "bad_field", line)
        values[name] = (value or "").strip()
    art_id = obj.get("id")
    if art_id is not None and (isinstance(art_id, bool) or not isinstance(art_id, (str, int))):
        return src.error('"id" must be a string or an integer; fix it or leave it out', "bad_field", line)
    meta = {k: v for k, v in obj.items() if k not in STRING_FIELDS and k not in ("text", "id")}
    if values["published"] and not _is_iso(values["published"]):
        meta["published_raw"], values["published"] = values["published"], ""
    meta["reader"] = {"path": src.name, "line": line, "format": fmt, "encoding": encoding}
    art_id = str(art_id).strip() if art_id is not None and str(art_id).strip() else make_id(values["url"], text)
    return Article(id=art_id, raw=text, text=text, meta=meta, **values)


def _problem(exc: json.JSONDecodeError) -> str:
    return f"{exc.msg.removesuffix(' at')} at column {exc.colno}"  # "Invalid control character at"


def _parse_line(src: Source, lineno: int, line: str, fmt: str, encoding: str) -> Article | ReadError | None:
    if not line.strip():
        return None  # blank lines between records are harmless
    try:
        obj = json.loads(line.rstrip("\r\n"))
    except json.JSONDecodeError as exc:
        return src.error(f"invalid JSON ({_problem(exc)}); fix the line or remove it", "invalid_json", lineno)
    return article_from_record(obj, src, lineno, fmt, encoding)


def read_lines(src: Source, options: Options, parse: Callable[[Source, int, str, str], Article | ReadError | None],
               fix_empty: str) -> Iterator[Article | ReadError]:
    """One record per line, each given to `parse(src, line number, line, encoding)`, read line by line
    (memory-bounded); `fix_empty` ends the error for a file with no record."""
    n = 0
    try:
        encoding = detect_encoding(src, options)
        for item in iter_lines(src, options, encoding):
            done = item if isinstance(item, ReadError) else parse(src, *item, encoding)
            if done is not None:
                n += 1
                yield done
    except ReadError as exc:  # the file as a whole: empty, binary, undecodable
        yield exc
        return
    if n == 0:
        yield src.error(f"no articles in the file (only blank lines); {fix_empty}", "empty")


def read_jsonl(src: Source, options: Options) -> Iterator[Article | ReadError]:
    """One article per line."""
    def parse(src: Source, lineno: int, line: str, encoding: str) -> Article | ReadError | None:
        return _parse_line(src, lineno, line, "jsonl", encoding)

    return read_lines(src, options, parse, "add one JSON object per line")


def _array_items(text: str) -> Iterator[tuple[int, object]]:
    """(line number, item) for each element of a top-level JSON array; JSONDecodeError on broken input."""
    decoder = json.JSONDecoder()
    pos = text.index("[") + 1
    while True:
        while pos < len(text) and text[pos] in " \t\r\n,":
            pos += 1  # a stray comma between items is lenience that costs nothing
        if pos >= len(text):
            raise json.JSONDecodeError("unterminated array", text, pos)
        if text[pos] == "]":
            return
        obj, end = decoder.raw_decode(text, pos)
        yield text.count("\n", 0, pos) + 1, obj
        pos = end


def read_json(src: Source, options: Options) -> Iterator[Article | ReadError]:
    """A JSON array of articles, one article object, or JSON Lines saved as .json."""
    try:
        text, encoding = read_text(src, options)
    except ReadError as exc:
        yield exc
        return
    if text.lstrip().startswith("["):
        try:
            for lineno, obj in _array_items(text):
                yield article_from_record(obj, src, lineno, "json", encoding)
        except json.JSONDecodeError as exc:
            yield src.error(f"invalid JSON ({_problem(exc)}); fix it: the rest of the array was not read",
                            "invalid_json", exc.lineno)
        return
    try:
        yield article_from_record(json.loads(text), src, 1, "json", encoding)
        return
    except json.JSONDecodeError as exc:
        if exc.msg != "Extra data":
            yield src.error(f"invalid JSON ({_problem(exc)}); fix it", "invalid_json", exc.lineno)
            return
    for lineno, line in enumerate(text.splitlines(keepends=True), 1):  # several objects: JSON Lines
        if (done := _parse_line(src, lineno, line, "json", encoding)) is not None:
            yield done
