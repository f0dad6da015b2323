"""Letter classes that tell the Cyrillic code pages apart on Kazakh text (data for habar.ingest.encoding).

Spelled out, not taken from Unicode ranges: the decision rests on exactly these letters. Each class is also
compiled to a regular expression, because detection counts them over tens of thousands of characters.
"""

from __future__ import annotations

import re

# The nine letters Kazakh adds to the Russian alphabet, both cases.
KAZAKH_SPECIFIC = frozenset("ӘәҒғҚқҢңӨөҰұҮүҺһІі")

# Letters of other Cyrillic languages that a wrong Kazakh code page produces in their place (cp1251 read as
# KZ-1048 or the reverse, PTCP154 mix-ups); real Kazakh or Russian news almost never contains them.
FOREIGN_CYRILLIC = frozenset(
    "ЂђЃѓЉљЊњЌќЋћЏџЎўЈјҐґЄєЇїЅѕ"  # Serbian, Macedonian, Belarusian, Ukrainian
    "ҖҗӮӯҶҷҲҳҠҡӢӣҸҹҘҙҪҫҜҝ"  # Tatar, Tajik, Bashkir and other Asian Cyrillic letters in PTCP154
)

# Non-alphanumeric characters that plain text is made of (typography of kk/ru/en news included).
PLAUSIBLE_SYMBOLS = ".,;:!?'\"()[]{}<>-–—_/\\|@#$%^&*+=~`«»„“”‘’…№°§©®™€£¥₸\u00a0\u00ad\ufeff"

KAZAKH_RE = re.compile("[" + "".join(sorted(KAZAKH_SPECIFIC)) + "]")
# a wrong page's traces: foreign letters, C1 controls, the replacement character
FOREIGN_RE = re.compile("[" + "".join(sorted(FOREIGN_CYRILLIC)) + "\x80-\x9f\ufffd]")
# KOI8-R read as cp1251 swaps the cases: a lower-case letter followed by a capital ("пРЕЗИДЕНТ")
CASE_FLIP_RE = re.compile("(?<=[a-zа-яёәғқңөұүһі])[А-ЯЁӘҒҚҢӨҰҮҺІ]")
LETTER_RE = re.compile(r"[^\W\d_]")
CYRILLIC_RE = re.compile("[\u0400-\u04ff]")
LATIN_RE = re.compile("[A-Za-z\u00c0-\u017f]")  # names, brands, and the 2021 Kazakh Latin alphabet
# what news in our scripts is made of; anything else (CJK, stray symbols, controls) is implausible
IMPLAUSIBLE_RE = re.compile("[^\u0400-\u04ffA-Za-z\u00c0-\u017f0-9\\s\u2010-\u206f" + re.escape(PLAUSIBLE_SYMBOLS) + "]")
CONTROL_RE = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\ufffd]")
