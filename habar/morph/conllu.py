"""Minimal CoNLL-U reading and writing for `habar tag` and `habar eval morph`.

Multiword-token lines (12-13) and empty nodes (12.1) are kept verbatim and not tagged; the syntactic words
under them are. Only LEMMA, UPOS and FEATS are ever written; other columns pass through unchanged.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable, Iterator, TextIO


@dataclass
class Sentence:
    comments: list[str] = field(default_factory=list)
    rows: list[list[str]] = field(default_factory=list)   # 10 columns each, multiword lines included

    def words(self) -> list[list[str]]:
        """The syntactic word rows (integer ids)."""
        return [r for r in self.rows if r[0].isdigit()]


class ConlluError(ValueError):
    pass


def read(lines: Iterable[str], name: str = "<input>") -> Iterator[Sentence]:
    sent = Sentence()
    for lineno, line in enumerate(lines, 1):
        line = line.rstrip("\n").rstrip("\r")
        if not line:
            if sent.rows or sent.comments:
                yield sent
            sent = Sentence()
        elif line.startswith("#"):
            sent.comments.append(line)
        else:
            cols = line.split("\t")
            if len(cols) != 10:
                raise ConlluError(f"{name}:{lineno}: expected 10 tab-separated columns, got {len(cols)}; "
                                  f"is this CoNLL-U? Fix the line or convert the file")
            sent.rows.append(cols)
    if sent.rows or sent.comments:
        yield sent


def write(sentences: Iterable[Sentence], out: TextIO) -> None:
    for sent in sentences:
        for c in sent.comments:
            out.write(c + "\n")
        for r in sent.rows:
            out.write("\t".join(r) + "\n")
        out.write("\n")
