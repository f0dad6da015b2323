"""One options object from the CLI to the library (trafilatura's pattern).

Every setting is listed once in SETTINGS with its default and help; the CLI maps its flags onto `Options`.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, fields
from pathlib import Path

SETTINGS: list[tuple[str, object, str]] = [
    ("data_dir", "habar-data", "where the store and the search index live (env HABAR_DATA)"),
    ("shared_data", "../shared/data", "public data sets read by path, for training and evaluation (env HABAR_SHARED_DATA)"),
    ("workers", 0, "processes for analysis; 0 means one per core"),
    ("max_line_chars", 10_000_000, "longest line a reader accepts; longer lines are refused with a clear message"),
    ("max_file_bytes", 200_000_000, "largest file a reader accepts"),
    ("progress", True, "show a progress bar on long runs"),
]


def _default(name: str):
    return next(d for n, d, _ in SETTINGS if n == name)


@dataclass
class Options:
    data_dir: Path = field(default_factory=lambda: Path(os.environ.get("HABAR_DATA", _default("data_dir"))))
    shared_data: Path = field(
        default_factory=lambda: Path(os.environ.get("HABAR_SHARED_DATA", _default("shared_data")))
    )
    workers: int = _default("workers")
    max_line_chars: int = _default("max_line_chars")
    max_file_bytes: int = _default("max_file_bytes")
    progress: bool = _default("progress")

    def n_workers(self) -> int:
        return self.workers or os.cpu_count() or 1


assert {f.name for f in fields(Options)} == {n for n, _, _ in SETTINGS}, "every option is documented in SETTINGS"
