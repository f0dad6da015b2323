"""Investments and budgets: an amount of money with what it is for, over which period, and from or to whom.

The amount is a MONEY entity (its `value` is the NER's normalised amount) or, when no NER ran, a number with a scale
and a currency found here. The sentence must speak of investing or spending (инвестиция, қаржы бөлінді, тарту).
The purpose is a dative or "үшін" phrase; "осы бағытқа" ("to this direction") points back to the previous
sentence, whose subject then is the purpose ("Қазақстанда жасанды интеллект бойынша ұлттық кластер құрылады").
"""

from __future__ import annotations

import re

from habar.document import Fact
from habar.facts import slots
from habar.facts.lexicon import STOP_WORDS, VERB_ENDINGS, ANAPHORIC_PURPOSE, INVESTMENT_WORDS, NOMINAL_ENDINGS, PERIOD_TAILS, PERIOD_UNITS
from habar.facts.matcher import find_entry
from habar.facts.words import LOCATIVE, WordIndex
from habar.values.lexicon import CURRENCIES, NUMBER_WORDS, SCALE_WORDS

_NUM = r"\d+(?:[.,]\d+)?"
_MONEY = re.compile(rf"({_NUM})\s*({'|'.join(sorted(SCALE_WORDS, key=len, reverse=True))})?\.?\s*"
                    rf"({'|'.join(re.escape(c) for c in sorted(CURRENCIES, key=len, reverse=True))})[^\W\d_]*")
_PERIOD = re.compile(rf"(?:алдағы\s+|келесі\s+)?(\d+|{'|'.join(NUMBER_WORDS)})\s+({'|'.join(PERIOD_UNITS)})"
                     rf"[^\W\d_]*(?:\s+({'|'.join(PERIOD_TAILS)}))?", re.IGNORECASE)
# "-на/-не" is a dative only after a possessive ("бағытына"); a bare "-на" ends words like "аурухана".
_DATIVE = ("ға", "ге", "қа", "ке", "ына", "іне")
_INVEST_ENDINGS = NOMINAL_ENDINGS | VERB_ENDINGS | {"у", "уды", "уді", "уға", "уге"}


def money_spans(index: WordIndex, start: int, end: int) -> list[dict]:
    """Amounts in a sentence: MONEY entities first; the local pattern only where the NER gave none."""
    art = index.article
    out = [{"text": e.text, "value": e.value if e.value is not None else _parse(e.text), "start": e.start,
            "end": e.end} for e in index.entities_between(start, end, ("MONEY",))]
    if out or not index.has_digit(start, end):
        return out
    for m in index.numbers(_MONEY, start, end):
        out.append({"text": m.group(), "value": _value(m), "start": m.start(), "end": m.end()})
    return out


def _value(m: re.Match) -> dict:
    number = float(m.group(1).replace(",", "."))
    return {"amount": number * SCALE_WORDS.get(m.group(2) or "", 1.0), "currency": CURRENCIES[m.group(3)]}


def _parse(text: str) -> dict | None:
    """The amount of a MONEY entity the NER left without a value ("1 млрд доллардан")."""
    m = _MONEY.search(text)
    return _value(m) if m else None


def find_investments(index: WordIndex, quotes: list[Fact]) -> list[Fact]:
    art = index.article
    facts: list[Fact] = []
    sentences = slots.sentence_spans(art)
    for k in slots.numeric_sentences(index, ("MONEY",)):
        start, end = sentences[k]
        amounts = money_spans(index, start, end)
        if not amounts:
            continue
        ws = index.between(start, end)
        if find_entry(ws, INVESTMENT_WORDS, _INVEST_ENDINGS) is None:
            continue
        purpose = _purpose(index, ws, amounts[0]["start"], sentences[:k])
        period = _PERIOD.search(art.text, start, end)
        ents = index.entities_between(start, end)
        parties = slots.parties(art.text, ents, set())
        args = {"amount": amounts[0], "amounts": amounts, "purpose": purpose,
                "period": period.group().strip() if period else None, "parties": parties,
                "in_quote": any(q.args["quote"][0] <= start < q.args["quote"][1] for q in quotes)}
        facts.append(Fact("investment", start, end, args))
    return facts


def _purpose(index: WordIndex, ws, money_at: int, before: list[tuple[int, int]]) -> dict | None:
    """The dative or "үшін" phrase of the sentence; an anaphoric one is replaced by the previous sentence's topic."""
    text = index.article.text
    for i, w in enumerate(ws):
        if w.start >= money_at and w.lower != "үшін":
            continue
        two = f"{ws[i - 1].lower} {w.lower[:-2]}" if i else ""
        if i and w.lower.endswith(_DATIVE) and two in ANAPHORIC_PURPOSE:
            return _previous_topic(index, before)
        if w.lower in ANAPHORIC_PURPOSE:
            return _previous_topic(index, before)
        if w.lower == "үшін" and i:
            j = _phrase_start(ws, i)
            return {"text": text[ws[j].start:ws[i - 1].end], "start": ws[j].start, "end": ws[i - 1].end}
        if w.lower.endswith(_DATIVE) and w.start < money_at and len(w.lower) > 4 and not w.text[:1].isdigit():
            j = _phrase_start(ws, i + 1)
            return {"text": text[ws[j].start:w.end], "start": ws[j].start, "end": w.end}
    return None


def _phrase_start(ws, i: int, most: int = 4) -> int:
    """Start of the noun phrase that ends before word i: up to `most` words, stopping after a comma-like break."""
    j = i - 1
    while j > 0 and i - j < most and not _ends_phrase(ws[j - 1]):
        j -= 1
    return j


def _ends_phrase(w) -> bool:
    """A word the purpose phrase does not reach over: a dative (another argument), a number, a function word."""
    return (w.lower.endswith(_DATIVE) or w.text[:1].isdigit() or w.lower in STOP_WORDS
            or (w.lower.endswith(LOCATIVE) and len(w.lower) > 3))


def _previous_topic(index: WordIndex, before: list[tuple[int, int]]) -> dict | None:
    """The previous sentence without its final verb and its leading place: "жасанды интеллект ... кластер"."""
    if not before:
        return None
    start, end = before[-1]
    ws = index.between(start, end)
    if len(ws) < 2:
        return None
    ws = ws[:-1]  # Kazakh is verb-final: the last word is the predicate ("құрылады")
    while len(ws) > 1 and (slots._strip_locative(ws[0].text) != ws[0].text and ws[0].text[:1].isupper()):
        ws = ws[1:]  # "Қазақстанда ..." is where, not what
    text = index.article.text
    return {"text": text[ws[0].start:ws[-1].end], "start": ws[0].start, "end": ws[-1].end, "resolved_from": "previous"}
