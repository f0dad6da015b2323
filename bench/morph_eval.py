"""Morphology figures: accuracy on KTB and on habar's own gold, apertium-kaz reference agreement, speed, and
hunspell-kk stemming measured the same way in the same run.

    python -m bench.morph_eval          (reads ../shared/data, or HABAR_SHARED_DATA)
"""

from __future__ import annotations

import re
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

from habar.options import Options

ROOT = Path(__file__).resolve().parent.parent
OWN_GOLD = ROOT / "tests" / "gold" / "morph" / "mixed_genre.conllu"
DEV_GOLD = ROOT / "tests" / "gold" / "morph" / "dev_mixed_genre.conllu"
_READING = re.compile(r"/([^/<$]+)<")


def read_conllu_words(path: Path) -> list[tuple[str, str, str]]:
    """(form, lemma, upos) of every non-punctuation syntactic word."""
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        cols = line.split("\t")
        if len(cols) == 10 and cols[0].isdigit() and cols[3] not in ("PUNCT", "_"):
            out.append((cols[1], cols[2], cols[3]))
    return out


def read_apertium(src: Path, ref: Path) -> list[tuple[str, set[str]]]:
    """(word, reference lemmas) for every word apertium-kaz analyses (unknown `*` words are left out)."""
    out = []
    for word, line in zip(src.read_text(encoding="utf-8").splitlines(), ref.read_text(encoding="utf-8").splitlines()):
        lemmas = {m.group(1).lower() for m in _READING.finditer(line)}
        if lemmas:
            out.append((word.split(" ")[0], lemmas))
    return out


def hunspell_stems(words: list[str]) -> dict[str, str]:
    """First hunspell-kk stem of each word (`hunspell -s`), the word itself when hunspell has none."""
    if not shutil.which("hunspell"):
        return {}
    text = "\n".join(words) + "\n"
    res = subprocess.run(["hunspell", "-d", "kk_KZ", "-s", "-i", "utf-8"], input=text, capture_output=True,
                         text=True, check=False)
    stems: dict[str, str] = {}
    for line in res.stdout.splitlines():
        parts = line.split()
        if len(parts) >= 2 and parts[0] not in stems:
            stems[parts[0]] = parts[1]
    return {w: stems.get(w, w) for w in words}


def as_root(stem: str) -> str:
    """hunspell gives verbs as -у infinitives; UD lemmas are bare roots (келу -> кел), as habar's are."""
    return stem[:-1] if len(stem) > 3 and stem.endswith("у") else stem


def conllu_figures(name: str, path: Path) -> None:
    from habar.morph.evaluate import evaluate_file
    rep = evaluate_file(path)
    words = read_conllu_words(path)
    hun = hunspell_stems([w for w, _, _ in words])
    print(f"{name}: {rep.n} words  habar lemma {rep.lemma_acc:.3f}  upos {rep.upos_acc:.3f}  "
          f"coverage {rep.coverage:.3f}")
    if hun:
        raw = sum(hun[w].lower() == l.lower() for w, l, _ in words) / len(words)
        root = sum(as_root(hun[w]).lower() == l.lower() for w, l, _ in words) / len(words)
        print(f"{name}: hunspell-kk stem = lemma {raw:.3f} (verbs as roots: {root:.3f})")


def apertium_figures(shared: Path) -> None:
    from habar.morph import analyze
    d = shared / "apertium_kaz_morph_eval"
    if not (d / "ref.1000.txt").exists():
        print("apertium: skipped, reference set not found")
        return
    items = read_apertium(d / "src.1000.txt", d / "ref.1000.txt")
    covered = among = first = 0
    for word, lemmas in items:
        readings = analyze(word)
        covered += any(a.source != "guess" for a in readings)
        among += any(a.lemma.lower() in lemmas for a in readings)
        first += bool(readings) and readings[0].lemma.lower() in lemmas
    n = len(items)
    print(f"apertium ref: {n} words  coverage {covered / n:.3f}  ref lemma among analyses {among / n:.3f}  "
          f"first {first / n:.3f}")
    hun = hunspell_stems([w for w, _ in items])
    if hun:
        raw = sum(hun[w].lower() in l for w, l in items) / n
        root = sum(as_root(hun[w]).lower() in l for w, l in items) / n
        print(f"apertium ref: hunspell-kk first stem = ref lemma {raw:.3f} (verbs as roots: {root:.3f})")


def speed_figures(shared: Path, gc_mode: str = "habar") -> None:
    """Tag the KazNERD text in its natural order, cold: fresh caches, lexicon load included. `gc_mode` "habar" sets
    the collector as every habar entry point does after loading its models (habar.runtime), "default" leaves
    CPython's thresholds."""
    path = shared / "kaznerd" / "IOB2_valid.txt"
    if not path.exists():
        print("speed: skipped, KazNERD not found")
        return
    from habar.document import Token
    sentences, cur = [], []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            cur.append(line.split(" ")[0])
        elif cur:
            sentences.append(cur)
            cur = []
    n = sum(len(s) for s in sentences)
    t0, c0 = time.perf_counter(), time.process_time()
    from habar.morph import lexicon, tag_tokens
    lexicon.compiled()
    lexicon.closed()
    if gc_mode == "habar":
        from habar.runtime import tune_gc
        tune_gc()
    load = time.process_time() - c0
    for s in sentences:
        tag_tokens([Token(w, 0, 0) for w in s])
    wall, cpu = time.perf_counter() - t0, time.process_time() - c0
    total = time.process_time()   # the whole process: interpreter start and every import included
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    print(f"speed ({gc_mode} gc): {n} KazNERD tokens, cold start: {n / cpu:,.0f} tokens/s per core (CPU time, lexicon load "
          f"{load:.2f} s included; {n / total:,.0f} tokens/s counting the whole process's CPU; wall {wall:.1f} s "
          f"on a shared machine), max RSS {rss} MB")


def main() -> int:
    shared = Options().shared_data
    if len(sys.argv) == 3 and sys.argv[1] == "--speed":  # one cold measurement in a fresh process
        speed_figures(shared, sys.argv[2])
        return 0
    ktb = shared / "ud_kazakh_ktb" / "kk_ktb-ud-train.conllu"
    for mode in ("default", "habar", "default", "habar"):  # alternated: the machine's load drifts
        subprocess.run([sys.executable, "-m", "bench.morph_eval", "--speed", mode], check=True)
    if ktb.exists():
        conllu_figures("KTB sample", ktb)
    conllu_figures("habar gold (mixed genre)", OWN_GOLD)
    conllu_figures("habar dev gold (mixed genre, session 2)", DEV_GOLD)
    apertium_figures(shared)
    return 0


if __name__ == "__main__":
    sys.exit(main())
