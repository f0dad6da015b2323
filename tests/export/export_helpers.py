"""What the export tests share besides fixtures (a module of its own: `conftest` names collide across test dirs)."""

from __future__ import annotations

from click.testing import CliRunner

from habar.cli import main


def run(*args: str):
    """`habar ARGS...` in process; the result has exit_code, stdout and stderr."""
    return CliRunner().invoke(main, list(args))
