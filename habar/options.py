"""One options object from the CLI to the library (trafilatura's pattern).

Every setting is listed once in SETTINGS with its default, environment variable and help. `Options()` takes the
defaults, laid over by the environment; the CLI lays its flags over that with `dataclasses.replace`.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, fields
from pathlib import Path

# name, default, environment variable, help
SETTINGS: list[tuple[str, object, str, str]] = [
    ("data_dir", Path("habar-data"), "HABAR_DATA", "where the store and the search index live"),
    ("shared_data", Path("../shared/data"), "HABAR_SHARED_DATA",
     "public data sets read by path, for training and evaluation"),
    ("workers", 0, "HABAR_WORKERS", "processes for analysis; 0 means one per core"),
    ("max_line_chars", 10_000_000, "HABAR_MAX_LINE_CHARS",
     "longest line a reader accepts; longer lines are refused with a clear message"),
    ("max_file_bytes", 200_000_000, "HABAR_MAX_FILE_BYTES", "largest file a reader accepts"),
    ("progress", True, "HABAR_PROGRESS", "show a progress bar on long runs (0 to hide it)"),
    ("ingest_token", "", "HABAR_INGEST_TOKEN", "bearer token that enables POST /api/ingest; empty disables writes"),
    ("fetch_feeds", False, "HABAR_FETCH_FEEDS",
     "read RSS/Atom feeds from http(s) URLs given as inputs; off by default, since it goes to the network"),
    ("vectors", False, "HABAR_VECTORS", "compute semantic vectors during ingest for cross-lingual search"),
    ("topic_e5", "short", "HABAR_TOPIC_E5",
     "when the e5 model re-scores a topic the fast model is unsure of: short (texts of up to 50 words), always, "
     "or never; it is more accurate and costs ~25-70 ms per such text"),
]


def _setting(name: str):
    default, env = next((d, e) for n, d, e, _ in SETTINGS if n == name)

    def read():
        value = os.environ.get(env)
        if value is None:
            return default
        if isinstance(default, bool):
            return value.strip().lower() not in {"0", "false", "no", "off", ""}
        if isinstance(default, Path) and value.startswith(("postgresql://", "postgres://")):
            return value  # a database URL (habar.store.backend); Path() would fold its "//"
        try:
            return type(default)(value)
        except ValueError:
            raise ValueError(f"{env}={value!r} is not a valid {type(default).__name__}; "
                             f"set it to a value like {default!r} or unset it") from None
    return field(default_factory=read)


@dataclass
class Options:
    data_dir: Path | str = _setting("data_dir")  # a postgresql:// URL selects that backend
    shared_data: Path = _setting("shared_data")
    workers: int = _setting("workers")
    max_line_chars: int = _setting("max_line_chars")
    max_file_bytes: int = _setting("max_file_bytes")
    progress: bool = _setting("progress")
    ingest_token: str = _setting("ingest_token")
    fetch_feeds: bool = _setting("fetch_feeds")
    vectors: bool = _setting("vectors")
    topic_e5: str = _setting("topic_e5")

    def n_workers(self) -> int:
        return self.workers or os.cpu_count() or 1


assert [f.name for f in fields(Options)] == [s[0] for s in SETTINGS], "every option is documented in SETTINGS"
