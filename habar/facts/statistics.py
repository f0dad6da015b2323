"""Statistics: a subject with a percentage or a measured quantity, and its unit.

"қазақстандықтардың 99%-ы интернетпен қамтамасыз етілген" -> subject "қазақстандықтардың", value 99, unit "%";
"20 мың шақырымдық талшықты-оптикалық байланыс желісін" -> the number is an attribute (-дық), so the subject is
the noun phrase after it. Otherwise the subject is the phrase before the number, back to the clause start.
"""

from __future__ import annotations

import re

from habar.document import Fact
from habar.facts import slots
from habar.facts.lexicon import STOP_WORDS
from habar.facts.words import LOCATIVE, WordIndex, looks_verbal
from habar.values.lexicon import SCALE_WORDS, UNITS

STAT_LABELS = ("PERCENTAGE", "QUANTITY")
_NUM = r"\d+(?:[ ,.]\d+)*"
_PERCENT = re.compile(rf"({_NUM})\s*(?:%|пайыз|процент)")
_QUANTITY = re.compile(rf"({_NUM})\s*({'|'.join(sorted(SCALE_WORDS, key=len, reverse=True))})?\s+"
                       rf"({'|'.join(sorted((u for u in UNITS if len(u) > 2), key=len, reverse=True))})([^\W\d_]*)")
_ATTRIBUTIVE = ("дық", "дік", "тық", "тік", "лық", "лік")
_BREAKS = re.compile(r"[,;:–—().!?]")
MAX_SUBJECT_WORDS = 6


_SUFFIX = re.compile(r"-[^\W\d_]{1,4}\b")  # "99%-ы", "3%-ға": the case ending belongs to the number


def _with_suffix(text: str, end: int) -> int:
    m = _SUFFIX.match(text, end)
    return m.end() if m else end


def _number(text: str) -> float:
    return float(re.sub(r"[ ]", "", text).replace(",", "."))


def _spans(index: WordIndex, start: int, end: int) -> list[dict]:
    art = index.article
    ents = index.entities_between(start, end, STAT_LABELS)
    if ents:
        return [{"start": e.start, "end": _with_suffix(art.text, e.end), "text": e.text, "value": _entity_value(e),
                 "unit": _entity_unit(e), "attributive": e.text.lower().endswith(_ATTRIBUTIVE)} for e in ents]
    out = []
    if not index.has_digit(start, end):
        return out
    for m in index.numbers(_PERCENT, start, end):
        out.append({"start": m.start(), "end": _with_suffix(art.text, m.end()), "text": m.group(),
                    "value": _number(m.group(1)),
                    "unit": "%", "attributive": False})
    for m in index.numbers(_QUANTITY, start, end):
        value = _number(m.group(1)) * SCALE_WORDS.get(m.group(2) or "", 1.0)
        out.append({"start": m.start(), "end": m.end(), "text": m.group(), "value": value, "unit": UNITS[m.group(3)],
                    "attributive": m.group(4).lower().endswith(_ATTRIBUTIVE)})
    return out


def _entity_value(e) -> float | None:
    v = e.value
    if isinstance(v, dict):
        v = v.get("value", v.get("amount"))
    if isinstance(v, (int, float)):
        return v
    m = re.search(_NUM, e.text)
    return _number(m.group()) if m else None


def _entity_unit(e) -> str | None:
    if isinstance(e.value, dict) and e.value.get("unit"):
        return e.value["unit"]
    return "%" if e.label == "PERCENTAGE" else None


def find_statistics(index: WordIndex, quotes: list[Fact]) -> list[Fact]:
    art = index.article
    facts = []
    sentences = slots.sentence_spans(art)
    for k in slots.numeric_sentences(index, STAT_LABELS):
        start, end = sentences[k]
        for s in _spans(index, start, end):
            if s["value"] is None:
                continue
            subject = _subject(index, start, end, s)
            if subject is None:
                continue
            args = {"subject": subject["text"], "subject_span": [subject["start"], subject["end"]],
                    "value": s["value"], "unit": s["unit"], "number_span": [s["start"], s["end"]],
                    "predicate": "" if s["attributive"] else _predicate(index, s, end)}
            facts.append(Fact("statistic", min(s["start"], subject["start"]), max(s["end"], subject["end"]), args))
    return facts


def _subject(index: WordIndex, start: int, end: int, s: dict) -> dict | None:
    """The phrase before the number ("тұрғындардың 95%-ы"); after it when the number is an attribute
    ("30 мың шақырымдық электр желісі") or nothing but adverbs precede it ("Биыл 150 шақырым жол")."""
    text = index.article.text
    left = start
    for m in _BREAKS.finditer(text, start, s["start"]):
        left = m.end()
    ws = [] if s["attributive"] else index.between(left, s["start"])[-MAX_SUBJECT_WORDS:]
    cut = max((i + 1 for i, w in enumerate(ws) if _stops(w.lower)), default=0)
    ws = ws[cut:]
    while ws and _adjunct(ws[0]):
        ws = ws[1:]
    ws = [w for w in ws if not w.text[:1].isdigit()]
    if not ws:
        ws = _right_phrase(index, s["end"], end)
    if not ws:
        return None
    return {"text": text[ws[0].start:ws[-1].end], "start": ws[0].start, "end": ws[-1].end}


def _right_phrase(index: WordIndex, start: int, end: int) -> list:
    """The noun phrase after a number and its unit, up to the verb or the first case-marked word."""
    out = []
    for w in index.between(start, end)[:MAX_SUBJECT_WORDS]:
        if w.start <= start + 1 and not out and (w.lower in UNITS or w.lower.endswith(_ATTRIBUTIVE)):
            continue  # the unit itself
        if looks_verbal(w, w.upos, clause_final=True) or w.lower in STOP_WORDS:
            break
        out.append(w)
        if _is_head(w.lower):
            break
    return out


def _adjunct(w) -> bool:
    """A leading "where" or "when" word is not part of the subject ("Елде", "Облыста", "2020 жылы")."""
    return w.lower.endswith(LOCATIVE) and len(w.lower) > 3 or w.lower in ("жылы", "жылғы")


def _stops(lower: str) -> bool:
    """Words a subject does not reach over: function words and "according to" adverbs ("айтуынша")."""
    return lower in STOP_WORDS or lower.endswith(("ынша", "інше", "сынша", "сінше"))


def _predicate(index: WordIndex, s: dict, end: int) -> str:
    text = index.article.text
    stop = _BREAKS.search(text, s["end"], end)
    ws = index.between(s["end"], stop.start() if stop else end)[:MAX_SUBJECT_WORDS]
    ws = [w for w in ws if w.start > s["end"] or not w.text[:1].isdigit()]
    return text[ws[0].start:ws[-1].end] if ws else ""


def _is_head(lower: str) -> bool:
    """A noun with a case ending closes the phrase ("желісін"): the attribute's head."""
    return lower.endswith(("ын", "ін", "ны", "ні", "ға", "ге", "да", "де", "ның", "нің", "ды", "ді", "ты", "ті"))
