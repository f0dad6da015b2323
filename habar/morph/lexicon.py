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
    raw: dict[str, list[tuple[str, str, int]]] = {}
    total = 1
    for _, (lemma, upos, count) in _rows(LEXICON_FILE, 3):
        n = int(count)
        total += n
        raw.setdefault(lemma.lower(), []).append((lemma, upos, n))
    out: dict[str, tuple[Entry, ...]] = {}
    log_total = math.log(total)
    for key, rows in raw.items():
        rows.sort(key=lambda r: -r[2])
        out[key] = tuple(Entry(lemma, upos, log_total - math.log(n + 0.5)) for lemma, upos, n in rows)
    return out


@lru_cache(maxsize=1)
def closed() -> dict[str, tuple[ClosedEntry, ...]]:
    """lower-cased word form -> closed-class readings in file order (first is the usual one)."""
    out: dict[str, list[ClosedEntry]] = {}
    for lineno, (form, lemma, upos, feats) in _rows(CLOSED_FILE, 4):
        out.setdefault(form, []).append(ClosedEntry(lemma, upos, "" if feats == "_" else feats))
    return {k: tuple(v) for k, v in out.items()}
