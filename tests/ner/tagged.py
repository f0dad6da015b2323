"""Sentences for the repair tests, written "Ұлттық/B-ORG банкі/I-ORG келді": tokens and IOB2 tags, and the
(text, label) of their spans. A word without "/TAG" is O; labels may be abbreviated (ORG is ORGANISATION)."""

from __future__ import annotations

from habar.ner.corpus import spans

ABBREVIATIONS = {"CAR": "CARDINAL", "ORD": "ORDINAL", "ORG": "ORGANISATION", "POS": "POSITION", "FAC": "FACILITY",
                 "PER": "PERSON"}


def tagged(text: str) -> tuple[list[str], list[str]]:
    tokens, tags = [], []
    for item in text.split():
        tok, _, tag = item.rpartition("/") if "/" in item[1:] else (item, "", "O")
        if tag != "O":
            tag = tag[:2] + ABBREVIATIONS.get(tag[2:], tag[2:])
        tokens.append(tok)
        tags.append(tag)
    return tokens, tags


def names(tokens: list[str], tags: list[str]) -> list[tuple[str, str]]:
    return [(" ".join(tokens[a:b]), label) for a, b, label in spans(tags)]
