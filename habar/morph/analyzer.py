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
from habar.morph.lexicon import closed, stems
from habar.morph.phonology import DEVOICING, VOWELS, final_class, harmony
from habar.morph.suffixes import Move, max_len, table

FLIPPED_HARMONY_COST = 1.0   # loanwords and names often break harmony: Тоқаевтың, институтқа
FREQUENCY_WEIGHT = 0.2        # how much a stem's corpus frequency counts against one morpheme (cost 1)
ALTERNATION_COST = {"": 0.0, "devoice": 0.05, "elision": 0.3, "contraction": 0.1}


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
    if state == "END":
        return ((),) if not rest else ()
    tab = table(state, h, c)
    paths = []
    for n in range(min(len(rest), max_len(state)) + 1):
        piece = rest[:n]
        moves = tab.get(piece)
        # a suffix-final қ/к/п is voiced before a vowel, like a stem-final one: -лық + -ы -> -лығы
        if n and n < len(rest) and piece[-1] in DEVOICING and rest[n] in VOWELS:
            moves = (moves or ()) + tab.get(piece[:-1] + DEVOICING[piece[-1]], ())
        if not moves:
            continue
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


def lexical(word: str, flip: bool = False) -> list[Analysis]:
    """Readings of `word` as a lexicon stem plus suffixes (harmony flipped for loanwords when `flip`)."""
    wl = word.lower()
    lex = stems()
    out: list[Analysis] = []
    for i in range(len(wl), 0, -1):
        for stem, rest, alt in _stem_candidates(wl, i):
            entries = lex.get(stem)
            if not entries:
                continue
            h, c = harmony(stem), final_class(stem)
            base = ALTERNATION_COST[alt]
            if flip:
                h, base = ("f" if h == "b" else "b"), base + FLIPPED_HARMONY_COST
            for e in entries:
                for path in walk(rest, grammar.START_STATE.get(e.upos, "END"), h, c):
                    out.append(build(word, i, e.lemma, e.upos, path, base + FREQUENCY_WEIGHT * e.weight))
    return out


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
