"""`analyze` and `known_word`: every reading of one word form, best first, cached per form."""

from __future__ import annotations

from functools import lru_cache

from habar.morph.analyzer import Analysis, closed_readings, dedupe, lexical, walk, build
from habar.morph.guesser import guess, number_readings, punct_readings
from habar.morph.phonology import final_class, harmony

CACHE_SIZE = 200_000


@lru_cache(maxsize=CACHE_SIZE)
def _analyze(word: str) -> tuple[Analysis, ...]:
    if not word:
        return ()
    special = number_readings(word) or punct_readings(word)
    if special:
        return tuple(special)
    found = [*closed_readings(word), *lexical(word.lower())]
    if "-" in word.strip("-") and not any(a.source == "lexicon" for a in found):
        found += _hyphenated(word) or _compound(word)
    if not found:
        found = guess(word)
    if not found:
        found = [Analysis(word if word[:1].isupper() else word.lower(), "X", "", (), (), "guess", 9.0)]
    return tuple(dedupe(found))


def _hyphenated(word: str) -> list[Analysis]:
    """АҚШ-тың, ЕО-ға: an abbreviation or name with its suffixes after a hyphen; Қазақстан-Ресей is left whole."""
    head, _, tail = word.rpartition("-")
    out = []
    for path in walk(tail.lower(), "NPL", harmony(head), final_class(head)):
        if path.moves and any(m.surface for m in path.moves):
            heads = _analyze(head)
            upos = heads[0].upos if heads and heads[0].source != "guess" else "PROPN"
            lemma = heads[0].lemma if heads and heads[0].source != "guess" else head
            out.append(build(word, len(head) + 1, lemma, upos, path, 1.0))
    return out


def _compound(word: str) -> list[Analysis]:
    """сауда-экономикалық, оңтүстік-шығысында: the last part inflects; the lemma keeps the first parts."""
    head, _, tail = word.rpartition("-")
    out = []
    name = head[:1].isupper() and tail[:1].isupper()   # Қасым-Жомарт, Қызылорда-Жезқазған: a name
    for a in _analyze(tail):
        if a.source == "lexicon" and not (name and a.upos in ("VERB", "AUX")):
            if name:
                lemma, upos = f"{head}-{a.lemma[:1].upper()}{a.lemma[1:]}", "PROPN"
            else:
                lemma, upos = f"{head.lower()}-{a.lemma.lower()}", a.upos
            feats = a.feats if upos != "PROPN" or "Case=" in a.feats else "Case=Nom"
            out.append(Analysis(lemma, upos, feats, a.suffixes, a.tags, "lexicon", a.cost + 0.5))
    return out


def analyze(word: str) -> list[Analysis]:
    """Every plausible analysis of `word`, best first (the list is a fresh copy; entries are immutable)."""
    return list(_analyze(word))


# `analyze` without the copy: the cached tuple itself, for callers that only read it (one call per token).
readings = _analyze


def known_word(word: str) -> bool:
    """True when `word` is a lexicon or closed-class word, or analysable to a lexicon stem."""
    return any(a.source in ("lexicon", "closed") for a in _analyze(word))
