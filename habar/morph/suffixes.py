"""Suffix tables generated from the morphotactic states in habar.morph.grammar.

For every state and every context (harmony, final class) the templates are realised once into a dict
surface -> moves, so analysis is a handful of dict lookups per word: no regular expressions, no search
over templates at run time.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from habar.morph import grammar
from habar.morph.phonology import VOICING, realise


@dataclass(frozen=True, slots=True)
class Move:
    surface: str
    feats: str
    next: str
    derive: str      # UPOS of a derived stem ("" when the morpheme is inflectional)
    cost: float
    tag: str         # "STATE:template", kept in the analysis' suffix chain
    h: str           # harmony after the morpheme
    c: str           # final class after the morpheme


Table = dict[str, tuple[Move, ...]]


class Path:
    """One way through the suffix tables (a tuple of moves), with what every analysis built on it needs
    worked out once: cost, surface morphemes, tags, the last derivation and the merged features."""

    __slots__ = ("moves", "costs", "cost", "suffixes", "tags", "derive", "derive_len", "merged", "_feats")

    def __init__(self, moves: tuple[Move, ...]) -> None:
        self.moves = moves
        costs, suffixes, tags, parts = [], [], [], []
        derive, pos, derive_len = "", 0, 0
        for m in moves:
            costs.append(m.cost)
            surface = m.surface
            if surface:
                suffixes.append(surface)
                tags.append(m.tag)
                pos += len(surface)
            if m.derive:   # a derivation becomes part of the lemma and resets the features
                derive, derive_len, parts = m.derive, pos, []
            else:
                parts.append(m.feats)
        self.costs = tuple(costs)
        self.cost = sum(self.costs)
        self.suffixes, self.tags = tuple(suffixes), tuple(tags)
        self.derive, self.derive_len = derive, derive_len
        self.merged = merge_feats(parts)
        self._feats: dict[str, str] = {}

    def feats(self, upos: str) -> str:
        """UD features of a word of part of speech `upos` (after any derivation) ending in this path."""
        got = self._feats.get(upos)
        if got is None:
            got = self._feats[upos] = _finish_feats(self.merged, upos)
        return got


_MERGED: dict[tuple[str, ...], str] = {}


def merge_feats(parts: list[str]) -> str:
    """Later morphemes override earlier ones; UD orders features by name, case-insensitively."""
    key = tuple(parts)
    got = _MERGED.get(key)
    if got is None:
        got = _MERGED[key] = _merge(parts)
    return got


def _merge(parts: list[str]) -> str:
    feats: dict[str, str] = {}
    for p in parts:
        if p:
            for kv in p.split("|"):
                k, _, v = kv.partition("=")
                feats[k] = v
    return "|".join(f"{k}={feats[k]}" for k in sorted(feats, key=str.lower))


def _finish_feats(feats: str, upos: str) -> str:
    verb = upos in ("VERB", "AUX")
    if verb and "VerbForm=Part" in feats and ("Case=" in feats and "Case=Nom" not in feats or "[psor]" in feats):
        feats = feats.replace("VerbForm=Part", "VerbForm=Ger")   # KTB: кеңескенде, сүйгеніне are gerunds
    if verb:
        feats = feats.replace("Case=Nom|", "").replace("|Case=Nom", "").replace("Case=Nom", "")
    elif upos not in ("NOUN", "PROPN") and feats == "Case=Nom":
        feats = ""
    return feats


def _cost(state: str, template: str) -> float:
    base = grammar.MORPHEME_COST if template else 0.0
    return base + grammar.STATE_COST.get(state, 0.0) * bool(template) + grammar.TEMPLATE_COST.get((state, template), 0.0)


@lru_cache(maxsize=None)
def table(state: str, h: str, c: str) -> Table:
    """surface -> moves out of `state` after a context (h, c)."""
    out: dict[str, list[Move]] = {}
    for template, feats, nxt, derive in grammar.STATES[state]:
        surface, h2, c2 = realise(template, h, c)
        if "#" in surface:   # the template has no realisation in this context
            continue
        move = Move(surface, feats, nxt, derive, _cost(state, template), f"{state}:{template}", h2, c2)
        out.setdefault(surface, []).append(move)
        if surface[-1:] in VOICING:   # -лық + -ы -> -лығы: a final қ/к/п is voiced before a vowel
            out.setdefault(surface[:-1] + VOICING[surface[-1]], []).append(move)
    return {s: tuple(m) for s, m in out.items()}


@lru_cache(maxsize=None)
def lengths(state: str, h: str, c: str) -> tuple[int, ...]:
    """The surface lengths present in a table, so analysis tries only those."""
    return tuple(sorted({len(s) for s in table(state, h, c)}))


# A suffix chain can only start with some strings: the first VIABLE letters of a word's rest must be the start
# (or the whole) of a chain the state allows, else the walk is skipped. Most split points fail here.
VIABLE = 6


@lru_cache(maxsize=None)
def viable(state: str, h: str, c: str, k: int = VIABLE) -> frozenset[str]:
    """Every complete chain out of `state` shorter than k letters and the first k letters of every longer one."""
    if state == "END":
        return frozenset({""})
    out: set[str] = set()
    for surface, moves in table(state, h, c).items():
        if len(surface) >= k:
            out.add(surface[:k])
            continue
        for m in moves:
            out.update(surface + t for t in viable(m.next, m.h, m.c, k - len(surface)))
    return frozenset(out)


# The nominal tail (plural, possessive, case and what follows) is small: its complete chains are compiled into
# one dict per context, so most of an analysis is a single lookup instead of a walk.
COMPILED = frozenset({"PTAIL", "NPL", "POSS", "CASE", "CASE12", "CASE3", "LOCX", "RELX", "PRED", "DESP", "END"})


@lru_cache(maxsize=None)
def compiled(state: str, h: str, c: str) -> dict[str, tuple[tuple[Move, ...], ...]]:
    """complete suffix chain -> every path of moves from `state` that spells it."""
    if state == "END":
        return {"": ((),)}
    out: dict[str, list[tuple[Move, ...]]] = {}
    for surface, moves in table(state, h, c).items():
        for m in moves:
            for rest, paths in compiled(m.next, m.h, m.c).items():
                out.setdefault(surface + rest, []).extend((m, *p) for p in paths)
    return {k: tuple(v) for k, v in out.items()}


def check_grammar() -> None:
    """Fail early, naming the state, when the grammar data points at a state that does not exist."""
    for state, entries in grammar.STATES.items():
        for template, _, nxt, _ in entries:
            if nxt not in grammar.STATES:
                raise ValueError(
                    f"habar/morph/grammar.py: state {state!r} template {template!r} goes to unknown state {nxt!r}; "
                    f"add it to STATES or fix the name"
                )


check_grammar()
