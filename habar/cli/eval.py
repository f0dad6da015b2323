"""`habar eval ...`: the standard evaluations. Each subcommand lives with the component it measures."""

from __future__ import annotations

import click

from habar.cli.lazy import LazyGroup

EVALS: dict[str, str] = {
    "ner": "habar.cli.ner:eval_ner",
    "morph": "habar.cli.morph:eval_morph",
    "clean": "habar.clean.gold:eval_clean",
}


@click.group("eval", cls=LazyGroup, commands_map=EVALS)
def evaluate():
    """Measure a component against a gold file."""
