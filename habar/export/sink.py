"""Where an export goes: a file written under a temporary name and renamed when complete, or stdout.

An export of a large store takes a while; if it is interrupted, no half-written file is left under the name a
loader would pick up, only `NAME.part`, which the next run overwrites.
"""

from __future__ import annotations

import os
import sys
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator, TextIO


class ExportError(RuntimeError):
    """A problem with the export as a whole; the message names the path and ends with the fix."""


def part_path(path: Path) -> Path:
    return path.with_name(path.name + ".part")


@contextmanager
def atomic_path(path: Path) -> Iterator[Path]:
    """A temporary path beside `path` to write to; renamed to `path` only when the block completes."""
    if path.is_dir():
        raise ExportError(f"{path}: is a directory; give a file name with --out")
    if not path.parent.is_dir():
        raise ExportError(f"{path}: the directory {path.parent} does not exist; create it or choose another --out")
    tmp = part_path(path)
    try:
        yield tmp
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


@contextmanager
def open_text(path: Path | None, errors: str = "strict") -> Iterator[TextIO]:
    """A UTF-8 text stream with "\\n" line ends: the file at `path` (atomically), or stdout when `path` is None.

    `errors`: what becomes of a lone surrogate (raw text keeps one from a JSON "\\ud800" escape). In JSON output
    "backslashreplace" writes it back as the same escape, so nothing is lost and the file stays valid UTF-8."""
    if path is None:
        out = sys.stdout
        before = getattr(out, "errors", None)
        if before is not None and hasattr(out, "reconfigure"):
            out.reconfigure(errors=errors)
        try:
            yield out
        finally:
            out.flush()
            if before is not None and hasattr(out, "reconfigure"):
                out.reconfigure(errors=before)
        return
    with atomic_path(path) as tmp:
        try:
            fh = open(tmp, "w", encoding="utf-8", errors=errors, newline="\n")
        except OSError as exc:
            raise ExportError(f"{path}: cannot write ({exc.strerror}); check the directory's permissions or "
                              "choose another --out") from None
        with fh:
            yield fh
