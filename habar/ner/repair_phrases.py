"""Repairs of predicted spans by what the last word of a phrase is (habar.ner.repair runs them after decoding).

A CRF labels a word by its neighbours two either side; the kind of a Kazakh noun phrase is fixed by its last
word, which may be further away. KazNERD's conventions, counted on the train part of our split:
- `relabel_positions`: a POSITION ends in a title in the singular ("Ұлттық банк төрағасы"). One that ends in an
  organisation head noun is an ORGANISATION (no train POSITION does: «Шұғыла» холдингі); one that ends in a
  plural ("Ұлттық кеңес мүшелері", "X және Y академиясының оқытушылары") names a group of people, which KazNERD
  leaves outside (1 train POSITION of 515 ends in a plural): the words before it are an ORGANISATION when they
  end in a head noun, and nothing otherwise.
- `places_out_of_organisations`: "Түркия астанасында", "Тараз қаласының": no ORGANISATION ends in such a
  place noun; the name before it is a GPE and the noun is outside (habar.ner.repair_words.PLACE_NOUNS).
- `cut_at_oblique`: a lowercase word in the dative, ablative or instrumental followed by a capital ends a name
  ("цифрлық білім беруге | ШЫҰ елдерін"): no train entity goes on past one.
- `cut_at_instrumental`: a lowercase word in the instrumental inside a name ("... агенттігінің Вице-президенті
  қатысуымен ... семинары", "with the participation of"): no train entity but a value has one before its last
  word (0 of 5,186). The name ends before it, and the words from it on are outside.
- `acronym_organisations`: an all-capital Cyrillic word of 2-6 letters the model left outside every entity, in a
  sentence that is not written in capitals, is an organisation's acronym ("ШЫҰ елдерінің"), unless it is a
  common noun, a legal form or a country (habar.ner.repair_words).
- `byline_person`: a line of just two capitalised words in the nominative, where the model sees a person or the
  analyzer two proper nouns, is one person's name ("Айгүл Серікбаева" under an article).
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any, Callable

from habar.ner.corpus import spans
from habar.ner.heads import DEVOICE, LEGAL_FORMS, ORG_HEADS
from habar.ner.repair_words import (ACRONYM_LETTERS, BYLINE_WORDS, COMMON_ACRONYMS, DEMONYM_MIN_STEM,
                                    DEMONYM_SUFFIXES, OBLIQUE_CASES, PLACE_ACRONYMS, PLACE_NOUNS)
from habar.text.alphabet import UPPER
from habar.values import VALUE_LABELS
from habar.values.endings import nominal_endings

CYRILLIC_CAPITALS = frozenset(UPPER)  # the 42 capitals of the Kazakh alphabet (habar.text.alphabet)
NOT_NAMES = frozenset({*COMMON_ACRONYMS, *PLACE_ACRONYMS, *LEGAL_FORMS})
ROMAN = set("IVXLІХ")  # "ХХІ ғасыр": Roman numerals written with Cyrillic look-alikes (ІІМ is a ministry)
UNNAMED = (*VALUE_LABELS, "TIME")  # labels whose phrases may hold any case ("екі минутқа дейін")


def head_of(word: str, lemma: Callable[[str], str]) -> str | None:
    """The organisation head noun the word is a form of, or None."""
    lem = lemma(word).lower()
    if lem[-1:] in DEVOICE and lem not in ORG_HEADS:
        lem = lem[:-1] + DEVOICE[lem[-1]]
    return lem if lem in ORG_HEADS else None


@lru_cache(maxsize=1)
def _readings() -> Callable[[str], tuple[Any, ...]] | None:
    try:
        from habar.morph.api import readings
    except ImportError:  # without habar.morph, the rules that need a word's case or number do nothing
        return None
    return readings


def best_reading(word: str) -> Any | None:
    """habar.morph's best analysis of the word (lemma, upos, feats, source), or None."""
    read = _readings()
    found = read(word) if read is not None else ()
    return found[0] if found else None


def _feats(word: str) -> list[str]:
    best = best_reading(word)
    return best.feats.split("|") if best is not None else []


def set_span(tags: list[str], start: int, end: int, label: str | None) -> None:
    """Tokens start..end-1 as one span of `label`, or outside any (None)."""
    tags[start:end] = ["O"] * (end - start) if label is None else \
        ["B-" + label] + ["I-" + label] * (end - start - 1)


def relabel_positions(tokens: list[str], tags: list[str], lemma: Callable[[str], str]) -> list[str]:
    """POSITION spans that end in an organisation head or a plural (in place; returns tags)."""
    if "B-POSITION" not in tags:
        return tags
    for start, end, label in spans(tags):
        if label != "POSITION":
            continue
        last = tokens[end - 1]
        if head_of(last, lemma) is not None:
            set_span(tags, start, end, "ORGANISATION")
        elif last[:1].islower() and "Number=Plur" in _feats(last):
            named = end - start > 1 and head_of(tokens[end - 2], lemma) is not None
            set_span(tags, start, end - 1, "ORGANISATION" if named else None)
            tags[end - 1] = "O"
    return tags


def places_out_of_organisations(tokens: list[str], tags: list[str], lemma: Callable[[str], str]) -> list[str]:
    """"<Name> астанасы/қаласы" read as an ORGANISATION: the name is a GPE, the place noun outside (in place)."""
    if "B-ORGANISATION" not in tags:
        return tags
    for start, end, label in spans(tags):
        last = tokens[end - 1]
        if label == "ORGANISATION" and end - start > 1 and last[:1].islower() \
                and lemma(last).lower() in PLACE_NOUNS and all(t[:1].isupper() for t in tokens[start:end - 1]):
            set_span(tags, start, end - 1, "GPE")
            tags[end - 1] = "O"
    return tags


def cut_at_oblique(tokens: list[str], tags: list[str]) -> list[str]:
    """End a named span at a lowercase dative, ablative or instrumental word before a capital (in place)."""
    if tags.count("O") == len(tags):
        return tags
    for k in [k for k, tag in enumerate(tags) if tag[:2] == "I-" and tokens[k][:1].isupper() and k]:
        word, label = tokens[k - 1], tags[k][2:]
        if tags[k] == "I-" + label and tags[k - 1][2:] == label and label not in UNNAMED and word[:1].islower() \
                and any(f.startswith("Case=") and f[5:8] in OBLIQUE_CASES for f in _feats(word)):
            end = k
            while end < len(tags) and tags[end] == "I-" + label:
                tags[end] = "O"
                end += 1
    return tags


def cut_at_instrumental(tokens: list[str], tags: list[str]) -> list[str]:
    """End a named span before a lowercase instrumental word that is not its last (in place; returns tags)."""
    if tags.count("O") == len(tags):
        return tags
    for start, end, label in spans(tags):
        if label in UNNAMED:
            continue
        for k in range(start, end - 1):
            if tokens[k][:1].islower() and "Case=Ins" in _feats(tokens[k]):
                set_span(tags, k, end, None)
                break
    return tags


def acronym_head(token: str) -> str:
    """"ШЫҰ-ның" -> "ШЫҰ": the acronym before a hyphenated ending."""
    return token.partition("-")[0]


def is_acronym(word: str) -> bool:
    """2-6 capital Cyrillic letters, not a Roman numeral, not a common noun or place abbreviation."""
    low, high = ACRONYM_LETTERS
    return low <= len(word) <= high and all(ch in CYRILLIC_CAPITALS for ch in word) and not set(word) <= ROMAN \
        and word not in NOT_NAMES


def acronym_organisations(tokens: list[str], tags: list[str]) -> list[str]:
    """Untagged acronyms in lowercase text are organisations (in place; returns tags)."""
    for i in [i for i, tok in enumerate(tokens) if tok[1:2].isupper()]:  # few words are written in capitals
        tok = tokens[i]
        if tags[i] != "O" or not is_acronym(acronym_head(tok)):
            continue
        if i + 1 < len(tags) and tags[i + 1].startswith("I-"):
            continue
        near = tokens[max(0, i - 2):i] + tokens[i + 1:i + 3]
        if not any(ch.islower() for t in near for ch in t):  # a headline in capitals: "БІЗДІҢ АРНАМЫЗҒА"
            continue
        best = best_reading(acronym_head(tok))
        if best is not None and best.source in ("lexicon", "closed") and best.upos not in ("NOUN", "PROPN"):
            continue  # a word written in capitals ("ЖАҢА", "ЕМЕС"), not an abbreviation
        tags[i] = "B-ORGANISATION"
    return tags


def byline_person(tokens: list[str], tags: list[str]) -> list[str]:
    """A line of two capitalised nominative words with a person in it, or two proper nouns, is a PERSON."""
    if len(tokens) != BYLINE_WORDS or not all(_name_word(t) for t in tokens):
        return tags
    labels = {t[2:] for t in tags if t != "O"}
    if labels == {"PERSON"} or (not labels and all(best_reading(t).upos == "PROPN" for t in tokens)):
        set_span(tags, 0, len(tokens), "PERSON")
    return tags


def _name_word(word: str) -> bool:
    """Capitalised letters (a hyphen may join two parts), in the bare nominative, and no verb or function word."""
    if not (word[:1].isupper() and word[1:].replace("-", "").islower() and word.replace("-", "").isalpha()):
        return False
    best = best_reading(word)
    return best is not None and best.upos in ("NOUN", "PROPN") and "Case=Nom" in best.feats \
        and "Person[psor]" not in best.feats


@lru_cache(maxsize=20_000)
def demonym_stem(word: str) -> str | None:
    """"Шымкенттіктердің" -> "шымкент": the stem before a demonym suffix and its endings, or None."""
    low = word.lower()
    ends = nominal_endings()
    for cut in range(len(low) - 3, DEMONYM_MIN_STEM - 1, -1):
        if low[cut:cut + 3] in DEMONYM_SUFFIXES and low[cut + 3:] in ends:
            return low[:cut]
    return None


def demonym_norp(tokens: list[str], tags: list[str], places: frozenset[str] | set[str]) -> list[str]:
    """An untagged place name + -лық/-лік ("бразилиялық", "шымкенттіктердің") is a NORP (in place; returns tags).
    `places` are the lowercase place names (the GPE stems of the model's gazetteer)."""
    if not places:
        return tags
    for i, tok in enumerate(tokens):
        if len(tok) < 6 or tags[i] != "O" or (i + 1 < len(tags) and tags[i + 1].startswith("I-")):
            continue  # the cheapest test first: most words are short or tagged
        stem = demonym_stem(tok)
        if stem is None or stem not in places:
            continue
        best = best_reading(tok)
        if best is not None and best.upos == "VERB":  # "алмадық" (we did not take), not "Алма" + -дық
            continue
        tags[i] = "B-NORP"
    return tags
