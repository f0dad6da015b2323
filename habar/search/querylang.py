"""The language of a search query, and whether the Kazakh lemma index can answer it.

A query is a few words, too short for a classifier alone: pycld2 calls "меморандум" and "인공지능 국가 클러스터 투자"
"unknown". The script decides first, the classifier (habar.langid) only between languages of one script:
- Hangul: Korean;
- Cyrillic with a letter only Kazakh writes (ә ғ қ ң ө ұ ү һ і): Kazakh; without one, the cues of
  habar/data/semantic/query_cues.tsv decide (a word only Russian writes, "Москва", "новости", a Russian or
  Kazakh ending), then the classifier when it says Russian; a tie left is broken by `prefer` (the reader's
  interface language), else read as Kazakh (a word both write, "меморандум", "Алматы", is read by the Kazakh
  analyzer either way);
- Latin with a letter of the Kazakh Latin alphabet (ä ğ ı ñ ö q ş ū ü): Kazakh; else English.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

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
_CYRILLIC_WORD = re.compile(r"[\u0400-\u04ff]+(?:-[\u0400-\u04ff]+)*")
CUES_PATH = Path(__file__).resolve().parent.parent / "data" / "semantic" / "query_cues.tsv"
ENDING_STEM = 3  # an ending counts only on a word this many letters longer: "удар" is no Kazakh -дар


@lru_cache(maxsize=1)
def cues() -> tuple[dict[str, str], dict[str, list[str]]]:
    """(word -> "ru" | "kk" | "both", lang -> endings longest first) from CUES_PATH."""
    table: dict[str, str] = {}
    endings: dict[str, list[str]] = {"ru": [], "kk": []}
    for n, line in enumerate(CUES_PATH.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) != 3 or parts[0] not in ("ru", "kk", "both") or parts[1] not in ("word", "ending") or (
                parts[1] == "ending" and parts[0] == "both"):
            raise ValueError(f"{CUES_PATH}:{n}: expected 'ru|kk|both<TAB>word|ending<TAB>value' (endings for ru "
                             f"or kk only), got {line!r}; fix the line")
        if parts[1] == "word":
            table[parts[2].lower()] = parts[0]
        else:
            endings[parts[0]].append(parts[2].lower())
    return table, {k: sorted(v, key=len, reverse=True) for k, v in endings.items()}


def cyrillic_votes(text: str) -> dict[str, int]:
    """Russian and Kazakh evidence of the Cyrillic words of a query: 2 for a listed word, 1 for an ending."""
    table, endings = cues()
    votes = {"ru": 0, "kk": 0}
    for word in _CYRILLIC_WORD.findall(text.lower()):
        if word in table:
            if table[word] != "both":
                votes[table[word]] += 2
            continue
        for lang, ends in endings.items():
            if any(word.endswith(e) and len(word) >= len(e) + ENDING_STEM for e in ends):
                votes[lang] += 1
    return votes


def words(query: str) -> str:
    """The query without its field filters (source:, lang:, date:, entity:, type:, title:), exclusions (-word)
    and operators: what the semantic side embeds."""
    text = _FILTER.sub(" ", query)
    return " ".join(w for w in text.replace('"', " ").split() if w != "OR" and w != "-")


def filters(query: str) -> str:
    """The field filters and exclusions of a query, which restrict both sides of a hybrid search."""
    return " ".join(m.group() for m in _FILTER.finditer(query) if ":" in m.group() or m.group().startswith("-"))


def detect(query: str, prefer: str | None = None) -> str:
    """One of LABELS for the words of a query; `prefer` ("ru" or "kk") breaks a Cyrillic tie."""
    text = words(query)
    if _HANGUL.search(text):
        return "ko"
    cyr, latin = len(_CYRILLIC.findall(text)), len(_LATIN.findall(text))
    if cyr == latin == 0:
        return "other" if _HAN_KANA.search(text) or text.strip() else ""
    if cyr >= latin:
        if _KK_CYRILLIC.search(text):
            return "kk"
        votes = cyrillic_votes(text)
        if votes["ru"] != votes["kk"]:
            return "ru" if votes["ru"] > votes["kk"] else "kk"
        from habar.langid.identify import identify

        guess = identify(text)
        if guess == "ru":  # "kk" from the classifier is no stronger than the default below
            return guess
        return prefer if prefer in ("ru", "kk") else "kk"
    return "kk" if _KK_LATIN.search(text) else "en"


def lexical_applies(query: str, lang: str) -> bool:
    """Whether BM25 over Kazakh lemmas has anything to match: a Kazakh query, or a short Latin or Cyrillic one
    (a name), or one of numbers and symbols alone ("2015", "60%": vectors know little of them, the index knows
    them exactly). A Korean query, or a Russian or English sentence, goes through the semantic side only."""
    if lang == "kk" or (lang == "other" and not _HAN_KANA.search(query)):
        return True
    return lang in ("ru", "en") and len(words(query).split()) <= NAME_WORDS
