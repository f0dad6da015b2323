"""The annotations of a store row: sentences, tokens, entities and facts as columnar JSON (see habar.store.records).

Format 2 decodes alone and carries the facts (PostgreSQL, the Dask shards); format 3 is the embedded store's: no
facts (its facts table has them), a lemma only where the token's line of the terms text does not imply it, entity
labels by number. Format 1 is the first one, still read.
"""

from __future__ import annotations

import json
from dataclasses import fields

from habar.document import Article, Entity, Fact, Sentence, Token
from habar.store import codecs
from habar.store.compact import implied_lemma, label_codes, labels_of, lemma_exceptions

_ENTITY_COLS = ("text", "label", "start", "end", "norm", "value", "group")


def _columns(items: list, names) -> dict[str, list]:
    return {n: [getattr(x, n) for x in items] for n in names}


def _rows(cols: dict[str, list], cls, n: int) -> list:
    names = list(cols)
    return [cls(**dict(zip(names, values))) for values in zip(*cols.values())] if names else [cls() for _ in range(n)]


def annotation_blobs(article: Article, terms: bytes | str | None = None, portable: bool = True) -> tuple[bytes, bytes]:
    """The annotations with the facts (format 2: decodes alone; b"" unless `portable`) and without them (the
    embedded store's form: format 3 when `terms`, the article's terms text, is given; it then decodes with it)."""
    if isinstance(terms, bytes):
        terms = terms.decode()
    lines = terms[1:-1].split("\n") if terms is not None else []
    # one line per token, or the lemmas cannot be told from it (a term with a newline is a changed line)
    full, store = _annotations_json(article, lines if len(lines) == len(article.tokens) else None, portable)
    stored = codecs.compress(store or full, article.text)
    if not portable:
        return b"", stored
    facts = json.dumps([{f.name: getattr(x, f.name) for f in fields(Fact)} for x in article.facts],
                       ensure_ascii=False, separators=(",", ":")).encode()
    return codecs.compress(full[:-1] + b',"facts":' + facts + b"}", article.text), stored


def _dumps(obj) -> bytes:
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":")).encode()


def _annotations_json(article: Article, lines: list[str] | None = None,
                      portable: bool = True) -> tuple[bytes | None, bytes | None]:
    """Format 2 (None when `lines` are given and not `portable`: only the embedded store reads this record),
    and with `lines` (the terms text's, one per token) format 3 too: lemmas only where the line does not imply
    them (compact.implied_lemma), entity labels by number (compact.ENTITY_LABELS). What both have is built and
    serialised once."""
    text = article.text
    toks = article.tokens
    tags, tag_ids = codecs.tag_ids([(t.kind, t.upos, t.feats) for t in toks])
    words = {str(i): t.text for i, t in enumerate(toks) if t.text != text[t.start:t.end]}  # rare: repaired tokens
    ents = _columns(article.entities, _ENTITY_COLS)
    ents["text"] = [None if e.text == text[e.start:e.end] else e.text for e in article.entities]
    ents["norm"] = [None if e.norm == e.text else e.norm for e in article.entities]
    ents["end"] = [e.end - e.start for e in article.entities]  # lengths
    ents["start"] = codecs.deltas(ents["start"])
    flat = [x for s in article.sentences for x in (s.start, s.end)]
    common = _dumps({"sentences": codecs.deltas(flat), "tagset": codecs.CURRENT, "tags": tags, "tag": tag_ids,
                     "words": words})[1:-1]
    full = None
    if portable or lines is None:  # the lemma codes and their JSON: a tenth of a record's CPU
        full = (b'{"v":2,' + common + b',"lemma":' + _dumps([codecs.lemma_code(t.text, t.lemma) for t in toks])
                + b',"entities":' + _dumps(ents) + b"}")
    if lines is None:
        return full, None
    ents["label"] = label_codes(ents["label"])
    store = (b'{"v":3,' + common + b',"lemmas":' + _dumps(lemma_exceptions(toks, lines))
             + b',"entities":' + _dumps(ents) + b"}")
    return full, store


def decode_v2(data: dict, text: str, spans: list, lines: list[str] | None = None) -> tuple[list, list, list]:
    """Format 2, or format 3 with `lines`: the article's terms text, one line per token."""
    flat = codecs.undeltas(data["sentences"])
    sentences = [Sentence(flat[i], flat[i + 1]) for i in range(0, len(flat), 2)]
    tags = codecs.tags_of(data["tag"], data["tags"], data.get("tagset"))
    words = data["words"]
    tokens = []
    lemmas = data.get("lemmas", {})
    codes = data["lemma"] if lines is None else lines
    for i, ((kind, upos, feats), code, (s, e)) in enumerate(zip(tags, codes, spans)):
        word = words.get(str(i)) if words else None
        word = text[s:e] if word is None else word
        if lines is None:
            lemma = codecs.lemma_of(word, code)
        else:
            lemma = lemmas.get(str(i))
            lemma = implied_lemma(word, upos, code.split("|", 1)[0]) if lemma is None else lemma
        tokens.append(Token(word, s, e, kind, lemma, upos, feats))
    cols = data["entities"]
    if lines is not None:
        cols["label"] = labels_of(cols["label"])
    cols["start"] = codecs.undeltas(cols["start"])
    cols["end"] = [s + n for s, n in zip(cols["start"], cols["end"])]
    return sentences, tokens, _rows(cols, Entity, 0)


def decode_v1(data: dict, text: str, spans: list) -> tuple[list, list, list]:
    """The first format: plain columns, facts inside (habar.store.records reads them)."""
    tok = data["tokens"]
    tokens = []
    for x, k, u, f, lem, (s, e) in zip(tok["text"], tok["kind"], tok["upos"], tok["feats"], tok["lemma"], spans):
        x = x if x is not None else text[s:e]
        tokens.append(Token(x, s, e, k, x[:lem] if isinstance(lem, int) else lem, u, f))
    return _rows(data["sentences"], Sentence, 0), tokens, _rows(data["entities"], Entity, 0)
