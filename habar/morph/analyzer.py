"""Analysis by suffix stripping: split a word into a lexicon stem and a suffix chain the grammar accepts.

For every split point the stem is looked up in the lexicon (also with its alternations undone: кітаб-ы ->
кітап, халқ-ы -> халық, оқи-ды -> оқы-й-ды), and the rest is walked through the suffix tables of
habar.morph.suffixes from the stem's part-of-speech start state. Words with no lexicon reading go to the
guesser (habar.morph.guesser). Results are cached per word form.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from habar.morph import grammar
from habar.morph.lexicon import Entry, closed, prefixes, stems
from habar.morph.phonology import DEVOICING, VOWELS, final_class, harmony
from habar.morph.suffixes import COMPILED, Move, compiled, lengths, table

FLIPPED_HARMONY_COST = 1.0   # loanwords and names often break harmony: Тоқаевтың, институтқа
MAX_READINGS = 12           # readings kept per word; the rest are implausible
MAX_SUFFIX = 18              # no suffix chain is longer (-ларымыздағылардың is 17)
FREQUENCY_WEIGHT = 0.2        # how much a stem's corpus frequency counts against one morpheme (cost 1)
ALTERNATION_COST = {"": 0.0, "devoice": 0.05, "elision": 0.8, "contraction": 0.1}


@dataclass(frozen=True, slots=True)
class Analysis:
    lemma: str
    upos: str
    feats: str = ""
    suffixes: tuple[str, ...] = ()   # surface morphemes after the stem, e.g. ("лар", "ы", "ның")
    tags: tuple[str, ...] = ()       # grammar states:templates they realise, e.g. ("NPL:LAр", ...)
    source: str = "lexicon"          # lexicon, closed, guess, number, punct, symbol
    cost: float = 0.0

    @property
    def case(self) -> str:
        for f in self.feats.split("|"):
            if f.startswith("Case="):
                return f[5:]
        return ""


@lru_cache(maxsize=200_000)
def walk(rest: str, state: str, h: str, c: str) -> tuple[tuple[Move, ...], ...]:
    """Every path of moves from `state` that consumes exactly `rest` and ends in END."""
    if state in COMPILED:
        return compiled(state, h, c).get(rest, ())
    tab = table(state, h, c)
    paths = []
    size = len(rest)
    for n in lengths(state, h, c):
        if n > size:
            break
        moves = tab.get(rest[:n])
        if moves:
            for m in moves:
                for tail in walk(rest[n:], m.next, m.h, m.c):
                    paths.append((m, *tail))
    return tuple(paths)


def merge_feats(parts: list[str]) -> str:
    """Later morphemes override earlier ones; UD orders features by name, case-insensitively."""
    feats: dict[str, str] = {}
    for p in parts:
        if p:
            for kv in p.split("|"):
                k, _, v = kv.partition("=")
                feats[k] = v
    return "|".join(f"{k}={feats[k]}" for k in sorted(feats, key=str.lower))


def build(surface: str, stem_len: int, lemma: str, upos: str, path: tuple[Move, ...], cost: float,
          source: str = "lexicon") -> Analysis:
    """One analysis from a stem reading and a path through the suffix tables."""
    parts: list[str] = []
    pos = stem_len
    for m in path:
        pos += len(m.surface)
        if m.derive:  # a derivation becomes part of the lemma and resets the features
            lemma, upos, parts = surface[:pos].lower(), m.derive, []
        else:
            parts.append(m.feats)
        cost += m.cost
    feats = merge_feats(parts)
    if upos in ("VERB", "AUX") and "VerbForm=Part" in feats and ("Case=" in feats and "Case=Nom" not in feats or "[psor]" in feats):
        feats = feats.replace("VerbForm=Part", "VerbForm=Ger")   # KTB: кеңескенде, сүйгеніне are gerunds
    if upos in ("VERB", "AUX"):
        feats = feats.replace("Case=Nom|", "").replace("|Case=Nom", "").replace("Case=Nom", "")
    elif upos not in ("NOUN", "PROPN") and feats == "Case=Nom":
        feats = ""
    suffixes = tuple(m.surface for m in path if m.surface)
    tags = tuple(m.tag for m in path if m.surface)
    return Analysis(lemma, upos, feats, suffixes, tags, source, round(cost, 3))


def _stem_candidates(wl: str, i: int):
    """(stem, rest, alternation) for the split of `wl` at i, undoing stem alternations."""
    stem, rest = wl[:i], wl[i:]
    yield stem, rest, ""
    first = rest[:1]
    last = stem[-1:]
    if first not in VOWELS and last not in "ию":
        return
    if first and first in VOWELS:
        last = stem[-1]
        if last in DEVOICING:                                   # кітаб|ы -> кітап
            yield stem[:-1] + DEVOICING[last], rest, "devoice"
        if len(stem) >= 3 and last not in VOWELS and (stem[-2] not in VOWELS or stem[-2] in "уи" and stem[-3] in VOWELS):
            for v in "ыі":                                      # халқ|ы -> халық, ауз|ы -> ауыз
                yield stem[:-1] + v + last, rest, "elision"
    if first == "у":                                            # оқ|у -> оқы+у, оқ|ушы -> оқы+ушы
        for v in "ыі":
            yield stem + v, rest, "contraction"
    last = stem[-1:]
    if last == "и":                                             # оқи|ды -> оқы+йды
        for v in "ыі":
            yield stem[:-1] + v, "й" + rest, "contraction"
    elif last == "ю":                                           # сүю -> сүй+у, кию -> ки+у
        yield stem[:-1] + "й", "у" + rest, "contraction"
        if stem[-2:-1] == "и":
            yield stem[:-1], "у" + rest, "contraction"


def lexical(word: str) -> list[Analysis]:
    """Readings of `word` as a lexicon stem plus suffixes, at most MAX_READINGS of them, cheapest first. When no
    stem takes its suffixes with the stem's own harmony, the other harmony is tried at a cost (loanwords and
    names: Тоқаевтың, институтқа)."""
    wl = word.lower()
    lex = stems()
    pre = prefixes()
    hits = []
    for i in range(max(1, len(wl) - MAX_SUFFIX), len(wl) + 1):
        stem = wl[:i]
        if stem[:-1] not in pre and i > 1:
            break   # no stem starts like this, so no longer split can find one either
        entries = lex.get(stem)
        if entries:
            hits.append((i, stem, wl[i:], 0.0, entries))
        if wl[i:i + 1] in VOWELS or stem[-1] in "ию":   # only then can a stem alternation hide the stem
            for alt_stem, rest, alt in _stem_candidates(wl, i):
                if alt:
                    entries = lex.get(alt_stem)
                    if entries:
                        hits.append((i, alt_stem, rest, ALTERNATION_COST[alt], entries))
    found: list[tuple[float, int, Entry, tuple[Move, ...]]] = []
    for flip in (False, True):
        for i, stem, rest, base, entries in hits:
            h, c = harmony(stem), final_class(stem)
            if flip:
                h, base = ("f" if h == "b" else "b"), base + FLIPPED_HARMONY_COST
            for e in entries:
                for path in walk(rest, grammar.START_STATE.get(e.upos, "END"), h, c):
                    cost = base + FREQUENCY_WEIGHT * e.weight + sum(m.cost for m in path)
                    found.append((cost, i, e, path))
        if found:
            break
    found.sort(key=lambda f: f[0])
    return [build(word, i, e.lemma, e.upos, path, cost - sum(m.cost for m in path))
            for cost, i, e, path in found[:MAX_READINGS]]


def dedupe(analyses: list[Analysis]) -> list[Analysis]:
    seen: set[tuple[str, str, str]] = set()
    out = []
    for a in sorted(analyses, key=lambda a: a.cost):
        key = (a.lemma.lower(), a.upos, a.feats)
        if key not in seen:
            seen.add(key)
            out.append(a)
    return out


def closed_readings(word: str) -> list[Analysis]:
    return [
        Analysis(e.lemma, e.upos, e.feats, (), (), "closed", 0.1 * k)
        for k, e in enumerate(closed().get(word.lower(), ()))
    ]
