"""`habar topics`: the user's own topic labels, each given by a few seed words, kept in <data_dir>/topic_labels.json.

    habar topics add агро егін астық фермер
    habar topics list
    habar topics remove агро
"""

from __future__ import annotations

import sys

import click

from habar.options import Options
from habar.topics.seeds import SeedLabels, labels_path


def _load() -> SeedLabels:
    path = labels_path(Options())
    return SeedLabels.load(path) if path.exists() else SeedLabels()


@click.group("topics")
def topics():
    """User-defined topic labels: they win over the SIB-200 labels where their seed words occur."""


@topics.command("add")
@click.argument("name")
@click.argument("seeds", nargs=-1, required=True)
def add(name: str, seeds: tuple[str, ...]):
    """Add or replace label NAME with its SEEDS (two or more words)."""
    labels = _load()
    try:
        labels.add(name, list(seeds))
    except ValueError as exc:
        click.echo(f"habar: {exc}", err=True)
        sys.exit(2)
    path = labels_path(Options())
    path.parent.mkdir(parents=True, exist_ok=True)
    labels.save(path)
    click.echo(f"{name}: {', '.join(labels.labels[name])} -> {path}")


@topics.command("list")
def list_labels():
    """Show the user labels and their seeds."""
    for name, seeds in _load().labels.items():
        click.echo(f"{name}\t{', '.join(seeds)}")


@topics.command("remove")
@click.argument("name")
def remove(name: str):
    """Remove label NAME."""
    labels = _load()
    if name not in labels.labels:
        click.echo(f"habar: no user label {name!r}; see `habar topics list`", err=True)
        sys.exit(2)
    del labels.labels[name]
    labels.save(labels_path(Options()))
