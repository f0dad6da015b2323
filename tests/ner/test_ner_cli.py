"""`habar ner --input conll` keeps the layout and writes IOB2; `habar eval ner` scores exact spans."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from habar.cli import main
from habar.ner.model import MODEL_DIR

SAMPLE = Path(__file__).parent / "data" / "ner_sample.conll"
needs_model = pytest.mark.skipif(not (MODEL_DIR / "model.crfsuite").exists(), reason="run `make models` first")


def _blocks(text: str) -> list[list[str]]:
    return [block.split("\n") for block in text.strip().split("\n\n")]


@needs_model
def test_ner_conll_keeps_tokens_and_layout():
    result = CliRunner().invoke(main, ["ner", "--input", "conll", str(SAMPLE)])
    assert result.exit_code == 0, result.output
    gold, out = _blocks(SAMPLE.read_text(encoding="utf-8")), _blocks(result.output)
    assert [[line.split()[0] for line in b] for b in out] == [[line.split()[0] for line in b] for b in gold]
    for block in out:
        previous = "O"
        for line in block:
            tag = line.split()[1]
            assert tag == "O" or tag[:2] in ("B-", "I-")
            if tag.startswith("I-"):
                assert previous[2:] == tag[2:], f"I- tag without B-: {block}"
            previous = tag


@needs_model
def test_ner_tags_plain_sentences():
    result = CliRunner().invoke(main, ["ner", "--input", "conll", str(SAMPLE)])
    tags = dict(line.split() for line in result.output.splitlines() if line)
    assert tags["Тоқаев"] == "I-PERSON" and tags["Қасым-Жомарт"] == "B-PERSON"
    assert tags["Астанада"] == "B-GPE"
    assert tags["2023"] == "B-DATE"


def test_eval_ner_with_gold_as_prediction_is_perfect():
    result = CliRunner().invoke(main, ["eval", "ner", str(SAMPLE), "--pred", str(SAMPLE)])
    assert result.exit_code == 0, result.output
    last = result.output.strip().splitlines()[-1].split()
    assert last[0] == "ALL" and last[1:4] == ["1.000", "1.000", "1.000"]
    assert any(line.startswith("PERSON") for line in result.output.splitlines())


def test_missing_file_names_the_file():
    result = CliRunner().invoke(main, ["ner", "--input", "conll", "no/such.conll"])
    assert result.exit_code != 0
    assert "no/such.conll" in result.output


@needs_model
def test_ner_conll_tags_in_batches_as_one_sentence_a_call(monkeypatch):
    from habar.cli import ner as cli_ner
    from habar.ner import tag
    from habar.ner.corpus import read_conll

    monkeypatch.setattr(cli_ner, "BATCH", 2)  # several batches, the last one short
    result = CliRunner().invoke(main, ["ner", "--input", "conll", str(SAMPLE)])
    expected = [[f"{t} {p}" for t, p in zip(s.tokens, tag(s.tokens))] for s in read_conll(SAMPLE)]
    assert len(expected) > 2 and _blocks(result.output) == expected
