"""The language of a search query, and whether the Kazakh lemma index can answer it.

A query is a few words, too short for a classifier alone: pycld2 calls "меморандум" and "인공지능 국가 클러스터 투자"
"unknown". The script decides first, the classifier (habar.langid) only between languages of one script:
- Hangul: Korean;
- Cyrillic with a letter only Kazakh writes (ә ғ қ ң ө ұ ү һ і): Kazakh; without one, Russian when the classifier
  says so, else Kazakh (a word or two shared by both, "меморандум", "Астана", is read by the Kazakh analyzer);
- Latin with a letter of the Kazakh Latin alphabet (ä ğ ı ñ ö q ş ū ü): Kazakh; else English.
"""

from __future__ import annotations

import re

from habar.langid.letters import KAZAKH_ONLY, KAZAKH_SHARED

LABELS = ("kk", "ru", "en", "ko", "other")
# a Latin or Cyrillic query this short is most often a name or a loanword, which the lemma index matches as typed
# (or transliterated: habar.text.translit), whatever language the query is in
NAME_WORDS = 2
_FILTER = re.compile(r'-?[A-Za-z]+:(?:"[^"]*"?|\S+)|(?<!\S)-(?:"[^"]*"?|\S+)')  # field:value, -exclusion
_HANGUL = re.compile("[\u1100-\u11ff\u3130-\u318f\uac00-\ud7af]")
_HAN_KANA = re.compile("[\u3040-\u30ff\u4e00-\u9fff]")
_CYRILLIC = re.compile("[\u0400-\u04ff]")
_LATIN = re.compile("[A-Za-z\u00c0-\u024f]")
_KK_CYRILLIC = re.compile("[" + "".join(sorted(KAZAKH_ONLY | KAZAKH_SHARED)) + "]")
_KK_LATIN = re.compile("[äğıñöqşūüÄĞİÑÖQŞŪÜ]")


def words(query: str) -> str:
    """The query without its field filters (source:, lang:, date:, entity:, type:, title:), exclusions (-word)
    and operators: what the semantic side embeds."""
    text = _FILTER.sub(" ", query)
    return " ".join(w for w in text.replace('"', " ").split() if w != "OR" and w != "-")


def filters(query: str) -> str:
    """The field filters and exclusions of a query, which restrict both sides of a hybrid search."""
    return " ".join(m.group() for m in _FILTER.finditer(query) if ":" in m.group() or m.group().startswith("-"))


def detect(query: str) -> str:
    """One of LABELS for the words of a query."""
    text = words(query)
    if _HANGUL.search(text):
        return "ko"
    cyr, latin = len(_CYRILLIC.findall(text)), len(_LATIN.findall(text))
    if cyr == latin == 0:
        return "other" if _HAN_KANA.search(text) or text.strip() else ""
    if cyr >= latin:
        if _KK_CYRILLIC.search(text):
            return "kk"
        from habar.langid.identify import identify

        return "ru" if identify(text) == "ru" else "kk"
    return "kk" if _KK_LATIN.search(text) else "en"


def lexical_applies(query: str, lang: str) -> bool:
    """Whether BM25 over Kazakh lemmas has anything to match: a Kazakh query, or a short Latin or Cyrillic one
    (a name). A Korean query, or a Russian or English sentence, goes through the semantic side only."""
    if lang == "kk":
        return True
    return lang in ("ru", "en") and len(words(query).split()) <= NAME_WORDS
