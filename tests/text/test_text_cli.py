"""`habar segment` and `habar translit`, run in process."""

from __future__ import annotations

from click.testing import CliRunner

from habar.cli import main


def test_segment_stdin_one_sentence_per_line():
    text = "Тақырып жолы\n\n«Біз келдік», – деді ол. Жиын 2019 ж. басталды.\nСоңы\n"
    result = CliRunner().invoke(main, ["segment", "-"], input=text)
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == ["Тақырып жолы", "«Біз келдік», – деді ол.", "Жиын 2019 ж. басталды.",
                                          "Соңы"]


def test_segment_file_repairs_torn_abbreviation(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Тақырып\n\nОрталық 5G және т\nб\nқоса алғанда зерттейді\nБұдан басқа жоба бар.\n",
                    encoding="utf-8")
    result = CliRunner().invoke(main, ["segment", str(path)])
    assert result.exit_code == 0, result.output
    assert "Орталық 5G және т.б. қоса алғанда зерттейді" in result.output.splitlines()


def test_segment_missing_file_fails_with_one_line():
    result = CliRunner().invoke(main, ["segment", "/no/such/file.txt"])
    assert result.exit_code == 1
    assert "/no/such/file.txt" in result.output


def test_translit_both_ways():
    runner = CliRunner()
    result = runner.invoke(main, ["translit"], input="Қазақстан Республикасы\n")
    assert result.exit_code == 0 and result.output == "Qazaqstan Respublikasy\n"
    result = runner.invoke(main, ["translit", "--to", "cyrillic", "--text", "Qazaqstan Respublikasy"])
    assert result.exit_code == 0 and result.output == "Қазақстан Республикасы\n"


def test_translit_bad_file(tmp_path):
    bad = tmp_path / "cp.txt"
    bad.write_bytes("Қазақ".encode("utf-16"))
    result = CliRunner().invoke(main, ["translit", str(bad)])
    assert result.exit_code == 1 and str(bad) in result.output
    result = CliRunner().invoke(main, ["translit", str(tmp_path / "none.txt")])
    assert result.exit_code == 1 and "no such file" in result.output
