"""The `habar` command. Each command lives in its own module; COMMANDS maps names to them explicitly."""

from __future__ import annotations

import logging

import click

from habar import __version__
from habar.cli.lazy import LazyGroup

# name -> "module:function". Modules are imported only when their command runs, so `habar --help` is quick
# and a command's heavy dependencies never slow another command down.
COMMANDS: dict[str, str] = {
    "analyze": "habar.cli.analyze:analyze",
    "segment": "habar.cli.text:segment",
    "translit": "habar.cli.text:translit",
    "eval": "habar.cli.eval:evaluate",
    "clean": "habar.clean.cli:clean",
    "tag": "habar.cli.morph:tag",
    "lemmatize": "habar.cli.morph:lemmatize",
    "ner": "habar.cli.ner:ner",
    "ingest": "habar.cli.store:ingest",
    "search": "habar.cli.store:search",
    "delete": "habar.cli.store:delete",
    "reindex": "habar.cli.store:reindex",
    "stats": "habar.cli.store:stats",
    "serve": "habar.cli.serve:serve",
    "topics": "habar.topics.cli:topics",
    "export": "habar.cli.export:export",
}


@click.group(cls=LazyGroup, commands_map=COMMANDS, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="habar")
@click.option("-v", "--verbose", is_flag=True, help="Log progress details to stderr.")
def main(verbose: bool):
    """habar (хабар): Kazakh news, cleaned, analysed and made findable."""
    logging.basicConfig(level=logging.INFO if verbose else logging.WARNING, format="habar: %(message)s")
    from habar.runtime import tune_gc

    tune_gc()
