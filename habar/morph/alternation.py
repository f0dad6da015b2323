"""Stem alternations, compiled the other way round: from a lexicon stem to the surface forms it takes in words.

A stem can change where a suffix starts: кітап -> кітаб|ы (voicing), халық -> халқ|ы (a high vowel dropped),
оқы -> оқ|у, оқи|ды (the final ы/і merges with у or becomes и), сүй -> сү|ю. `surfaces` lists, for one lexicon
key, every surface form with the kind of alternation; the lexicon compiles them once into a dict surface ->
stems (habar.morph.lexicon.surface_index), so analysis finds the stems of a word by one lookup per split
point instead of undoing alternations at every split.

KINDS lists the alternations in the order analysis ranks equal-cost readings, with what the rest of the
word must start with and what is put back in front of it.
"""

from __future__ import annotations

from typing import Iterator, NamedTuple

from habar.morph.phonology import VOICING, VOWELS


class Kind(NamedTuple):
    name: str
    cost: float      # added to the reading's cost
    needs: str       # the rest of the word must start with one of these ("" = anything)
    restore: str     # put back in front of the rest: оқи|ды -> оқы + йды


# Order matters: readings of equal cost keep this order (as the original split-by-split search produced them).
KINDS = (
    Kind("", 0.0, "", ""),                          # the stem as written
    Kind("devoice", 0.05, "vowel", ""),             # кітаб|ы -> кітап
    Kind("elision", 0.8, "vowel", ""),              # халқ|ы -> халық (ы)
    Kind("elision", 0.8, "vowel", ""),              # көрк|і -> көрік (і)
    Kind("contraction", 0.1, "у", ""),              # оқ|у -> оқы + у
    Kind("contraction", 0.1, "у", ""),              # the same after a front stem in -і
    Kind("contraction", 0.1, "", "й"),              # оқи|ды -> оқы + йды
    Kind("contraction", 0.1, "", "й"),              # the same after a front stem in -і
    Kind("contraction", 0.1, "", "у"),              # сү|ю -> сүй + у
    Kind("contraction", 0.1, "", "у"),              # ки|ю -> ки + у
)
INDEX_VERSION = 1   # bump when KINDS or `surfaces` change: the shipped compiled index is then rebuilt


def _elision_ok(s: str) -> bool:
    """A dropped high vowel leaves a consonant cluster: халқ, ауз (a glide у/и after a vowel counts as one)."""
    return len(s) >= 3 and s[-1] not in VOWELS and (s[-2] not in VOWELS or s[-2] in "уи" and s[-3] in VOWELS)


def surfaces(key: str) -> Iterator[tuple[str, int]]:
    """(surface, index into KINDS) of every form the lower-case lexicon key `key` can take before a suffix."""
    yield key, 0
    last = key[-1:]
    if last in VOICING:
        yield key[:-1] + VOICING[last], 1
    if len(key) >= 3 and key[-2] in "ыі" and last not in VOWELS:
        s = key[:-2] + last
        if _elision_ok(s):
            yield s, 2 if key[-2] == "ы" else 3
    if last in "ыі":
        if len(key) >= 2:
            yield key[:-1], 4 if last == "ы" else 5
        yield key[:-1] + "и", 6 if last == "ы" else 7
    if last == "й":
        yield key[:-1] + "ю", 8
    if last == "и":
        yield key + "ю", 9


def applies(kind: Kind, rest: str) -> bool:
    """Whether the alternation can sit before `rest`, the remainder of the word."""
    if not kind.needs:
        return True
    first = rest[:1]
    return first in VOWELS if kind.needs == "vowel" else first == kind.needs
