"""Readings for words outside the lexicon: names, loanwords, numbers with suffixes, punctuation.

Unknown words strip inflection only (plural, possessive, case), never derivation; capitalised ones stay
proper nouns with their capital (Сәрсенбайға -> Сәрсенбай), others become lower-case nouns
(меморандумға -> меморандум). A suffix that is rare at the end of a bare stem (-ның, -ға, -дан, -лар...)
earns a bonus, so it is stripped; a suffix that many stems end in (-ы, -ды) must pay its way.
"""

from __future__ import annotations

import re

from habar.morph.analyzer import Analysis, build, walk
from habar.morph.suffixes import VIABLE, Path, viable
from habar.morph.lexicon import is_stem
from habar.morph.phonology import final_class, harmony

GUESS_COST = 3.0
MAX_GUESS_SUFFIX = 12   # an unknown word strips at most this much
MIN_STEM = 3
# bonus for stripping a morpheme from an unknown stem: how rarely bare words end like it. An unknown word is far
# likelier an inflected form of an unknown stem than a bare stem that happens to end like a suffix (мәтіндерін,
# хабарламады), and verb endings more so (a noun rarely ends in -ылады, -ған, -ыпты).
STRIP_BONUS = {
    "NPL:LAр": 1.6,
    "CASE:NIң": 1.7, "CASE3:нIң": 1.8, "CASE12:NIң": 1.5,
    "CASE:GA": 1.6, "CASE3:нA": 1.3, "CASE:DA": 1.5, "CASE3:нDA": 1.7, "CASE12:DA": 1.3,
    "CASE:BAн": 1.6, "CASE3:нAн": 1.7, "CASE:Mен": 1.6, "CASE3:мен": 1.3,
    "CASE:CI": 1.2, "CASE3:н": 0.9, "POSS:SI": 1.0, "POSS:YмIз": 1.1,
    "LOCX:GI": 1.3, "RELX:LAр": 0.8,
    # verb endings on an unknown (or only nominal) stem
    "VFORM:GAн": 2.5, "VFORM:EтIн": 2.5, "VFORM:EDI": 2.5, "VFORM:YптI": 2.5, "VFORM:DI": 2.0, "VFORM:Yп": 1.8,
    "VFORM:у": 1.8, "VFORM:сA": 2.0, "NEG:PA": 1.5, "VERB:Q": 1.5, "PTAIL:DIK": 1.3,
}
# -сы/-сі after a vowel is a far safer possessive than a bare -ы/-і after a consonant
SURFACE_BONUS = {("POSS:SI", "сы"): 1.3, ("POSS:SI", "сі"): 1.3}
FLIP_COST = 0.3   # names and loanwords break harmony often (Йорктің)
KNOWN_STEM_BONUS = 1.0   # a nominal stem used as a verb (кеңес -> кеңескенде) is likelier than a new word
HIGH_VOWEL_ROOT_COST = 0.2   # a new verb root rarely ends in ы/і: жарастыр|ып, not жарастыры|п
# Verb endings distinctive enough to guess an unknown lower-case verb from.
VERB_GUESS_TAGS = frozenset({"VFORM:GAн", "VFORM:EтIн", "VFORM:YптI", "VFORM:DI", "VFORM:EDI", "VFORM:у",
                             "VERB:Q", "VFORM:Yп", "VFORM:сA", "NEG:PA", "NEG:PAй"})

# A Roman numeral takes its suffix only after a hyphen ("XXI-ғасыр"): "Digital" is not D + "igital".
NUMBER = re.compile(r"^([+-]?\d+(?:[.,:]\d+)*%?|[IVXLCDM]+(?=-|$))(?:-?([^\W\d_]+))?$")
PUNCT = re.compile(r"^[\W_]+$")
# pronunciation context (harmony, final class) of a number by its last non-zero digits: 5 бес, 10 он, 100 жүз
_DIGIT_CONTEXT = {"1": ("f", "R"), "2": ("f", "V"), "3": ("f", "T"), "4": ("f", "T"), "5": ("f", "T"),
                  "6": ("b", "V"), "7": ("f", "V"), "8": ("f", "Z"), "9": ("b", "Z")}
_TENS_CONTEXT = {"1": ("b", "N"), "2": ("b", "V"), "3": ("b", "Z"), "4": ("b", "T"), "5": ("f", "R"),
                 "6": ("b", "T"), "7": ("f", "T"), "8": ("f", "N"), "9": ("b", "N")}


def number_context(digits: str) -> tuple[str, str]:
    d = digits.rstrip("%").replace(",", "").replace(".", "")
    if digits.endswith("%"):
        return "b", "T"                     # пайыз
    if not d.isdigit():
        return "b", "V"
    if d[-1] != "0":
        return _DIGIT_CONTEXT[d[-1]]
    if len(d) >= 2 and d[-2] != "0":
        return _TENS_CONTEXT[d[-2]]
    if len(d) >= 3 and d[-3] != "0":
        return "f", "Z"                     # жүз
    return "b", "N"                         # мың, миллион


def number_readings(word: str) -> list[Analysis]:
    first = word[:1]
    if not (first.isdecimal() or first in "+-IVXLCDM"):
        return []   # NUMBER cannot match (\d is exactly str.isdecimal): skip the regex for ordinary words
    m = NUMBER.match(word)
    if not m:
        return []
    digits, suffix = m.group(1), (m.group(2) or "").lower()
    if not suffix:
        return [Analysis(digits, "NUM", "NumType=Card", (), (), "number")]
    h, c = number_context(digits)
    out = []
    for flip, extra in ((False, 0.0), (True, 1.0)):
        hh = h if not flip else ("f" if h == "b" else "b")
        for path in walk(suffix, "NUM", hh, c):
            a = build(word, len(word) - len(suffix), digits, "NUM", path, extra, "number")
            out.append(a)
        if out:
            break
    # 1990-жылдары, 10-нан астам: a number with a word or suffixes the tables do not know keeps the number
    return out or [Analysis(digits, "NUM", "", (), (), "number", 1.0)]


def punct_readings(word: str) -> list[Analysis]:
    if not word[:1].isalnum() and PUNCT.match(word):
        upos = "SYM" if word in {"%", "$", "€", "₸", "+", "=", "№", "<", ">", "&", "@", "#", "*"} else "PUNCT"
        return [Analysis(word, upos, "", (), (), "punct")]
    return []


def _bonus(m) -> float:
    return SURFACE_BONUS.get((m.tag, m.surface), STRIP_BONUS.get(m.tag, 0.0))


_PATH_BONUS: dict[tuple, tuple[float, bool]] = {}   # (tags, suffixes) -> (stripping bonus, has a verb ending)


def _path_bonus(path: Path) -> tuple[float, bool]:
    """The stripping bonus of a path and whether it carries an ending distinctive of verbs (cached per chain)."""
    key = (path.tags, path.suffixes)
    got = _PATH_BONUS.get(key)
    if got is None:
        got = _PATH_BONUS[key] = (sum(_bonus(m) for m in path.moves), any(m.tag in VERB_GUESS_TAGS for m in path.moves))
    return got


def guess(word: str) -> list[Analysis]:
    """Inflectional readings of an unknown word: a guessed stem plus the suffixes it plausibly carries."""
    wl = word.lower()
    capital = word[:1].isupper()
    out: list[Analysis] = []
    for i in range(len(wl), max(MIN_STEM - 1, len(wl) - MAX_GUESS_SUFFIX), -1):
        stem = word[:i]
        rest = wl[i:]
        start = rest[:VIABLE]
        c = final_class(stem)
        if not (start in viable("NPL", "b", c) or start in viable("NPL", "f", c)
                or not capital and (start in viable("VERB", "b", c) or start in viable("VERB", "f", c))):
            continue   # no suffix chain can start here with either harmony: skip working out the stem's
        h = harmony(stem)
        lemma = stem if capital and not word.isupper() else stem.lower()
        upos = "PROPN" if capital else "NOUN"
        before = len(out)
        for flip in (False, True):
            if flip and len(out) > before:
                break   # the other harmony only when the stem's own found nothing
            hh = h if not flip else ("f" if h == "b" else "b")
            if start in viable("NPL", hh, c):
                for path in walk(rest, "NPL", hh, c):
                    cost = GUESS_COST + flip * FLIP_COST - _path_bonus(path)[0]
                    out.append(build(word, i, lemma, upos, path, cost, "guess"))
            if not capital and start in viable("VERB", hh, c):
                for path in walk(rest, "VERB", hh, c):
                    bonus, verbish = _path_bonus(path)
                    if verbish:
                        cost = GUESS_COST + 0.5 + flip * FLIP_COST - bonus
                        cost -= KNOWN_STEM_BONUS if is_stem(stem.lower()) else 0.0
                        cost += HIGH_VOWEL_ROOT_COST if stem[-1:] in "ыі" else 0.0
                        out.append(build(word, i, stem.lower(), "VERB", path, cost, "guess"))
    if word.isupper() and len(word) <= 6:   # acronyms: ҚР, ЕҚЫК, АҚШ-тың is split by the tokenizer
        out.append(Analysis(word, "PROPN", "Case=Nom", (), (), "guess", GUESS_COST - 1.0))
    return out
