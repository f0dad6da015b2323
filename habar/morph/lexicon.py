"""The stem lexicon and the closed-class word list, loaded once from habar/data/morph/.

- lexicon.tsv.gz (built by scripts/build_lexicon.py): `lemma<TAB>upos<TAB>count`, one line per reading;
  count is how often the lemma was seen in the unlabeled corpus (0 when unseen).
- closed.tsv (hand-written): `form<TAB>lemma<TAB>upos<TAB>feats` for pronouns with irregular forms,
  postpositions, conjunctions, particles, auxiliaries and other words that take no regular suffixes.
"""

from __future__ import annotations

import gzip
import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent.parent / "data" / "morph"
LEXICON_FILE = DATA_DIR / "lexicon.tsv.gz"
CLOSED_FILE = DATA_DIR / "closed.tsv"


@dataclass(frozen=True, slots=True)
class Entry:
    lemma: str
    upos: str
    weight: float   # -log relative frequency, lower is more frequent


@dataclass(frozen=True, slots=True)
class ClosedEntry:
    lemma: str
    upos: str
    feats: str


class LexiconError(RuntimeError):
    pass


def _rows(path: Path, ncols: int):
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            cols = line.split("\t")
            if len(cols) != ncols:
                raise LexiconError(f"{path}:{lineno}: expected {ncols} tab-separated columns, got {len(cols)}; fix the line")
            yield lineno, cols


@lru_cache(maxsize=1)
def stems() -> dict[str, tuple[Entry, ...]]:
    """lower-cased lemma -> readings, most frequent first."""
    if not LEXICON_FILE.exists():
        raise LexiconError(f"{LEXICON_FILE} is missing; build it with `make lexicon`")
    with gzip.open(LEXICON_FILE, "rt", encoding="utf-8") as fh:
        lines = fh.read().splitlines()
    rows = [line.split("\t") for line in lines if line and not line.startswith("#")]
    bad = next((k for k, r in enumerate(rows) if len(r) != 3), None)
    if bad is not None:
        raise LexiconError(f"{LEXICON_FILE}: row {bad + 1} does not have 3 columns; rebuild it with `make lexicon`")
    log_total = math.log(1 + sum(int(r[2]) for r in rows))
    out: dict[str, tuple[Entry, ...]] = {}
    log = math.log
    for lemma, upos, count in rows:
        e = Entry(lemma, upos, log_total - log(int(count) + 0.5))
        key = lemma.lower()
        old = out.get(key)
        out[key] = (e,) if old is None else tuple(sorted((*old, e), key=lambda x: x.weight))
    return out


@lru_cache(maxsize=1)
def prefixes() -> frozenset[str]:
    """Every prefix of every lexicon key: splitting a word stops as soon as its prefix starts no stem."""
    return frozenset(key[:n] for key in stems() for n in range(1, len(key) + 1))


@lru_cache(maxsize=1)
def closed() -> dict[str, tuple[ClosedEntry, ...]]:
    """lower-cased word form -> closed-class readings in file order (first is the usual one)."""
    out: dict[str, list[ClosedEntry]] = {}
    for lineno, (form, lemma, upos, feats) in _rows(CLOSED_FILE, 4):
        out.setdefault(form, []).append(ClosedEntry(lemma, upos, "" if feats == "_" else feats))
    return {k: tuple(v) for k, v in out.items()}
