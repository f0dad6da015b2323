"""Analysis by suffix stripping: split a word into a lexicon stem and a suffix chain the grammar accepts.

For every split point one lookup in the compiled lexicon finds the stems written that way, also through their
alternations (кітаб-ы -> кітап, халқ-ы -> халық, оқи-ды -> оқы-й-ды; habar.morph.alternation compiles them once),
and the rest is walked through the suffix tables of habar.morph.suffixes from the stem's part-of-speech start
state; a rest whose first letters start no chain of that state is skipped without a walk. Words with no lexicon
reading go to the guesser (habar.morph.guesser). Results are cached per lower-case word form.
"""

from __future__ import annotations

from functools import lru_cache
from operator import itemgetter
from typing import NamedTuple

from habar.morph import grammar
from habar.morph.alternation import KINDS, applies
from habar.morph.lexicon import Entry, closed, compiled
from habar.morph.phonology import final_class, harmony
from habar.morph.suffixes import (COMPILED, VIABLE, Path, compiled as compiled_chains, lengths, merge_feats, table,
                                  viable)

__all__ = ["Analysis", "walk", "build", "lexical", "dedupe", "closed_readings", "merge_feats", "Path"]

FLIPPED_HARMONY_COST = 1.0   # loanwords and names often break harmony: Тоқаевтың, институтқа
MAX_READINGS = 12           # readings kept per word; the rest are implausible
MAX_SUFFIX = 18              # no suffix chain is longer (-ларымыздағылардың is 17)
FREQUENCY_WEIGHT = 0.2        # how much a stem's corpus frequency counts against one morpheme (cost 1)


class Analysis(NamedTuple):
    lemma: str
    upos: str
    feats: str = ""
    suffixes: tuple[str, ...] = ()   # surface morphemes after the stem, e.g. ("лар", "ы", "ның")
    tags: tuple[str, ...] = ()       # grammar states:templates they realise, e.g. ("NPL:LAр", ...)
    source: str = "lexicon"          # lexicon, closed, guess, number, punct, symbol
    cost: float = 0.0

    @property
    def case(self) -> str:
        for f in self.feats.split("|"):
            if f.startswith("Case="):
                return f[5:]
        return ""


@lru_cache(maxsize=200_000)
def walk(rest: str, state: str, h: str, c: str) -> tuple[Path, ...]:
    """Every path of moves from `state` that consumes exactly `rest` and ends in END."""
    if state in COMPILED:
        return tuple(Path(p) for p in compiled_chains(state, h, c).get(rest, ()))
    tab = table(state, h, c)
    paths = []
    size = len(rest)
    for n in lengths(state, h, c):
        if n > size:
            break
        moves = tab.get(rest[:n])
        if moves:
            tail_rest = rest[n:]
            start = tail_rest[:VIABLE]
            for m in moves:
                if start in viable(m.next, m.h, m.c):
                    for tail in walk(tail_rest, m.next, m.h, m.c):
                        paths.append(Path((m, *tail.moves)))
    return tuple(paths)


def build(surface: str, stem_len: int, lemma: str, upos: str, path: Path, cost: float,
          source: str = "lexicon") -> Analysis:
    """One analysis from a stem reading and a path through the suffix tables."""
    if path.derive:   # a derivation becomes part of the lemma
        lemma, upos = surface[:stem_len + path.derive_len].lower(), path.derive
    for x in path.costs:
        cost += x
    return _new(Analysis, (lemma, upos, path.feats(upos), path.suffixes, path.tags, source, round(cost, 3)))


_START = grammar.START_STATE
_new = tuple.__new__   # Analysis(...) without the keyword handling of a NamedTuple's __new__
_COST = itemgetter(6)  # Analysis.cost
StemContext = tuple[str, str, tuple[tuple[Entry, str, float, frozenset[str]], ...]]
# lexicon key -> for its own harmony and for the flipped one: (harmony, final class, ((entry, start state,
# frequency cost, the viable starts of its suffix chains), ...)); filled as keys are met
_STEMS: dict[str, tuple[StemContext, StemContext]] = {}


def _stem(key: str) -> tuple[StemContext, StemContext]:
    got = _STEMS.get(key)
    if got is None:
        h, c = harmony(key), final_class(key)
        hf = "f" if h == "b" else "b"
        found = [(e, _START.get(e.upos, "END"), FREQUENCY_WEIGHT * e.weight) for e in compiled().entries(key)]
        got = _STEMS[key] = ((h, c, tuple((e, s, w, viable(s, h, c)) for e, s, w in found)),
                             (hf, c, tuple((e, s, w, viable(s, hf, c)) for e, s, w in found)))
    return got


def _hits(wl: str) -> list[tuple[int, str, str, float]]:
    """(split point, lexicon key, rest of the word, alternation cost) of every stem the word can start with,
    split points in order and the stem as written before its alternations (habar.morph.alternation)."""
    lex = compiled()
    kind_of = lex.kinds.get
    hits = []
    for i in range(max(1, len(wl) - MAX_SUFFIX), len(wl) + 1):
        stem = wl[:i]
        found = kind_of(stem)
        if not found:
            continue
        if found & 1:
            hits.append((i, stem, wl[i:], 0.0))
        if found & 2:
            rest = wl[i:]
            for key, kind in lex.alternations(stem):
                k = KINDS[kind]
                if applies(k, rest):
                    hits.append((i, key, k.restore + rest, k.cost))
    return hits


@lru_cache(maxsize=200_000)
def lexical(word: str) -> tuple[Analysis, ...]:
    """Readings of the lower-case `word` as a lexicon stem plus suffixes, at most MAX_READINGS of them, cheapest
    first (cached). When no stem takes its suffixes with the stem's own harmony, the other harmony is tried at a
    cost (loanwords and names: Тоқаевтың, институтқа). Readings do not depend on capitalisation, so callers
    pass the lower-case form (Алматыда and алматыда then share them)."""
    hits = _hits(word.lower())
    if not hits:
        return ()
    found: list[tuple[float, int, Entry, Path]] = []
    for flip in (0, 1):
        for i, key, rest, base in hits:
            h, c, entries = (_STEMS.get(key) or _stem(key))[flip]
            if flip:
                base = base + FLIPPED_HARMONY_COST
            start = rest[:VIABLE]
            for e, state, weight, starts in entries:
                if start in starts:
                    for path in walk(rest, state, h, c):
                        found.append((base + weight + path.cost, i, e, path))
        if found:
            break
    found.sort(key=itemgetter(0))
    return tuple(build(word, i, e.lemma, e.upos, path, cost - path.cost) for cost, i, e, path in found[:MAX_READINGS])


def clear_caches() -> None:
    """Forget cached readings and stems (after the lexicon files change: scripts/build_lexicon.py)."""
    lexical.cache_clear()
    walk.cache_clear()
    _STEMS.clear()


def dedupe(analyses: list[Analysis]) -> list[Analysis]:
    if len(analyses) < 2:
        return analyses
    seen: set[tuple[str, str, str]] = set()
    out = []
    for a in sorted(analyses, key=_COST):
        key = (a.lemma.lower(), a.upos, a.feats)
        if key not in seen:
            seen.add(key)
            out.append(a)
    return out


def closed_readings(word: str) -> list[Analysis]:
    entries = closed().get(word.lower())
    if not entries:
        return []
    return [Analysis(e.lemma, e.upos, e.feats, (), (), "closed", 0.1 * k) for k, e in enumerate(entries)]
