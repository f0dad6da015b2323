"""Place names across languages: a query names "Korea" or "한국", a Kazakh article writes "Корея".

The vectors see a place name as one word among many, and two articles about memoranda in Kazakhstan differ mostly
by the country they name; an English or Korean query cannot match the Kazakh name lexically. The table
habar/data/semantic/place_names.tsv maps the names a query uses in English, Russian and Korean to the Kazakh stem,
and `mentions` tells which names an article's text holds, so that hybrid search can favour the hits that name
what the query names (habar.search.hybrid).
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

PATH = Path(__file__).resolve().parent.parent / "data" / "semantic" / "place_names.tsv"
LANGS = ("en", "ru", "ko")
RU_ENDING = re.compile("[аеёиоуыэюяй]+$")  # Москва/Москве, Казахстан/Казахстана, китайский/китайская
RU_EXTRA = 3  # letters a Russian case ending may add to a stem
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")


@lru_cache(maxsize=1)
def table() -> dict[str, list[tuple[str, str]]]:
    """lang -> [(query name, Kazakh name)], read from PATH."""
    out: dict[str, list[tuple[str, str]]] = {lang: [] for lang in LANGS}
    rows = [line for line in PATH.read_text(encoding="utf-8").splitlines() if line.strip() and line[0] != "#"]
    header = rows[0].split("\t")
    if header != ["kk", *LANGS]:
        raise ValueError(f"{PATH}: the header must be 'kk<TAB>en<TAB>ru<TAB>ko', got {rows[0]!r}; fix the file")
    for n, line in enumerate(rows[1:], 2):
        cells = line.split("\t")
        if len(cells) != 4 or not all(cells):
            raise ValueError(f"{PATH}: data row {n} needs four non-empty columns (kk, en, ru, ko), got {line!r}")
        for lang, names in zip(LANGS, cells[1:]):
            out[lang].extend((name, cells[0]) for name in names.split("|"))
    return out


def _ru_stem(word: str) -> str:
    stem = RU_ENDING.sub("", word.lower())
    return stem if len(stem) >= 3 else word.lower()


def query_names(query: str, lang: str) -> set[str]:
    """The Kazakh names of the places a query in `lang` (en, ru, ko) names."""
    if lang not in LANGS:
        return set()
    found = set()
    if lang == "ko":
        return {kk for name, kk in table()["ko"] if name in query}
    words = _WORD.findall(query)
    for name, kk in table()[lang]:
        if lang == "en":
            # an abbreviation matches as written ("US", never the pronoun "us"); a name in any case
            hit = name in words if name.isupper() else name.lower() in {w.lower() for w in words}
        else:
            stem = _ru_stem(name)
            hit = any(w.lower().startswith(stem) and len(w) - len(stem) <= RU_EXTRA for w in words)
        if hit:
            found.add(kk)
    return found


@lru_cache(maxsize=256)
def _pattern(kk: str) -> re.Pattern:
    # a word that starts with the name (Кореяның, Қазақстандағы); an abbreviation as written (АҚШ, not ақша)
    if kk.isupper():
        return re.compile(rf"(?<!\w){re.escape(kk)}")
    return re.compile(rf"(?<!\w){re.escape(kk.lower())}")


def mentions(text: str, names: set[str]) -> int:
    """How many of the Kazakh `names` the text holds."""
    lower = text.lower()
    return sum(1 for kk in names if _pattern(kk).search(text if kk.isupper() else lower))
