"""CRF features for Kazakh NER: word form, shape, affixes, case ending, clusters, gazetteers and value classes.

Features of a word do not depend on its sentence, so they are computed once per distinct word together with
their copies for each neighbour offset (`roles`); only bias, edges, bigrams and quotation depend on the sentence
(`context`). Training concatenates them into crfsuite feature lists (`sentence`); tagging sums their weights
once per word (habar.ner.model).
"""

from __future__ import annotations

import re
from typing import Callable, Iterator

from habar.ner.suffixes import strip_case
from habar.values.words import word_class

_LATIN = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
_CYR = frozenset([chr(c) for c in range(ord("а"), ord("я") + 1)] + [chr(c) for c in range(ord("А"), ord("Я") + 1)]
                 + list("әғқңөұүһіӘҒҚҢӨҰҮҺІёЁ"))
_SHAPE = [(re.compile(r"[A-ZА-ЯӘҒҚҢӨҰҮҺІЁ]+"), "X"), (re.compile(r"[a-zа-яәғқңөұүһіё]+"), "x"),
          (re.compile(r"\d+"), "d")]
OPEN_QUOTES, CLOSE_QUOTES = "«“„", "»”"
CLOSE_SET = frozenset(CLOSE_QUOTES)
CACHE_LIMIT = 300_000
MAX_VERSION = 3  # the newest feature set this module computes (see Featurizer)
# attributes a word lends to its neighbours one and two positions away
NEAR = ("w", "sh", "st", "cs", "lx", "c1", "c2", "g", "t", "pos", "mc", "src")
FAR = ("w", "lx", "c1", "t", "g")
# feature set 3 also lends the lemma, its e5 clusters and its head-word types (a name's words see its head)
NEAR3 = NEAR + ("lem", "e1", "e2", "hd")
FAR3 = FAR + ("lem", "e1", "hd")
HEAD_REACH = 5  # a head up to this many words to the right still says "inside a name" (feature set 3)
HEAD_STOPS = frozenset(".,;:!?")

# Morphological analysis hook: word -> (lemma, upos, case) or None. Set by habar.ner.model when habar.morph works.
Morph = Callable[[str], "tuple[str, str, str] | None"]
# a word's features as (itself, left neighbour, right neighbour, two to the left, two to the right)
Roles = tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...], tuple[str, ...], tuple[str, ...]]


def inside_quotes(tokens: list[str]) -> Iterator[int]:
    """Indexes of the tokens between an opening and a closing quote (not the quotes themselves)."""
    quote = False
    for i, tok in enumerate(tokens):
        if tok in OPEN_QUOTES:
            quote = True
        elif tok in CLOSE_QUOTES:
            quote = False
        elif quote:
            yield i


def case_class(word: str) -> str:
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
        # capitals, 2 adds case x capitalisation and the analyzer's lexicon/guess verdict, 3 adds the e5 clusters
        # of the lemma ("@lemma" in clusters), head words ("^lemma" in the gazetteer) and lends lemmas to neighbours
        self.version = version
        self._near, self._far = (NEAR3, FAR3) if version >= 3 else (NEAR, FAR)
        self._cache: dict[str, tuple[tuple[str, ...], ...]] = {}

    def _word(self, word: str) -> tuple[dict[str, str], list[str]]:
        """Named attributes shared with neighbours, and features only the word itself gets."""
        lower = word.lower()
        attrs = {"w": lower, "sh": shape(word)}
        own = ["t" if word[:1].isupper() else "l", "s3=" + lower[-3:]]
        if word.isupper() and len(word) > 1:
            own.append("U")
        if any(ch.isdigit() for ch in word):
            own.append("D")
        if self.plain:
            return attrs, own
        stem, case = strip_case(lower)
        # version 0 (the first shipped model) told only capitalised from not
        t = case_class(word) if self.version >= 1 else ("T" if word[:1].isupper() else "l")
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
            own.append("tc=" + t + "|" + case)  # a capitalised word in the genitive opens a name phrase
        if self.version >= 3:
            lem = attrs.get("lem") or stem
            e5 = self.clusters.get("@" + lem)
            if e5:
                attrs["e1"], attrs["e2"] = e5
            head = self.gazetteer.get("^" + lem)
            if head:
                attrs["hd"] = head
        # affixes and length; plain concatenation, as this runs for every new word form
        own += ("p2=" + lower[:2], "p3=" + lower[:3], "p4=" + lower[:4], "s1=" + lower[-1:], "s2=" + lower[-2:],
                "s4=" + lower[-4:], "s5=" + lower[-5:], "len=" + str(min(len(word), 12)))
        if "-" in word:
            own.append("hy")
            own.append("hyend=" + lower.rsplit("-", 1)[1])
        if not _LATIN.isdisjoint(word):
            own.append("lat")
        if not _CYR.isdisjoint(word):
            own.append("cyr")
        return attrs, own

    def lemma(self, word: str) -> str:
        """The analyzer's lemma when features use habar.morph, else the word without its case ending."""
        m = self.morph(word) if self.morph is not None else None
        return m[0] if m else strip_case(word.lower())[0]

    def own(self, word: str) -> list[str]:
        """A word's own features; the ones it lends its neighbours are among them (see `roles`)."""
        attrs, own = self._word(word)
        return [k + "=" + v for k, v in attrs.items()] + own

    def roles(self, word: str) -> Roles:
        """A word's features as itself, as the left and right neighbour, and as the word two to the left or right."""
        attrs, own = self._word(word)
        kv = {k: k + "=" + v for k, v in attrs.items()}
        near = [kv[k] for k in self._near if k in kv]
        far = [] if self.plain else [kv[k] for k in self._far if k in kv]
        return (tuple(kv.values()) + tuple(own), tuple(["-1" + f for f in near]), tuple(["+1" + f for f in near]),
                tuple(["-2" + f for f in far]), tuple(["+2" + f for f in far]))

    def _entry(self, word: str) -> Roles:
        hit = self._cache.get(word)
        if hit is not None:
            return hit
        entry = self.roles(word)
        if len(self._cache) >= CACHE_LIMIT:
            self._cache.clear()  # bounded memory on long streams; the next words refill it
        self._cache[word] = entry
        return entry

    def context(self, tokens: list[str], lowers: list[str]) -> list[list[str]]:
        """Per token, the features that depend on the sentence: bias, edges, word bigrams and quotation."""
        n = len(tokens)
        out = []
        quoted = set(inside_quotes(tokens)) if not self.plain else ()
        heads = self._heads(tokens) if self.version >= 3 and not self.plain else None
        kinds = self.quote_kinds(tokens) if heads is not None and not CLOSE_SET.isdisjoint(tokens) else None
        for i in range(n):
            f = ["b"]
            if i == 0 and not self.plain and self.version >= 1:
                f.append("first=" + case_class(tokens[0]))  # a capital at the start says less
            f.append("bi-=" + lowers[i - 1] + "|" + lowers[i] if i else "BOS")
            f.append("bi+=" + lowers[i] + "|" + lowers[i + 1] if i + 1 < n else "EOS")
            if i in quoted:
                f.append("inq")
                if tokens[i - 1] in OPEN_QUOTES:
                    f.append("qfirst")
                if i + 1 < n and tokens[i + 1] in CLOSE_QUOTES:
                    f.append("qlast")
                if kinds is not None and kinds[i]:
                    f += kinds[i]
            if heads is not None:
                for j in range(i + 1, min(n, i + 1 + HEAD_REACH)):
                    if tokens[j] in HEAD_STOPS:
                        break
                    if heads[j] and j - i > 2:  # nearer heads are the +1hd/+2hd features
                        f.append("nh=" + heads[j])  # "Ұлттық экономика министрлігі": a head further on
                        break
            out.append(f)
        return out

    def quote_kinds(self, tokens: list[str]) -> list[list[str]]:
        """Per token inside quotes, the word after the closing quote, which names the kind of the quoted name:
        « Жастар » саябағы is a facility, « Жастар » жобасы a project (its lemma, e5 cluster and head types)."""
        out: list[list[str]] = [[] for _ in tokens]
        n = len(tokens)
        i = 0
        while i < n:
            if tokens[i] in OPEN_QUOTES:
                j = i + 1
                while j < n and tokens[j] not in CLOSE_QUOTES and tokens[j] not in OPEN_QUOTES:
                    j += 1
                if j < n and tokens[j] in CLOSE_QUOTES:
                    after = tokens[j + 1] if j + 1 < n else ""
                    kind = self.lemma(after) if after[:1].isalpha() else after
                    feats = ["qn=" + kind]
                    e5 = self.clusters.get("@" + kind)
                    if e5:
                        feats.append("qe=" + e5[1])
                    head = self.gazetteer.get("^" + kind)
                    if head:
                        feats.append("qh=" + head)
                    for k in range(i + 1, j):
                        out[k] = feats
                i = j
            else:
                i += 1
        return out

    def _heads(self, tokens: list[str]) -> list[str]:
        """Per token, the types of entities its lemma heads ("" for none)."""
        return [self.head_of(t) for t in tokens]

    def head_of(self, word: str) -> str:
        """The types of entities the word's lemma heads, from the gazetteer's "^lemma" keys ("" for none)."""
        return self.gazetteer.get("^" + self.lemma(word), "") if word[:1].isalpha() else ""

    def sentence(self, tokens: list[str]) -> list[list[str]]:
        """crfsuite feature lists of a sentence (training and the reference tagger)."""
        entries = [self._entry(t) for t in tokens]
        n = len(tokens)
        out = self.context(tokens, [t.lower() for t in tokens])
        for i, f in enumerate(out):
            f += entries[i][0]
            if i > 0:
                f += entries[i - 1][1]
            if i + 1 < n:
                f += entries[i + 1][2]
            if i > 1:
                f += entries[i - 2][3]
            if i + 2 < n:
                f += entries[i + 2][4]
        return out
