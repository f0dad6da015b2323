"""The stem lexicon and the closed-class word list, loaded once from habar/data/morph/.

- lexicon.tsv.gz (built by scripts/build_lexicon.py): `lemma<TAB>upos<TAB>count`, one line per reading;
  count is how often the lemma was seen in the unlabeled corpus (0 when unseen).
- lexicon.index: the same stems compiled for fast loading, with the surface forms their alternations take
  (habar.morph.alternation); checked against lexicon.tsv.gz's SHA-1 and recompiled in memory when stale.
- closed.tsv (hand-written): `form<TAB>lemma<TAB>upos<TAB>feats` for pronouns with irregular forms,
  postpositions, conjunctions, particles, auxiliaries and other words that take no regular suffixes.
"""

from __future__ import annotations

import gzip
import hashlib
import marshal
import math
import zlib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from habar.morph import alternation

DATA_DIR = Path(__file__).resolve().parent.parent / "data" / "morph"
LEXICON_FILE = DATA_DIR / "lexicon.tsv.gz"
CLOSED_FILE = DATA_DIR / "closed.tsv"
INDEX_NAME = "lexicon.index"   # compiled form of lexicon.tsv.gz (marshal), written by scripts/build_lexicon.py


_new = tuple.__new__   # a NamedTuple without the keyword handling of its __new__


class Entry(NamedTuple):
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


def _parse(data: bytes) -> dict[str, tuple[Entry, ...]]:
    """lower-cased lemma -> readings, most frequent first, from the bytes of lexicon.tsv.gz."""
    lines = gzip.decompress(data).decode("utf-8").splitlines()
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


def _alternations(keys) -> dict[str, list[tuple[str, int]]]:
    """surface -> (lexicon key, alternation kind) for every altered surface form of the keys (kind > 0)."""
    out: dict[str, list[tuple[str, int]]] = {}
    for key in keys:
        for surface, kind in alternation.surfaces(key):
            if kind:
                out.setdefault(surface, []).append((key, kind))
    return out


def _compile(lex: dict[str, tuple[Entry, ...]]) -> tuple[list[str], ...]:
    """Columns of the compiled lexicon: keys, their readings, altered surfaces, the stems behind them.

    A reading row is `lemma<TAB>upos<TAB>weight` repeated; an alternation row `key<TAB>kind` repeated, in the
    order of alternation.KINDS. Rows are decoded only when analysis meets them, so loading is a few splits."""
    keys = list(lex)
    rows = ["\t".join(f"{e.lemma}\t{e.upos}\t{e.weight!r}" for e in lex[k]) for k in keys]
    alts = _alternations(keys)
    surfaces = list(alts)
    alt_rows = ["\t".join(f"{k}\t{n}" for k, n in sorted(alts[s], key=lambda p: p[1])) for s in surfaces]
    return keys, rows, surfaces, alt_rows


def _source() -> tuple[bytes, str]:
    if not LEXICON_FILE.exists():
        raise LexiconError(f"{LEXICON_FILE} is missing; build it with `make lexicon`")
    data = LEXICON_FILE.read_bytes()
    return data, hashlib.sha1(data).hexdigest()


def write_index(path: Path | None = None) -> Path:
    """Write the compiled lexicon (zlib-compressed marshal of text columns) next to lexicon.tsv.gz."""
    path = path or LEXICON_FILE.with_name(INDEX_NAME)
    data, digest = _source()
    cols = tuple("\n".join(c) for c in _compile(_parse(data)))
    path.write_bytes(zlib.compress(marshal.dumps((alternation.INDEX_VERSION, digest, *cols)), 9))
    return path


class Compiled:
    """The lexicon as analysis reads it: raw rows by key and by altered surface, decoded on first use."""

    def __init__(self, keys: list[str], rows: list[str], surfaces: list[str], alt_rows: list[str]) -> None:
        self.raw = dict(zip(keys, rows))
        self.alt_raw = dict(zip(surfaces, alt_rows))
        # surface -> 1 a key, 2 an altered surface, 3 both: one probe per split point of a word
        self.kinds = dict.fromkeys(keys, 1)
        for surface in surfaces:
            self.kinds[surface] = 3 if surface in self.kinds else 2
        self._entries: dict[str, tuple[Entry, ...]] = {}
        self._alts: dict[str, tuple[tuple[str, int], ...]] = {}

    def entries(self, key: str) -> tuple[Entry, ...]:
        """Readings of a lower-case lexicon key, most frequent first; () when it is no stem."""
        got = self._entries.get(key)
        if got is None:
            row = self.raw.get(key)
            if row is None:
                return ()
            f = row.split("\t")
            if len(f) == 3:   # most keys have one reading
                got = (_new(Entry, (f[0], f[1], float(f[2]))),)
            else:
                got = tuple(_new(Entry, (f[j], f[j + 1], float(f[j + 2]))) for j in range(0, len(f), 3))
            self._entries[key] = got
        return got

    def alternations(self, surface: str) -> tuple[tuple[str, int], ...]:
        """(key, kind) of the stems that take the altered form `surface`; () when none does."""
        got = self._alts.get(surface)
        if got is None:
            row = self.alt_raw.get(surface)
            if row is None:
                return ()
            f = row.split("\t")
            got = self._alts[surface] = tuple((f[j], int(f[j + 1])) for j in range(0, len(f), 2))
        return got


def _read_index(digest: str) -> list[str] | None:
    """The columns of the shipped lexicon.index when it was compiled from these lexicon bytes and rules."""
    index_file = LEXICON_FILE.with_name(INDEX_NAME)
    if not index_file.exists():
        return None
    try:
        version, source, *cols = marshal.loads(zlib.decompress(index_file.read_bytes()))
    except (ValueError, EOFError, TypeError, zlib.error):
        return None
    if version == alternation.INDEX_VERSION and source == digest and len(cols) == 4:
        return cols
    return None


def index_is_fresh() -> bool:
    """Whether the shipped lexicon.index matches lexicon.tsv.gz and the alternation rules."""
    return _read_index(_source()[1]) is not None


@lru_cache(maxsize=1)
def compiled() -> Compiled:
    """The compiled lexicon when it matches lexicon.tsv.gz and the alternation rules, else compiled here (slower:
    `make lexicon` or `python scripts/build_lexicon.py --index-only` refreshes the shipped one)."""
    data, digest = _source()
    cols = _read_index(digest)
    if cols is not None:
        return Compiled(*(c.split("\n") if c else [] for c in cols))
    return Compiled(*_compile(_parse(data)))


@lru_cache(maxsize=1)
def stems() -> dict[str, tuple[Entry, ...]]:
    """lower-cased lemma -> readings, most frequent first (every key decoded: for tools, not for analysis)."""
    lex = compiled()
    return {k: lex.entries(k) for k in lex.raw}


def is_stem(key: str) -> bool:
    """Whether the lower-case `key` is a lexicon stem."""
    return key in compiled().raw


def clear_caches() -> None:
    """Forget the loaded lexicon (scripts/build_lexicon.py rewrites it between passes)."""
    compiled.cache_clear()
    stems.cache_clear()
    closed.cache_clear()


@lru_cache(maxsize=1)
def closed() -> dict[str, tuple[ClosedEntry, ...]]:
    """lower-cased word form -> closed-class readings in file order (first is the usual one)."""
    out: dict[str, list[ClosedEntry]] = {}
    for lineno, (form, lemma, upos, feats) in _rows(CLOSED_FILE, 4):
        out.setdefault(form, []).append(ClosedEntry(lemma, upos, "" if feats == "_" else feats))
    return {k: tuple(v) for k, v in out.items()}
