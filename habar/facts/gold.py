"""The quote gold set: hand-written passages with their entities, quotes and speakers, and how we score them.

A case is one JSON line: {"id", "layout", "text", "entities": [[surface, label, norm?], ...],
"quotes": [{"quote": inner text, "speaker": name, "resolved_from"?}]}. Entities are given by surface form and
tagged at every occurrence; mentions with one norm share a group, as habar.ner groups them.

A speech broken by its attribution («Бірінші бөлік, – деді X. – Екінші бөлік») is two gold quotes with one speaker,
as the extractor gives it. A predicted quote is *found* when its inner span equals a gold quote's, and *attributed* when its speaker's
norm (or text) also equals the gold speaker. Precision and recall are counted on attributed quotes.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from habar.document import Article, Entity, Fact
from habar.facts.quotes import find_quotes
from habar.facts.words import WordIndex


@dataclass
class Score:
    gold: int = 0
    predicted: int = 0
    found: int = 0
    attributed: int = 0
    errors: list[str] = field(default_factory=list)

    def figures(self) -> dict[str, float]:
        p = self.attributed / self.predicted if self.predicted else 1.0
        r = self.attributed / self.gold if self.gold else 1.0
        span_p = self.found / self.predicted if self.predicted else 1.0
        span_r = self.found / self.gold if self.gold else 1.0
        return {"attribution_precision": round(p, 4), "attribution_recall": round(r, 4),
                "span_precision": round(span_p, 4), "span_recall": round(span_r, 4)}


def load(path: Path) -> list[dict]:
    cases = []
    for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            cases.append(json.loads(line))
        except json.JSONDecodeError as exc:
            raise ValueError(f"{path}:{lineno}: not JSON ({exc}); fix the line or remove it") from exc
    return cases


def article_from_case(case: dict) -> Article:
    """An Article with the case's text and its entities at every occurrence of each surface form."""
    text = case["text"]
    groups: dict[str, int] = {}
    entities = []
    for item in case["entities"]:
        surface, label = item[0], item[1]
        norm = item[2] if len(item) > 2 else surface
        if surface not in text:
            raise ValueError(f"case {case['id']}: entity {surface!r} is not in the text; correct the entity list")
        group = groups.setdefault(norm.lower(), len(groups))
        pos = text.find(surface)
        while pos >= 0:
            entities.append(Entity(surface, label, pos, pos + len(surface), norm, None, group))
            pos = text.find(surface, pos + 1)
    entities.sort(key=lambda e: (e.start, -e.end))
    return Article(id=case["id"], raw=text, text=text, entities=entities)


def _speaker_names(fact: Fact) -> set[str]:
    speaker = fact.args.get("speaker") or {}
    return {(speaker.get(k) or "").lower() for k in ("norm", "text")} - {""}


def extract_facts(article: Article) -> list[Fact]:
    return find_quotes(WordIndex(article))


_MARKS = str.maketrans({c: '"' for c in "«»“”„"} | {c: "-" for c in "–—"})


def _same(text: str) -> str:
    """A quote's text up to quote-mark and dash style, which normalisation may change."""
    return " ".join(text.translate(_MARKS).split())


def with_facts(article: Article) -> Article:
    """The given-entities mode: the rules alone, on the case's own text and entities."""
    article.facts = extract_facts(article)
    return article


def score(cases: list[dict], analyse: Callable[[Article], Article | None]) -> Score:
    """Score `analyse` (an article in, the article with facts out) against the gold quotes."""
    total = Score()
    for case in cases:
        done = analyse(article_from_case(case))
        predicted = [f for f in done.facts if f.kind == "quote"] if done is not None else []
        gold = {}
        for q in case["quotes"]:
            if q["quote"] not in case["text"]:
                raise ValueError(f"case {case['id']}: quote {q['quote']!r} is not in the text; copy it exactly")
            gold[_same(q["quote"])] = q["speaker"].lower()
        total.gold += len(gold)
        total.predicted += len(predicted)
        found = set()
        for f in predicted:
            quote = _same(done.text[f.args["quote"][0]:f.args["quote"][1]])
            if quote not in gold:
                total.errors.append(f"{case['id']}: extra quote {quote!r}")
                continue
            total.found += 1
            found.add(quote)
            if gold[quote] in _speaker_names(f):
                total.attributed += 1
            else:
                total.errors.append(f"{case['id']}: speaker {sorted(_speaker_names(f))}, gold {gold[quote]!r}")
        total.errors += [f"{case['id']}: missed {q!r}" for q in sorted(set(gold) - found)]
    return total
