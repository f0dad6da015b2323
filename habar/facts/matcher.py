"""Fast lookup of lexicon entries (stems and multi-word cues) in a list of words.

An entry is a stem ("айт") or a tuple of fixed words ending in a stem ("атап", "өт"). A word matches a stem by
its lemma when habar.morph gave one, else by stem + one of the allowed endings. Entries are indexed by their
first word (multi-word) or by their stem (one word), so a word costs a few dictionary lookups, not one
comparison per entry.
"""

from __future__ import annotations

from collections import defaultdict
from functools import lru_cache
from typing import Iterable

from habar.facts.lexicon import ROLE_ENDINGS, ROLE_PARTS, ROLES, SAY_FORMS, VERB_ENDINGS
from habar.facts.words import Word


class Matcher:
    def __init__(self, entries: Iterable[tuple[tuple[str, ...], object]], endings: frozenset[str]):
        self.endings = endings
        self.single: dict[str, list[object]] = defaultdict(list)
        self.multi: dict[str, list[tuple[tuple[str, ...], object]]] = defaultdict(list)
        for parts, value in entries:
            if len(parts) == 1:
                self.single[parts[0]].append(value)
            else:
                self.multi[parts[0]].append((parts, value))
        for values in self.multi.values():
            values.sort(key=lambda p: -len(p[0]))
        self.lengths = sorted({len(s) for s in self.single}, reverse=True)
        self.heads = {s[:2] for s in self.single}  # most words fail on their first two letters already

    def _stem_values(self, w: Word) -> list[object]:
        """Values of the single-word entries this word is a form of, the longest stem first."""
        if w.lemma:
            return self.single.get(w.lemma, [])
        low = w.lower
        if low[:2] not in self.heads:
            return []
        for cut in self.lengths:
            if cut <= len(low):
                values = self.single.get(low[:cut])
                if values and low[cut:] in self.endings:
                    return values
        return []

    def _is_form(self, w: Word, stem: str) -> bool:
        if w.lemma:
            return w.lemma == stem
        return w.lower.startswith(stem) and w.lower[len(stem):] in self.endings

    def at(self, ws: list[Word], i: int) -> list[tuple[int, object]]:
        """(length, value) of every entry matching at ws[i], longest first; none past the end."""
        if i >= len(ws):
            return []
        out = []
        for parts, value in self.multi.get(ws[i].lower, ()):
            n = len(parts)
            if i + n <= len(ws) and all(ws[i + k].lower == parts[k] for k in range(1, n - 1)) \
                    and self._is_form(ws[i + n - 1], parts[-1]):
                out.append((n, value))
        out += [(1, v) for v in self._stem_values(ws[i])]
        return out

    def find(self, ws: list[Word]) -> tuple[int, int] | None:
        """(index, length) of the first word where an entry matches, the longest entry there."""
        multi, single, heads = self.multi, self.single, self.heads
        for i, w in enumerate(ws):
            # the checks `at` starts with, inline: most words match no entry at all
            if w.lower not in multi and (w.lemma not in single if w.lemma else w.lower[:2] not in heads):
                continue
            hits = self.at(ws, i)
            if hits:
                return i, hits[0][0]
        return None


@lru_cache(maxsize=64)
def matcher(entries: tuple, endings: frozenset[str]) -> Matcher:
    """The compiled matcher of an entry tuple (entries are immutable lexicon data, so one build per process)."""
    def parts(e) -> tuple[str, ...]:
        return tuple(e.lower().split()) if isinstance(e, str) else tuple(x.lower() for x in e)
    return Matcher(((parts(e), e) for e in entries), endings)


def match_entry(ws: list[Word], i: int, entry: str | tuple[str, ...], endings: frozenset[str] = VERB_ENDINGS) -> int:
    """Number of words an entry ("атап өт", "айт") covers at `ws[i]`, 0 when it does not match there."""
    hits = matcher((entry,), endings).at(ws, i)
    return hits[0][0] if hits else 0


def find_entry(ws: list[Word], entries: tuple, endings: frozenset[str] = VERB_ENDINGS) -> tuple[int, int] | None:
    """(index, length) of the first word where any entry matches, the longest entry winning at one index."""
    return matcher(tuple(entries), endings).find(ws)


def is_say(word: Word) -> bool:
    return word.lower in SAY_FORMS or word.lemma == "де"


@lru_cache(maxsize=1)
def _roles() -> Matcher:
    order = sorted(ROLES, key=lambda k: not k[:1].isupper())  # capitalised entries are tried first
    return Matcher(((ROLE_PARTS.get(k, tuple(k.lower().split())), k) for k in order), ROLE_ENDINGS)


def role_at(ws: list[Word], i: int) -> tuple[str, int] | None:
    """(canonical role, number of words) when a role word ("Мемлекет басшысы", "министрі") starts at `ws[i]`.
    A capitalised entry needs a capital in the text: "Президент" is the head of state, a company's "президенті"
    is not."""
    for n, canonical in _roles().at(ws, i):
        if not canonical[:1].isupper() or ws[i].text[:1].isupper():
            return canonical, n
    return None
