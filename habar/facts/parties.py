"""Parties as coordinated noun phrases: "X және Y ... қол қойды", "X пен Y арасында".

NER output on long organisation names is often split or merged ("«Зерде» | Холдингі", or one entity that runs on
into the memorandum's title), so the parties of an event are read from the coordination itself: the conjunct
before "және/мен/бен/пен" and the one after it, each ending in an organisation head noun ("агенттігі", "АҚ") or
in a person/organisation/country entity, and each in the nominative. Entities inside a conjunct give it its norm
and group. When a sentence has no such coordination, habar.facts.slots.parties reads the entities alone.
"""

from __future__ import annotations

from functools import lru_cache
from habar.document import Entity
from habar.facts.lexicon import COORDINATORS, ORG_HEADS, STOP_WORDS
from habar.facts.slots import PARTY_LABELS, PLACE_NOUNS, case_of
from habar.facts.matcher import role_at
from habar.facts.words import LOCATIVE, Word, WordIndex

MAX_CONJUNCT = 8
BETWEEN = frozenset({"арасында", "арасындағы", "арасы"})
_POSSESSIVE = ("", "ы", "і", "сы", "сі")
_OPENING = "«\"„“"


_VOICING = {"қ": "ғ", "к": "г", "п": "б"}  # "агенттік" + "і" = "агенттігі", "орталық" + "ы" = "орталығы"
_HEAD_FORMS = frozenset(set(ORG_HEADS) | {h[:-1] + _VOICING[h[-1]] for h in ORG_HEADS if h[-1] in _VOICING})


def is_org_head(w: Word) -> bool:
    """An organisation head noun in the nominative (bare or possessive); the surface form decides the case."""
    return _is_head_form(w.lower)


@lru_cache(maxsize=65536)  # asked of every word near a coordinator, for every event sentence
def _is_head_form(low: str) -> bool:
    return any(low.endswith(p) and low[:len(low) - len(p)] in _HEAD_FORMS for p in _POSSESSIVE)


def _entity_ending(w: Word, ents: list[Entity]) -> Entity | None:
    """A party entity that ends with this word (a closing quote may follow), in the nominative."""
    return next((e for e in ents if e.label in PARTY_LABELS and e.start < w.end <= e.end <= w.end + 1
                 and case_of(e) in ("Nom", "Ins")), None)


def _boundary(w: Word, text: str, prev: Word | None, blocked: list[tuple[int, int]]) -> bool:
    if w.lower in STOP_WORDS or w.lower in PLACE_NOUNS or any(s <= w.start < e for s, e in blocked):
        return True
    if w.lower.endswith(LOCATIVE) and len(w.lower) > 5:
        return True
    return prev is not None and "," in text[prev.end:w.start]


def conjunct_parties(index: WordIndex, start: int, end: int, ents: list[Entity],
                     blocked: list[tuple[int, int]]) -> list[dict]:
    """Parties joined by a coordinator in `text[start:end]`; `blocked` spans (date, place) end a conjunct."""
    text = index.article.text
    ws = index.between(start, end)
    out: list[dict] = []
    for i, w in enumerate(ws):
        if w.lower not in COORDINATORS or i == 0 or i + 1 == len(ws):
            continue
        between = _between_at(ws, i)
        left = _left(ws, i, text, ents, blocked, between is not None)
        right = _party(ws[i + 1:between], text, ents) if between else _right(ws, i, text, ents, blocked)
        if left and right:
            for conj in (left, right):
                if all(p["start"] != conj["start"] for p in out):
                    out.append(conj)
    return out


def _between_at(ws: list[Word], i: int) -> int | None:
    """Index of "арасында(ғы)" closing "X пен Y арасында" within a conjunct's reach of the coordinator at i."""
    for k in range(i + 2, min(len(ws), i + 2 + MAX_CONJUNCT)):
        if ws[k].lower in BETWEEN:
            return k
        if ws[k].lower in COORDINATORS:
            return None
    return None


def _left(ws: list[Word], i: int, text: str, ents, blocked, between: bool = False) -> dict | None:
    """The conjunct before the coordinator: it must end in a head noun or a named party, unless "арасында"
    after the other conjunct already says these are the two sides ("Мемлекет пен операторлар арасында")."""
    last = ws[i - 1]
    if not (between or is_org_head(last) or _entity_ending(last, ents)):
        return None
    j = i - 1
    while j > 0 and i - j < MAX_CONJUNCT and not _boundary(ws[j - 1], text, ws[j - 2] if j > 1 else None, blocked) \
            and "," not in text[ws[j - 1].end:ws[j].start]:
        j -= 1
    return _party(ws[j:i], text, ents)


def _right(ws: list[Word], i: int, text: str, ents, blocked) -> dict | None:
    for k in range(i + 1, min(len(ws), i + 1 + MAX_CONJUNCT)):
        if _boundary(ws[k], text, ws[k - 1], blocked) or ws[k].lower in COORDINATORS:
            return None
        if _entity_ending(ws[k], ents) or is_org_head(ws[k]):
            while k + 1 < len(ws) and is_org_head(ws[k + 1]):
                k += 1  # "Холдингі АҚ", "Total компаниясы": a legal form or a head noun after the name
            k = _through_role(ws, k, ents)
            return _party(ws[i + 1:k + 1], text, ents)
    return None


def _through_role(ws: list[Word], k: int, ents: list[Entity]) -> int:
    """"NIA президенті Йонг-Сик Мун": an organisation, a role, then the person who acts for it."""
    hit = role_at(ws, k + 1)
    if not hit:
        return k
    after = k + 1 + hit[1]
    if after < len(ws):
        person = next((e for e in ents if e.label == "PERSON" and e.start == ws[after].start), None)
        if person:
            return max(j for j in range(after, len(ws)) if ws[j].end <= person.end)
    return k


def _party(words: list[Word], text: str, ents: list[Entity]) -> dict:
    start, end = words[0].start, words[-1].end
    while start > 0 and text[start - 1] in _OPENING:
        start -= 1
    while end < len(text) and text[end] in "»\"”" and text[end - 1] != " ":
        end += 1
    inner = [e for e in ents if e.label in PARTY_LABELS and start <= e.start and e.end <= end + 1]
    persons = [e for e in inner if e.label == "PERSON"]
    main = (persons or inner or [None])[-1]
    label = main.label if main else "ORGANISATION"
    # A person keeps their affiliation in `text`; an organisation's name is the whole conjunct.
    norm = main.norm or main.text if main is not None and main.label == "PERSON" else text[start:end]
    return {"text": text[start:end], "norm": norm, "label": label,
            "entity_group": main.group if main else -1, "start": start, "end": end}
