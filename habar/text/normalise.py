"""Kazakh text normalisation with every edit recorded, so offsets into the result map back into the input.

Passes, each one regex scan with a fast path when it finds nothing:
1. whitespace: NBSP, tabs and runs of spaces become one space; spaces at line edges go; CR/LF and Unicode line
   separators become "\\n" (newlines are kept: paragraphs matter); zero-width and bidi marks and soft hyphens
   go; "-", "—", "--" standing between spaces become "–".
2. Unicode NFC (per whitespace-delimited chunk, since NFC never reaches across a space).
3. letters: Latin lookalikes inside otherwise Cyrillic words (Latin i, ə, a, e, o, p, c, x, y, k, h ... -> the
   Cyrillic letter; a word with any other Latin letter, such as Googleдің, is left alone). Then Kazakh letters
   typed as their Russian neighbours (к for қ, н for ң, у for ұ/ү, о for ө, г for ғ, а for ә, и for і, х for
   һ): only in a text typed without Kazakh letters (see _typed_without_kazakh_letters), only with a word check
   (`is_word`, by default habar.morph.known_word when it is installed and its data built), and only when the
   word is unknown and the fewest substitutions that make a known word make exactly one.
4. quotes: straight `"` that pair up within a paragraph become «» (nested pairs too); unpaired ones are kept.

Change reasons: space, zero-width, dash, nfc, lookalike, ru-neighbour, quote (joined with "+" where passes
touched the same characters).
"""

from __future__ import annotations

import importlib
import re
import unicodedata
import warnings
from typing import Callable

from habar.document import Change
from habar.text import offsets
from habar.text.charcount import SetCounter
from habar.text.alphabet import (
    CYRILLIC_CLASS, CYRILLIC_LETTERS, KAZAKH_SPECIFIC, LETTERS, RUSSIAN_ONLY, is_upper,
)

IsWord = Callable[[str], bool]

# Latin letters that look like Cyrillic ones. Capital H looks like Н, small h like һ; ı (dotless) and I are
# how Kazakh і is often typed on a Latin keyboard.
LOOKALIKES: dict[str, str] = {
    "a": "а", "e": "е", "o": "о", "p": "р", "c": "с", "x": "х", "y": "у", "k": "к", "h": "һ",
    "i": "і", "ı": "і", "ə": "ә",
    "A": "А", "E": "Е", "O": "О", "P": "Р", "C": "С", "X": "Х", "Y": "У", "K": "К", "H": "Н",
    "I": "І", "Ə": "Ә", "B": "В", "M": "М", "T": "Т",
}

# Kazakh letters and the Russian letters they are typed as when a keyboard has no Kazakh layout.
RU_NEIGHBOURS: dict[str, tuple[str, ...]] = {
    "к": ("қ",), "н": ("ң",), "у": ("ұ", "ү"), "о": ("ө",), "г": ("ғ",), "а": ("ә",), "и": ("і",), "х": ("һ",),
}
# When a text gets the Russian-neighbour repair at all (see _typed_without_kazakh_letters).
_MAX_KAZAKH_SHARE = 0.05
_MAX_RUSSIAN_SHARE = 0.01
_SAMPLE = 20_000
# Bounds on the candidates tried per unknown word (each one costs a word check).
_MAX_POSITIONS = 10
_MAX_SUBSTITUTIONS = 3

_HSPACE = " \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000"
_INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00ad\u200e\u200f\u202a-\u202e\u2066-\u2069"
_ALL = _HSPACE + _INVISIBLE
_OTHER = _ALL.replace(" ", "", 1)
_BREAKS = "\n\r\v\f\x85\u2028\u2029"

# Every branch starts with a definite character, so the scan skips ordinary text at C speed; single spaces
# between words are not matched at all.
_DASH = rf"(?P<dash>(?:--|[-‒—―])(?=[{_HSPACE}]))"
_PASS1 = re.compile(
    rf"(?P<run> *[{_OTHER}][{_ALL}]*| {{2,}}[{_ALL}]*| +(?=[{_BREAKS}]|\Z))"
    rf"|(?P<lead>\n[{_ALL}]+)"
    rf"|(?P<nl>(?:\r\n?|[\v\f\x85\u2028])[{_ALL}]*)"
    rf"|(?P<para>\u2029[{_ALL}]*)"
    rf"|{_DASH}"
)
# Yet every single space enters _PASS1 (a run may start there). In a text with nothing but single spaces between
# words and plain line breaks, which is most text, only the dash branch can match, and it alone is scanned for.
_UNUSUAL = re.compile(f"[{_OTHER}\r\v\f\x85\u2028\u2029]")
_DASH_ONLY = re.compile(_DASH)
_HSPACE_SET = frozenset(" \t\u00a0\u1680\u202f\u205f\u3000") | {chr(c) for c in range(0x2000, 0x200B)}
_HAS_SPACE = re.compile(f"[{_HSPACE}]")
_CHUNK = re.compile(r"\S+")

_LOOK = re.escape("".join(LOOKALIKES))
_MIXED = re.compile(f"[{CYRILLIC_CLASS}][{_LOOK}]|[{_LOOK}][{CYRILLIC_CLASS}]")
_LOOK_LETTER = re.compile(f"[{_LOOK}]")
_CYR_WORD = re.compile(f"[{CYRILLIC_CLASS}]+")
# Cyrillic, Kazakh-specific and Russian-only letters: the counts _typed_without_kazakh_letters decides by
_KEYBOARD_LETTERS = SetCounter(CYRILLIC_LETTERS, KAZAKH_SPECIFIC, RUSSIAN_ONLY)
_NEIGHBOUR_CHARS = re.compile("[" + "".join(RU_NEIGHBOURS) + "".join(RU_NEIGHBOURS).upper() + "]")
_WORD_SET = frozenset(LETTERS) | frozenset(LOOKALIKES)
_CYR_SET = frozenset(CYRILLIC_LETTERS)

_OPEN_BEFORE = frozenset("([{«–—-/\"'")
_CLOSE_AFTER = frozenset(".,;:!?)]}»…\"'")


def normalise(text: str, is_word: IsWord | None = None) -> tuple[str, list[Change]]:
    """`text` normalised, and the changes that make it from `text` (`offsets.apply(text, changes)`)."""
    out, changes = text, []
    for step in (_whitespace, _nfc, lambda s: _letters(s, is_word), _quotes):
        new, step_changes = step(out)
        if step_changes:
            changes = offsets.compose(len(text), changes, step_changes) if changes else step_changes
            out = new
    return out, changes


def _default_is_word() -> IsWord | None:
    """The morphology's word check when it is installed; without it the Russian-neighbour repair is skipped."""
    try:
        morph = importlib.import_module("habar.morph")
    except ImportError:
        return None
    known_word = getattr(morph, "known_word", None)
    if known_word is None:
        return None
    try:
        known_word("және")  # the lexicon loads on first use; without its data files there is no word check
    except Exception as exc:  # whatever the morphology raises while unbuilt, the repair is skipped and said so
        # warnings.warn reports a given message once, not once per document
        warnings.warn(f"Russian-neighbour repair skipped: the morphology's word check failed "
                      f"({type(exc).__name__}: {exc}); build its data with `make models`", RuntimeWarning, stacklevel=3)
        return None
    return known_word


def _rebuild(text: str, changes: list[Change]) -> str:
    return offsets.apply(text, changes) if changes else text


def _whitespace(text: str) -> tuple[str, list[Change]]:
    plain = not (_UNUSUAL.search(text) or "  " in text or " \n" in text or "\n " in text or text.endswith(" "))
    changes = []
    for m in (_DASH_ONLY if plain else _PASS1).finditer(text):
        kind, s, e = m.lastgroup, m.start(), m.end()
        if kind == "lead":
            run = m.group()[1:]
            changes.append(Change(s + 1, e, "", "space" if _HAS_SPACE.search(run) else "zero-width"))
        elif kind == "run":
            run = m.group()
            at_edge = s == 0 or e == len(text) or text[s - 1] in _BREAKS or text[e] in _BREAKS
            has_space = _HAS_SPACE.search(run) is not None
            new = "" if at_edge or not has_space else " "
            if new == run:
                continue
            reason = "space" if has_space else "zero-width"
            changes.append(Change(s, e, new, reason))
        elif kind == "nl":
            changes.append(Change(s, e, "\n", "space"))
        elif kind == "para":
            changes.append(Change(s, e, "\n\n", "space"))
        elif s > 0 and text[s - 1] in _HSPACE_SET:
            changes.append(Change(s, e, "–", "dash"))
    if text[:1] == " " and (not changes or changes[0].raw_start != 0):
        changes.insert(0, Change(0, 1, "", "space"))  # one leading space before a letter: no branch takes it
    return _rebuild(text, changes), changes


def _nfc(text: str) -> tuple[str, list[Change]]:
    if unicodedata.is_normalized("NFC", text):
        return text, []
    changes = []
    for m in _CHUNK.finditer(text):
        chunk = m.group()
        if unicodedata.is_normalized("NFC", chunk):
            continue
        new = unicodedata.normalize("NFC", chunk)
        p = 0  # narrow the change to the part that differs
        while p < min(len(chunk), len(new)) and chunk[p] == new[p]:
            p += 1
        q = 0
        while q < min(len(chunk), len(new)) - p and chunk[-1 - q] == new[-1 - q]:
            q += 1
        changes.append(Change(m.start() + p, m.end() - q, new[p:len(new) - q], "nfc"))
    return _rebuild(text, changes), changes


def _word_at(text: str, i: int) -> tuple[int, int]:
    s, e = i, i
    while s > 0 and text[s - 1] in _WORD_SET:
        s -= 1
    while e < len(text) and text[e] in _WORD_SET:
        e += 1
    return s, e


def _letters(text: str, is_word: IsWord | None) -> tuple[str, list[Change]]:
    changes: list[Change] = []
    done_until = 0
    # every _MIXED match has a Latin lookalike, and the one-class search for it skips Cyrillic text at C speed
    for m in _MIXED.finditer(text) if _LOOK_LETTER.search(text) else ():
        if m.start() < done_until:
            continue
        s, e = _word_at(text, m.start())
        done_until = e
        foreign = [i for i in range(s, e) if text[i] not in _CYR_SET]
        if all(text[i] in LOOKALIKES for i in foreign):
            changes.extend(Change(i, i + 1, LOOKALIKES[text[i]], "lookalike") for i in foreign)
    if _typed_without_kazakh_letters(text):
        is_word = is_word if is_word is not None else _default_is_word()  # looked up only when needed
    else:
        is_word = None
    if is_word is not None:
        fixed = _rebuild(text, changes)
        ru = _ru_neighbours(fixed, is_word)
        if ru:
            changes = offsets.compose(len(text), changes, ru) if changes else ru
    return _rebuild(text, changes), changes


def _typed_without_kazakh_letters(text: str) -> bool:
    """Was `text` typed on a keyboard without Kazakh letters (and is it not Russian)?

    Kazakh typed with its own letters has 12-15% of its Cyrillic letters among ә ғ қ ң ө ұ ү һ і (every
    20-sentence stretch of KazNERD has at least 11.9%); typed on a Russian layout it has next to none. Russian
    has over 1% of letters that Kazakh words never use (я, ю, ь, ц ...). Only such texts pay for the word checks.
    """
    cyrillic, kazakh, russian = _KEYBOARD_LETTERS(text[:_SAMPLE])
    if not cyrillic:
        return False
    return kazakh < _MAX_KAZAKH_SHARE * cyrillic and russian < _MAX_RUSSIAN_SHARE * cyrillic


def _ru_neighbours(text: str, is_word: IsWord) -> list[Change]:
    """Kazakh letters typed as Russian ones, repaired only when the word is unknown and one repair is known."""
    repairs = {}
    for word in set(_CYR_WORD.findall(text)):  # each distinct word is checked once
        if len(word) < 2 or not _NEIGHBOUR_CHARS.search(word) or RUSSIAN_ONLY.intersection(word):
            continue
        repaired = _repair_word(word, is_word)
        if repaired is not None:
            repairs[word] = repaired
    if not repairs:
        return []
    changes: list[Change] = []
    for m in _CYR_WORD.finditer(text):
        repaired = repairs.get(m.group())
        if repaired is not None:
            changes.extend(
                Change(m.start() + i, m.start() + i + 1, b, "ru-neighbour")
                for i, (a, b) in enumerate(zip(m.group(), repaired)) if a != b
            )
    return changes


def _repair_word(word: str, is_word: IsWord) -> str | None:
    if is_word(word):
        return None
    positions = [i for i, c in enumerate(word) if c.lower() in RU_NEIGHBOURS]
    if len(positions) > _MAX_POSITIONS:
        return None
    found: list[str] = []
    level = [(word, 0)]  # candidates with k substitutions, each substituting only after position index
    max_k = _MAX_SUBSTITUTIONS if len(positions) <= 6 else 2  # long words: fewer combinations to check
    for _ in range(min(max_k, len(positions))):
        nxt = []
        for cand, after in level:
            for pi in range(after, len(positions)):
                i = positions[pi]
                for kz in RU_NEIGHBOURS[word[i].lower()]:
                    kz = kz.upper() if is_upper(word[i]) else kz
                    nxt.append((cand[:i] + kz + cand[i + 1:], pi + 1))
        found = [c for c, _ in nxt if is_word(c)]
        if found:
            break
        level = nxt
    return found[0] if len(set(found)) == 1 else None


def _quotes(text: str) -> tuple[str, list[Change]]:
    if '"' not in text:
        return text, []
    changes: list[Change] = []
    stack: list[int] = []
    prev = -1
    n = len(text)
    i = text.find('"')
    while i != -1:
        if stack and text.find("\n\n", prev, i) != -1:
            stack.clear()  # quotes pair within a paragraph only
        before = text[i - 1] if i > 0 else " "
        after = text[i + 1] if i + 1 < n else " "
        opening = (before.isspace() or before in _OPEN_BEFORE) and not after.isspace()
        closing = (after.isspace() or after in _CLOSE_AFTER) and not before.isspace()
        if opening and not (closing and stack):
            stack.append(i)
        elif (closing or not before.isspace()) and stack:
            j = stack.pop()
            changes.append(Change(j, j + 1, "«", "quote"))
            changes.append(Change(i, i + 1, "»", "quote"))
        elif not before.isspace() and not after.isspace():
            stack.append(i)  # `a"b`: a quote that opens when nothing is open
        prev = i
        i = text.find('"', i + 1)
    changes.sort(key=lambda c: c.raw_start)
    return _rebuild(text, changes), changes
