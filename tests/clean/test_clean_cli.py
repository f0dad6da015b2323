"""`habar clean` and `habar eval clean`, in process."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from habar.cli import main

GOLD = Path(__file__).resolve().parents[1] / "gold" / "clean"


def test_clean_command_writes_jsonl_and_counts_reasons(tmp_path):
    (tmp_path / "a.txt").write_text("Жаңа жол ашылды\n\nАқтөбе облысында жаңа жол ашылды, ол үш ауылды аудан "
                                    "орталығымен жалғайды.\n\nTelegram арнамызға жазылыңыз!\nЖазылу\n", encoding="utf-8")
    (tmp_path / "b.html").write_text("<html><head><title>never closed", encoding="utf-8")
    result = CliRunner().invoke(main, ["clean", str(tmp_path)])
    assert result.exit_code == 1  # one page could not be read
    (line,) = [x for x in result.stdout.splitlines() if x.strip()]
    article = json.loads(line)
    assert "Telegram" not in article["text"] and article["title"] == "Жаңа жол ашылды"
    assert "quality:too_short" in result.stderr and "read: no_text" in result.stderr


def test_clean_command_succeeds_on_good_input():
    result = CliRunner().invoke(main, ["clean", str(GOLD / "feeds" / "kapital.atom")])
    assert result.exit_code == 0, result.stderr
    assert len(result.stdout.splitlines()) == 3


def test_eval_clean_prints_the_figures():
    result = CliRunner().invoke(main, ["eval", "clean"])
    assert result.exit_code == 0, result.output
    figures = json.loads(result.stdout)
    assert figures["documents"] >= 30 and "duplicate_pairwise_f1" in figures
