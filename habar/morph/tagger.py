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
NOMINAL = frozenset({"NOUN", "PROPN", "PRON", "NUM"})


def _start_of_sentence(tokens: list[Token], i: int) -> bool:
    return i == 0 or tokens[i - 1].text in SENTENCE_END


def _score(a: Analysis, word: str, prev: Analysis | None, nxt: list[Analysis], sent_start: bool) -> float:
    """Lower is better: the analyzer's cost plus context adjustments."""
    s = a.cost
    capital = word[:1].isupper() and not word.isupper()
    if capital and not sent_start:
        # a capital inside a sentence marks a name; a proper-noun reading or a guess wins over a common word
        s += -1.5 if a.upos == "PROPN" else 0.0
    elif capital and sent_start and a.upos == "PROPN" and a.source == "guess":
        s += 0.5
    nxt0 = nxt[0] if nxt else None
    if a.upos in ("ADJ", "DET") and not a.feats and nxt0 is not None and nxt0.upos in ("NOUN", "PROPN"):
        s -= 0.3   # attributive position
    if a.upos == "DET" and (nxt0 is None or nxt0.upos not in ("NOUN", "ADJ", "NUM", "PROPN")):
        s += 0.6   # бұл/осы/бір standing alone are pronouns or numerals
    if a.upos == "ADP" and prev is not None and prev.upos not in NOMINAL and prev.upos != "VERB":
        s += 0.4
    if a.upos == "AUX" and prev is not None and prev.upos in ("VERB", "ADJ", "NOUN"):
        s -= 0.3
    return s


def choose(tokens: list[Token], readings: list[list[Analysis]]) -> list[Analysis]:
    """Left to right: each token's best reading given the previous choice and the next token's readings."""
    chosen: list[Analysis] = []
    for i, (tok, rs) in enumerate(zip(tokens, readings)):
        prev = chosen[-1] if chosen else None
        nxt = readings[i + 1] if i + 1 < len(readings) else []
        start = _start_of_sentence(tokens, i)
        chosen.append(min(rs, key=lambda a: _score(a, tok.text, prev, nxt, start)))
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
