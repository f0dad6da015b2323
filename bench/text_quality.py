"""Quality of the Kazakh text layer: the gold-set scores, and sentence-split recall on SIB-200 Kazakh.

- Gold (tests/gold/text): sentence-boundary F1 inside paragraphs and token-span F1; CI pins floors on them.
- KazNERD (../shared/data/kaznerd, read by path): its gold tokens re-joined into running text; token-span F1
  against them. KazNERD keeps a number and its hyphenated suffix together ("100-ден", "%-ке"), which habar
  splits ("100", "-ден"), so the figure is agreement, not accuracy.
- SIB-200 (../shared/data/sib200_kaz, FLORES rows, read by path): rows are joined five to a paragraph and the
  splitter must find every boundary between rows (recall). A row may hold several sentences, so splits
  inside rows are counted, not scored: they are mostly real sentence ends.
"""

from __future__ import annotations

import argparse
import csv
from pathlib import Path

from habar.options import Options
from habar.text.gold import f1, load_gold, score
from habar.text.normalise import normalise
from habar.text.segment import segment
from habar.text.tokenize import tokenize

ROOT = Path(__file__).resolve().parents[1]


def shared_dir() -> Path:
    shared = Options().shared_data
    return shared if shared.is_absolute() else (ROOT / shared).resolve()


def sib_recall(path: Path, per_paragraph: int = 5) -> tuple[int, float, int]:
    """(boundaries between rows, recall of them, splits inside rows)."""
    with path.open(encoding="utf-8", newline="") as f:
        rows = [normalise(r["text"].strip(), is_word=lambda w: True)[0] for r in csv.DictReader(f, delimiter="\t")]
    text, gold, paragraph_ends = "", set(), set()
    for i in range(0, len(rows), per_paragraph):
        text += "\n\n" if text else ""
        for j, row in enumerate(rows[i:i + per_paragraph]):
            text += (" " if j else "") + row
            gold.add(len(text))
        paragraph_ends.add(len(text))
    predicted = {s.end for s in segment(text)} - paragraph_ends
    inner = gold - paragraph_ends
    return len(inner), len(inner & predicted) / len(inner), len(predicted - inner)


def kaznerd_token_f1(path: Path) -> tuple[int, float]:
    from bench.text_speed import NO_SPACE_AFTER, NO_SPACE_BEFORE

    text, gold = "", set()
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            text += "\n"
            continue
        word = line.split(" ")[0]
        if text and text[-1] != "\n" and word not in NO_SPACE_BEFORE and text[-1] not in NO_SPACE_AFTER:
            text += " "
        gold.add((len(text), len(text) + len(word)))
        text += word
    predicted = {(t.start, t.end) for t in tokenize(text)}
    return len(gold), f1(gold, predicted)


def main() -> None:
    argparse.ArgumentParser(description=__doc__).parse_args()
    for path in sorted((ROOT / "tests" / "gold" / "text").glob("*.txt")):
        gold = load_gold(path)
        print(f"gold {path.name}: {len(gold.sentences)} sentences, {len(gold.tokens)} tokens, {score(gold)}")
    kaznerd = shared_dir() / "kaznerd" / "IOB2_valid.txt"
    if kaznerd.exists():
        n, score_ = kaznerd_token_f1(kaznerd)
        print(f"KazNERD valid: {n} gold tokens, token-span F1 {score_:.4f} (agreement; conventions differ)")
    for split in ("train", "dev"):
        path = shared_dir() / "sib200_kaz" / f"{split}.tsv"
        if not path.exists():
            print(f"SIB-200 {split}: skipped, {path} is absent")
            continue
        n, recall, inside = sib_recall(path)
        print(f"SIB-200 {split}: {n} boundaries between rows, recall {recall:.4f}; {inside} more splits inside rows")


if __name__ == "__main__":
    main()
