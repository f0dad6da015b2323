"""Agreements (who signed what with whom, when and where) and meetings, one sentence at a time.

An agreement is a sentence with an agreement noun (меморандум, келісім, шарт) and a signing verb (қол қойды,
жасасты, бекітті) and at least two parties before the verb; a meeting is a sentence with a meeting noun and verb
(кездесу өтті, келіссөз жүргізді, кездесті) and two parties. The date and the place come from the same sentence, or,
for a sentence that only continues the story ("Тараптардың кездесуі ... өтті"), from the agreement just before it.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache

from habar.document import Fact
from habar.facts import slots
from habar.facts.parties import conjunct_parties
from habar.facts.lexicon import AGREEMENT_KINDS, MEETING_VERBS, MEETING_WORDS, NOMINAL_ENDINGS, SIGNING_VERBS
from habar.facts.matcher import Matcher, find_entry
from habar.facts.words import WordIndex

MIN_PARTIES = 2
# Any agreement or meeting noun, or the verb "кездес-", as a substring (case endings follow the stem). Plain
# substring tests: a case-insensitive regex alternation over Cyrillic costs ~100 µs a sentence.
_CUES = tuple(sorted({k.split()[0] for k in (*AGREEMENT_KINDS, *MEETING_WORDS)} | {"кездес"}))
_CUE_RE = re.compile("|".join(_CUES))  # run on lower-cased text of the sentences that passed the substring test


@lru_cache(maxsize=2)
def _nouns(table: str) -> Matcher:
    """Agreement or meeting nouns, any case or possessive ending, each mapped to its canonical form."""
    entries = AGREEMENT_KINDS if table == "agreement" else MEETING_WORDS
    return Matcher(((tuple(k.split()), v) for k, v in sorted(entries.items())), NOMINAL_ENDINGS)


def _noun(ws, table: str, cued: list[int]) -> tuple[int, str] | None:
    """(index, canonical) of the first noun of `table` among the words at `cued` indexes."""
    for i in cued:
        hits = _nouns(table).at(ws, i)
        if hits:
            return i, hits[0][1]
    return None


def _positions(text: str, cue: str) -> list[int]:
    out, pos = [], text.find(cue)
    while pos >= 0:
        out.append(pos)
        pos = text.find(cue, pos + 1)
    return out


def find_events(index: WordIndex) -> list[Fact]:
    art = index.article
    facts: list[Fact] = []
    last: dict | None = None
    # most sentences name no agreement or meeting: one str.find per cue over the whole text finds the few that do
    hits = sorted(pos for cue in _CUES for pos in _positions(index.lower, cue))
    if not hits:
        return facts
    for start, end in slots.sentence_spans(art):
        i = bisect_right(hits, start - 1)
        if i == len(hits) or hits[i] >= end:
            continue
        low = index.lower[start:end]
        ws = index.between(start, end)
        starts = [w.start for w in ws]
        cued = sorted({bisect_right(starts, m.start()) - 1 for m in _CUE_RE.finditer(index.lower, start, end)} - {-1})
        ents = index.entities_between(start, end)
        kind = _noun(ws, "agreement", cued)
        verb = find_entry(ws, SIGNING_VERBS) if kind else None
        if kind and verb:
            at = min(ws[verb[0]].start, ws[kind[0]].start)
            fact = _event(index, "agreement", kind[1], ents, start, end, at, last)
            if fact:
                facts.append(fact)
                last = fact.args
            continue
        meeting = _noun(ws, "meeting", cued)
        mverb = find_entry(ws, MEETING_VERBS) if meeting or "кездес" in low else None
        if mverb and (meeting or ws[mverb[0]].lower.startswith("кездес")):
            canonical = meeting[1] if meeting else "кездесу"
            fact = _event(index, "meeting", canonical, ents, start, end, ws[mverb[0]].start, last)
            if fact:
                facts.append(fact)
    return facts


def _event(index: WordIndex, kind: str, subtype: str, ents, start: int, end: int, verb_at: int, last: dict | None):
    """`verb_at`: where the agreement noun or the verb starts; parties stand before it."""
    text = index.article.text
    found_place = slots.place(text, ents)
    blocked = [(e.start, e.end) for e in ents if e.label in ("DATE", "TIME")]
    if found_place:
        blocked.append((found_place[1].start, found_place[1].end))
    parties = conjunct_parties(index, start, verb_at, ents, blocked)
    if len(parties) < MIN_PARTIES:
        skip = {id(found_place[1])} if found_place else set()
        skip |= {id(e) for e in ents if e.start >= verb_at and kind == "agreement"}  # "деп хабарлайды Zakon.kz"
        parties = slots.parties(text, [e for e in ents if e.end <= end], skip)
    if len(parties) < MIN_PARTIES:
        return None
    date = slots.date(text, ents, start, end)
    place = found_place[0] if found_place else None
    if last and (date is None or place is None) and _shares_party(parties, last["parties"]):
        date, place = date or last["date"], place or last["place"]
    source = "text" if date else None
    if date is None and index.article.published[:10]:
        # news reports an event on the day it happened unless the text says otherwise
        date, source = index.article.published[:10], "published"
    args = {"kind": subtype, "parties": parties, "date": date, "date_source": source, "place": place}
    return Fact(kind, start, end, args)


def _shares_party(a: list[dict], b: list[dict]) -> bool:
    names = {p["norm"].lower() for p in b}
    return any(p["norm"].lower() in names or any(n in p["text"].lower() for n in names) for p in a)
