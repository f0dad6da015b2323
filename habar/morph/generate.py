"""Generation: the inverse of analysis, from a lemma and a chain of grammar templates to a surface form.

Used by the round-trip tests (every generated form must analyse back to its lemma) and by search, which can
expand a query lemma into its forms.
"""

from __future__ import annotations

from habar.morph.phonology import VOICING, VOWELS, final_class, harmony, realise

# Paradigm chains by part of speech: each is a sequence of templates from habar.morph.grammar.
NOUN_CHAINS = [
    (), ("LAр",), ("NIң",), ("CI",), ("GA",), ("DA",), ("BAн",), ("Mен",),
    ("SI",), ("SI", "нIң"), ("SI", "н"), ("SI", "нA"), ("SI", "нDA"), ("SI", "нAн"), ("SI", "мен"),
    ("Yм",), ("Yм", "A"), ("Yң",), ("YмIз",), ("YмIз", "DA"), ("YңIз",),
    ("LAр", "NIң"), ("LAр", "GA"), ("LAр", "DA"), ("LAр", "SI"), ("LAр", "SI", "нIң"), ("LAр", "SI", "нDA"),
    ("LAр", "YмIз", "DA"), ("DA", "GI"),
]
VERB_CHAINS = [
    ("DI",), ("DIм",), ("DIK",), ("EDI",), ("EмIн",), ("Yп",), ("GAн",), ("EтIн",), ("сA",), ("у",),
    ("у", "SI"), ("у", "GA"), ("GAн", "SI"), ("GAн", "DA"), ("PA", "DI"), ("PA", "EDI"), ("PAй",),
    ("YңIз",), ("сIн",), ("GAн", "DIK", "SI"),
]
PASSIVE_CHAINS = [("Q", "DI"), ("Q", "GAн"), ("Q", "EDI")]   # for transitive verbs only


def inflect(lemma: str, templates: tuple[str, ...]) -> str:
    """`lemma` with `templates` realised in turn: кітап + (SI, нDA) -> кітабында, оқы + (EDI,) -> оқиды."""
    h, c = harmony(lemma), final_class(lemma)
    out = lemma
    for t in templates:
        surface, h, c = realise(t, h, c)
        out = _join(out, surface)
    return out


def _join(stem: str, suffix: str) -> str:
    """Orthographic and phonological joins: final п/к/қ voice before a vowel, ы/і + й -> и, ы/і + у -> у."""
    if not suffix:
        return stem
    last = stem[-1]
    if suffix[0] in VOWELS and last in VOICING:
        return stem[:-1] + VOICING[last] + suffix
    if last in "ыі" and suffix[0] == "й":
        return stem[:-1] + "и" + suffix[1:]
    if last in "ыі" and suffix[0] == "у":
        return stem[:-1] + suffix
    if last == "й" and suffix[0] == "у":
        return stem[:-1] + "ю" + suffix[1:]
    if last == "и" and suffix[0] == "у":
        return stem + "ю" + suffix[1:]
    return stem + suffix


def paradigm(lemma: str, upos: str) -> list[str]:
    """A sample paradigm of a lemma: the forms search and the round-trip tests rely on."""
    chains = VERB_CHAINS if upos in ("VERB", "AUX") else NOUN_CHAINS
    return [inflect(lemma, chain) for chain in chains]
