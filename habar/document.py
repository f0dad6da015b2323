"""The one document model: an article with annotations that hold character offsets into `text`.

`raw` is exactly what was received. `text` is derived from it by recorded `Change`s (see habar.text.offsets),
so `raw` plus `changes` always explains `text`, and any offset into `text` maps back into `raw`.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field, fields
from typing import Any


@dataclass(slots=True)
class Change:
    """`raw[raw_start:raw_end]` became `new` in `text`, for `reason` (a short machine-readable tag)."""

    raw_start: int
    raw_end: int
    new: str
    reason: str


@dataclass(slots=True)
class Sentence:
    start: int
    end: int


@dataclass(slots=True)
class Token:
    text: str
    start: int
    end: int
    kind: str = "word"  # word, number, punct, url, email, domain, hashtag, symbol
    lemma: str = ""
    upos: str = ""
    feats: str = ""


@dataclass(slots=True)
class Entity:
    text: str
    label: str
    start: int
    end: int
    norm: str = ""  # base form ("Оңтүстік Кореяның" -> "Оңтүстік Корея")
    value: Any = None  # machine-readable value for DATE, MONEY, PERCENTAGE, QUANTITY, CARDINAL, ORDINAL
    group: int = -1  # mentions of one entity in an article share a group id


@dataclass(slots=True)
class Fact:
    kind: str  # quote, agreement, investment, statistic
    start: int
    end: int
    args: dict = field(default_factory=dict)


_LISTS = {"sentences": Sentence, "tokens": Token, "entities": Entity, "facts": Fact, "changes": Change}


@dataclass(slots=True)
class Article:
    id: str
    raw: str
    text: str = ""
    title: str = ""
    source: str = ""
    url: str = ""
    published: str = ""  # ISO 8601 date or datetime, "" when unknown
    lang: str = ""
    sentences: list[Sentence] = field(default_factory=list)
    tokens: list[Token] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)
    changes: list[Change] = field(default_factory=list)
    meta: dict = field(default_factory=dict)  # author, quality verdict, cleaning record, reader info

    def to_dict(self) -> dict:
        return asdict(self)

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False)

    @classmethod
    def from_dict(cls, data: dict) -> "Article":
        known = {f.name for f in fields(cls)}
        unknown = set(data) - known
        if unknown:
            raise ValueError(f"unknown Article fields {sorted(unknown)}; expected some of {sorted(known)}")
        kwargs = dict(data)
        for name, item_cls in _LISTS.items():
            if name in kwargs:
                kwargs[name] = [item_cls(**item) for item in kwargs[name]]
        return cls(**kwargs)

    @classmethod
    def from_json(cls, line: str) -> "Article":
        return cls.from_dict(json.loads(line))

    def span(self, start: int, end: int) -> str:
        return self.text[start:end]

    def sentence_tokens(self, sentence: Sentence) -> list[Token]:
        return [t for t in self.tokens if t.start >= sentence.start and t.end <= sentence.end]
