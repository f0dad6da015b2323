"""Choose one reading per token in context and fill `lemma`, `upos`, `feats`.

The analyzer ranks readings of a word on its own (lexicon frequency counted over unlabeled text, morpheme
costs). Context then adjusts that ranking with a few local rules, each a line in CONTEXT_RULES below:
capitalisation away from the sentence start, a determiner or adjective before a noun, auxiliaries after
verb forms, postpositions after the case they govern.
"""

from __future__ import annotations

from habar.document import Article, Token
from habar.morph.analyzer import Analysis
from habar.morph.api import analyze
from habar.pipeline import step as pipeline_step

SENTENCE_END = frozenset({".", "!", "?", "…", "»", ":", ";", "\"", "«", "“", "”", "—", "–", "-", "(", ")"})
SENTENCE_FINAL = frozenset({".", "!", "?", "…"})


def _start_of_sentence(tokens: list[Token], i: int) -> bool:
    return i == 0 or tokens[i - 1].text in SENTENCE_END


# Verbs that act as aspectual auxiliaries after a converb: айтып отырды, сындырып кетті, оқып шықты.
ASPECT_AUX = frozenset({"жат", "отыр", "тұр", "жүр", "кет", "шық"})
COPULA = frozenset({"е"})


def _score(a: Analysis, word: str, prev: Analysis | None, nxt: list[Analysis], sent_start: bool,
           sent_end: bool) -> float:
    """Lower is better: the analyzer's cost plus context adjustments (one line per rule)."""
    s = a.cost
    capital = word[:1].isupper() and not word.isupper()
    nxt0 = nxt[0] if nxt else None
    if capital and not sent_start and a.upos == "PROPN":
        s -= 1.5   # a capital inside a sentence marks a name
    if capital and sent_start and a.upos == "PROPN" and a.source == "guess":
        s += 0.5   # a capital at the start says nothing
    if a.upos == "CCONJ" and a.lemma == "мен" and sent_start:
        s += 1.0   # "мен" joins two nouns; at the start it is the pronoun
    if a.upos in ("ADJ", "DET") and nxt0 is not None and nxt0.upos in ("NOUN", "PROPN", "ADJ", "NUM"):
        s -= 0.5 if a.upos == "DET" else (0.3 if not a.feats else 0.0)   # attributive position
    if a.upos == "DET" and (nxt0 is None or nxt0.upos not in ("NOUN", "ADJ", "NUM", "PROPN")):
        s += 0.6   # бұл/осы/бір standing alone are pronouns or numerals
    if nxt0 is not None and nxt0.upos in ("NOUN", "PROPN") and not sent_end:
        # before a noun: білімді адам is an adjective, an accusative object would rather precede the verb
        s += -0.3 if "NOM:LI" in a.tags else (0.3 if "Case=Acc" in a.feats else 0.0)
    if a.upos == "ADJ" and "[psor]" in a.feats:
        s += 0.3   # a possessed word is more often the noun reading
    if a.upos == "ADP" and prev is not None and prev.upos not in ("NOUN", "PROPN", "PRON", "NUM", "VERB", "ADJ"):
        s += 0.4
    if nxt0 is not None and nxt0.lemma in COPULA and nxt0.upos == "AUX" and a.upos == "VERB":
        s -= 1.0   # айтушы еді, барған екен: a verb form before the copula
    if sent_end and a.upos in ("VERB", "AUX") and "VerbForm=Fin" in a.feats:
        s -= 0.5   # Kazakh is verb-final
    if sent_end and "Case=Acc" in a.feats and a.upos != "VERB":
        s += 0.5
    return s


def _aux_in_context(a: Analysis, prev: Analysis | None) -> Analysis:
    """A verb of ASPECT_AUX right after a converb is an auxiliary."""
    if a.upos == "VERB" and a.lemma in ASPECT_AUX and prev is not None and "VerbForm=Conv" in prev.feats:
        return Analysis(a.lemma, "AUX", a.feats, a.suffixes, a.tags, a.source, a.cost)
    return a


def choose(tokens: list[Token], readings: list[list[Analysis]]) -> list[Analysis]:
    """Left to right: each token's best reading given the previous choice and the next token's readings."""
    chosen: list[Analysis] = []
    for i, (tok, rs) in enumerate(zip(tokens, readings)):
        prev = chosen[-1] if chosen else None
        nxt = readings[i + 1] if i + 1 < len(readings) else []
        start = _start_of_sentence(tokens, i)
        end = i + 1 == len(tokens) or tokens[i + 1].text in SENTENCE_FINAL
        best = rs[0] if len(rs) == 1 else min(rs, key=lambda a: _score(a, tok.text, prev, nxt, start, end))
        chosen.append(_aux_in_context(best, prev))
    return chosen


def tag_tokens(tokens: list[Token]) -> None:
    """Fill lemma, upos and feats of every token in place."""
    readings = [analyze(t.text) for t in tokens]
    for tok, a in zip(tokens, choose(tokens, readings)):
        tok.lemma, tok.upos, tok.feats = a.lemma, a.upos, a.feats


@pipeline_step("morph", requires=("tokens",), provides=("lemma", "upos", "feats"))
def step(article: Article) -> Article:
    tag_tokens(article.tokens)
    return article
