"""Direct speech and its speaker, in the layouts of Kazakh news.

  «...», – деді X.              «...», – деп атап өтті X.        «...» деп X мәлімдеді.
  X: «...»                      X «...» деп мәлімдеді.           «...». Бұл туралы X айтты.
  «..., – деді X. – ...»        «...», – деді X. – «...»   (two quotes, one speaker: habar.facts.midspeech)

A quoted span is speech only when one of these layouts frames it; a title («Зерде» холдингі, «Абай жолы» романы)
or a name given with "деп аталатын" has no such frame and is left alone.
"""

from __future__ import annotations

import re

from habar.document import Fact
from habar.facts.lexicon import ACCORDING_TO, ATTRIBUTION_OPENERS, COMPLEMENTIZERS, NAMING_STEMS, SPEECH_VERBS
from habar.facts import slots
from habar.facts.marks import Quoted, clause_end, clause_start
from habar.facts.speakers import describe, find_speaker, nearest_person
from habar.facts.matcher import find_entry, is_say, match_entry
from habar.facts.words import WordIndex

_LEAD = re.compile(r"[\s,;.!?]*[–—-]*\s*")  # what may sit between the closing mark and "деді"
_FOLLOW_DEGEN = frozenset({"еді", "болатын", "екен", "ол", "ед"})


def find_quotes(index: WordIndex) -> list[Fact]:
    text = index.article.text
    quoted = slots.quoted(index)
    facts = []
    for q in quoted:
        if not text[q.open + 1:q.close].strip():
            continue
        found = (_continued(text, facts, q) or _after(index, quoted, q) or _before(index, quoted, q)
                 or _according(index, quoted, q) or _next_sentence(index, quoted, q))
        if found is None:
            continue
        layout, start, end, who = found
        args = {"quote": [q.open + 1, q.close], "layout": layout, **who}
        facts.append(Fact("quote", min(start, q.open), max(end, q.close + 1), args))
    return facts


_SPEAKER_ARGS = ("speaker", "role", "role_norm", "resolved_from")


def _continued(text: str, facts: list[Fact], q: Quoted):
    """The speech goes on after its attribution: a later part of «…, – деді X. – …», or a new quote right after
    «…», – деді X. – «…». Either way the speaker is the one just found."""
    if not facts:
        return None
    last = facts[-1]
    if q.part > 1 and last.end <= q.open + 1:
        return "mid", q.open + 1, q.close, {k: last.args[k] for k in _SPEAKER_ARGS if k in last.args}
    if last.args["layout"] in ("after", "mid") and _GO_ON.fullmatch(text, last.end, q.open):
        return "continued", q.open, q.close + 1, {k: last.args[k] for k in _SPEAKER_ARGS if k in last.args}
    return None


_GO_ON = re.compile(r"[.,]\s*[–—]\s*")


def _after(index: WordIndex, quoted: list[Quoted], q: Quoted):
    """«...», – деді X. / «...» деп X мәлімдеді. / X «...» деп мәлімдеді."""
    text = index.article.text
    lead = _LEAD.match(text, q.close + 1).end()
    if "." in text[q.close + 1:lead] or "\n" in text[q.close + 1:lead]:
        return None  # the sentence ended at the quote: not this layout
    end = clause_end(text, lead)
    end = min([end] + [o.open for o in quoted if lead <= o.open < end and o.part > 1])  # «…, – деді X, – …»
    ws = index.between(lead, end)
    if not ws or ws[0].start != lead or not (is_say(ws[0]) or ws[0].lower in COMPLEMENTIZERS):
        return None
    say, rest = ws[0], ws[1:]
    if say.lower in COMPLEMENTIZERS and find_entry(rest, SPEECH_VERBS) is None:
        return None  # «...» екенін білдік: a that-clause without a speech verb
    if say.lower in ("деп", "деген", "дейтін", "депті") and rest and any(
            rest[0].lower.startswith(s) for s in NAMING_STEMS) and not match_entry(rest, 0, "атап өт"):
        return None  # «Жасыл ел» деп аталатын бағдарлама: a name, not speech
    if say.lower == "деп" and find_entry(rest, SPEECH_VERBS) is None:
        return None  # «...» деп + a verb that does not report speech ("деп жазылған" is spelling)
    if say.lower in ("деген", "дейтін") and rest and rest[0].lower not in _FOLLOW_DEGEN and not _capital(rest[0]):
        return None  # «Мәңгілік ел» деген идея: "деген" + a noun names a thing
    who = find_speaker(index, quoted, say.end, end, q.open, prefer_last=False)
    if who is None:
        head = clause_start(text, q.open)
        who = find_speaker(index, quoted, head, q.open, q.open, prefer_last=True)
    if who is None and say.lower in ("деді", "дейді"):
        person = nearest_person(index, quoted, q.open)  # «...», – деді. : the person the text was about
        who = person and describe(index, quoted, person, "context", (say.start, say.end))
    if who is None:
        return None
    return "after", q.open, end, who


def _before(index: WordIndex, quoted: list[Quoted], q: Quoted):
    """X: «...»  (the colon introduces the speech)."""
    text = index.article.text
    head_end = q.open
    while head_end > 0 and text[head_end - 1] in " \t":
        head_end -= 1
    if head_end == 0 or text[head_end - 1] != ":":
        return None
    start = clause_start(text, head_end - 1)
    who = find_speaker(index, quoted, start, head_end - 1, q.open, prefer_last=True)
    if who is None:
        return None
    return "colon", start, q.close + 1, who


def _according(index: WordIndex, quoted: list[Quoted], q: Quoted):
    """X-тың айтуынша, «...»."""
    text = index.article.text
    start = clause_start(text, q.open)
    ws = index.between(start, q.open)
    at = next((i for i in range(len(ws) - 1, -1, -1) if ws[i].lower in ACCORDING_TO), None)
    if at is None:
        return None
    who = find_speaker(index, quoted, start, ws[at].start, q.open, prefer_last=True)
    if who is None:
        return None
    return "according", start, q.close + 1, who


def _next_sentence(index: WordIndex, quoted: list[Quoted], q: Quoted):
    """«...». Бұл туралы X айтты."""
    text = index.article.text
    after = q.close + 1
    if after < len(text) and text[after] in ".!?…":
        after += 1
    elif text[q.close - 1:q.close] not in (".", "!", "?", "…"):
        return None
    if clause_start(text, q.open) < q.open and text[clause_start(text, q.open):q.open].strip(" \t–—-"):
        return None  # the quote sits inside a sentence: it is a title or a term, not a freestanding speech
    start = len(text) - len(text[after:].lstrip())
    end = clause_end(text, start)
    ws = index.between(start, end)
    if not any(tuple(w.lower for w in ws[:len(o)]) == o for o in ATTRIBUTION_OPENERS):
        return None
    if find_entry(ws, SPEECH_VERBS) is None and not any(is_say(w) for w in ws):
        return None
    who = find_speaker(index, quoted, start, end, q.open, prefer_last=False)
    if who is None:
        return None
    return "next_sentence", q.open, end, who


def _capital(word) -> bool:
    return word.text[:1].isupper()
