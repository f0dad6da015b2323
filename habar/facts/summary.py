"""Extractive summary: the 2-3 sentences that best cover the article, without boilerplate or direct speech.

Sentences are scored by position (news puts the point first), by the keyphrases and entities they hold, by
numbers and extracted facts, and ranked down when they lean on the sentence before ("Бұдан кейін ..."); a sentence is never chosen when it is mostly quoted speech, site furniture ("Telegram арнамызға
жазылыңыз"), a headline without a full stop, a repeat of an earlier sentence or of the title, or very short.
A trailing source credit (", деп хабарлайды Zakon.kz.") is cut from the chosen span.
"""

from __future__ import annotations

import re

from habar.document import Article, Fact
from habar.facts import slots
from habar.facts.lexicon import DANGLING_OPENERS, DANGLING_WORDS
from habar.facts.words import WordIndex

MIN_WORDS, MAX_WORDS = 6, 60
_CREDIT = re.compile(r",?\s*[–—-]?\s*деп\s+(?:хабарлайды|жазады|мәлімдейді)\s+[^\n]{1,60}$")
_WORD = re.compile(r"\w+")


def _norm(text: str) -> str:
    return " ".join(_WORD.findall(text.lower()))


def summarise(article: Article, facts: list[Fact], phrases: list[dict], size: int = 3,
              index: WordIndex | None = None) -> dict:
    """{"sentences": [[start, end], ...], "text": ...}: 3 sentences, or 2 when the article has few good ones."""
    anchors = [f.start for f in facts if f.kind in ("agreement", "meeting", "investment", "statistic")]
    index = index or WordIndex(article)
    text = article.text
    quoted = [(q.open, q.close) for q in slots.quoted(index)]
    keys = [p["text"].lower() for p in phrases]
    seen = {_norm(article.title)} if article.title else set()
    candidates = []
    spans = slots.sentence_spans(article)
    furniture = set(slots.boilerplate(index))
    # the article's lower-cased text lines up with the text (no letter changes its length or, like Greek sigma,
    # its form by context): a sentence's words are then read from it in place, with no copy to lower-case
    lower = index.lower if len(index.lower) == len(text) and "Σ" not in text else None
    for i, (start, end) in enumerate(spans):
        if spans[i] in furniture:
            continue
        start, end = _trim(text, start, end)
        norm = " ".join(_WORD.findall(lower, start, end)) if lower is not None else _norm(text[start:end])
        n_words = norm.count(" ") + 1
        if norm in seen or not (MIN_WORDS <= n_words <= MAX_WORDS):
            continue
        seen.add(norm)
        if quoted:
            in_quotes = sum(max(0, min(end, b) - max(start, a)) for a, b in quoted if a < end and b > start)
            if in_quotes > 0.3 * (end - start):
                continue
        if text[end - 1] not in ".!?…" and i + 1 < len(spans):
            continue  # a headline or a caption
        low = index.lower[start:end]
        score = 1.0 / (1.0 + i) ** 0.5
        score += 0.15 * min(3, len([k for k in keys if k in low]))
        score += 0.1 * min(3, len(index.entities_between(start, end)))
        score += 0.1 * index.has_digit(start, end)
        score += 0.25 * (bool(anchors) and any(start <= a < end for a in anchors))  # it carries a fact
        if low.startswith(DANGLING_OPENERS) or any(w in low for w in DANGLING_WORDS):
            score -= 0.5  # it leans on the sentence before it
        candidates.append((score, start, end))
    count = size if len(candidates) >= 2 * size else min(2, len(candidates))
    best = sorted(sorted(candidates, reverse=True)[:count], key=lambda c: c[1])
    best = [(score, s, _cut_credit(text, s, e)) for score, s, e in best]
    return {"sentences": [[s, e] for _, s, e in best], "text": " ".join(text[s:e] for _, s, e in best)}


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    span = text[start:end]
    body = span.lstrip()  # str.strip drops exactly the characters str.isspace accepts
    start += len(span) - len(body)
    return start, start + len(body.rstrip())


def _cut_credit(text: str, start: int, end: int) -> int:
    if text.find("деп", start, end) < 0:
        return end  # every credit says "деп": one str.find spares the regex its scan of the sentence
    m = _CREDIT.search(text, start, end)
    return end if not m or m.start() == start else m.start()
