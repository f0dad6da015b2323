"""Normalised values of numeric entities: dates, money, percentages, quantities, cardinals and ordinals."""

from __future__ import annotations

from typing import Any

from habar.values.amounts import normalise_money, normalise_number, normalise_quantity
from habar.values.dates import normalise_date

VALUE_LABELS = ("DATE", "MONEY", "PERCENTAGE", "QUANTITY", "CARDINAL", "ORDINAL")


def normalise(label: str, tokens: list[str], published: str = "", after: list[str] = ()) -> Any:
    """The machine-readable value of an entity of `label` made of `tokens` (None when it cannot be read).

    `after` holds the tokens that follow the entity, where Kazakh puts bounds ("1 млрд доллардан аса").
    """
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
