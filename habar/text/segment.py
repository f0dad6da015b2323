"""Kazakh sentence splitting, and the repair of abbreviations that naive splitters tore onto separate lines.

A boundary candidate is a run of sentence punctuation (with its closing quotes and brackets) followed by
whitespace, or a line break. Each candidate is decided by rules, in this order:
- a blank line always ends a sentence;
- a lowercase next word continues it (Kazakh sentences start with a capital, a digit, a quote or a dash);
- a dash followed by a lowercase word continues it: direct speech, «...?» – деп сұрады;
- after "." the word before the dot decides: abbreviations (habar.text.abbreviations), initials (Қ.-Ж. Тоқаев),
  a year word after a number (2019 ж.), a list number at the start of a line;
- a line break without final punctuation ends a sentence (a title, a list item), unless the line ends with a
  comma or the next line starts in lowercase (a hard-wrapped line).
Direct speech followed by its attribution stays one sentence however many sentences the quote holds:
«Біз келдік. Енді бастаймыз», – деді ол. The quote and the speaker belong together (quote facts need both),
so candidates inside «...» that closes with ", – деді" (or ", деді", "?» – деп") are not boundaries.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from habar.document import Change, Sentence
from habar.text import offsets
from habar.text.abbreviations import DOTTED, SPLIT_LETTERS, YEAR_WORDS
from habar.text.alphabet import LOWER_CLASS, UPPER, UPPER_CLASS, is_lower, is_upper

_CLOSERS = "»\"”’')]"
_CANDIDATE = re.compile(rf"[.!?…]+[{re.escape(_CLOSERS)}]*(?=\s|\Z)|\n")
_SPACES = re.compile(r"\s*")
_OPENERS = "(«\"'[„“"
_INITIALS = re.compile(rf"(?:[{UPPER_CLASS}]\.-?)*[{UPPER_CLASS}]")
# Roman numerals are often typed with the Cyrillic lookalikes І and Х (ХХІ ғ.).
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*|[IVXLCDMІХ]+")
_LIST_MARK = re.compile(r"\d{1,3}|[IVXLCІХ]{1,5}|[а-яәғқңөұүһіa-z]")
_DASHES = "–—-"
_GUILLEMET = re.compile("«|»|\n\\s*\n")
_ATTRIBUTION = re.compile(rf"(?:,[ \t]*(?:[–—-][ \t]*)?|[ \t]*[–—-][ \t]*)[{LOWER_CLASS}]")
_DASH_SPLIT = re.compile("[-–—]")

# "т\nб\nқоса" -> "т.б. қоса": the letters of a dotted abbreviation, each left alone on its line, right after a
# word on the line before (so a real list of single letters, which starts its line, is never joined).
_TORN = re.compile(
    r"(?<=\S[ \t])(?P<abbr>"
    + "|".join(r"[ \t]*\n[ \t]*".join(re.escape(c) for c in letters) for letters in SPLIT_LETTERS)
    + r")[ \t]*(?:\n|\Z)"
    + "|"
    # "2019 ж\nқаңтарда" -> "2019 ж. қаңтарда": a year word after a number, its dot turned into a line break.
    + r"(?<=\d[ \t])(?P<year>" + "|".join(sorted(YEAR_WORDS, key=len, reverse=True)) + rf")[ \t]*\n(?=[{LOWER_CLASS}])"
)


# What _TORN needs: a line whose last word (after a space or a tab) is the first letter of a torn abbreviation or a
# year word. _TORN's leading lookbehind makes the regex engine start at every character, so a text without such a
# line (nearly every text) is not scanned at all.
_TORN_LAST_WORDS = frozenset(letters[0] for letters in SPLIT_LETTERS) | frozenset(YEAR_WORDS)


def _may_be_torn(text: str) -> bool:
    lines = text.split("\n")
    for line in lines[:-1]:  # the last line has no line break after it
        tail = line.rstrip(" \t")
        if tail[max(tail.rfind(" "), tail.rfind("\t")) + 1:] in _TORN_LAST_WORDS:
            return True
    return False


def repair_artefacts(text: str) -> tuple[str, list[Change]]:
    """`text` with torn abbreviations re-joined, and the changes relative to `text`."""
    if not _may_be_torn(text):
        return text, []
    changes = []
    for m in _TORN.finditer(text):
        if m.group("abbr"):
            letters = [c for c in m.group("abbr") if not c.isspace()]
            nxt = _SPACES.match(text, m.end()).end()
            continues = nxt < len(text) and is_lower(text[nxt])
            tail = " " if continues else ("\n" if m.group().endswith("\n") else "")
            changes.append(Change(m.start(), m.end(), ".".join(letters) + "." + tail, "torn-abbreviation"))
        else:
            changes.append(Change(m.start(), m.end(), m.group("year") + ". ", "torn-abbreviation"))
    return (offsets.apply(text, changes) if changes else text), changes


def segment(text: str) -> list[Sentence]:
    """Sentence spans of `text`; each span excludes the whitespace around it."""
    ends: list[int] = []
    last_punct_end = -1
    n = len(text)
    quotes = _attributed_quotes(text) if "«" in text else []
    quote_starts = [q[0] for q in quotes]
    for m in _CANDIDATE.finditer(text):
        if quotes:
            k = bisect_right(quote_starts, m.start()) - 1
            if k >= 0 and m.start() < quotes[k][1] and text.find("\n\n", m.start(), quotes[k][1]) == -1:
                continue  # inside direct speech that its attribution closes
        if m.group() == "\n":
            i = m.start()
            while i > 0 and text[i - 1] in " \t":
                i -= 1
            if i == last_punct_end or i == 0:
                continue  # the punctuation before this line break was decided already
            if _line_break_ends(text, i, m.start()):
                ends.append(i)
        else:
            last_punct_end = m.end()
            if _punct_ends(text, m.start(), m.end()):
                ends.append(m.end())
    return _spans(text, ends, n)


def _attributed_quotes(text: str) -> list[tuple[int, int]]:
    """Spans «...» (outermost, within a paragraph) followed by an attribution: ", – деді ол", ", деді", "» – деп"."""
    spans, depth, start = [], 0, 0
    for m in _GUILLEMET.finditer(text):
        c = m.group()
        if c[0] == "\n":
            depth = 0
        elif c == "«":
            if depth == 0:
                start = m.start()
            depth += 1
        elif depth:
            depth -= 1
            if depth == 0 and _ATTRIBUTION.match(text, m.end()):
                spans.append((start, m.end() - 1))
    return spans


def _next(text: str, pos: int) -> tuple[int, str]:
    """Index of the next non-space character after `pos`, and the whitespace skipped."""
    j = _SPACES.match(text, pos).end()
    return j, text[pos:j]


def _line_break_ends(text: str, line_end: int, nl: int) -> bool:
    j, gap = _next(text, nl)
    if j >= len(text) or gap.count("\n") >= 2:
        return True
    if is_lower(text[j]) or text[line_end - 1] == ",":
        return False
    return True


def _punct_ends(text: str, start: int, end: int) -> bool:
    j, gap = _next(text, end)
    if j >= len(text) or gap.count("\n") >= 2:
        return True
    c = text[j]
    if is_lower(c) or c in ",;:":
        return False
    if c in _DASHES:
        k, _ = _next(text, j + 1)
        return not (k < len(text) and is_lower(text[k]))
    punct = text[start:end]
    if punct != ".":
        return True  # ! ? … and closing quotes end a sentence before a capital, a digit or a quote
    return not _dot_is_abbreviation(text, start, c)


def _dot_is_abbreviation(text: str, dot: int, next_char: str) -> bool:
    ws = _word_start(text, dot)
    word = text[ws:dot].lstrip(_OPENERS)
    if not word:
        return False
    kind = DOTTED.get(word)
    if kind == "inner":
        return True
    if kind == "year" and _number_before(text, ws):
        return True
    if _INITIALS.fullmatch(word) and is_upper(next_char):
        return True
    line_start = text.rfind("\n", 0, ws) + 1
    return not text[line_start:ws].strip() and _LIST_MARK.fullmatch(word) is not None


_LAST_SPACE = re.compile(r".*\s", re.S)  # greedy: ends right after the last whitespace character
_WINDOW = 64  # a word longer than this is found character by character


def _word_start(text: str, end: int) -> int:
    """Start of the run of non-space characters that ends at `end`."""
    lo = max(end - _WINDOW, 0)
    m = _LAST_SPACE.match(text, lo, end)
    if m is not None:
        return m.end()
    if lo == 0:
        return 0
    ws = lo
    while ws > 0 and not text[ws - 1].isspace():
        ws -= 1
    return ws


def _number_before(text: str, ws: int) -> bool:
    """Is the word before position `ws` a number or a Roman numeral (2019 ж., XXI ғ., б.з.б. V ғ.)?"""
    e = ws
    while e > 0 and text[e - 1] in " \t\u00a0":
        e -= 1
    s = e
    while s > 0 and not text[s - 1].isspace():
        s -= 1
    last = _DASH_SPLIT.split(text[s:e].strip("-–—"))[-1]  # "1998–2003 жж.", "ХV–ХVІІ ғғ."
    return _NUMBER.fullmatch(last) is not None


def _spans(text: str, ends: list[int], n: int) -> list[Sentence]:
    out = []
    pos = 0
    for e in ends + [n]:
        s = _SPACES.match(text, pos).end()
        stop = e
        while stop > s and text[stop - 1].isspace():
            stop -= 1
        if stop > s:
            out.append(Sentence(s, stop))
        pos = max(pos, e)
    return out
