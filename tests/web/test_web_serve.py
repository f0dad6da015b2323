"""`habar serve` is registered and documents its options."""

from __future__ import annotations

from click.testing import CliRunner

from habar.cli import COMMANDS, main


def test_serve_is_a_command():
    assert COMMANDS["serve"] == "habar.cli.serve:serve"


def test_serve_help_lists_db_host_port():
    result = CliRunner().invoke(main, ["serve", "--help"])
    assert result.exit_code == 0
    for option in ("--db", "--host", "--port", "--workers", "127.0.0.1", "8000"):
        assert option in result.output
