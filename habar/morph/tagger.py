"""Choose one reading per token in context and fill `lemma`, `upos`, `feats`.

The analyzer ranks readings of a word on its own (lexicon frequency counted over unlabeled text, morpheme
costs). Context then adjusts that ranking with a few local rules, each a line in `_best` below:
capitalisation away from the sentence start, a determiner or adjective before a noun, auxiliaries after
verb forms, postpositions after the case they govern (habar/data/morph/postpositions.tsv), imperatives only
where a clause ends. `_relabel` then applies the UD conventions that depend on the neighbours: an aspect
verb (отыр, жатыр, тұр...) is an auxiliary only after a converb, an adjective with a possessive is a noun.
"""

from __future__ import annotations

from functools import lru_cache

from habar.document import Article, Token
from habar.morph.analyzer import Analysis
from habar.morph.api import readings
from habar.morph.lexicon import DATA_DIR, LexiconError
from habar.pipeline import step as pipeline_step

SENTENCE_END = frozenset({".", "!", "?", "…", "»", ":", ";", "\"", "«", "“", "”", "—", "–", "-", "(", ")"})
SENTENCE_FINAL = frozenset({".", "!", "?", "…"})
POSTPOSITIONS_FILE = DATA_DIR / "postpositions.tsv"

# Verbs that act as aspectual auxiliaries after a converb: айтып отырды, сындырып кетті, оқып шықты, жабылып қалды.
ASPECT_AUX = frozenset({"жат", "отыр", "тұр", "жүр", "кет", "шық", "қал"})
COPULA = frozenset({"е"})
# Words that end the clause of an imperative before them: «бере гөр» деп, кел, деді.
QUOTATIVE = frozenset({"деп", "деді", "деген", "дейді", "деп,"})
NOMINAL = frozenset({"NOUN", "PROPN", "PRON", "NUM", "ADJ", "DET"})
ADP_GOVERNED = -0.5      # a postposition right after the case it takes
ADP_UNGOVERNED = 0.5     # ... and after anything else: кейін, бұрын, басқа, сай are then adverbs, nouns, adjectives
IMPERATIVE_MID = 1.0     # a bare imperative inside a clause is almost always a noun or another verb form
ADP_FINAL = 3.0          # a postposition never ends a sentence: ... адам қатысты. is a verb
AFTER_QUANTIFIER = 1.5   # after a numeral or determiner comes a noun, not a particle: бір ай, екі жыл
PARTICLES = frozenset({"PART", "INTJ", "CCONJ", "SCONJ"})


@lru_cache(maxsize=1)
def postpositions() -> dict[str, frozenset[str]]:
    """postposition lemma -> the cases of the word it follows (Nom stands for any bare nominal)."""
    out: dict[str, frozenset[str]] = {}
    with POSTPOSITIONS_FILE.open(encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            if not line.strip() or line.startswith("#"):
                continue
            cols = line.rstrip("\n").split("\t")
            if len(cols) != 2:
                raise LexiconError(f"{POSTPOSITIONS_FILE}:{lineno}: expected `lemma<TAB>cases`; fix the line")
            out[cols[0]] = frozenset(cols[1].split(","))
    return out


def _case_of(prev: Analysis) -> str:
    """The case a postposition sees after `prev`: its Case feature, Nom for a bare nominal or verbal noun."""
    case = prev.case
    if case:
        return case
    if prev.upos in NOMINAL or "VerbForm=Ger" in prev.feats or "VerbForm=Part" in prev.feats:
        return "Nom"
    return ""


def _noun_follows(nxt: tuple[Analysis, ...], nxt_final: bool) -> bool:
    """Whether the next word can be the noun phrase a determiner opens: a noun or numeral reading, or an
    adjective that does not end the sentence (бұл жақсы кітап; бұл жақсы. is a pronoun and its predicate)."""
    return any(r.upos in ("NOUN", "PROPN", "NUM") for r in nxt) or bool(nxt) and nxt[0].upos == "ADJ" and not nxt_final


_NO_TABLE: frozenset[str] = frozenset()   # an ADP reading whose lemma is not in postpositions.tsv
FACTS_CACHE = 200_000
_FACTS: dict[str, tuple[tuple[Analysis, ...], tuple]] = {}   # word -> (its readings, their _facts)


def _facts(a: Analysis) -> tuple:
    """What the context rules ask of one reading, worked out once per word form."""
    upos, feats = a.upos, a.feats
    adp = (postpositions().get(a.lemma, _NO_TABLE)) if upos == "ADP" else None
    return (a, upos, a.cost, a.source == "guess", upos == "CCONJ" and a.lemma == "мен", upos == "ADJ" and not feats,
            "NOM:LI" in a.tags, "Case=Acc" in feats, upos == "ADJ" and "[psor]" in feats, adp,
            (upos == "VERB" or upos == "AUX") and "VerbForm=Fin" in feats, "Mood=Imp" in feats, upos in PARTICLES)


def _word_facts(word: str, rs: tuple[Analysis, ...]) -> tuple:
    got = _FACTS.get(word)
    if got is not None and got[0] is rs:   # the same cached readings (not recomputed since)
        return got[1]
    if len(_FACTS) >= FACTS_CACHE:
        _FACTS.clear()
    facts = tuple(_facts(a) for a in rs)
    _FACTS[word] = (rs, facts)
    return facts


def _best(rs: tuple[Analysis, ...], word: str, prev: Analysis | None, nxt: tuple[Analysis, ...], sent_start: bool,
          sent_end: bool, clause_end: bool, nxt_final: bool) -> Analysis:
    """The reading with the lowest score: the analyzer's cost plus context adjustments (one line per rule;
    what depends only on the context is worked out once per token, what depends only on the reading once per
    word form)."""
    capital = word[:1].isupper() and not word.isupper()
    nxt0 = nxt[0] if nxt else None
    nxt_upos = nxt0.upos if nxt0 is not None else ""
    attributive = nxt_upos in ("NOUN", "PROPN", "ADJ", "NUM")
    before_noun = nxt_upos in ("NOUN", "PROPN") and not sent_end
    before_copula = nxt0 is not None and nxt0.lemma in COPULA and nxt_upos == "AUX"
    after_quantifier = prev is not None and prev.upos in ("NUM", "DET")
    noun_follows = prev_case = None
    best, best_s = rs[0], 0.0
    k = 0
    for a, upos, s, guessed, men, bare_adj, nom_li, acc, possessed_adj, adp, finite, imperative, particle \
            in _word_facts(word, rs):
        if capital and upos == "PROPN":
            if not sent_start:
                s -= 1.5   # a capital inside a sentence marks a name
            elif guessed:
                s += 0.5   # a capital at the start says nothing
        if men and sent_start:
            s += 1.0   # "мен" joins two nouns; at the start it is the pronoun
        if upos == "DET":   # attributive position; бұл/осы/бір standing alone are pronouns or numerals
            if noun_follows is None:
                noun_follows = _noun_follows(nxt, nxt_final)
            s += -0.5 if noun_follows else 0.6
        elif bare_adj and attributive:
            s -= 0.3
        if before_noun:
            # before a noun: білімді адам is an adjective, an accusative object would rather precede the verb
            s += -0.3 if nom_li else (0.3 if acc else 0.0)
        if possessed_adj:
            s += 0.3   # a possessed word is more often the noun reading
        if adp is not None:   # a postposition: after the case it governs (habar/data/morph/postpositions.tsv)
            if adp is _NO_TABLE:
                if prev is not None and prev.upos not in ("NOUN", "PROPN", "PRON", "NUM", "VERB", "ADJ"):
                    s += 0.4
            else:
                if prev_case is None:
                    prev_case = _case_of(prev) if prev is not None else ""
                s += ADP_GOVERNED if prev is not None and prev_case in adp else ADP_UNGOVERNED
        if before_copula and upos == "VERB":
            s -= 1.0   # айтушы еді, барған екен: a verb form before the copula
        if sent_end and finite:
            s -= 0.5   # Kazakh is verb-final
        if sent_end and acc and upos != "VERB":
            s += 0.5
        if not clause_end and imperative:
            s += IMPERATIVE_MID
        if sent_end and upos == "ADP":
            s += ADP_FINAL
        if after_quantifier and particle:
            s += AFTER_QUANTIFIER
        if k == 0 or s < best_s:
            best, best_s = a, s
        k += 1
    return best


def _relabel(a: Analysis, prev: Analysis | None, rs: tuple[Analysis, ...]) -> Analysis:
    """UD labels that depend on the neighbours: отыр/жатыр/тұр... are AUX right after a converb and VERB
    elsewhere (үйде тұр); an adjective carrying a possessive is used as a noun when the word has that noun
    reading (жасы, ортасында; көбі stays an adjective)."""
    if a.lemma in ASPECT_AUX and a.upos in ("VERB", "AUX"):
        upos = "AUX" if prev is not None and ("VerbForm=Conv" in prev.feats or "VerbForm=Inf" in prev.feats) else "VERB"
        if upos != a.upos:
            return a._replace(upos=upos)
    elif a.upos == "ADJ" and "[psor]" in a.feats:
        return next((r for r in rs if r.upos == "NOUN" and r.lemma == a.lemma and r.feats == a.feats), a)
    return a


def choose(tokens: list[Token], readings_: list[tuple[Analysis, ...]]) -> list[Analysis]:
    """Left to right: each token's best reading given the previous choice and the next token's readings."""
    return _choose([t.text for t in tokens], readings_)


def _choose(texts: list[str], readings_: list[tuple[Analysis, ...]]) -> list[Analysis]:
    chosen: list[Analysis] = []
    append = chosen.append
    n = len(texts)
    prev = None
    i = -1
    for rs in readings_:
        i += 1
        if len(rs) == 1:
            best = rs[0]
        else:
            nxt_tok = texts[i + 1] if i + 1 < n else ""
            end = i + 1 == n or nxt_tok in SENTENCE_FINAL
            best = _best(rs, texts[i], prev, readings_[i + 1] if i + 1 < n else (),
                         i == 0 or texts[i - 1] in SENTENCE_END, end,
                         end or not nxt_tok[:1].isalnum() or nxt_tok in QUOTATIVE,
                         i + 2 >= n or texts[i + 2] in SENTENCE_FINAL)
        if best.upos == "ADJ" or best.lemma in ASPECT_AUX:
            best = _relabel(best, prev, rs)
        prev = best
        append(best)
    return chosen


def tag_tokens(tokens: list[Token]) -> None:
    """Fill lemma, upos and feats of every token in place."""
    texts = [t.text for t in tokens]
    for tok, a in zip(tokens, _choose(texts, list(map(readings, texts)))):
        tok.lemma, tok.upos, tok.feats = a.lemma, a.upos, a.feats


@pipeline_step("morph", requires=("tokens",), provides=("lemma", "upos", "feats"))
def step(article: Article) -> Article:
    tag_tokens(article.tokens)
    return article
