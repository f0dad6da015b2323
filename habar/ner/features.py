"""CRF features for Kazakh NER: word form, shape, affixes, case ending, clusters, gazetteers and value classes.

Features of a word do not depend on its sentence, so they are computed once per distinct word and cached
together with their copies for each neighbour offset; a sentence's features are then tuple concatenations.
That cache is what makes tagging fast (see bench/ner_speed.py).
"""

from __future__ import annotations

import re
from typing import Callable

from habar.ner.suffixes import strip_case
from habar.values.words import word_class

_LATIN = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
_CYR = frozenset([chr(c) for c in range(ord("а"), ord("я") + 1)] + [chr(c) for c in range(ord("А"), ord("Я") + 1)]
                 + list("әғқңөұүһіӘҒҚҢӨҰҮҺІёЁ"))
_SHAPE = [(re.compile(r"[A-ZА-ЯӘҒҚҢӨҰҮҺІЁ]+"), "X"), (re.compile(r"[a-zа-яәғқңөұүһіё]+"), "x"), (re.compile(r"\d+"), "d")]
OPEN_QUOTES, CLOSE_QUOTES = "«“„", "»”"
CACHE_LIMIT = 300_000
# attributes a word lends to its neighbours one and two positions away
NEAR = ("w", "sh", "st", "cs", "lx", "c1", "c2", "g", "t", "pos", "mc", "src")
FAR = ("w", "lx", "c1", "t", "g")

# Morphological analysis hook: word -> (lemma, upos, case) or None. Set by habar.ner.model when habar.morph works.
Morph = Callable[[str], "tuple[str, str, str] | None"]


def _case_class(word: str) -> str:
    letters = [ch for ch in word if ch.isalpha()]
    if not letters:
        return "n"
    if len(letters) > 1 and all(ch.isupper() for ch in letters):
        return "U"  # acronyms: ҚР, АҚШ, NIA, АТЫО
    return "T" if word[:1].isupper() else ("l" if word[:1].isalpha() else "o")


def shape(word: str) -> str:
    out = word
    for pattern, sym in _SHAPE:
        out = pattern.sub(sym, out)
    return out[:6]


class Featurizer:
    """Turns a sentence (list of token strings) into crfsuite feature lists."""

    def __init__(self, clusters: dict[str, tuple[str, str]], gazetteer: dict[str, str], morph: Morph | None = None,
                 plain: bool = False, version: int = 1):
        self.clusters = clusters
        self.gazetteer = gazetteer
        self.morph = morph
        self.plain = plain  # the baseline: word and simple shape features only
        # feature set of the model (features.json): 0 the first set, 1 adds acronyms and sentence-initial
        # capitals, 2 adds case x capitalisation and the analyzer's lexicon/guess verdict
        self.version = version
        self._cache: dict[str, tuple[tuple[str, ...], ...]] = {}

    def _word(self, word: str) -> tuple[dict[str, str], list[str]]:
        """Named attributes shared with neighbours, and features only the word itself gets."""
        lower = word.lower()
        attrs = {"w": lower, "sh": shape(word)}
        own = ["t" if word[:1].isupper() else "l", f"s3={lower[-3:]}"]
        if word.isupper() and len(word) > 1:
            own.append("U")
        if any(ch.isdigit() for ch in word):
            own.append("D")
        if self.plain:
            return attrs, own
        stem, case = strip_case(lower)
        # version 0 (the first shipped model) told only capitalised from not
        t = _case_class(word) if self.version >= 1 else ("T" if word[:1].isupper() else "l")
        attrs.update(st=stem, cs=case, t=t)
        wc = word_class(word)
        if wc:
            attrs["lx"] = wc
        cl = self.clusters.get(lower) or self.clusters.get("~" + stem)
        if cl:
            attrs["c1"], attrs["c2"] = cl
        gaz = self.gazetteer.get(lower) or self.gazetteer.get("~" + stem)
        if gaz:
            attrs["g"] = gaz
        if self.morph is not None:
            m = self.morph(word)
            if m:
                attrs.update(zip(("lem", "pos", "mc", "src"), m))  # src: lexicon or guess (names are guesses)
        if self.version >= 2:
            own.append(f"tc={attrs['t']}|{case}")  # a capitalised word in the genitive opens a name phrase
        own += [f"p{n}={lower[:n]}" for n in (2, 3, 4)] + [f"s{n}={lower[-n:]}" for n in (1, 2, 4, 5)]
        own.append(f"len={min(len(word), 12)}")
        if "-" in word:
            own.append("hy")
            own.append(f"hyend={lower.rsplit('-', 1)[1]}")
        if not _LATIN.isdisjoint(word):
            own.append("lat")
        if not _CYR.isdisjoint(word):
            own.append("cyr")
        return attrs, own

    def _entry(self, word: str) -> tuple[tuple[str, ...], ...]:
        hit = self._cache.get(word)
        if hit is not None:
            return hit
        attrs, own = self._word(word)
        kv = {k: f"{k}={v}" for k, v in attrs.items()}
        near = [kv[k] for k in NEAR if k in kv]
        far = [kv[k] for k in FAR if k in kv]
        entry = (tuple(kv.values()) + tuple(own), tuple(["-1" + f for f in near]), tuple(["+1" + f for f in near]),
                 tuple(["-2" + f for f in far]), tuple(["+2" + f for f in far]))
        if len(self._cache) >= CACHE_LIMIT:
            self._cache.clear()  # bounded memory on long streams; the next words refill it
        self._cache[word] = entry
        return entry

    def sentence(self, tokens: list[str]) -> list[list[str]]:
        entries = [self._entry(t) for t in tokens]
        n = len(tokens)
        lowers = [t.lower() for t in tokens]
        out = []
        quote = 0
        for i in range(n):
            f = ["b", *entries[i][0]]
            if i == 0 and not self.plain and self.version >= 1:
                f.append("first=" + _case_class(tokens[i]))  # a capital at the start says less
            if i > 0:
                f += entries[i - 1][1]
                f.append(f"bi-={lowers[i - 1]}|{lowers[i]}")
            else:
                f.append("BOS")
            if i + 1 < n:
                f += entries[i + 1][2]
                f.append(f"bi+={lowers[i]}|{lowers[i + 1]}")
            else:
                f.append("EOS")
            if not self.plain:
                if i > 1:
                    f += entries[i - 2][3]
                if i + 2 < n:
                    f += entries[i + 2][4]
                if tokens[i] in OPEN_QUOTES:
                    quote = 1
                elif tokens[i] in CLOSE_QUOTES:
                    quote = 0
                elif quote:
                    f.append("inq")
                    if tokens[i - 1] in OPEN_QUOTES:
                        f.append("qfirst")
                    if i + 1 < n and tokens[i + 1] in CLOSE_QUOTES:
                        f.append("qlast")
            out.append(f)
        return out
