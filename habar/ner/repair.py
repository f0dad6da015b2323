"""Repairs of predicted tags where a CRF's view of a few neighbouring words is too short.

- `split_coordination`: "Еуразиялық комиссия және ТМД атқару комитеті" is two organisations. An ORGANISATION span
  is split at "және" when the part before it is a complete name (two words or more, ending in an organisation
  head noun) and the part after it starts with a capital; when that second part has no head noun yet, it takes
  the lowercase words up to the next head noun ("ТМД" + "атқару комитетінің").
- `quoted_organisations`: a quoted name before an organisation head noun or legal form is an organisation, the
  quotes left out: «Нұр Отан» партиясы, «Зерде» холдингі, «Бөбек» қоры (so in all such KazNERD sentences), also
  when the model took quotes and head into one span of their own.
- `ends_name`: a word in the plain locative ("Қазақстан астанасында", "Екатеринбургте") ends a name; NerModel
  decodes with that as a constraint, so "Қазақстан астанасында ... Вице-министрі" is not one POSITION.
- `take_head`: an organisation name followed by a lowercase head noun takes it ("Еуразиялық" + "топ"), except
  the descriptors KazNERD leaves outside ("Astana LRT компаниясы").
- `trim_spans`: no entity starts or ends with a dash, comma or stray bracket.
- `repair`: all of the sentence-level ones, as NerModel runs them after decoding, with those of
  habar.ner.repair_phrases (a POSITION that ends in a head noun or a plural, a place noun after a name, a name
  cut at a dative, untagged acronyms, bylines, demonyms) and habar.ner.repair_dates (date ranges, month and day,
  postpositions).
- `propagate_aliases`: "... ынтымақтастық орталығы (бұдан әрі – АТЫО)" defines АТЫО as another name of the entity
  before the bracket, so АТЫО gets that entity's label there and at its other mentions in the article
  ("АТЫО-ның", "АТЫО-н"), which a CRF sees as unknown capitals; an acronym tagged on its own in one sentence
  lends its label to its untagged mentions in the others ("ЕАЭО елдерінде").
"""

from __future__ import annotations

from collections import Counter
from typing import Callable, NamedTuple

from habar.ner.corpus import spans
from habar.ner.heads import ALIAS_MARKERS, DASHES, DESCRIPTORS, LEGAL_FORMS, LOCATIVE_ADJECTIVE, MAX_QUOTED, PLACE_HEADS
from habar.ner.repair_dates import repair_dates
from habar.ner.repair_phrases import (acronym_organisations, byline_person, cut_at_instrumental, cut_at_oblique,
                                      demonym_norp, head_of, places_out_of_organisations, relabel_positions)
from habar.values.endings import nominal_endings

MAX_HEAD_REACH = 3  # lowercase words the second part of a split may take to reach its head noun


def ends_name(word: str, analysis: tuple[str, ...]) -> bool:
    """Whether no named entity continues past this word: habar.morph's best analysis (lemma, upos, case[, source])
    is a plain locative, of a lowercase word, of a name the lexicon knows, or with a possessive. A capitalised
    word the analyzer only splits as "stem + -де" ("Зерде", "Бренде") may be a whole name, so it does not count."""
    case = analysis[2]
    if not case.startswith("Loc") or word.lower().endswith(LOCATIVE_ADJECTIVE):
        return False
    known_name = analysis[1] == "PROPN" and analysis[3:4] != ("guess",)
    return word[:1].islower() or known_name or case.startswith("Loc+P")


def is_head(word: str, lemma: Callable[[str], str]) -> bool:
    return head_of(word, lemma) is not None


def take_head(tokens: list[str], tags: list[str], lemma: Callable[[str], str]) -> list[str]:
    """An ORGANISATION span followed by a lowercase head noun takes it: "Еуразиялық" + "топ" (in place)."""
    if "B-ORGANISATION" not in tags:
        return tags
    for start, end, label in spans(tags):
        if label == "ORGANISATION" and end < len(tokens) and tags[end] == "O" and tokens[end][:1].islower() \
                and head_of(tokens[end], lemma) not in DESCRIPTORS | {None}:
            tags[end] = "I-ORGANISATION"
    return tags


def quoted_organisations(tokens: list[str], tags: list[str], lemma: Callable[[str], str]) -> list[str]:
    """Label «Name» before an organisation head or legal form ORGANISATION (in place; returns tags)."""
    if "«" not in tokens:
        return tags
    for i, tok in enumerate(tokens):
        if tok != "«":
            continue
        j = next((k for k in range(i + 2, min(len(tokens), i + 2 + MAX_QUOTED)) if tokens[k] == "»"), None)
        if j is None or j + 1 >= len(tokens) or not tokens[i + 1][:1].isupper():
            continue
        whole = tags[i] != "O"  # one span "« Шұғыла » холдингі", quotes and head in it, is the name X too
        if (whole and not _one_span(tags, i, j + 2)) or (not whole and tags[j] != "O"):
            continue  # a span running over the quotes is a longer name ("«Нұр Отан» партиясының төрағасы")
        if tokens[j + 1] not in LEGAL_FORMS and head_of(tokens[j + 1], lemma) in PLACE_HEADS | {None}:
            continue
        if whole or _one_span(tags, i + 1, j) or all(t == "O" for t in tags[i + 1:j]):
            tags[i] = tags[j] = "O"
            if whole:
                tags[j + 1] = "O"
            tags[i + 1:j] = ["B-ORGANISATION"] + ["I-ORGANISATION"] * (j - i - 2)
    return tags


def _one_span(tags: list[str], start: int, end: int) -> bool:
    """Whether tags[start:end] is exactly one entity, not continued after `end`."""
    first = tags[start]
    return first.startswith("B-") and all(t == "I-" + first[2:] for t in tags[start + 1:end]) \
        and (end >= len(tags) or tags[end] != "I-" + first[2:])


def split_coordination(tokens: list[str], tags: list[str], lemma: Callable[[str], str]) -> list[str]:
    """Split "<org> және <Org>" ORGANISATION spans in two (in place; returns tags)."""
    if "B-ORGANISATION" not in tags:
        return tags
    for start, end, label in spans(tags):
        if label != "ORGANISATION":
            continue
        for k in range(start + 2, end - 1):
            if tokens[k].lower() != "және" or not tokens[k + 1][:1].isupper() or not is_head(tokens[k - 1], lemma):
                continue
            tags[k], tags[k + 1] = "O", "B-ORGANISATION"
            if not any(is_head(t, lemma) for t in tokens[k + 1:end]):
                _reach_head(tokens, tags, end, lemma)
            break
    return tags


def _reach_head(tokens: list[str], tags: list[str], end: int, lemma: Callable[[str], str]) -> None:
    for j in range(end, min(len(tokens), end + MAX_HEAD_REACH)):
        if tags[j] != "O" or not tokens[j][:1].islower():
            return
        if is_head(tokens[j], lemma):
            for m in range(end, j + 1):
                tags[m] = "I-ORGANISATION"
            return


class Definition(NamedTuple):
    label: str
    sentence: int  # where the defined name is: its sentence and last token
    token: int


def find_aliases(sentences: list[tuple[list[str], list[str]]]) -> dict[str, Definition]:
    """alias -> its definition, from "<entity> (бұдан әрі – ALIAS)" in tagged sentences."""
    out = {}
    for si, (tokens, tags) in enumerate(sentences):
        if "(" not in tokens:
            continue
        low = [t.lower() for t in tokens]
        for i in range(1, len(tokens)):
            if tokens[i] != "(" or tags[i - 1] == "O":
                continue
            j = next((i + 1 + len(m) for m in ALIAS_MARKERS if tuple(low[i + 1:i + 1 + len(m)]) == m), None)
            if j is None:
                continue
            if j < len(tokens) and tokens[j] in DASHES:
                j += 1
            if j + 1 < len(tokens) and tokens[j + 1] == ")" and _name_like(tokens[j]):
                out[tokens[j]] = Definition(tags[i - 1][2:], si, i - 1)
    return out


def tagged_acronyms(sentences: list[tuple[list[str], list[str]]]) -> dict[str, str]:
    """acronym -> label, for acronyms tagged on their own somewhere in the article (the most frequent label)."""
    votes: dict[str, Counter] = {}
    for tokens, tags in sentences:
        if tags.count("O") == len(tags):
            continue
        for start, end, label in spans(tags):
            if end - start == 1 and _acronym(_head(tokens[start])):
                votes.setdefault(_head(tokens[start]), Counter())[label] += 1
    out = {}
    for acronym, counts in votes.items():
        (label, n), *rest = counts.most_common(2)
        if not rest or rest[0][1] < n:
            out[acronym] = label
    return out


def propagate_aliases(sentences: list[tuple[list[str], list[str]]]) -> dict[str, Definition]:
    """Give every standalone mention of a defined alias its entity's label, and every untagged mention of an
    acronym the label it has elsewhere in the article ("ЕАЭО елдерінде"); tags change in place. Returns the
    definitions, so mentions of an alias can join the group of the name it stands for."""
    defined = find_aliases(sentences)  # an explicit definition overrides another label; a vote fills gaps only
    aliases = {**tagged_acronyms(sentences), **{a: d.label for a, d in defined.items()}}
    if not aliases:
        return defined
    for tokens, tags in sentences:
        # only a token with a hyphen can differ from its _head; the rest are looked up as they are
        heads = [(i, head) for i, tok in enumerate(tokens)
                 if (head := _head(tok) if "-" in tok else tok) in aliases]
        for i, head in heads:
            label = aliases[head]
            inside = tags[i].startswith("I-") or (i + 1 < len(tags) and tags[i + 1].startswith("I-"))
            if label and not inside and (tags[i] == "O" or head in defined):
                tags[i] = "B-" + label  # a mention inside a longer name ("АТЫО басшысы") keeps that name
    return defined


def _acronym(token: str) -> bool:
    letters = [ch for ch in token if ch.isalpha()]
    return len(letters) >= 2 and all(ch.isupper() for ch in letters)


def _name_like(token: str) -> bool:
    letters = [ch for ch in token if ch.isalpha()]
    return len(letters) >= 2 and letters[0].isupper()


def _head(token: str) -> str:
    """"АТЫО-ның" -> "АТЫО": the name before a hyphenated case ending."""
    head, _, tail = token.rpartition("-")
    return head if head and tail.lower() in nominal_endings() else token


# KazNERD never starts or ends an entity with these; the CRF sometimes pulls in "– АТЫО" after "бұдан әрі".
EDGE_PUNCT = {"–", "—", "-", ",", ".", ":", ";", "(", ")"}


def repair(tokens: list[str], tags: list[str], lemma: Callable[[str], str],
           places: frozenset[str] = frozenset()) -> list[str]:
    """The sentence-level repairs after decoding (in place): edges and brackets, then the ones above, then dates
    (habar.ner.repair_dates) and demonyms of `places` (lowercase place stems); quotes are «» here
    (habar.ner.model.normalise_quotes)."""
    tags = cut_at_instrumental(tokens, cut_at_oblique(tokens, trim_spans(tokens, tags)))
    tags = relabel_positions(tokens, tags, lemma)
    tags = split_coordination(tokens, places_out_of_organisations(tokens, tags, lemma), lemma)
    tags = quoted_organisations(tokens, take_head(tokens, tags, lemma), lemma)
    tags = repair_dates(tokens, byline_person(tokens, acronym_organisations(tokens, tags)))
    return demonym_norp(tokens, tags, places)


def trim_spans(tokens: list[str], tags: list[str]) -> list[str]:
    """Drop dashes, commas and brackets from the edges (never the inside) of predicted entities, and split an
    entity at a bracket it does not close or open: "NIA ) Ақпараттық ..." is two pieces."""
    if tags.count("O") == len(tags):
        return tags
    _split_at_brackets(tokens, tags)
    for start, end, label in spans(tags):
        while start < end and tokens[start] in EDGE_PUNCT:
            tags[start] = "O"
            start += 1
        while end > start and tokens[end - 1] in EDGE_PUNCT and not (
                tokens[end - 1] == ")" and "(" in tokens[start:end - 1]):  # "АТЫО ( NIA )" keeps its bracket
            end -= 1
            tags[end] = "O"
        if start < end:
            tags[start] = f"B-{label}"
    return tags


def _split_at_brackets(tokens: list[str], tags: list[str]) -> None:
    if "(" not in tokens and ")" not in tokens:
        return
    for start, end, label in spans(tags):
        opened, stray = [], []
        for k in range(start, end):
            if tokens[k] == "(":
                opened.append(k)
            elif tokens[k] == ")" and opened:
                opened.pop()
            elif tokens[k] == ")":
                stray.append(k)
        for k in sorted(stray + opened):
            tags[k] = "O"
            if k + 1 < end and tags[k + 1] != "O":
                tags[k + 1] = f"B-{label}"
