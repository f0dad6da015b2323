"""Shared helpers for the ingest tests: read paths into (articles, errors)."""

from __future__ import annotations

import pytest

from habar.document import Article
from habar.ingest.readers import ReadError, read_paths
from habar.options import Options


def split(items) -> tuple[list[Article], list[ReadError]]:
    items = list(items)
    return [a for a in items if isinstance(a, Article)], [e for e in items if isinstance(e, ReadError)]


@pytest.fixture
def read():
    """read(*paths, **option overrides) -> (articles, errors)."""
    def run(*paths, **overrides):
        return split(read_paths([str(p) for p in paths], Options(**overrides)))
    return run
