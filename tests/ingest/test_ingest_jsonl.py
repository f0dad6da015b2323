"""The .jsonl and .json readers: fields, ids, and one error per bad line that names the file and line."""

from __future__ import annotations

import json
import re

import pytest

GOOD = {"text": "Алматыда жаңа метро бекеті ашылды.", "title": "Жаңа бекет"}


def write_lines(path, lines):
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_fields_map_onto_the_article(tmp_path, read):
    record = {"id": "kz-1", "text": "Шымкентте 12 мектеп ашылды.\n\nЕкінші абзац.", "title": "Мектептер",
              "url": "https://example.kz/a", "published": "2020-09-01", "source": "kazinform",
              "author": "Әсел Нұрланқызы", "tags": ["білім"]}
    [a], errors = read(write_lines(tmp_path / "c.jsonl", [json.dumps(record, ensure_ascii=False)]))
    assert not errors
    assert (a.id, a.title, a.url, a.published, a.source) == ("kz-1", "Мектептер", "https://example.kz/a",
                                                             "2020-09-01", "kazinform")
    assert a.raw == a.text == record["text"]
    assert a.meta["author"] == "Әсел Нұрланқызы" and a.meta["tags"] == ["білім"]
    assert a.meta["reader"] == {"path": str(tmp_path / "c.jsonl"), "line": 1, "format": "jsonl",
                                "encoding": "utf-8"}


ID_CASES = [
    ({"text": "Мәтін бір.", "id": 17}, "17"),
    ({"text": "Мәтін бір.", "url": "https://example.kz/x"}, "same-as-url"),
    ({"text": "Мәтін бір."}, "hash"),
]


@pytest.mark.parametrize("record,expected", ID_CASES)
def test_ids(tmp_path, read, record, expected):
    path = write_lines(tmp_path / "c.jsonl", [json.dumps(record, ensure_ascii=False),
                                              json.dumps({**record, "text": "Мәтін екі."}, ensure_ascii=False)])
    (a, b), _ = read(path)
    if expected == "same-as-url":
        assert a.id == b.id and re.fullmatch(r"[0-9a-f]{16}", a.id)  # the URL decides, not the text
    elif expected == "hash":
        assert a.id != b.id and re.fullmatch(r"[0-9a-f]{16}", a.id)
    else:
        assert a.id == b.id == expected


def test_published_that_is_not_iso_is_kept_aside(tmp_path, read):
    [a], _ = read(write_lines(tmp_path / "c.jsonl", ['{"text": "Мәтін.", "published": "12 маусым 2019"}']))
    assert a.published == "" and a.meta["published_raw"] == "12 маусым 2019"


ERROR_CASES = [
    # (bad line, kind, start of the message)
    ('{"text": "Мәтін", "title": "Т" "url": 1}', "invalid_json", "invalid JSON (Expecting ',' delimiter at column"),
    ('{"text": "Мәтін', "invalid_json", "invalid JSON (Unterminated string"),
    ('["Мәтін"]', "not_object", "a JSON array, not an object"),
    ('"жай мәтін"', "not_object", "a JSON string, not an object"),
    ('{"title": "Тақырып"}', "missing_text", 'no "text" field'),
    ('{"text": "   "}', "missing_text", 'empty "text" field'),
    ('{"text": 5}', "bad_field", '"text" is a JSON number'),
    ('{"text": "Мәтін", "title": ["а"]}', "bad_field", '"title" is a JSON array'),
    ('{"text": "Мәтін", "id": true}', "bad_field", '"id" must be a string or an integer'),
]


@pytest.mark.parametrize("bad,kind,message", ERROR_CASES, ids=[c[1] + ":" + c[0][:20] for c in ERROR_CASES])
def test_a_bad_line_is_reported_and_the_rest_is_read(tmp_path, read, bad, kind, message):
    good = json.dumps(GOOD, ensure_ascii=False)
    path = write_lines(tmp_path / "corpus.jsonl", [good, bad, "", good])
    articles, [error] = read(path)
    assert [a.meta["reader"]["line"] for a in articles] == [1, 4]  # blank line 3 still counts
    assert (error.path, error.line, error.kind) == (str(path), 2, kind)
    text = str(error)
    assert text.startswith(f"{path}:2: {message}") and "\n" not in text
    assert "; " in text  # problem; fix


def test_the_invalid_json_message_names_the_column(tmp_path, read):
    path = write_lines(tmp_path / "corpus.jsonl", ['{"text": "Мәтін", "title": "Т" "url": 1}'])
    _, [error] = read(path)
    assert str(error) == f"{path}:1: invalid JSON (Expecting ',' delimiter at column 32); fix the line or remove it"


def test_only_blank_lines_is_an_empty_file(tmp_path, read):
    _, [error] = read(write_lines(tmp_path / "c.jsonl", ["", "  "]))
    assert error.kind == "empty"


JSON_CASES = [
    ("array", '[\n  {"text": "Бір."},\n  {"text": "Екі."}\n]', [2, 3]),
    ("object", '{"text": "Бір.", "title": "Т"}', [1]),
    ("lines saved as .json", '{"text": "Бір."}\n{"text": "Екі."}\n', [1, 2]),
]


@pytest.mark.parametrize("name,content,lines", JSON_CASES, ids=[c[0] for c in JSON_CASES])
def test_json_files(tmp_path, read, name, content, lines):
    path = tmp_path / "c.json"
    path.write_text(content, encoding="utf-8")
    articles, errors = read(path)
    assert not errors
    assert [a.meta["reader"]["line"] for a in articles] == lines


def test_a_broken_json_array_reports_where(tmp_path, read):
    path = tmp_path / "c.json"
    path.write_text('[\n {"text": "Бір."},\n {"text": "Екі."\n]', encoding="utf-8")
    articles, [error] = read(path)
    assert len(articles) == 1 and error.kind == "invalid_json" and error.line == 4
