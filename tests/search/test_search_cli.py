"""The commands: ingest, search (text, JSON, --queries), stats, delete, reindex, in process with CliRunner."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from habar.cli import main

# Nominative words only, so that the result does not depend on which morphology is installed.
LINES = [
    {"id": "c1", "source": "zakon.kz", "url": "https://zakon.kz/c1", "published": "2020-03-01",
     "title": "Жаңа кітап", "text": "Жазушы жаңа кітап жариялады. Кітап туралы пікір көп."},
    {"id": "c2", "source": "tengri.kz", "url": "https://tengri.kz/c2", "published": "2021-04-02",
     "title": "Футбол", "text": "Футбол ойыны кеше өтті. Жанкүйер көп болды."},
]


@pytest.fixture()
def db(tmp_path):
    pytest.importorskip("habar.ingest.readers")
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps(x, ensure_ascii=False) + "\n" for x in LINES), encoding="utf-8")
    out = tmp_path / "db"
    result = CliRunner().invoke(main, ["ingest", str(src), "--db", str(out), "--steps", "", "--workers", "1"])
    assert result.exit_code == 0, result.output
    assert "2 new" in result.output
    again = CliRunner().invoke(main, ["ingest", str(src), "--db", str(out), "--steps", "", "--workers", "1"])
    assert "0 new, 0 updated, 2 unchanged" in again.output
    return out


def test_search_json(db):
    result = CliRunner().invoke(main, ["search", "көп", "--db", str(db), "--format", "json", "--limit", "1"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["total"] == 2 and len(data["hits"]) == 1
    assert set(data["hits"][0]) >= {"id", "title", "source", "published", "score", "snippet"}
    assert {"source", "lang", "month", "entities"} <= set(data["facets"])


def test_search_text_and_sort(db):
    result = CliRunner().invoke(main, ["search", "көп", "--db", str(db), "--sort", "date"])
    assert result.exit_code == 0
    assert result.output.index("Футбол") < result.output.index("Жаңа кітап")


def test_queries_file_prints_one_json_per_line(db, tmp_path):
    qfile = tmp_path / "q.txt"
    qfile.write_text("кітап\nфутбол\n\ndate:2021\ndate:бүгін\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["search", "--queries", str(qfile), "--db", str(db)])
    assert result.exit_code == 1  # the bad date line fails and is named
    lines = [json.loads(x) for x in result.stdout.splitlines()]
    assert [x["total"] for x in lines] == [1, 1, 1]
    assert f"{qfile}:4:" in result.stderr


def test_stats_delete_reindex(db):
    stats = json.loads(CliRunner().invoke(main, ["stats", "--db", str(db), "--format", "json"]).output)
    assert stats["articles"] == 2 and stats["index"]["documents"] == 2
    assert CliRunner().invoke(main, ["delete", "c1", "--db", str(db)]).exit_code == 0
    result = CliRunner().invoke(main, ["search", "кітап", "--db", str(db), "--format", "json"])
    assert json.loads(result.output)["total"] == 0
    assert CliRunner().invoke(main, ["reindex", "--db", str(db)]).exit_code == 0
    stats = json.loads(CliRunner().invoke(main, ["stats", "--db", str(db), "--format", "json"]).output)
    assert stats["articles"] == 1 and stats["index"]["documents"] == 1


def test_missing_db_names_the_fix(tmp_path):
    result = CliRunner().invoke(main, ["search", "кітап", "--db", str(tmp_path / "none")])
    assert result.exit_code == 2 and "habar ingest" in result.output
