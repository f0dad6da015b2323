"""Normalised values of numeric entities: dates, money, percentages, quantities, cardinals and ordinals."""

from __future__ import annotations

from typing import Any

from habar.values.amounts import normalise_money, normalise_number, normalise_quantity
from habar.values.dates import normalise_date

VALUE_LABELS = ("DATE", "MONEY", "PERCENTAGE", "QUANTITY", "CARDINAL", "ORDINAL")
CACHE_LIMIT = 20_000  # values kept: the same "2020 жылы" or "бір" comes back article after article
_MISSING = object()
_values: dict[tuple, Any] = {}


def normalise(label: str, tokens: list[str], published: str = "", after: list[str] = ()) -> Any:
    """The machine-readable value of an entity of `label` made of `tokens` (None when it cannot be read).

    `after` holds the tokens that follow the entity, where Kazakh puts bounds ("1 млрд доллардан аса"). Values
    are remembered by what they depend on: the tokens, and the first token after a MONEY or QUANTITY (find_bound
    reads no further); a remembered dict is handed out as a copy. A DATE also depends on the article's date, so
    normalise_date remembers what its tokens say and resolves that against the date each time.
    """
    if label == "DATE":  # remembered inside normalise_date, before the article's date resolves it
        return _read(label, tokens, published, after)
    key = (label, tuple(tokens), tuple(after[:1]) if label in ("MONEY", "QUANTITY") else ())
    value = _values.get(key, _MISSING)
    if value is _MISSING:
        value = _read(label, tokens, published, after)
        if len(_values) >= CACHE_LIMIT:
            _values.clear()  # bounded memory on long streams
        _values[key] = value
    return dict(value) if isinstance(value, dict) else value


def _read(label: str, tokens: list[str], published: str, after: list[str]) -> Any:
    if label == "DATE":
        return normalise_date(tokens, published)
    if label == "MONEY":
        return normalise_money(tokens, after)
    if label == "QUANTITY":
        return normalise_quantity(tokens, after)
    if label in ("PERCENTAGE", "CARDINAL", "ORDINAL"):
        return normalise_number(tokens)
    return None


__all__ = ["normalise", "VALUE_LABELS", "normalise_date", "normalise_money", "normalise_quantity",
           "normalise_number"]
