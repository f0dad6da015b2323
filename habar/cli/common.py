"""What several commands share: reading inputs into articles, reporting failures, progress."""

from __future__ import annotations

import sys
from collections import Counter
from typing import Iterable, Iterator

import click
from tqdm import tqdm

from habar.document import Article
from habar.options import Options


def read_articles(paths: Iterable[str], options: Options, failures: Counter) -> Iterator[Article]:
    """Articles from files, directories or "-"; each unreadable document is reported on one line and counted."""
    from habar.ingest.readers import ReadError, read_paths

    for item in read_paths(list(paths) or ["-"], options):
        if isinstance(item, ReadError):
            failures[f"read: {item.kind}"] += 1
            click.echo(f"habar: {item}", err=True)
        else:
            yield item


def progress(items: Iterable, options: Options, desc: str, unit: str = "doc") -> Iterable:
    """A progress bar on stderr when it is a terminal; silent in pipes and tests."""
    if not options.progress:
        return items
    return tqdm(items, desc=desc, unit=unit, file=sys.stderr, disable=None, leave=False)


def finish(failures: Counter, done: int) -> None:
    """Summarise failures on stderr and exit non-zero only if something failed."""
    if failures:
        summary = ", ".join(f"{n} {reason}" for reason, n in failures.most_common())
        click.echo(f"habar: {done} documents done; failed: {summary}", err=True)
        sys.exit(1)
