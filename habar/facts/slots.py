"""Filling the slots events share: parties, place and date, from the entities of one sentence.

A party is an organisation, country or person in the nominative (or joined by "мен/бен/пен"): an entity in the
genitive right before another entity only modifies it ("Корея Республикасының | Ұлттық ... агенттігі"), one in the
locative is the place ("Сеул қаласында"), and one in the accusative or dative is an object, not a signatory.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from habar.document import Entity
from habar.facts.lexicon import BOILERPLATE, CASE_OF_ENDING, NOMINAL_ENDINGS
from habar.facts.marks import clause_end, quoted_spans
from habar.facts.midspeech import split_spans
from habar.values.lexicon import MONTHS

PARTY_LABELS = ("ORGANISATION", "GPE", "PERSON", "NORP")
PLACE_LABELS = ("GPE", "LOCATION", "FACILITY")
PLACE_NOUNS = ("қаласында", "қаласы", "елордасында", "астанасында", "облысында", "ауданында", "ауылында",
               "кеңсесінде", "ғимаратында", "қаласындағы")
_ENDINGS = sorted(CASE_OF_ENDING, key=len, reverse=True)
_BASE_CASES = {**CASE_OF_ENDING, **dict.fromkeys(("ды", "ді", "ты", "ті", "н"), "Acc")}
_BASE_ENDINGS = sorted(_BASE_CASES, key=len, reverse=True)


def case_of(e: Entity, feats: str = "") -> str:
    """Case of an entity from its last word: morph feats when given, else the text past its base form or endings."""
    if "Case=" in feats:
        return feats.split("Case=", 1)[1][:3]
    text = e.text.rstrip(")»\" ").lower()
    norm = (e.norm or "").lower()
    if norm:  # the NER's base form: what the text adds to it is the ending
        rest = text[len(norm):] if text.startswith(norm) else None
        if rest == "":
            return "Nom"
        if rest in NOMINAL_ENDINGS:  # the base form is known, so "-ты" can only be the accusative here
            return next((_BASE_CASES[x] for x in _BASE_ENDINGS if rest.endswith(x)), "Nom")
    last = text.split()[-1] if text.split() else text
    for x in _ENDINGS:
        if last.endswith(x) and len(last) - len(x) >= 3:
            return CASE_OF_ENDING[x]
    return "Nom"


def base(e: Entity) -> str:
    return e.norm or e.text


def party(e: Entity, modifier: Entity | None = None) -> dict:
    start = modifier.start if modifier else e.start
    text = f"{modifier.text} {e.text}" if modifier else e.text
    return {"text": text, "norm": base(e), "label": e.label, "entity_group": e.group, "start": start, "end": e.end}


def parties(text: str, ents: list[Entity], skip: set[int]) -> list[dict]:
    """Entities of a clause that can be parties, each with its genitive modifier folded in."""
    out, modifier, last_end = [], None, -1
    for e in ents:
        if id(e) in skip or e.label not in PARTY_LABELS:
            modifier = None
            continue
        if text[last_end:e.start].strip() == "(" and out:  # "агенттігі (NIA)": an alias of the party before
            continue
        case = case_of(e)
        follows = modifier is not None and text[modifier.end:e.start].strip(" ()") == ""
        if case == "Gen" and not text[e.end:e.end + 12].lstrip().startswith("арасында"):
            modifier = e
            continue
        if case in ("Nom", "Ins", "Gen") and not _modifies_next(text, e):
            out.append(party(e, modifier if follows else None))
            last_end = e.end
        modifier = None
    seen, unique = set(), []
    for p in out:
        if p["norm"].lower() not in seen:
            seen.add(p["norm"].lower())
            unique.append(p)
    return unique


_POSSESSED = re.compile(r"\s+[a-zа-яәғқңөұүһі-]+(?:сы|сі|ы|і)(?:[а-яәғқңөұүһі]{0,5})\b")


def _modifies_next(text: str, e: Entity) -> bool:
    """"Жапония елшісімен": a bare name before a possessed lower-case noun names whose noun it is."""
    m = _POSSESSED.match(text, e.end)
    return bool(m) and not m.group().strip().startswith(("және", "мен", "бен", "пен", "арасында"))


def place(text: str, ents: list[Entity]) -> tuple[str, Entity] | None:
    """The place: a locative GPE/location, or one followed by "қаласында" and the like; the most specific wins."""
    found = None
    for e in ents:
        if e.label not in PLACE_LABELS:
            continue
        after = text[e.end:e.end + 20].split()
        if case_of(e) == "Loc" or (after and after[0].lower() in PLACE_NOUNS):
            found = e
    if found is None:
        return None
    name = base(found)
    for noun in ("қаласы", "қаласында", "облысы", "ауданы"):
        name = re.sub(rf"\s+{noun}$", "", name)
    if case_of(found) == "Loc" and name == found.text:
        name = _strip_locative(name)
    return name, found


def _strip_locative(word: str) -> str:
    for x in ("нда", "нде", "да", "де", "та", "те"):
        if word.lower().endswith(x) and len(word) - len(x) >= 3:
            return word[: -len(x)]
    return word


_DATE_YMD = re.compile(r"(\d{4})\s*ж(?:ылы|ылғы|\.)?\s+(\d{1,2})\s+([^\W\d_]+)")
_DATE_DMY = re.compile(r"(\d{1,2})\s+([^\W\d_]+)\s+(\d{4})")


def date(text: str, ents: list[Entity], start: int, end: int) -> str | None:
    """ISO date of the clause: the DATE entity's value when the NER resolved it, else "2019 жылғы 21 қарашада"."""
    for e in ents:
        if e.label == "DATE" and e.value:
            v = e.value
            if isinstance(v, dict):
                v = v.get("date") or v.get("iso") or v.get("value") or v.get("start")
            if isinstance(v, str) and re.match(r"\d{4}(-\d\d){0,2}$", v):
                return v
    chunk = text[start:end]
    for m in _DATE_YMD.finditer(chunk):
        month = _month(m.group(3))
        if month:
            return f"{int(m.group(1)):04d}-{month:02d}-{int(m.group(2)):02d}"
    for m in _DATE_DMY.finditer(chunk):
        month = _month(m.group(2))
        if month:
            return f"{int(m.group(3)):04d}-{month:02d}-{int(m.group(1)):02d}"
    return None


def _month(word: str) -> int | None:
    low = word.lower()
    for stem, n in MONTHS.items():
        if low.startswith(stem) and low[len(stem):] in NOMINAL_ENDINGS | {"ында", "інде", "сында"}:
            return n
    return None


def sentence_spans(article) -> list[tuple[int, int]]:
    """The article's sentences, or clause-level spans of its text when no segmenter ran."""
    if article.sentences:
        return [(s.start, s.end) for s in article.sentences]
    out, pos, text = [], 0, article.text
    while pos < len(text):
        end = clause_end(text, pos)
        if text[pos:end].strip():
            out.append((pos, min(len(text), end + 1)))
        pos = end + 1
    return out


def numeric_sentences(index, labels: tuple[str, ...]) -> list[int]:
    """Indexes of the sentences that hold a digit or start an entity of `labels` (MONEY, PERCENTAGE): the only ones
    the amount and statistic patterns can match in. Most sentences hold neither, so they are skipped in one pass."""
    key = ("numeric", labels)
    if key not in index.memo:
        points = sorted(index._digits + [e.start for e in index.entities if e.label in labels])
        out = []
        if points:
            for k, (start, end) in enumerate(sentence_spans(index.article)):
                i = bisect_left(points, start)
                if i < len(points) and points[i] < end:
                    out.append(k)
        index.memo[key] = out
    return index.memo[key]


def quoted(index) -> list:
    """The article's top-level quoted spans, found once per article; a quote with its attribution inside
    («…, – деді X. – …») comes as its parts."""
    if "quoted" not in index.memo:
        index.memo["quoted"] = split_spans(index, quoted_spans(index.article.text))
    return index.memo["quoted"]


def boilerplate(index) -> list[tuple[int, int]]:
    """Sentences that are site furniture ("Telegram арнамызға жазылыңыз"), found once per article. Each cue is
    looked up with str.find over the whole text: a regex alternation of the cues costs ~150 ns a character."""
    if "boilerplate" not in index.memo:
        spans = sentence_spans(index.article)
        starts = [s for s, _ in spans]
        hits: set[int] = set()
        for cue in BOILERPLATE:
            pos = index.lower.find(cue)
            while pos >= 0:
                hits.add(bisect_right(starts, pos) - 1)
                pos = index.lower.find(cue, pos + 1)
        index.memo["boilerplate"] = [spans[i] for i in sorted(hits) if i >= 0]
    return index.memo["boilerplate"]
