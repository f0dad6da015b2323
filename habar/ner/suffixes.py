"""Kazakh case and possessive endings as data, for the suffix-stripping fallback used until habar.morph is ready.

Case endings mark where a Kazakh entity ends ("Оңтүстік Кореяның", "Сеул қаласында"), so the fallback's
(stem, case) pair is a strong NER feature even without a full analyzer.
"""

from __future__ import annotations

# ending -> case tag; the longest matching ending wins, and the stem must keep at least MIN_STEM letters.
CASE_ENDINGS: dict[str, str] = {
    **dict.fromkeys(("ның", "нің", "дың", "дің", "тың", "тің"), "Gen"),
    **dict.fromkeys(("ға", "ге", "қа", "ке", "на", "не"), "Dat"),
    **dict.fromkeys(("ны", "ні", "ды", "ді", "ты", "ті"), "Acc"),
    **dict.fromkeys(("да", "де", "та", "те", "нда", "нде"), "Loc"),
    **dict.fromkeys(("дан", "ден", "тан", "тен", "нан", "нен"), "Abl"),
    **dict.fromkeys(("мен", "бен", "пен", "менен", "бенен", "пенен"), "Ins"),
    **dict.fromkeys(("дағы", "дегі", "тағы", "тегі", "ндағы", "ндегі", "ғы", "гі", "қы", "кі"), "Adj"),
}
# Possessive 3rd person before a case ending ("қаласында" = қала + сы + нда).
POSS3 = ("сы", "сі", "ы", "і")
PLURAL = ("лар", "лер", "дар", "дер", "тар", "тер")
MIN_STEM = 3

_LENGTHS = sorted({len(e) for e in CASE_ENDINGS}, reverse=True)  # the longest ending wins


def strip_case(lower: str) -> tuple[str, str]:
    """(stem, case) of a lowercase word by its longest case ending; ("word", "Nom") when none applies."""
    for n in _LENGTHS:
        end = lower[-n:]
        if end in CASE_ENDINGS and len(lower) - n >= MIN_STEM:
            stem = lower[:-n]
            for poss in POSS3:
                if stem.endswith(poss) and len(stem) - len(poss) >= MIN_STEM:
                    return stem[: -len(poss)], CASE_ENDINGS[end] + "+P3"
            return stem, CASE_ENDINGS[end]
    for pl in PLURAL:
        if lower.endswith(pl) and len(lower) - len(pl) >= MIN_STEM:
            return lower[: -len(pl)], "Pl"
    return lower, "Nom"
