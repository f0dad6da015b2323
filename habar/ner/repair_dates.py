"""Repairs of DATE spans by KazNERD's conventions for where a date phrase begins and ends.

A CRF sees two words either side; a date phrase ("27-нші наурыз бен 4-інші сәуір аралығында", "наурыздың 22-нен
бастап") is often longer, and the CRF closes it early or splits it at a conjunction. The conventions, each counted
on the gold spans of the training sentences (habar.ner.repair_words keeps the words and the counts):
- `join_ranges`: "<date> мен <date> аралығында" ("between ... and ...") is one DATE, conjunction and "аралығында"
  included.
- `month_day`: a month in the genitive followed by a day number ("наурыздың 22-нен", "қаңтардың онына") is one DATE.
- `date_postpositions`: the postpositions that close a date phrase ("дейін", "бері", "бұрын", "ішінде") are inside
  it, and the ones that follow it ("бастап", "қарай") are outside.
"""

from __future__ import annotations

from habar.ner.corpus import spans
from habar.ner.repair_phrases import set_span
from habar.ner.repair_words import (DATE_INSIDE_AFTER, DATE_OUTSIDE_AFTER, GENITIVE_ENDINGS, RANGE_JOINERS,
                                    RANGE_REACH, RANGE_WORDS)
from habar.values.numbers import is_numeric
from habar.values.words import month_word

NUMBERISH = ("DATE", "CARDINAL", "ORDINAL")  # labels a date's pieces get when the CRF splits it


def _span_at(tags: list[str], i: int) -> tuple[int, int, str] | None:
    """The span holding token i, or None."""
    if tags[i] == "O":
        return None
    start = i
    while start > 0 and tags[start].startswith("I-") and tags[start - 1][2:] == tags[i][2:]:
        start -= 1
    end = i + 1
    while end < len(tags) and tags[end] == "I-" + tags[i][2:]:
        end += 1
    return start, end, tags[i][2:]


def _datelike(token: str) -> bool:
    return is_numeric(token) or month_word(token) is not None


def join_ranges(tokens: list[str], tags: list[str]) -> list[str]:
    """"<DATE> мен/бен/пен/– ... аралығында" as one DATE (in place; returns tags)."""
    for k, tok in enumerate(tokens):
        if not tok.lower().startswith(RANGE_WORDS) or tags[k][2:] not in ("", "DATE"):
            continue
        joiners = [j for j in range(max(1, k - RANGE_REACH), k) if tokens[j].lower() in RANGE_JOINERS]
        if not joiners:
            continue
        j = joiners[-1]
        first = _span_at(tags, j - 1)
        if first is None or first[2] != "DATE" or tags[j] != "O":
            continue  # the first date is not a DATE of its own, or the range is one span already
        if not all(tags[m][2:] in NUMBERISH or _datelike(tokens[m]) or tags[m] == "I-DATE" for m in range(j + 1, k)):
            continue
        if any(tags[m][2:] not in ("", *NUMBERISH) for m in range(j + 1, k + 1)):
            continue
        set_span(tags, first[0], k + 1, "DATE")
    return tags


def month_day(tokens: list[str], tags: list[str]) -> list[str]:
    """A month in the genitive, then a day number: one DATE ("наурыздың 22-нен") (in place; returns tags)."""
    for i in range(len(tokens) - 1):
        low = tokens[i].lower()
        if not low.endswith(GENITIVE_ENDINGS) or month_word(low) is None or tags[i][2:] not in ("", "DATE"):
            continue
        if tags[i + 1] == "I-DATE" or not is_numeric(tokens[i + 1]):
            continue
        nxt = _span_at(tags, i + 1)
        if nxt is not None and nxt[2] not in NUMBERISH:
            continue
        end = nxt[1] if nxt is not None else i + 2
        start = (_span_at(tags, i) or (i, i + 1, ""))[0]
        set_span(tags, start, end, "DATE")
    return tags


def date_postpositions(tokens: list[str], tags: list[str]) -> list[str]:
    """A DATE takes the postposition after it that KazNERD puts inside ("дейін"), and gives back one it puts
    outside ("бастап") (in place; returns tags)."""
    if "B-DATE" not in tags:
        return tags
    for start, end, label in spans(tags):
        if label != "DATE":
            continue
        if end < len(tokens) and tags[end] == "O" and tokens[end].lower() in DATE_INSIDE_AFTER:
            tags[end] = "I-DATE"
        elif end - start > 1 and tokens[end - 1].lower() in DATE_OUTSIDE_AFTER:
            tags[end - 1] = "O"
    return tags


def repair_dates(tokens: list[str], tags: list[str]) -> list[str]:
    """All of the above, in order (in place; returns tags)."""
    if tags.count("O") == len(tags) and not _may_hold_range(tokens):
        return tags
    return date_postpositions(tokens, join_ranges(tokens, month_day(tokens, tags)))


def _may_hold_range(tokens: list[str]) -> bool:
    """Whether a token starts with a RANGE_WORDS word, which join_ranges needs: one lower-casing and one search of
    the joined sentence rule most sentences out (a token's lower-case letters are in it), then the tokens."""
    joined = "\n".join(tokens).lower()
    return any(w in joined for w in RANGE_WORDS) and any(t.lower().startswith(RANGE_WORDS) for t in tokens)
