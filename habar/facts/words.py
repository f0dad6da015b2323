"""Words of an article with their lemmas, and matching of lexicon entries against them.

The rules read `Word`s, not raw tokens: when habar.morph has filled `Token.lemma` the lemma is used, and when it
has not (or the article has no tokens yet) the lower-cased form is matched against stems plus known endings, so
the rules degrade to suffix matching instead of failing.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from habar.document import Article, Entity
from habar.facts.lexicon import ROLE_ENDINGS, ROLES, SAY_FORMS, VERB_ENDINGS, VERBAL_ENDINGS, CLAUSE_FINAL_ENDINGS, WORD_CHARS

WORD_RE = re.compile(rf"[{WORD_CHARS}]+(?:[-'’][{WORD_CHARS}]+)*")


@dataclass(slots=True)
class Word:
    text: str
    start: int
    end: int
    lower: str
    lemma: str  # from habar.morph; "" when unknown


def words(article: Article, start: int = 0, end: int | None = None) -> list[Word]:
    """The words of `article.text[start:end]`, with lemmas from the article's tokens where they exist."""
    end = len(article.text) if end is None else end
    lemmas = _lemma_index(article)
    return [Word(m.group(), m.start(), m.end(), m.group().lower(), lemmas.get(m.start(), ""))
            for m in WORD_RE.finditer(article.text, start, end)]


class WordIndex:
    """All words of an article once, sliced by character range (each rule asks for many small windows)."""

    def __init__(self, article: Article):
        self.article = article
        self.all = words(article)
        self._starts = [w.start for w in self.all]

    def between(self, start: int, end: int) -> list[Word]:
        i = bisect_left(self._starts, start)
        j = bisect_left(self._starts, end, lo=i)
        return [w for w in self.all[i:j] if w.end <= end]


def _lemma_index(article: Article) -> dict[int, str]:
    # Rebuilt per call rather than cached at module level, so tests never need to reset anything; callers that
    # need many windows pass one list of words around instead.
    return {t.start: t.lemma.lower() for t in article.tokens if t.lemma}


def stem_matches(word: Word, stem: str, endings: frozenset[str] = VERB_ENDINGS) -> bool:
    """`word` is a form of `stem`: by its lemma when known, else by stem + a known ending."""
    if word.lemma:
        return word.lemma == stem
    return word.lower.startswith(stem) and word.lower[len(stem):] in endings


def match_entry(ws: list[Word], i: int, entry: str | tuple[str, ...], endings: frozenset[str] = VERB_ENDINGS) -> int:
    """Number of words an entry ("атап өт", "айт") covers at `ws[i]`, 0 when it does not match there."""
    parts = entry.split() if isinstance(entry, str) else list(entry)
    if i + len(parts) > len(ws):
        return 0
    for k, part in enumerate(parts[:-1]):
        if ws[i + k].lower != part:
            return 0
    return len(parts) if stem_matches(ws[i + len(parts) - 1], parts[-1], endings) else 0


def find_entry(ws: list[Word], entries, endings: frozenset[str] = VERB_ENDINGS) -> tuple[int, int] | None:
    """(index, length) of the first word where any entry matches, the longest entry winning at one index."""
    for i in range(len(ws)):
        best = max((match_entry(ws, i, e, endings) for e in entries), default=0)
        if best:
            return i, best
    return None


def is_say(word: Word) -> bool:
    return word.lower in SAY_FORMS or word.lemma == "де"


# Longest entries first; at equal length a capitalised entry first, because "Президент" (head of state) is written
# with a capital and a company's "президенті" is not.
_ROLE_PARTS = sorted(((k.lower().split(), k) for k in ROLES), key=lambda p: (-len(p[0]), not p[1][:1].isupper()))


def role_at(ws: list[Word], i: int) -> tuple[str, int] | None:
    """(canonical role, number of words) when a role word ("Мемлекет басшысы", "министрі") starts at `ws[i]`."""
    for parts, canonical in _ROLE_PARTS:
        n = len(parts)
        if i + n > len(ws):
            continue
        if canonical[:1].isupper() and not ws[i].text[:1].isupper():
            continue
        if all(ws[i + k].lower == parts[k] for k in range(n - 1)):
            last = ws[i + n - 1]
            if (last.lemma and last.lemma == parts[-1]) or (
                last.lower.startswith(parts[-1]) and last.lower[len(parts[-1]):] in ROLE_ENDINGS
            ):
                return canonical, n
    return None


def entities_in(article: Article, start: int, end: int, labels: tuple[str, ...] | None = None) -> list[Entity]:
    return [e for e in article.entities if e.start >= start and e.end <= end and (labels is None or e.label in labels)]


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
