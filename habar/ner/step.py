"""The NER pipeline step: tag `article.tokens` sentence by sentence and fill `article.entities`."""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache

from habar.document import Article, Entity, Token
from habar.ner.baseform import base_form, strip_word
from habar.ner.corpus import spans
from habar.ner.grouping import group
from habar.ner.model import STRAIGHT_QUOTES, NerModel, default_model
from habar.ner.repair import propagate_aliases
from habar.pipeline import step
from habar.values import VALUE_LABELS, normalise

SENTENCE_END = {".", "!", "?", "…"}
_DECIMAL = re.compile(r"^(\d+)([.,])(\d+)$")
MAX_SENTENCE_TOKENS = 200  # very long "sentences" (lists, tables) are cut so tagging stays linear


def sentence_chunks(article: Article) -> list[list[Token]]:
    """Tokens grouped by the article's sentences, or by sentence-final punctuation when it has none."""
    toks = article.tokens
    starts = [t.start for t in toks]
    if article.sentences and starts == sorted(starts):  # as the tokenizer gives them: cut by bisection
        chunks, i = [], 0
        for s in article.sentences:
            end = bisect_left(starts, s.end, i)  # the tokens from i that start before the sentence's end...
            first = bisect_left(starts, s.start, i, end)  # ...less those before its start
            if first < end:
                chunks.append(toks[first:end])
            i = end
        if i < len(toks):
            chunks.append(toks[i:])
    elif article.sentences:  # the same cut, token by token
        chunks, i = [], 0
        for s in article.sentences:
            chunk = []
            while i < len(toks) and toks[i].start < s.end:
                if toks[i].start >= s.start:
                    chunk.append(toks[i])
                i += 1
            if chunk:
                chunks.append(chunk)
        if i < len(toks):
            chunks.append(toks[i:])
    else:
        chunks, chunk = [], []
        for t in article.tokens:
            chunk.append(t)
            if t.text in SENTENCE_END:
                chunks.append(chunk)
                chunk = []
        if chunk:
            chunks.append(chunk)
    return [c[j:j + MAX_SENTENCE_TOKENS] for c in chunks for j in range(0, len(c), MAX_SENTENCE_TOKENS)]


def kaznerd_pieces(tokens: list[Token]) -> list[Token]:
    """Re-cut habar tokens the way KazNERD's training text is cut, keeping character offsets.

    KazNERD writes "99 %-ы", "3 , 9" and "Zakon.kz-ке" where habar.text.tokenize gives "99%" "-ы", "3,9"
    and "Zakon.kz" "-ке"; the model sees its own convention and the entities keep habar's offsets.
    """
    out: list[Token] = []
    for t in tokens:
        first = t.text[:1]
        # none of the cases below (most words; a letter is never a digit, so one isalpha call decides most)
        if t.text.isalpha() or not (first.isdigit() or first == "-" or t.text.endswith("%")):
            out.append(t)
            continue
        m = _DECIMAL.match(t.text)
        if m:
            a, b = t.start + m.end(1), t.start + m.end(2)
            out += [Token(m.group(1), t.start, a, "number"), Token(m.group(2), a, b, "punct"),
                    Token(m.group(3), b, t.end, "number")]
        elif len(t.text) > 1 and t.text.endswith("%") and t.text[:-1].replace(" ", "").isdigit():
            out += [Token(t.text[:-1], t.start, t.end - 1, "number"), Token("%", t.end - 1, t.end, "symbol")]
        elif t.text.startswith("-") and len(t.text) > 1 and out and out[-1].end == t.start \
                and t.text[1:].isalpha():
            prev = out[-1]
            out[-1] = Token(prev.text + t.text, prev.start, t.end, prev.kind)
        else:
            out.append(t)
    return out


def quote_sides(tokens: list[Token]) -> list[str]:
    """Token texts with straight quotes turned into « or » by which word they touch.

    The normalise step pairs quotes, but leaves an unpaired one straight ('"Зерде" Холдингі" АҚ'); taken as an
    opening quote it would put the rest of the sentence "inside a title". One glued to the word before it and
    not the word after closes; glued only to the word after, it opens; otherwise NerModel alternates.
    """
    out = []
    for i, t in enumerate(tokens):
        text = t.text
        if text in STRAIGHT_QUOTES:
            left = i > 0 and tokens[i - 1].end == t.start
            right = i + 1 < len(tokens) and tokens[i + 1].start == t.end
            if left != right:
                text = "»" if left else "«"
        out.append(text)
    return out


def find_entities(article: Article, model: NerModel) -> list[Entity]:
    chunks = [kaznerd_pieces(chunk) for chunk in sentence_chunks(article)]
    texts = [quote_sides(chunk) for chunk in chunks]
    tagged = list(zip(texts, model.tag_many(texts)))  # all sentences in one batch
    aliases = propagate_aliases(tagged)  # "(бұдан әрі – АТЫО)" labels АТЫО across the article
    out, where = [], []
    for si, (chunk, (words, tags)) in enumerate(zip(chunks, tagged)):
        if tags.count("O") == len(tags):
            continue
        for start, end, label in spans(tags):
            toks = chunk[start:end]
            if label in VALUE_LABELS:
                norm = text_of(article.text, toks)
                value = normalise(label, words[start:end], article.published, words[end:end + 1])
            else:
                norm, value = _norm(article.text, toks, model, label), None
            out.append(Entity(text=text_of(article.text, toks), label=label, start=toks[0].start,
                              end=toks[-1].end, norm=norm, value=value))
            where.append((si, start, end))
    group(out)
    for alias, d in aliases.items():  # the alias and the name it stands for are one entity
        named = next((e for e, (si, a, b) in zip(out, where) if si == d.sentence and a <= d.token < b), None)
        if named is not None and named.group >= 0:
            joined = {e.group for e in out if e.norm == alias and e.label == named.label}
            for e in out:
                if e.group in joined:
                    e.group = named.group
    return out


def text_of(text: str, tokens: list[Token]) -> str:
    return text[tokens[0].start:tokens[-1].end] if text else " ".join(t.text for t in tokens)


@lru_cache(maxsize=20_000)
def lexicon_base(word: str) -> str | None:
    """The word cut to its lemma when the lexicon's best reading is a proper noun with only a case ending
    ("Лондонда" -> "Лондон", "Беларусьте" -> "Беларусь"); else None. The NER model's vocabulary has seen
    "Лондонда" but never "Лондон", so the ending rules alone kept the locative, and "Беларусьте" was an entity
    apart from "Беларусь" in 6,246 articles of the 1M benchmark store."""
    from habar.morph import analyze

    best = next(iter(analyze(word)), None)
    if (best is None or best.upos != "PROPN" or best.source != "lexicon" or not best.suffixes
            or "[psor]" in best.feats or "Number=" in best.feats):
        return None
    lemma = best.lemma
    return word[:len(lemma)] if word.lower().startswith(lemma.lower()) and len(lemma) < len(word) else None


def _norm(text: str, tokens: list[Token], model: NerModel, label: str) -> str:
    """Base form with the article's own spacing: only the last word changes."""
    if not text:
        return base_form([t.text for t in tokens], model.known, label, lexicon_base)
    last = tokens[-1]
    return text[tokens[0].start:last.start] + strip_word(last.text, model.known, person=label == "PERSON",
                                                         lemma=lexicon_base)


@step("ner", requires=("tokens",), provides=("entities",))
def ner_step(article: Article) -> Article:
    """Named entities with base forms, normalised values and mention groups."""
    article.entities = find_entities(article, default_model())
    return article
