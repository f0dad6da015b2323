"""Build habar/data/morph/lexicon.tsv.gz from licensed sources, reproducibly.

Sources (see habar/data/morph/README.md for their licences):
1. Debian hunspell-kk (/usr/share/hunspell/kk_KZ.dic), used under MPL-1.1: stems and their paradigm flags
   (A.../B... nominal, M... verb given as the -у infinitive, no flags: -лық/-дық derivatives).
2. habar/data/morph/stems.tsv and closed.tsv, written by the project: parts of speech of adjectives, adverbs,
   numerals, pronouns and frequent words, which override hunspell's single "nominal" class.
3. The word list inside Debian tesseract-ocr-kaz (Apache-2.0): evidence for verb roots in -ы/-і (оқу -> оқы)
   and for new stems whose inflected forms are attested (paradigm induction).
4. KazNERD text (CC BY 4.0): word counts only, for lemma frequencies and proper-noun stems.

Run: `make lexicon` (needs `apt-get install -y hunspell-kk tesseract-ocr-kaz tesseract-ocr`).
"""

from __future__ import annotations

import argparse
import gzip
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from habar.morph import lexicon as lexmod  # noqa: E402
from habar.morph.phonology import DEVOICING as DEVOICING_ROOT, VOWELS  # noqa: E402

HUNSPELL_DIC = Path("/usr/share/hunspell/kk_KZ.dic")
TESSDATA = Path("/usr/share/tesseract-ocr/5/tessdata/kaz.traineddata")
DATA = ROOT / "habar" / "data" / "morph"
ADJ_ENDINGS = ("сыз", "сіз", "шыл", "шіл", "ғы", "гі", "қы", "кі")   # derivatives that are adjectives
LY_ENDINGS = ("лы", "лі", "ды", "ді", "ты", "ті")                      # -лы adjectives when the base is a stem
ABSTRACT_ENDINGS = ("шылық", "шілік", "лылық", "лілік", "сыздық", "сіздік", "дылық", "ділік", "тылық", "тілік")


def read_hunspell(path: Path) -> dict[str, str]:
    """word -> flag class: 'N' nominal, 'P' nominal without plural (names), 'V' verb infinitive, '' no flags."""
    out: dict[str, str] = {}
    with open(path, encoding="utf-8-sig") as fh:
        next(fh)  # the entry count
        for line in fh:
            word, _, flags = line.strip().partition("/")
            if word:
                out[word] = "V" if flags.startswith("M") else "N" if flags.startswith("A") else "P" if flags else ""
    return out


def read_tesseract_words(traineddata: Path) -> set[str]:
    """The LSTM word list of the Kazakh traineddata, unpacked with the tesseract tools."""
    with tempfile.TemporaryDirectory() as tmp:
        prefix = str(Path(tmp) / "kaz.")
        subprocess.run(["combine_tessdata", "-u", str(traineddata), prefix], check=True, capture_output=True)
        out = Path(tmp) / "words.txt"
        subprocess.run(["dawg2wordlist", prefix + "lstm-unicharset", prefix + "lstm-word-dawg", str(out)],
                       check=True, capture_output=True)
        return {w.strip() for w in out.read_text(encoding="utf-8").splitlines() if w.strip()}


def read_kaznerd_counts(path: Path) -> tuple[Counter, Counter]:
    """Counts of word forms (as written) and of forms seen capitalised inside a sentence."""
    forms: Counter = Counter()
    inner_caps: Counter = Counter()
    first = True
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            line = line.strip()
            if not line:
                first = True
                continue
            word = line.split(" ")[0]
            forms[word] += 1
            if not first and word[:1].isupper() and not word.isupper():
                inner_caps[word] += 1
            first = word in {".", "!", "?", "«", "\"", "–", "—", ":"}
    return forms, inner_caps


def verb_root(infinitive: str, words: set[str]) -> str:
    """The bare root of a hunspell -у infinitive: келу -> кел, табу -> тап, оқу -> оқы, сүю -> сүй, кию -> ки."""
    if infinitive.endswith("ю"):
        x = infinitive[:-1]
        return x if x.endswith("и") else x + "й"
    x = infinitive[:-1]
    if not x or x[-1] in VOWELS:
        return x
    for v in "ыі":   # оқу: оқиды, оқыған are attested, so the root keeps its -ы
        if any(f in words for f in (x + "иды", x + "иді", x + v + "ған", x + v + "ген", x + "итын", x + "итін")):
            return x + v
    if len(x) >= 3 and x[-2] not in VOWELS:   # қорқу: қорықты is attested, so the root is қорық
        for v in "ыі":
            cand = x[:-1] + v + x[-1]
            if any(cand + s in words for s in ("ты", "ті", "ды", "ді", "па", "пе")):
                return cand
    if x[-1] in DEVOICING_ROOT:   # табу -> тап, ағу -> ақ: roots end voiceless, the infinitive voices them
        return x[:-1] + DEVOICING_ROOT[x[-1]]
    return x


def read_hand(path: Path, ncols: int) -> list[list[str]]:
    return [cols for _, cols in lexmod._rows(path, ncols)]


def nominal_pos(word: str, hun: dict[str, str], adj: set[str]) -> str:
    """NOUN or ADJ for a hunspell nominal, from its derivational ending."""
    if word in adj:
        return "ADJ"
    if word.endswith(ABSTRACT_ENDINGS):
        return "NOUN"
    if word.endswith(ADJ_ENDINGS) and word[:-3] in hun:
        return "ADJ"
    for e in LY_ENDINGS:
        if word.endswith(e) and len(word) > 4 and word[: -len(e)] in hun:
            return "ADJ"
    if word.endswith(("лық", "лік", "дық", "дік", "тық", "тік")):
        base = word[:-3]
        # -лық on an adjective makes an abstract noun (адалдық); on a noun or loanword a relational adjective
        return "NOUN" if base in adj else "ADJ"
    if len(word) > 4 and word.endswith("и") and word[-2] not in VOWELS:
        return "ADJ"   # саяси, әскери, ғылыми
    return "NOUN"


def base_lexicon(hun: dict[str, str], words: set[str]) -> dict[tuple[str, str], int]:
    hand = read_hand(DATA / "stems.tsv", 2)
    closed_forms = {cols[0] for cols in read_hand(DATA / "closed.tsv", 4)}
    hand_pos: dict[str, set[str]] = defaultdict(set)
    for lemma, upos in hand:
        hand_pos[lemma].add(upos)
    adj = {w for w, ps in hand_pos.items() if "ADJ" in ps}
    names = {w.lower() for w, ps in hand_pos.items() if "PROPN" in ps}
    lex: dict[tuple[str, str], int] = {}
    for word, cls in hun.items():
        if cls == "V":
            lex[(verb_root(word, words), "VERB")] = 0
        elif word in hand_pos or word in closed_forms or word in names:
            continue   # the hand-written part of speech replaces hunspell's single nominal class
        elif word[:1].isupper():
            lex[(word, "PROPN")] = 0
        else:
            lex[(word, nominal_pos(word, hun, adj))] = 0
    for lemma, upos in hand:
        lex[(lemma, upos)] = 0
    return lex


def write(lex: dict[tuple[str, str], int], path: Path) -> None:
    rows = sorted(lex.items(), key=lambda kv: (kv[0][0].lower(), kv[0][1]))
    with gzip.GzipFile(path, "wb", mtime=0) as gz:   # mtime=0: byte-identical rebuilds
        gz.write("".join(f"{l}\t{u}\t{n}\n" for (l, u), n in rows).encode("utf-8"))


def reload():
    from habar.morph import api, analyzer
    lexmod.stems.cache_clear()
    lexmod.closed.cache_clear()
    api._analyze.cache_clear()
    analyzer.walk.cache_clear()
    return api


# Readings that show a hunspell entry is itself an inflected form (қаласы, шыққан, үйдегі) rather than a stem.
STRONG_PREFIXES = ("NPL:", "POSS:", "CASE3:", "CASE12:", "LOCX:", "RELX:", "PTAIL:", "DESP:")
STRONG_TAGS = {"CASE:NIң", "CASE:CI", "CASE:GA", "CASE:DA", "CASE:BAн", "CASE:Mен", "CASE:Mенен", "VFORM:GAн",
               "VFORM:EтIн", "VFORM:Yп", "VFORM:сA", "VFORM:у", "VFORM:YптI", "VFORM:EDI", "VFORM:DI"}
DERIVATION_PREFIXES = ("NOM:", "ADV:")


def inflected_entries(lex: dict[tuple[str, str], int], hand: set[str]) -> set[tuple[str, str]]:
    """Entries that are inflected forms of another stem: nominals with case/possessive/participle endings,
    verb roots that are a passive or a negation of another root (сатыл- -> сат, жазба- -> жаз)."""
    api = reload()
    drop = set()
    for (lemma, upos) in lex:
        if lemma in hand:
            continue
        for a in api._analyze(lemma):
            if a.source != "lexicon" or a.lemma.lower() == lemma.lower() or any(t.startswith(DERIVATION_PREFIXES) for t in a.tags):
                continue
            if upos == "VERB":
                if a.upos == "VERB" and a.tags in (("VERB:Q",), ("NEG:PA",)):
                    drop.add((lemma, upos))
                    break
            elif any(t in STRONG_TAGS or t.startswith(STRONG_PREFIXES) for t in a.tags):
                if lemma.endswith(("шы", "ші")) and "VFORM:ушI" in a.tags:
                    continue   # agent nouns are words of their own: жазушы, оқушы
                drop.add((lemma, upos))
                break
    return drop


def induce(lex: dict[tuple[str, str], int], words: set[str], forms: Counter, inner_caps: Counter) -> int:
    """Add stems of unknown words: the bare stem is attested in running text (or capitalised in the word list),
    has no analysis of its own, and at least three forms of its paradigm are attested."""
    api = reload()
    evidence: dict[tuple[str, str], set[str]] = defaultdict(set)
    attested = {w.lower() for w in forms} | {w.lower() for w in words if w[:1].isupper() and not w.isupper()}
    for w in set(words) | set(forms):
        if w.isupper() or not w.isalpha() or len(w) < 4:
            continue
        readings = api._analyze(w)
        if any(a.source != "guess" for a in readings):
            continue
        for a in readings:
            if a.upos in ("NOUN", "PROPN") and a.lemma.lower() in attested:
                evidence[(a.lemma.lower(), a.upos)].add(w.lower())
    added = 0
    for (stem, upos), seen in evidence.items():
        if len(seen) < 3 or stem not in seen or any(a.source != "guess" for a in api._analyze(stem)):
            continue
        caps = sum(n for f, n in inner_caps.items() if f.lower() == stem)
        lemma = stem[:1].upper() + stem[1:] if upos == "PROPN" or caps >= 2 else stem
        upos = "PROPN" if lemma[:1].isupper() else "NOUN"
        if (lemma, upos) not in lex:
            lex[(lemma, upos)] = 0
            added += 1
    return added


def count(lex: dict[tuple[str, str], int], forms: Counter, words: set[str]) -> None:
    """Lemma frequencies: first from forms whose lexicon readings all share one lemma (each word-list form
    counts once, each KazNERD token once), then ambiguous KazNERD forms go to their best reading."""
    api = reload()
    weighted = Counter({w: 1 for w in words if not w.isupper()})
    weighted.update(forms)
    ambiguous = []
    for form, n in weighted.items():
        keys = {(a.lemma, a.upos) for a in api._analyze(form) if a.source == "lexicon"}
        if len(keys) == 1:
            key = keys.pop()
            if key in lex:
                lex[key] += n
        elif keys and form in forms:
            ambiguous.append((form, forms[form]))
    write(lex, lexmod.LEXICON_FILE)
    api = reload()
    for form, n in ambiguous:
        best = next((a for a in api._analyze(form) if a.source == "lexicon"), None)
        if best is not None and (best.lemma, best.upos) in lex:
            lex[(best.lemma, best.upos)] += n


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared" / "data", help="shared data folder")
    args = ap.parse_args(argv)
    for need, pkg in ((HUNSPELL_DIC, "hunspell-kk"), (TESSDATA, "tesseract-ocr-kaz")):
        if not need.exists():
            print(f"build_lexicon: {need} is missing; run `apt-get install -y {pkg} tesseract-ocr`", file=sys.stderr)
            return 1
    hun = read_hunspell(HUNSPELL_DIC)
    words = read_tesseract_words(TESSDATA)
    kaznerd = args.shared / "kaznerd" / "IOB2_valid.txt"
    forms, inner_caps = read_kaznerd_counts(kaznerd) if kaznerd.exists() else (Counter(), Counter())
    if not forms:
        print(f"build_lexicon: {kaznerd} not found; building without corpus counts (pass --shared)", file=sys.stderr)
    lex = base_lexicon(hun, words)
    write(lex, lexmod.LEXICON_FILE)
    hand = {cols[0] for cols in read_hand(DATA / "stems.tsv", 2)}
    dropped = inflected_entries(lex, hand)
    for key in dropped:
        del lex[key]
    write(lex, lexmod.LEXICON_FILE)
    added = induce(lex, words, forms, inner_caps)
    write(lex, lexmod.LEXICON_FILE)
    count(lex, forms, words)
    write(lex, lexmod.LEXICON_FILE)
    print(f"build_lexicon: {len(lex)} readings ({len(dropped)} inflected forms dropped, {added} induced) -> {lexmod.LEXICON_FILE} ({lexmod.LEXICON_FILE.stat().st_size // 1024} KB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
