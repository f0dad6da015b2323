"""`habar analyze`: its three formats and its exit code, which is non-zero only when something failed."""

import json

import pytest
from click.testing import CliRunner

from habar.cli import main

STEPS = "normalise,segment,tokenize"  # the text layer alone: fast, and enough for the formats' shape
TEXT = "Тақырып жолы\n\nҚ.-Ж. Тоқаев 2019 ж. Сеулге барды. «Бәрі жақсы», – деді ол.\n"


@pytest.fixture
def files(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(TEXT, encoding="utf-8")
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": "Бірінші мақала."}\n{"text": broken\n', encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    return good, bad, empty


def run(*args):
    return CliRunner().invoke(main, ["analyze", "--steps", STEPS, *map(str, args)])


def test_json_carries_offsets_into_text(files):
    result = run("--format", "json", files[0])
    assert result.exit_code == 0, result.output
    doc = json.loads(result.output)
    assert doc["title"] == "Тақырып жолы"
    assert [doc["text"][s["start"]:s["end"]] for s in doc["sentences"]][-1] == "«Бәрі жақсы», – деді ол."
    assert all(doc["text"][t["start"]:t["end"]] == t["text"] for t in doc["tokens"])
    assert {"lemma", "upos", "feats"} <= set(doc["tokens"][0])


def test_json_prints_one_object_per_article(files):
    result = run("--format", "json", files[1])
    lines = result.stdout.splitlines()
    assert len(lines) == 1 and json.loads(lines[0])["text"] == "Бірінші мақала."


def test_conllu_has_one_block_per_sentence(files):
    result = run("--format", "conllu", files[0])
    assert result.exit_code == 0
    assert result.stdout.count("# sent_id = ") == 3
    rows = [r.split("\t") for r in result.stdout.splitlines() if r and not r.startswith("#")]
    assert all(len(r) == 10 for r in rows)
    seoul = next(r for r in rows if r[1] == "Сеулге")
    assert seoul[2:4] == ["_", "_"]  # no morphology step here: lemma and UPOS stay empty, never faked


def test_text_format(files):
    result = run(files[0])
    assert result.exit_code == 0 and result.stdout.startswith("# Тақырып жолы")


def test_bad_input_is_named_and_only_it_fails(files):
    good, bad, empty = files
    result = run("--format", "json", good, bad, empty)
    assert result.exit_code == 1
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(out) == 2  # the good .txt and the good first line of the .jsonl
    assert f"{bad}:2: invalid JSON" in result.stderr
    assert f"{empty}: empty file" in result.stderr
    assert "failed:" in result.stderr.splitlines()[-1]


def test_help_everywhere():
    runner = CliRunner()
    for command in ["analyze", "segment", "translit", "ingest", "search", "tag", "ner", "serve"]:
        result = runner.invoke(main, [command, "--help"])
        assert result.exit_code == 0 and "Usage:" in result.output, command
