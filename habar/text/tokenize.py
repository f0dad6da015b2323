"""Kazakh tokenizer: one precompiled regex, one pass, absolute character offsets.

Conventions (what a token is):
- A word keeps its hyphenated parts and digits: IT-мамандары, Қасым-Жомарт, Google-дің, 5G, COVID-19.
- A number keeps its decimal part and its thousands groups ("3,9", "21.11.2019", "20 000" but not "2019 21":
  a group after a space must be exactly three digits and the first one at most three), a percent sign ("99%")
  and an ordinal suffix ("5-ші", "3-інші", "2-ншіден").
- A suffix hyphenated to a number, a percent or a domain is its own token of kind "word" with its hyphen:
  "99%-ы" -> "99%", "-ы"; "Zakon.kz-ке" -> "Zakon.kz", "-ке". The number stays clean for NER, and the suffix
  still carries the case for the morphology.
- Listed dotted abbreviations and initials keep their dots: "т.б.", "б.з.б.", "ж.", "Қ.-Ж.".
- Domains (Kaspi.kz), e-mails, URLs and hashtags are single tokens; «» and other punctuation are one
  character each, except "..." and runs of "!?"; anything else is a "symbol" (№, $, ₸, emoji).
"""

from __future__ import annotations

import re

from habar.document import Token
from habar.text.abbreviations import DOTTED
from habar.text.alphabet import LETTER, LOWER_CLASS, UPPER_CLASS, WORD_CHAR

# Top-level domains that make "word.tld" a domain rather than two words with a missing space.
TLDS = (
    "kz", "қаз", "ru", "рф", "kg", "uz", "by", "ua", "com", "org", "net", "gov", "edu", "int", "info", "biz",
    "io", "ai", "me", "tv", "fm", "news", "online", "site", "uk", "us", "de", "fr", "tr", "cn", "jp", "eu",
)
# Ordinal endings after a hyphen (5-ші, 1-інші, 2-нші, 20-сыншы), and the case and possessive endings an
# ordinal may carry in the same token (2-ншіден "secondly", 2-ншісі). "5-шілде" (5 July) is no ordinal.
ORDINAL_SUFFIXES = ("сыншы", "сінші", "ыншы", "інші", "ншы", "нші", "шы", "ші")
ORDINAL_TAILS = ("ден", "дан", "сі", "сы", "не", "на", "ге", "ға", "де", "да", "нің", "ның", "ні", "ны", "мен")

_L = LETTER
_W = WORD_CHAR
_ABBR = "|".join(re.escape(a) for a in sorted(DOTTED, key=len, reverse=True))
_TLD = "|".join(sorted(TLDS, key=len, reverse=True))
_ORD = "(?:" + "|".join(ORDINAL_SUFFIXES) + ")(?:" + "|".join(ORDINAL_TAILS) + ")?"
_PUNCT = frozenset(".,;:!?…«»\"“”„'‘’()[]{}–—-‒―/\\")

_TOKEN = re.compile(
    rf"(?P<url>(?:https?://|ftp://|www\.)[^\s«»\"<>]+?(?=[.,;:!?)»\]]*(?:\s|\Z)))"
    rf"|(?P<email>[{_W}][{_W}.+-]*@[{_W}-]+(?:\.[{_W}-]+)+)"
    rf"|(?P<initials>(?<![{_W}])[{UPPER_CLASS}]\.(?:-[{UPPER_CLASS}]\.)*(?![{LOWER_CLASS}\d]))"
    rf"|(?P<abbr>(?<![{_W}.])(?:{_ABBR})\.(?![{_W}]))"
    rf"|(?P<word>(?:\d+(?=[{_L}]))?[{_L}][{_W}]*(?:['’][{_L}]+)*(?:-[{_W}]+)*"
    rf"(?P<domain>(?:\.[{_W}-]+)*\.(?i:{_TLD})(?![{_W}]))?)"
    rf"|(?P<number>(?<!\d)\d{{1,3}}(?:[ \u00a0\u202f]\d{{3}})+(?![\d])(?:,\d+)?%?"
    rf"|\d+(?:[.,:]\d+)*(?:%|-(?:{_ORD})(?![{_L}]))?)"
    rf"|(?P<hashtag>#[{_W}_]+)"
    rf"|(?P<suffix>(?<=[{_W}%])-[{_L}]+)"
    r"|(?P<other>\.\.\.|[!?]+|\S)"
)


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Tokens of `text[start:end]`, with offsets into `text`."""
    end = len(text) if end is None else end
    out = []
    append = out.append
    for m in _TOKEN.finditer(text, start, end):
        kind = m.lastgroup
        if kind == "word" or kind == "domain":
            kind = "domain" if m.group("domain") else "word"
        elif kind in ("abbr", "initials", "suffix"):
            kind = "word"
        elif kind == "url" and "/" not in m.group():
            kind = "domain"  # "www.gov.kz": a bare host is a domain; a URL has a scheme or a path
        elif kind == "other":
            kind = "punct" if m.group()[0] in _PUNCT else "symbol"
        append(Token(m.group(), m.start(), m.end(), kind))
    return out
