"""`habar ingest` reports quality verdicts per reason without failing, and read failures with a non-zero exit."""

import json

from click.testing import CliRunner

from habar.cli import main

STEPS = "clean_invisible,identify_language,quality,normalise,segment,tokenize"


def test_quality_reasons_are_reported_not_failed(tmp_path):
    corpus = tmp_path / "c.jsonl"
    rows = [{"id": "kk", "text": "Алматыда жаңа мектеп ашылды. Онда мың бала оқиды. Мектепке елу мұғалім келді."},
            {"id": "ru", "text": "В Алматы открылась новая школа. В ней будут учиться тысяча детей и пятьдесят учителей."}]
    corpus.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["ingest", "--db", str(tmp_path / "db"), "--workers", "1", "--steps", STEPS,
                                       str(corpus)])
    assert result.exit_code == 0, result.stderr
    assert "2 new" in result.stderr and "quality: not_kazakh" in result.stderr


def test_a_read_failure_makes_the_exit_code_non_zero(tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": "Жақсы жол."}\n{broken\n', encoding="utf-8")
    result = CliRunner().invoke(main, ["ingest", "--db", str(tmp_path / "db"), "--workers", "1", "--steps", STEPS,
                                       str(bad)])
    assert result.exit_code == 1 and "1 new" in result.stderr and "read: invalid_json" in result.stderr
