"""CoNLL-U: one block per sentence with our lemma, UPOS and FEATS, and entities as BIO tags in MISC.

Shared by `habar analyze --format conllu` and `habar export --format conllu`. Each article opens with
`# newdoc id`, each sentence has `# sent_id = ID-N` and `# text`; ID counts 1..n in a sentence. MISC carries
`NER=B-LABEL` / `NER=I-LABEL` on tokens inside an entity (nothing on the others, which are O) and
`SpaceAfter=No` where the next token follows without a space. XPOS, HEAD, DEPREL and DEPS are "_": habar does not
parse syntax.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path
from typing import Iterable, Iterator

from habar.document import Article, Entity, Token
from habar.export import tally
from habar.export.sink import open_text

_BREAKS = re.compile(r"[\t\n\r\v\f\x85\u2028\u2029]")  # a column or a comment is one line without tabs


def _column(value: str) -> str:
    return _BREAKS.sub(" ", value) or "_"


def flat_entities(entities: list[Entity]) -> list[Entity]:
    """Entities that do not overlap, longest first where they do: BIO cannot nest, so an entity inside
    another (a DATE inside an EVENT) gives way to the outer one."""
    kept: list[Entity] = []
    for e in sorted(entities, key=lambda e: (e.start, e.start - e.end)):
        if e.end > e.start and (not kept or e.start >= kept[-1].end):
            kept.append(e)
    return kept


def bio_tags(tokens: list[Token], entities: list[Entity]) -> list[str]:
    """"B-LABEL", "I-LABEL" or "" for each of `tokens` (in text order): a token is in an entity when they overlap."""
    tags = [""] * len(tokens)
    ents = flat_entities(entities)
    k, first = 0, True
    for i, t in enumerate(tokens):
        while k < len(ents) and ents[k].end <= t.start:
            k, first = k + 1, True
        if k < len(ents) and ents[k].start < t.end and t.start < ents[k].end:
            tags[i] = ("B-" if first else "I-") + ents[k].label
            first = False
    return tags


def _sentence_spans(article: Article) -> list[tuple[int, int]]:
    if article.sentences:
        return sorted((s.start, s.end) for s in article.sentences)
    return [(0, len(article.text))] if article.tokens else []  # tokens without a segmenter: one block


def sentence_blocks(article: Article) -> Iterator[list[str]]:
    """The lines of each sentence block (comments and token rows, without the blank line that ends it)."""
    tokens = sorted(article.tokens, key=lambda t: (t.start, t.end))
    tags = bio_tags(tokens, article.entities)
    at, n = 0, 0
    for start, end in _sentence_spans(article):
        while at < len(tokens) and tokens[at].start < start:
            at += 1  # a token that straddles a sentence boundary belongs to neither
        mine = []
        while at < len(tokens) and tokens[at].start < end:
            if tokens[at].end <= end:
                mine.append(at)
            at += 1
        if not mine:
            continue  # CoNLL-U has no empty sentences
        n += 1
        lines = [f"# newdoc id = {article.id}"] if n == 1 else []
        lines += [f"# sent_id = {article.id}-{n}", "# text = " + _BREAKS.sub(" ", article.text[start:end])]
        for j, i in enumerate(mine, 1):
            t = tokens[i]
            misc = [f"NER={tags[i]}"] if tags[i] else []
            if j < len(mine) and tokens[mine[j]].start == t.end:
                misc.append("SpaceAfter=No")
            lines.append("\t".join([str(j), _column(t.text), _column(t.lemma), t.upos or "_", "_", t.feats or "_",
                                    "_", "_", "_", "|".join(misc) or "_"]))
        yield lines


def article_conllu(article: Article) -> str:
    return "".join("\n".join(lines) + "\n\n" for lines in sentence_blocks(article))


def write_conllu(articles: Iterable[Article], out: Path | None) -> Counter:
    counts: Counter = Counter()
    with open_text(out, errors="replace") as fh:  # a lone surrogate becomes "?": CoNLL-U has no escapes
        for article in articles:
            blocks = 0
            for lines in sentence_blocks(article):
                fh.write("\n".join(lines) + "\n\n")
                blocks += 1
            tally(counts, article)
            if blocks < len(article.sentences):
                counts["sentences without tokens (left out)"] += len(article.sentences) - blocks
    return counts
