"""A quote broken by its own attribution: «Бірінші бөлік, – деді Тоқаев. – Екінші бөлік».

Kazakh (like Russian) puts the author's words inside one pair of quotation marks, fenced by dashes, when they
interrupt the speech. The quoted span is then cut into parts, so the attribution is no longer "inside a quote":
the first part ends before the comma (a "!", "?" or "…" stays with it, as in «…?» – деп сұрады), the attribution
reads like the «…», – деді X layout, and every later part belongs to the same speaker (`Quoted.part` 2, 3, ...).
The same holds when the author's words close the span: «Бірінші бөлік, – деді ол.»

A dash inside speech is often a copula («Біз – бір халықпыз») or a list; only a dash followed by a form of "де-"
(or a complementizer plus a speech verb) within the same quoted span, and ended by ". –" / ", –" or by the closing
mark, counts as an attribution.
"""

from __future__ import annotations

import re

from habar.facts.lexicon import COMPLEMENTIZERS, SPEECH_VERBS
from habar.facts.marks import Quoted
from habar.facts.matcher import find_entry, is_say
from habar.facts.words import WordIndex

# where the speech stops and the author's words begin: an optional , ! ? … then a dash with spaces around it
_BREAK = re.compile(r"(?P<p>[,!?…])?\s*(?:[–—]|(?<=\s)-(?=\s))\s*")
_DASHES = ("–", "—", "-")
# where the author's words stop and the speech resumes: ". –" or ", –"
_RESUME = re.compile(r"[.,]\s*(?:[–—]|(?<=\s)-(?=\s))\s*")
MAX_ATTRIBUTION_WORDS = 10  # "деп атап өтті Ауыл шаруашылығы министрі Ерболат Қарашөкеев" is 7


def split_spans(index: WordIndex, spans: list[Quoted]) -> list[Quoted]:
    """`spans` with every quote that holds an attribution cut into its parts."""
    out: list[Quoted] = []
    for q in spans:
        out.extend(_parts(index, q))
    return out


def _parts(index: WordIndex, q: Quoted) -> list[Quoted]:
    text = index.article.text
    parts: list[Quoted] = []
    open_, pos = q.open, q.open + 1
    while True:
        cut = _attribution(index, pos, q.close)
        if cut is None:
            break
        speech_end, resume = cut
        if text[open_ + 1:speech_end].strip():
            parts.append(Quoted(open_, speech_end, len(parts) + 1))
        if resume is None:  # the author's words run to the closing mark
            return parts or [q]
        open_, pos = resume - 1, resume
    if not parts:
        return [q]
    parts.append(Quoted(open_, q.close, len(parts) + 1))
    return parts


def _attribution(index: WordIndex, pos: int, close: int) -> tuple[int, int | None] | None:
    """(end of the speech before the attribution, start of the speech after it or None) for the first attribution
    in text[pos:close]."""
    text = index.article.text
    if all(text.find(dash, pos, close) < 0 for dash in _DASHES):
        return None  # every break holds a dash: most quotes have none, and str.find is far cheaper than the regex
    for m in _BREAK.finditer(text, pos, close):
        if m.start() == pos or m.end() >= close:
            continue
        ws = index.between(m.end(), close, MAX_ATTRIBUTION_WORDS)  # _says reads no further
        if not ws or ws[0].start != m.end() or not _says(ws):
            continue
        resume = _RESUME.search(text, m.end(), close)
        stop = resume.start() if resume else close
        if (resume is None and "." in text[m.end():close].rstrip(" .")) or "\n" in text[m.end():stop]:
            continue  # the words after the dash go on as sentences: speech, not the author's words
        if len(index.between(m.end(), stop, MAX_ATTRIBUTION_WORDS + 1)) > MAX_ATTRIBUTION_WORDS:
            continue
        p = m.group("p")
        speech_end = m.start("p") + (p != ",") if p else m.start()
        return speech_end, resume.end() if resume else None
    return None


def _says(ws: list) -> bool:
    """The words open an attribution: "деді X", "деп атап өтті X", "екенін айтты X"."""
    first, rest = ws[0], ws[1:MAX_ATTRIBUTION_WORDS]
    if first.lower in COMPLEMENTIZERS:
        return find_entry(rest, SPEECH_VERBS) is not None
    if not is_say(first):
        return False
    return first.lower not in ("деп", "деген") or find_entry(rest, SPEECH_VERBS) is not None
