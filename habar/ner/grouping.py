"""Group the mentions of one entity in an article: "Тоқаев" and "Қасым-Жомарт Тоқаев" share a group id.

Mentions are compared by their base forms (`Entity.norm`), longest first: a mention joins a group of the same
kind when its words are all words of the group's longest mention (a surname, a short org name), or when it is
the acronym of that mention ("ЕАЭО" of "Еуразиялық ... Одақ" is too loose to guess, so only exact initials count).
"""

from __future__ import annotations

from habar.document import Entity

# Labels whose mentions may refer to one another; value labels are never grouped.
KINDS = {"PERSON": "PERSON", "ORGANISATION": "ORG", "GPE": "PLACE", "LOCATION": "PLACE", "FACILITY": "FAC",
         "NORP": "NORP", "EVENT": "EVENT", "PRODUCT": "PRODUCT", "PROJECT": "PROJECT", "LAW": "LAW",
         "ART": "ART", "POSITION": "POSITION", "LANGUAGE": "LANGUAGE", "DISEASE": "DISEASE"}


def _words(norm: str) -> list[str]:
    return [w.strip("«»\"'()").casefold() for w in norm.split() if w.strip("«»\"'()")]


def _acronym(words: list[str]) -> str:
    return "".join(w[0] for w in words if w)


def group(entities: list[Entity]) -> None:
    """Set `group` on every named entity (in place); value entities keep -1."""
    reps: list[tuple[str, list[str]]] = []  # group id = index: (kind, words of the longest mention)
    order = sorted(
        (e for e in entities if e.label in KINDS), key=lambda e: (-len(_words(e.norm or e.text)), e.start)
    )
    for e in order:
        kind, words = KINDS[e.label], _words(e.norm or e.text)
        if not words:
            continue
        gid = _find(reps, kind, words)
        if gid is None:
            gid = len(reps)
            reps.append((kind, words))
        e.group = gid


def _find(reps: list[tuple[str, list[str]]], kind: str, words: list[str]) -> int | None:
    for gid, (k, rep) in enumerate(reps):
        if k != kind:
            continue
        if words == rep or (len(words) < len(rep) and all(w in rep for w in words)):
            return gid
        if len(words) == 1 and len(rep) > 1 and words[0] == _acronym(rep):
            return gid
    return None
