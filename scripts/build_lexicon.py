"""Build habar/data/morph/lexicon.tsv.gz from licensed sources, reproducibly.

Sources (see habar/data/morph/README.md for their licences):
1. Debian hunspell-kk (/usr/share/hunspell/kk_KZ.dic), used under MPL-1.1: stems and their paradigm flags
   (A.../B... nominal, M... verb given as the -у infinitive, no flags: -лық/-дық derivatives).
2. habar/data/morph/stems.tsv and closed.tsv, written by the project: parts of speech of adjectives, adverbs,
   numerals, pronouns and frequent words, which override hunspell's single "nominal" class.
3. The word list inside Debian tesseract-ocr-kaz (Apache-2.0): evidence for verb roots in -ы/-і (оқу -> оқы)
   and for new stems whose inflected forms are attested (paradigm induction).
4. KazNERD text (CC BY 4.0): word counts only, for lemma frequencies and proper-noun stems.

The result is also compiled into habar/data/morph/lexicon.index (stems and the surface forms of their
alternations, for fast loading); `--index-only` recompiles just that from the existing lexicon.tsv.gz.

Run: `make lexicon` (needs `apt-get install -y hunspell-kk tesseract-ocr-kaz tesseract-ocr`).
"""

from __future__ import annotations

import argparse
import gzip
import shutil
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from habar.morph import lexicon as lexmod  # noqa: E402
from habar.morph.phonology import DEVOICING as DEVOICING_ROOT, VOICING, VOWELS, harmony  # noqa: E402

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


def verb_roots(infinitive: str, words: set[str]) -> list[str]:
    """Bare roots of a hunspell -у infinitive: келу -> кел, табу -> тап, оқу -> оқы, сүю -> сүй, кию -> ки.
    An infinitive in consonant + у can hide two roots (құру: құр- and құры-); keep each one attested."""
    if infinitive.endswith("ю"):
        x = infinitive[:-1]
        return [x if x.endswith("и") else x + "й"]
    x = infinitive[:-1]
    if not x or x[-1] in VOWELS:
        return [x]
    roots = []
    # оқу: оқиды, оқыған are attested, so a root keeps its -ы (its harmony picks ы or і: оқы, кемі)
    for v in "ы" if harmony(x) == "b" else "і":
        if any(f in words for f in (x + "иды", x + "иді", x + v + "ған", x + v + "ген", x + "итын", x + "итін")):
            roots.append(x + v)
    if len(x) >= 3 and x[-2] not in VOWELS:   # қорқу: қорықты is attested, so the root is қорық
        for v in "ыі":
            cand = x[:-1] + v + x[-1]
            if any(cand + s in words for s in ("ты", "ті", "ды", "ді", "па", "пе")):
                return roots + [cand]
    plain = x[:-1] + DEVOICING_ROOT[x[-1]] if x[-1] in DEVOICING_ROOT else x   # табу -> тап, ағу -> ақ
    if not roots or any(plain + s in words for s in ("ады", "еді", "ты", "ті", "ды", "ді", "ған", "ген", "қан", "кен")):
        roots.append(plain)
    return roots


def read_hand(path: Path, ncols: int) -> list[list[str]]:
    return [cols for _, cols in lexmod._rows(path, ncols)]


def paradigm(stem: str) -> list[str]:
    """A nominal's dative, locative, ablative, genitive, plural and possessive forms."""
    from habar.morph.phonology import final_class, harmony, realise
    h, c = harmony(stem), final_class(stem)
    voiced = stem[:-1] + {"к": "г", "қ": "ғ", "п": "б"}.get(stem[-1], stem[-1])
    forms = [stem + realise(t, h, c)[0] for t in ("GA", "DA", "BAн", "NIң", "LAр")]
    forms.append(voiced + realise("SI", h, c)[0])
    return forms


def inflected_count(stem: str, words) -> int:
    """How many of a nominal's possessive and case forms the word list attests (0-6)."""
    return sum(f in words for f in paradigm(stem))


def lower_counts(forms: Counter) -> dict[str, int]:
    """KazNERD token counts by lower-cased form."""
    out: dict[str, int] = defaultdict(int)
    for f, n in forms.items():
        out[f.lower()] += n
    return dict(out)


def declined(stem: str, words: set[str]) -> bool:
    """Whether the word list has the stem's plural and its dative in -ға/-ге/-қа/-ке, which no possessed form
    in -м/-ң takes (балам -> балама)."""
    from habar.morph.phonology import final_class, harmony, realise
    h, c = harmony(stem), final_class(stem)
    return all(stem + realise(t, h, c)[0] in words for t in ("GA", "LAр"))


def nominal_pos(word: str, hun: dict[str, str], adj: set[str], words: set[str]) -> str:
    """NOUN or ADJ for a hunspell nominal, from its derivational ending."""
    if word in adj:
        return "ADJ"
    if word.endswith(ABSTRACT_ENDINGS):
        return "NOUN"
    for e in ADJ_ENDINGS:
        if word.endswith(e) and word[: -len(e)] in hun:
            return "ADJ"
    for e in LY_ENDINGS:
        if word.endswith(e) and len(word) > 4 and word[: -len(e)] in hun:
            return "ADJ"
    if word.endswith(("лық", "лік", "дық", "дік", "тық", "тік")):
        base = word[:-3]
        # -лық on an adjective makes an abstract noun (адалдық); on a noun or loanword mostly a relational
        # adjective (мемлекеттік), unless the word is seen with case and possessive endings (билігі, билікке)
        return "NOUN" if base in adj or inflected_count(word, words) >= 3 else "ADJ"
    if len(word) > 4 and word.endswith("и") and word[-2] not in VOWELS:
        return "ADJ"   # саяси, әскери, ғылыми
    return "NOUN"


def base_lexicon(hun: dict[str, str], words: set[str], forms: Counter) -> dict[tuple[str, str], int]:
    hand = read_hand(DATA / "stems.tsv", 2)
    # closed-class forms replace hunspell's nominal reading, except relational words that also inflect (соң -> соңына)
    # (ой INTJ / ой "thought", қой PART / қой "sheep" keep both)
    closed_forms = {cols[0] for cols in read_hand(DATA / "closed.tsv", 4) if cols[2] in ("PRON", "CCONJ", "SCONJ", "AUX")}
    hand_pos: dict[str, set[str]] = defaultdict(set)
    for lemma, upos in hand:
        hand_pos[lemma].add(upos)
    adj = {w for w, ps in hand_pos.items() if "ADJ" in ps}
    names = {w.lower() for w, ps in hand_pos.items() if "PROPN" in ps}
    lex: dict[tuple[str, str], int] = {}
    for word, cls in hun.items():
        if cls == "V" and word in hand_pos:
            continue   # the hand-written list says the -у word is not a verb (екеу, тау)
        if cls == "V":
            for root in verb_roots(word, words):
                if len(root) > 2 or len(root) == 2 and (root[-1] not in VOWELS or root in SHORT_VOWEL_ROOTS):
                    lex[(root, "VERB")] = 0
        elif word in hand_pos or word in closed_forms or word in names:
            continue   # the hand-written part of speech replaces hunspell's single nominal class
        elif word[:1].isupper():
            lex[(word, "PROPN")] = 0
        else:
            lex[(word, nominal_pos(word, hun, adj, words))] = 0
    attested = words | set(forms)
    seen = lower_counts(forms)
    for key in [k for k in lex if k[1] == "NOUN" and (k[0], "VERB") in lex and k[0] not in hand_pos]:
        # hunspell-kk's bare generation stem of a verb (арттыр, абайла): no case form attested, and the bare word
        # is rare in running text, where a verb root would be an imperative (дәл, сәйкес, қайтыс are words in use)
        if inflected_count(key[0], attested) == 0 and seen.get(key[0], 0) < GENERATION_STEM_MAX:
            del lex[key]
    for lemma, upos in hand:
        lex[(lemma, upos)] = 0
    return lex


def write(lex: dict[tuple[str, str], int], path: Path) -> None:
    rows = sorted(lex.items(), key=lambda kv: (kv[0][0].lower(), kv[0][1]))
    with gzip.GzipFile(path, "wb", mtime=0) as gz:   # mtime=0: byte-identical rebuilds
        gz.write("".join(f"{l}\t{u}\t{n}\n" for (l, u), n in rows).encode("utf-8"))


def reload():
    from habar.morph import api, analyzer
    lexmod.clear_caches()
    api._analyze.cache_clear()
    analyzer.clear_caches()
    return api


# Readings that show a hunspell entry is itself an inflected form (қаласы, шыққан, үйдегі) rather than a stem.
STRONG_PREFIXES = ("NPL:", "POSS:", "CASE3:", "CASE12:", "LOCX:", "RELX:", "PTAIL:", "DESP:")
STRONG_TAGS = {"CASE:NIң", "CASE:CI", "CASE:GA", "CASE:DA", "CASE:BAн", "CASE:Mен", "CASE:Mенен", "VFORM:GAн",
               "VFORM:EтIн", "VFORM:Yп", "VFORM:сA", "VFORM:у", "VFORM:YптI", "VFORM:EDI", "VFORM:DI",
               "NUM:YншI", "NEG:PAй"}
# a single possessive or case ending is trusted only on a stem with an attested paradigm (өлім is not өл+ім)
WEAK_TAGS = {"POSS:Yм", "POSS:Yң", "POSS:SI"}
# roots of two letters ending in a vowel are real only for these (тау, бау are nouns, not та-, ба-)
SHORT_VOWEL_ROOTS = {"де", "же", "ки", "ти", "жи", "жу", "қу", "ту", "сы", "тү", "ию", "и"}
DERIVATION_PREFIXES = ("NOM:", "ADV:")
VOICE_PREFIXES = ("VERB:", "VOICE2:")   # passive, reciprocal, causative moves of a verb
GENERATION_STEM_MAX = 3   # KazNERD tokens of a bare verb root below which its hunspell noun entry is a generation stem
STEM_SHARE = 10           # a case-looking stem is kept when its declined tokens are at least 1/10 of its bare ones


def _written_as(written: str, root: str) -> bool:
    """Whether a root is written `written` before a suffix: as itself, or with its final п/к/қ voiced (жап -> жабыл,
    төк -> төгіл); a dropped vowel does not count (not талқыла- = талық + ыл + а)."""
    return written == root or written[:-1] == root[:-1] and VOICING.get(root[-1:]) == written[-1:]


def _unused_voice_form(a, lemma: str, hand: set[str], words: set[str], seen: dict[str, int]) -> bool:
    """Whether reading `a` shows a hunspell noun to be a voice form of a lexicon verb (апарғыз, басқарыс) that no
    noun use attests: no case form in the word list, rare bare in running text (not қайтыс, қабыл)."""
    return (a.upos == "VERB" and a.source == "lexicon" and bool(a.tags) and (len(a.lemma) >= 3 or a.lemma in hand)
            and all(t.startswith(VOICE_PREFIXES) for t in a.tags) and inflected_count(lemma, words) == 0
            and seen.get(lemma.lower(), 0) < GENERATION_STEM_MAX)


def _finite(tag: str) -> bool:
    """Verb endings that never end a noun stem (all but the -а converb, the -ар participle and -ғы)."""
    return tag.startswith("VFORM:") and tag not in ("VFORM:E", "VFORM:Wр", "VFORM:GI", "VFORM:ушI")


def inflected_entries(lex: dict[tuple[str, str], int], hand: set[str], words: set[str],
                      forms: Counter | None = None) -> set[tuple[str, str]]:
    """Entries that are inflected forms of another stem: nominals with case/possessive/participle endings,
    verb roots that are a passive or a negation of another root (сатыл- -> сат, жазба- -> жаз), and
    hunspell's bare generation stems that are no words (мектептерд = мектептер + д)."""
    api = reload()
    drop = set()
    seen = lower_counts(forms or Counter())
    attested = {w.lower() for w in words}
    for (lemma, upos) in lex:
        if lemma in hand:
            continue
        if upos != "VERB" and lemma.lower() not in attested and any(
            a.source == "lexicon" and a.suffixes for cut in (1, 2) for a in api._analyze(lemma[:-cut])
        ):
            drop.add((lemma, upos))
            continue
        for a in api._analyze(lemma):
            if upos == "NOUN" and _unused_voice_form(a, lemma, hand, words, seen):
                drop.add((lemma, upos))
                break
            if a.source != "lexicon" or a.lemma.lower() == lemma.lower() or any(t.startswith(DERIVATION_PREFIXES) for t in a.tags):
                continue
            if a.upos == "VERB" and a.tags == ("VERB:Q",) and (len(a.lemma) >= 3 or a.lemma in hand) \
                    and _written_as(lemma[: -len(a.suffixes[0])], a.lemma) \
                    and (upos == "VERB" or seen.get(lemma.lower(), 0) < GENERATION_STEM_MAX):   # қабыл is a word
                drop.add((lemma, upos))   # a passive stem, as a verb root or as hunspell's nominal (жазыл)
                break
            if upos == "VERB":
                if a.upos == "VERB" and a.tags in (("NEG:PA",), ("VERB:Q", "VFORM:E")) and lemma.startswith(a.lemma) \
                        and (len(a.lemma) >= 3 or a.lemma in hand):   # not талқыла- = талық + ыл + а
                    drop.add((lemma, upos))
                    break
            elif any(t in STRONG_TAGS or t.startswith(STRONG_PREFIXES) or _finite(t) for t in a.tags):
                if lemma.endswith(("шы", "ші")) and "VFORM:ушI" in a.tags:
                    continue   # agent nouns are words of their own: жазушы, оқушы
                if a.tags == ("POSS:Yм",) and a.suffixes[0] in ("ым", "ім") and (a.lemma, "VERB") in lex:
                    continue   # deverbal nouns in -ым/-ім are words of their own: білім, өлім, сезім, шешім
                if len(a.tags) == 1 and a.tags[0] in WEAK_TAGS and a.lemma not in hand and inflected_count(a.lemma, words) < 3:
                    continue
                in_use = (sum(seen.get(f, 0) for f in paradigm(lemma)) + 1) * STEM_SHARE >= seen.get(lemma, 0)
                if all(t.startswith("CASE:") for t in a.tags) and inflected_count(lemma, words) >= 3 and in_use:
                    # тақта is not тақ + -та: тақтаға, тақтада, тақтаның decline it (a case ends a word). Unless
                    # running text uses the bare form far more than its declension: жылға is mostly жыл + -ға
                    continue
                if a.tags in (("POSS:Yм",), ("POSS:Yң",)) and declined(lemma, words):
                    continue   # қадам is not қада + -м: after -м/-ң the dative is -а, so қадамға shows a stem
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
        own = api._analyze(stem)
        if len(seen) < 3 or stem not in seen or any(a.source != "guess" for a in own) or own[0].suffixes:
            continue
        caps = sum(n for f, n in inner_caps.items() if f.lower() == stem)
        lemma = stem[:1].upper() + stem[1:] if upos == "PROPN" or caps >= 2 else stem
        upos = "PROPN" if lemma[:1].isupper() else "NOUN"
        if (lemma, upos) not in lex:
            lex[(lemma, upos)] = 0
            added += 1
    return added


def count(lex: dict[tuple[str, str], int], forms: Counter, words: set[str], hand: set[tuple[str, str]]) -> None:
    """Lemma frequencies: first from forms whose lexicon readings all share one lemma (each word-list form
    counts once, each KazNERD token once), then ambiguous KazNERD forms go to their best reading.
    A form read as one lemma with two parts of speech, one of them hand-written (stems.tsv: бол AUX beside
    hunspell's болу VERB), counts for the hand-written one: it names the usual use of the word."""
    api = reload()
    weighted = Counter({w: 1 for w in words if not w.isupper()})
    weighted.update(forms)
    ambiguous = []
    for form, n in weighted.items():
        keys = {(a.lemma, a.upos) for a in api._analyze(form) if a.source == "lexicon"}
        if len(keys) > 1 and len({lemma for lemma, _ in keys}) == 1 and len(keys & hand) == 1:
            keys &= hand
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
    ap.add_argument("--index-only", action="store_true",
                    help="only recompile lexicon.index (the fast-loading form) from the existing lexicon.tsv.gz")
    ap.add_argument("--out", type=Path, default=None,
                    help="write the lexicon (and its index beside it) here instead of habar/data/morph")
    args = ap.parse_args(argv)
    if args.index_only:
        path = lexmod.write_index()
        print(f"build_lexicon: {path} ({path.stat().st_size // 1024} KB)")
        return 0
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
    shipped = lexmod.LEXICON_FILE
    final = args.out or shipped
    # intermediate lexicons go to a temporary folder, so the shipped one is never half-built or half-committed
    tmp = tempfile.mkdtemp(prefix="habar-lexicon-")
    lexmod.LEXICON_FILE = Path(tmp) / "lexicon.tsv.gz"
    lex = base_lexicon(hun, words, forms)
    write(lex, lexmod.LEXICON_FILE)
    hand = {cols[0] for cols in read_hand(DATA / "stems.tsv", 2)}
    dropped = inflected_entries(lex, hand, words, forms)
    for key in dropped:
        del lex[key]
    write(lex, lexmod.LEXICON_FILE)
    added = induce(lex, words, forms, inner_caps)
    write(lex, lexmod.LEXICON_FILE)
    count(lex, forms, words, {(cols[0], cols[1]) for cols in read_hand(DATA / "stems.tsv", 2)})
    write(lex, lexmod.LEXICON_FILE)
    shutil.move(lexmod.LEXICON_FILE, final)
    shutil.rmtree(tmp, ignore_errors=True)
    lexmod.LEXICON_FILE = final
    lexmod.write_index()
    lexmod.LEXICON_FILE = shipped
    print(f"build_lexicon: {len(lex)} readings ({len(dropped)} inflected forms dropped, {added} induced) -> {final} ({final.stat().st_size // 1024} KB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
