"""Read a number from a run of tokens: digits, Kazakh number words, scale words, decimals and halves.

"екі мың он тоғыз" -> 2019, "бес жүз мың" -> 500000, "3,9 трлн" -> 3.9e12, "3 , 9" -> 3.9,
"жетпіс төрт бүтін оннан тоғыз" -> 74.9, "бір жарым миллион" -> 1.5e6, "1 000 000" -> 1e6, "мыңнан" -> 1000.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from habar.values import lexicon as lx
from habar.values.endings import nominal_endings, split_known
from habar.values.words import digits, number_word, ordinal_word, scale_word

# "99%-ы" -> "99", "%-ы"; "2019-жылы" -> "2019", "жылы"; "500млн" -> "500", "млн"
_GLUED = re.compile(r"^(\d+(?:[.,]\d+)?)(%\S*|[-–]?[a-zа-яәғқңөұүһіё]{2,}\S*)$", re.IGNORECASE)
_DENOMINATORS = {"он": 10, "жүз": 100, "мың": 1000}


def pieces(tokens: list[str]) -> list[str]:
    """Split tokens that glue a number to a word or a percent sign, keeping ordinals like "5-ші" whole."""
    out = []
    for t in tokens:
        halves = t.split("-")
        if len(halves) == 2 and all(number_word(h) is not None for h in halves):
            out += [halves[0], "-", halves[1]]  # "бір-екі", "отыз-қырық": a range; its first number counts
            continue
        m = _GLUED.match(t.replace("\u00a0", ""))
        if m and ordinal_word(t) is None:
            out += [m.group(1), m.group(2).lstrip("-–")]
        else:
            out.append(t)
    return out


@dataclass(slots=True)
class Number:
    value: float
    start: int  # index of the first token of the run
    end: int    # index after the last token
    ordinal: bool = False


def is_numeric(token: str) -> bool:
    return (digits(token) is not None or number_word(token) is not None or scale_word(token) is not None
            or ordinal_word(token) is not None or token.lower() in lx.HALF_WORDS)


def read_numbers(tokens: list[str]) -> list[Number]:
    """Every maximal number run in `tokens`, left to right."""
    out, i = [], 0
    while i < len(tokens):
        if is_numeric(tokens[i]):
            num = _read_run(tokens, i)
            if num is not None:
                out.append(num)
                i = num.end
                continue
        i += 1
    return out


def _read_run(tokens: list[str], i: int) -> Number | None:
    total, current, start, seen = 0.0, 0.0, i, False
    ordinal = False
    while i < len(tokens):
        tok = tokens[i]
        low = tok.lower()
        d = digits(tok)
        if d is not None and (d[1] == "" or d[1] in nominal_endings() or ordinal_word(tok) is not None):
            if seen and current and not total and re.fullmatch(r"\d{3}", tok) and re.fullmatch(r"\d{1,3}", tokens[i - 1]):
                current = current * 1000 + d[0]  # "1 000 000": digit groups split by spaces
            elif seen and (current or total):
                break  # two separate numbers side by side ("2019 21")
            else:
                current = d[0]
            seen = True
            if ordinal_word(tok) is not None:
                ordinal = True
                i += 1
                break
            # "3 , 9": a decimal comma split off by the tokenizer
            if i + 2 < len(tokens) and tokens[i + 1] in (",", ".") and re.fullmatch(r"\d+", tokens[i + 2]) \
                    and re.fullmatch(r"\d+", tok):
                current = float(f"{tok}.{tokens[i + 2]}")
                i += 2
            i += 1
            continue
        ordv = ordinal_word(tok)
        if ordv is not None and d is None:
            current = current * 100 if ordv == 100 and current else current + ordv
            seen, ordinal = True, True
            i += 1
            break
        n = number_word(tok)
        if n is not None and d is None:
            if n == 100:
                current = (current or 1) * 100
            elif seen and current and n >= 10 and current % 100 and current < 100 and n > current:
                break  # "бес он" is not a number; "он бес" is
            else:
                current += n
            seen = True
            i += 1
            continue
        s = scale_word(tok)
        if s is not None:
            total += (current or 1) * s
            current, seen = 0.0, True
            i += 1
            continue
        if low in lx.HALF_WORDS and seen:
            current += lx.HALF_WORDS[low]
            i += 1
            continue
        if low in lx.FRACTION_WORDS and seen and i + 2 < len(tokens):
            den = split_known(tokens[i + 1], _DENOMINATORS)
            frac = _read_run(tokens, i + 2) if den else None
            if den and frac is not None:
                current += frac.value / _DENOMINATORS[den[0]]
                i = frac.end
                continue
        break
    if not seen:
        return None
    return Number(total + current, start, i, ordinal)


def read_value(tokens: list[str]) -> float | None:
    """The first number in the tokens, or None."""
    nums = read_numbers(pieces(tokens))
    return nums[0].value if nums else None
