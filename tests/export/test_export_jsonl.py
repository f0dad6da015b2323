"""JSON Lines export: lossless, and `habar ingest` of an export gives back the same articles."""

from __future__ import annotations

import json

import pytest

from export_helpers import run
from export_articles import article
from habar.document import Article
from habar.export.jsonl import write_jsonl
from habar.ingest.readers import ReadError, read_paths
from habar.options import Options
from habar.store.store import Store


def read(path) -> tuple[list[Article], list[ReadError]]:
    items = list(read_paths([path], Options()))
    return [a for a in items if isinstance(a, Article)], [e for e in items if isinstance(e, ReadError)]


def test_every_line_is_a_whole_article(exported, stored):
    path, result = exported("jsonl")
    lines = path.read_text(encoding="utf-8").splitlines()
    assert [Article.from_json(line) for line in lines] == stored
    assert set(json.loads(lines[0])) >= {"raw", "text", "changes", "tokens", "entities", "facts", "meta"}
    assert f"{len(stored)} articles" in result.stderr and "note:" not in result.stderr


def test_reingest_into_a_fresh_store_gives_the_same_articles(exported, stored, tmp_path):
    path, _ = exported("jsonl")
    result = run("ingest", str(path), "--db", str(tmp_path / "again"), "--steps", "", "--workers", "1")
    assert result.exit_code == 0, result.output
    assert f"{len(stored)} new" in result.stderr
    with Store(tmp_path / "again", create=False) as store:
        assert list(store.iter_articles()) == stored


def test_reader_restores_a_hand_made_article(tmp_path):
    a = article()
    path = tmp_path / "one.articles.jsonl"
    write_jsonl([a], path)
    assert read(path) == ([a], [])


def test_lone_surrogate_survives(tmp_path):
    a = article()
    a.raw += "\ud800"
    a.text += "\ud800"
    path = tmp_path / "odd.articles.jsonl"
    write_jsonl([a], path)
    path.read_bytes().decode("utf-8")  # still valid UTF-8: the surrogate is written as its JSON escape
    assert read(path)[0] == [a]


def line_with(**change) -> str:
    obj = article().to_dict()
    for key, value in change.items():
        if "." in key:
            name, i, attr = key.split(".")
            obj[name][int(i)][attr] = value
        else:
            obj[key] = value
    return json.dumps(obj, ensure_ascii=False)


@pytest.mark.parametrize("line, message", [
    (line_with(text="Басқа мәтін."), '"text" does not follow from "raw" and "changes"'),
    (line_with(**{"tokens.0.end": 9999}), "tokens[0] spans 0..9999, outside the text"),
    (line_with(**{"entities.0.colour": "red"}), "does not fit the document model"),
    (line_with(title=5), '"title" is not a string'),
    (line_with(shape="square"), "unknown Article fields"),
    ('{"raw": "x", ', "invalid JSON"),
])
def test_bad_lines_are_named_and_skipped(tmp_path, line, message):
    path = tmp_path / "bad.articles.jsonl"
    path.write_text(article("ok").to_json() + "\n" + line + "\n", encoding="utf-8")
    articles, errors = read(path)
    assert [a.id for a in articles] == ["ok"]
    assert len(errors) == 1 and str(errors[0]).startswith(f"{path}:2: ") and message in str(errors[0])
    assert "; " in str(errors[0])  # ... and ends with the fix


def test_plain_lines_are_read_as_new_text(tmp_path):
    path = tmp_path / "mixed.articles.jsonl"
    path.write_text('{"id": "n1", "text": "Жаңа мақала.", "title": "Тақырып"}\n', encoding="utf-8")
    articles, errors = read(path)
    assert errors == [] and articles[0].raw == "Жаңа мақала." and articles[0].meta["reader"]["line"] == 1


def test_stdout(store_dir, stored):
    result = run("export", "--format", "jsonl", "--db", str(store_dir), "--out", "-", "--lang", "kk")
    assert result.exit_code == 0
    ids = [json.loads(line)["id"] for line in result.stdout.splitlines()]
    assert ids == [a.id for a in stored if a.lang == "kk"]


def test_a_name_the_reader_will_not_restore_gets_a_note(store_dir, tmp_path):
    result = run("export", "--format", "jsonl", "--db", str(store_dir), "--out", str(tmp_path / "x.jsonl"))
    assert result.exit_code == 0 and "*.articles.jsonl" in result.stderr


def test_lines_are_exactly_article_to_json(tmp_path):
    a = article()
    write_jsonl([a], tmp_path / "a.articles.jsonl")
    assert (tmp_path / "a.articles.jsonl").read_text(encoding="utf-8") == a.to_json() + "\n"
