"""Words of an article with their lemmas, a character-range index over them, and small word tests.

The rules read `Word`s, not raw tokens: when habar.morph has filled `Token.lemma` the lemma is used, and when it
has not (or the article has no tokens yet) the lower-cased form is matched against stems plus known endings
(habar.facts.matcher), so the rules degrade to suffix matching instead of failing.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from habar.document import Article, Entity
from habar.facts.lexicon import CLAUSE_FINAL_ENDINGS, VERBAL_ENDINGS, WORD_CHARS

WORD_RE = re.compile(rf"[{WORD_CHARS}]+(?:[-'’][{WORD_CHARS}]+)*")
_DIGIT = re.compile(r"\d")


@dataclass(slots=True)
class Word:
    text: str
    start: int
    end: int
    lower: str
    lemma: str  # from habar.morph; "" when unknown
    upos: str = ""  # from habar.morph; "" when unknown
    feats: str = ""  # from habar.morph ("Case=Gen|..."); "" when unknown


def words(article: Article, start: int = 0, end: int | None = None) -> list[Word]:
    """The words of `article.text[start:end]`: the tokenizer's words (with lemmas) when the article has tokens,
    else a regex pass over the text."""
    end = len(article.text) if end is None else end
    if article.tokens:
        tokens = article.tokens if start == 0 and end == len(article.text) else [
            t for t in article.tokens if start <= t.start and t.end <= end]
        return [Word(t.text, t.start, t.end, t.text.lower(), t.lemma.lower() if t.lemma else "", t.upos, t.feats)
                for t in tokens if t.kind in _WORD_KINDS and t.text[0].isalnum()]
    return [Word(m.group(), m.start(), m.end(), m.group().lower(), "")
            for m in WORD_RE.finditer(article.text, start, end)]


_WORD_KINDS = frozenset({"word", "number", "domain", "hashtag"})


class WordIndex:
    """All words of an article once, sliced by character range (each rule asks for many small windows).

    The `Word`s are built when a rule first asks for a window, and only those of the window: keyphrases read
    `items` (the tokens themselves), an article without quotes, amounts or agreement cues may ask for none, and
    the windows of the rules together hold about a fifth of an article's words (measured on composed articles).
    Each word is built once, so windows that overlap share their `Word`s."""

    def __init__(self, article: Article):
        self.article = article
        if article.tokens:
            self.items: list = [t for t in article.tokens if t.kind in _WORD_KINDS and t.text[0].isalnum()]
            self._all: list[Word] | None = None
            self._words: list = [None] * len(self.items)  # the Word of each item, once a window has held it
            self._made = bytearray(len(self.items))  # 1 where _words holds the Word
        else:
            self.items = self._all = words(article)
        self.starts = [w.start for w in self.items]
        self.entities = sorted(article.entities, key=lambda e: (e.start, e.end))
        self._entity_starts = [e.start for e in self.entities]
        self.lower = article.text.lower()
        self.memo: dict = {}  # per-article results that several rules share (sentence flags)
        # where the digits are: the number patterns all start with one, so a sentence without one skips them
        self._digits = [m.start() for m in _DIGIT.finditer(article.text)]

    @property
    def all(self) -> list[Word]:
        if self._all is None:
            self._all = self._window(0, len(self.items))
        return self._all

    def _window(self, i: int, j: int) -> list[Word]:
        """The Words of items i..j-1, built where no window built them before."""
        made, built = self._made, self._words
        if made.find(0, i, j) >= 0:
            items = self.items
            for k in range(i, j):
                if not made[k]:
                    t = items[k]
                    built[k] = Word(t.text, t.start, t.end, t.text.lower(), t.lemma.lower() if t.lemma else "", t.upos,
                                    t.feats)
            made[i:j] = b"\x01" * (j - i)
        return built[i:j]

    def has_digit(self, start: int, end: int) -> bool:
        i = bisect_left(self._digits, start)
        return i < len(self._digits) and self._digits[i] < end

    def numbers(self, pattern: re.Pattern, start: int, end: int) -> list[re.Match]:
        """`pattern.finditer(text, start, end)` for a pattern whose matches all start with `\\d+`, tried only where a
        run of digits starts: a match that starts inside a run would start at the run's first digit as well, and a
        regex scan of every position costs ~30 ns a character on Cyrillic text."""
        text, digits = self.article.text, self._digits
        out: list[re.Match] = []
        last, prev = start, -2  # where the previous match ended; the digit before this one
        for k in range(bisect_left(digits, start), len(digits)):
            p = digits[k]
            if p >= end:
                break
            if p >= last and (prev != p - 1 or p == start or p == last):
                m = pattern.match(text, p, end)
                if m:
                    out.append(m)
                    last = m.end()
            prev = p
        return out

    def entities_between(self, start: int, end: int, labels: tuple[str, ...] | None = None) -> list[Entity]:
        """Entities wholly inside [start, end), optionally of some labels, in text order."""
        i = bisect_left(self._entity_starts, start)
        j = bisect_left(self._entity_starts, end, lo=i)
        return [e for e in self.entities[i:j] if e.end <= end and (labels is None or e.label in labels)]

    def between(self, start: int, end: int, limit: int | None = None) -> list[Word]:
        """The words inside [start, end); only the first `limit` of them when given (a rule that reads a few
        words after a mark inside a long quote need not copy the rest of it)."""
        i = bisect_left(self.starts, start)
        j = bisect_left(self.starts, end, lo=i)
        if limit is not None:
            j = min(j, i + limit)  # words do not overlap: only the last one can cross `end`, so the cut is exact
        window = self._all[i:j] if self._all is not None else self._window(i, j)
        return [w for w in window if w.end <= end]


GENITIVE = ("ның", "нің", "дың", "дің", "тың", "тің")
LOCATIVE = ("да", "де", "та", "те", "нда", "нде")


def ends_with(text: str, endings: tuple[str, ...]) -> bool:
    low = text.lower()
    return any(low.endswith(e) for e in endings)


def looks_verbal(w: Word, upos: str = "", clause_final: bool = False) -> bool:
    """A finite verb or converb: by its tag when morph gave one, else by an unambiguous verbal ending; the endings
    shared with nouns ("-ті": "кетті" and "бекеті") count only at the end of a clause, where Kazakh puts its verb."""
    if upos:
        return upos in ("VERB", "AUX")
    if w.text[:1].isupper() or len(w.lower) <= 4:
        return False
    return w.lower.endswith(VERBAL_ENDINGS) or (clause_final and w.lower.endswith(CLAUSE_FINAL_ENDINGS))


VOWELS = frozenset("аәеиоөуұүыіэюяё")
# Accusative and genitive endings that start with т/д follow a consonant; after a vowel Kazakh uses н- ("бекеті" is
# бекет + і, never беке + ті; "Алматыны", not "Алматыды").
_AFTER_CONSONANT = ("ты", "ті", "ды", "ді", "тың", "тің", "дың", "дің")


def ending_fits(lower: str, ending: str, min_stem: int) -> bool:
    """`lower` can be a stem of `min_stem`+ letters plus `ending`, by length and by Kazakh sound rules."""
    if not lower.endswith(ending) or len(lower) - len(ending) < min_stem:
        return False
    stem_end = lower[len(lower) - len(ending) - 1]
    return not (ending.startswith(_AFTER_CONSONANT) and stem_end in VOWELS)
