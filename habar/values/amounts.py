"""MONEY, QUANTITY, PERCENTAGE, CARDINAL and ORDINAL entities -> machine-readable values.

"500 млрд теңге" -> {"amount": 5e11, "currency": "KZT", "bound": None}; "1 млрд доллардан аса" -> bound "min";
"шамамен 500 млрд теңге" -> bound "approx"; "20 мың шақырым" -> {"value": 20000, "unit": "km", "bound": None};
"99%-ы" -> 99; "мыңнан астам" -> 1000; "екінші" -> 2.
"""

from __future__ import annotations

from habar.values import lexicon as lx
from habar.values.endings import split_known
from habar.values.numbers import pieces, read_numbers
from habar.values.words import approx_ending, bound_word, currency_word, unit_word


def find_bound(tokens: list[str], after: list[str] = ()) -> str | None:
    """"min", "max" or "approx" from bound words in the span or just after it ("доллардан аса", "шамамен")."""
    for tok in list(tokens) + list(after)[:1]:
        b = bound_word(tok)
        if b:
            return b
    if any(approx_ending(t) and (currency_word(t) or unit_word(t) or t.lower().startswith("мың")) for t in tokens):
        return "approx"
    return None


def _as_number(v: float) -> float | int:
    return int(v) if v == int(v) and abs(v) < 1e15 else v


def normalise_money(tokens: list[str], after: list[str] = ()) -> dict | None:
    toks = pieces(tokens)
    nums = read_numbers(toks)
    currency = next((c for c in map(currency_word, toks) if c), None)
    if not nums or currency is None:
        return None
    amount = nums[0].value
    if currency in lx.SUBUNITS:
        currency, factor = lx.SUBUNITS[currency]
        amount *= factor
    return {"amount": _as_number(amount), "currency": currency, "bound": find_bound(toks, after)}


def normalise_quantity(tokens: list[str], after: list[str] = ()) -> dict | None:
    toks = pieces(tokens)
    nums = read_numbers(toks)
    if not nums:
        return None
    lowers = [t.lower().rstrip(".") for t in toks[nums[0].end:]]
    unit = None
    for words, sym in lx.MULTIWORD_UNITS.items():
        n = len(words)
        for i in range(len(lowers) - n + 1):
            if lowers[i:i + n - 1] == list(words[:-1]) and split_known(lowers[i + n - 1], {words[-1]: sym}):
                unit = sym
                break
        if unit:
            break
    if unit is None:
        unit = next((u for u in map(unit_word, lowers) if u), None)
    if unit is None:
        return None
    return {"value": _as_number(nums[0].value), "unit": unit, "bound": find_bound(toks, after)}


def normalise_number(tokens: list[str]) -> float | int | None:
    nums = read_numbers(pieces(tokens))
    return _as_number(nums[0].value) if nums else None
