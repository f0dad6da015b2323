"""The analyzer shared by documents and queries: lemmas of words, case-folded, at token positions.

No search engine ships a Kazakh analyzer, so the index never sees surface forms: each word is indexed as its
lemma at its token position and its character offsets. A query word becomes the OR of every lemma the
morphology allows for it, so that a document word, whichever analysis the tagger chose in context, is found.
Components that have not landed yet (normalise, tokenize, morph, translit) are replaced by their plain
equivalents: NFC, a word regex, the case-folded word, no transliteration.
"""

from __future__ import annotations

import importlib
import importlib.util
import logging
import re
import unicodedata
from functools import lru_cache
from types import ModuleType

log = logging.getLogger(__name__)

from habar.document import Token

# Python's \w covers all 42 Kazakh letters (ә ғ қ ң ө ұ ү һ і in both cases); see tests/search/test_search_analysis.py
_WORD = re.compile(r"\w+(?:[-'’]\w+)*")
_LATIN = re.compile(r"[A-Za-zÄäÖöÜüŞşÇçĞğÑñIıİÁáÝýŪū'’-]+")
SKIPPED_KINDS = {"punct", "symbol"}
# An analysis counts as a plausible reading when its cost is within this margin of the word's best reading.
# The analyzer's far-fetched readings (жыл as the verb "жы" + suffix) otherwise cost precision for little
# recall. On KTB (python -m bench.search_quality --margins 0,1,2,100), recall / precision were
# 0.90 / 0.96 at 0, 0.93 / 0.93 at 1, 0.94 / 0.91 at 2 and 0.95 / 0.82 with every reading.
LEMMA_MARGIN = 1.0
# A query word stands for its best readings only: the documents already index every plausible reading of their
# words (LEMMA_MARGIN) as alternatives, so widening the query as well matched readings two steps apart
# ("жыла" the verb found "жылдың", the year). python -m bench.search_quality (95 documents, 457 lemmas):
# recall / precision 0.971 / 0.935 with the query at LEMMA_MARGIN, 0.971 / 0.942 at 0.
QUERY_MARGIN = 0.0
PARTICLE_LENGTH = 2  # a hyphenated part this short is an enclitic particle (-ау, -ақ, -ай), not a word to analyse


# a call that each component must answer once it is usable (installed *and* its data built)
PROBES = {"analyze": ("кітаптар",), "tag_tokens": ([Token("кітаптар", 0, 8)],), "normalise": ("мәтін",), "tokenize": ("мәтін",),
          "to_cyrillic": ("matin",), "known_word": ("кітап",)}


@lru_cache(maxsize=None)
def component(name: str, attr: str) -> ModuleType | None:
    """A habar module if it is installed and usable; None (with one warning) while it has not landed or its
    data is not built, so that search still works, without lemmatisation."""
    try:
        if importlib.util.find_spec(name) is None:
            return None
        module = importlib.import_module(name)
        if not hasattr(module, attr):
            return None
        getattr(module, attr)(*PROBES[attr])
    except Exception as exc:  # a half-installed component must not take search down; it is reported instead
        log.warning("%s.%s is not usable (%s: %s); analysing without it. Run `make models` if its data is missing",
                    name, attr, type(exc).__name__, exc)
        return None
    return module


def fold(term: str) -> str:
    """A term as the index holds it: case-folded, and one token even if a lemma has a space (index terms are
    joined by spaces, see habar.search.index)."""
    return term.casefold().replace(" ", "\u00a0")


def fallback_tokens(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    end = len(text) if end is None else end
    kind = lambda w: "number" if w.isdigit() else "word"  # noqa: E731
    return [Token(m.group(), m.start(), m.end(), kind(m.group())) for m in _WORD.finditer(text, start, end)]


def index_term(token: Token) -> str:
    """What a token is indexed as: its lemma case-folded (its word while no lemmatiser ran); "" for punctuation."""
    return "" if token.kind in SKIPPED_KINDS else fold(token.lemma or token.text)


def doc_terms(text: str, tokens: list[Token]) -> list[tuple[str, int, int, int]]:
    """(term, position, start, end) for every indexed token; positions count all tokens, so punctuation
    keeps a gap and a phrase does not match across it."""
    tokens = tokens or fallback_tokens(text)
    return [(index_term(t), i, t.start, t.end) for i, t in enumerate(tokens) if t.kind not in SKIPPED_KINDS]


def is_latin(word: str) -> bool:
    return bool(_LATIN.fullmatch(word)) and any(c.isalpha() for c in word)


# A Cyrillic word with none of the Kazakh letters may be Russian: it also stands for its Snowball stem.
_RUSSIAN_WORD = re.compile(r"[а-яёА-ЯЁ]+(?:-[а-яёА-ЯЁ]+)*")


class Analyzer:
    """The query and title analyzer. `plain=True` uses none of the language components (tests of search
    itself, and input analysed elsewhere)."""

    def __init__(self, plain: bool = False):
        self.plain = plain
        self.word_lemmas = lru_cache(maxsize=65536)(self._word_lemmas)

    def _get(self, name: str, attr: str) -> ModuleType | None:
        return None if self.plain else component(name, attr)

    def normalise(self, text: str) -> str:
        mod = self._get("habar.text.normalise", "normalise")
        return mod.normalise(text)[0] if mod else unicodedata.normalize("NFC", text)

    def tokenize(self, text: str) -> list[Token]:
        mod = self._get("habar.text.tokenize", "tokenize")
        return mod.tokenize(text) if mod else fallback_tokens(text)

    def analyse_text(self, text: str) -> list[tuple[str, int, int, int]]:
        """Terms of a short text analysed on its own (titles): normalise, tokenize, tag in context."""
        text = self.normalise(text)
        tokens = self.tokenize(text)
        morph = self._get("habar.morph", "tag_tokens")
        if morph is not None and tokens:
            morph.tag_tokens(tokens)
        return doc_terms(text, tokens)

    def alternatives(self, tokens: list[Token]) -> dict[str, list[str]]:
        """Token index -> the lemmas the morphology allows for the token besides the one chosen in context.

        Indexed apart from the chosen lemma and weighted lower: the tagger's choice in context decides the
        ranking, the alternatives keep a document findable when that choice was wrong.
        """
        morph = self._get("habar.morph", "analyze")
        if morph is None:
            return {}
        out = {}
        others = self._other_lemmas
        for i, t in enumerate(tokens):
            if t.kind == "word":
                found = others(t.text, t.lemma)
                if found:
                    out[str(i)] = list(found)
        return out

    @lru_cache(maxsize=200_000)
    def _other_lemmas(self, word: str, lemma: str | None) -> tuple[str, ...]:
        """The word's lemmas besides the chosen one, sorted; cached, as a word and its lemma recur in a corpus."""
        lemmas = self._doc_readings(word)
        chosen = fold(lemma or word)
        if len(lemmas) > 1 or (lemmas and chosen not in lemmas):
            return tuple(sorted(lemmas - {chosen}))
        return ()

    @lru_cache(maxsize=200_000)
    def _doc_readings(self, word: str) -> frozenset[str]:
        """Every lemma a document word may stand for: its plausible readings and those of its hyphen parts."""
        return self._analyses(word) | frozenset(self._part_lemmas(word))

    def _part_lemmas(self, word: str) -> set[str]:
        """A word with an enclitic particle written after a hyphen ("бұзылады-ау", "Жасаған-ау") also stands for
        the lemmas of the word without it: the morphology reads the whole as one unknown word, which no query
        finds. Compounds (премьер-министр) stay whole: they are words of their own."""
        rest = word
        while "-" in rest and len(rest.rsplit("-", 1)[1]) <= PARTICLE_LENGTH:
            rest = rest.rsplit("-", 1)[0]
        if rest == word or not rest:
            return set()
        return set(self._analyses(rest)) or {fold(rest)}

    def _analyses(self, word: str, margin: float | None = None) -> frozenset[str]:
        """The lemmas of the word's plausible readings (see LEMMA_MARGIN; QUERY_MARGIN for query words)."""
        return self._readings(word, LEMMA_MARGIN if margin is None else margin)

    @lru_cache(maxsize=200_000)
    def _readings(self, word: str, margin: float) -> frozenset[str]:
        found = [a for a in self._get("habar.morph", "analyze").analyze(word) if a.lemma]
        best = min((getattr(a, "cost", 0.0) for a in found), default=0.0)
        return frozenset(fold(a.lemma) for a in found if getattr(a, "cost", 0.0) <= best + margin)

    def _word_lemmas(self, word: str) -> frozenset[str]:
        """Every lemma a query word may stand for; a 2021-Latin word also stands for its Cyrillic spelling."""
        forms = [word]
        translit = self._get("habar.text.translit", "to_cyrillic")
        if translit is not None and is_latin(word):
            forms.append(translit.to_cyrillic(word))
        morph = self._get("habar.morph", "analyze")
        lemmas: set[str] = set()
        for form in forms:
            # the word as typed is a lemma too: a query is often a base form, which the morphology may read as
            # an inflected other word only ("тақта" as тақ + locative), and a word it does not know is indexed
            # as itself
            lemmas |= (self._analyses(form, QUERY_MARGIN) if morph is not None else set()) | {fold(form)}
        if not self.plain and _RUSSIAN_WORD.fullmatch(word) and not self._kazakh_word(word):
            from habar.clean.russian import stem_ru

            lemmas.add(fold(stem_ru(word)))  # Russian articles are indexed by Snowball stems
        return frozenset(lemmas)

    def _kazakh_word(self, word: str) -> bool:
        """A word the Kazakh lexicon knows ("кеше", "елу") is not also read as Russian (кеш, ел)."""
        morph = self._get("habar.morph", "known_word")
        return morph is not None and morph.known_word(word)

    def query_words(self, text: str) -> list[frozenset[str]]:
        """The lemma alternatives of each word of a query fragment, in order.

        The normaliser repairs lookalike letters from context, which a two-word query hardly gives it
        ("Мун" became "Мұң"), so the words as typed (NFC) count too, when both readings have as many words.
        """
        typed = self._words(unicodedata.normalize("NFC", text))
        repaired = self._words(self.normalise(text))
        if len(typed) != len(repaired):
            return [self.word_lemmas(w) for w in repaired]
        return [self.word_lemmas(a) | self.word_lemmas(b) for a, b in zip(typed, repaired)]

    def _words(self, text: str) -> list[str]:
        return [t.text for t in self.tokenize(text) if t.kind not in SKIPPED_KINDS]

    def entity_keys(self, name: str) -> set[str]:
        """The keys an entity name may be stored under: as typed, and as the normaliser repairs it."""
        from habar.store.records import entity_key

        return {entity_key(unicodedata.normalize("NFC", name)), entity_key(self.normalise(name))}
