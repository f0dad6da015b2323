"""Gold sentences and tokens for the text layer, and the F1 scores against them.

Gold file format (tests/gold/text/*.txt, UTF-8):
- blocks separated by a blank line are paragraphs; in the text they are joined by "\\n\\n";
- each line of a block is one gold sentence; the lines of a block are joined by one space;
- inside a line, a space separates two tokens, and "|" marks a token boundary where the text has no space
  ("айтты|." is "айтты" and "."); "␣" (U+2423) is a space inside one token ("20␣000" is the token "20 000").
So the text is the file with "|" removed and "␣" made a space, and every gold offset is known.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from habar.text.normalise import normalise
from habar.text.segment import repair_artefacts, segment
from habar.text.tokenize import tokenize


@dataclass
class Gold:
    text: str
    sentences: list[tuple[int, int]]
    tokens: list[tuple[int, int]]
    paragraph_ends: set[int]


def load_gold(path: Path) -> Gold:
    """The gold text, sentence spans and token spans of one gold file (format in the module docstring)."""
    blocks = [b for b in path.read_text(encoding="utf-8").split("\n\n") if b.strip()]
    text, sentences, tokens, para_ends = "", [], [], set()
    for bi, block in enumerate(blocks):
        if bi:
            text += "\n\n"
        for li, line in enumerate(ln.strip() for ln in block.split("\n") if ln.strip()):
            if li:
                text += " "
            start = len(text)
            for wi, chunk in enumerate(line.split(" ")):
                if wi:
                    text += " "
                for piece in chunk.split("|"):
                    if not piece:
                        raise ValueError(f"{path}: empty token in line {line!r}; remove the doubled '|' or space")
                    piece = piece.replace("␣", " ")
                    tokens.append((len(text), len(text) + len(piece)))
                    text += piece
            sentences.append((start, len(text)))
        para_ends.add(len(text))
    return Gold(text, sentences, tokens, para_ends)


def f1(gold: set, predicted: set) -> float:
    if not gold and not predicted:
        return 1.0
    hits = len(gold & predicted)
    precision = hits / len(predicted) if predicted else 0.0
    recall = hits / len(gold) if gold else 0.0
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def score(gold: Gold) -> dict[str, float]:
    """Sentence-boundary F1 (ends inside paragraphs only: a paragraph end is given) and token-span F1."""
    text, changes = normalise(gold.text, is_word=lambda w: True)
    if changes:
        raise ValueError(f"the gold text is not normalised ({changes[:3]}...); write it in normalised form")
    text, changes = repair_artefacts(text)
    if changes:
        raise ValueError(f"the gold text has torn abbreviations ({changes[:3]}); write them whole")
    predicted_ends = {s.end for s in segment(text)} - gold.paragraph_ends
    gold_ends = {e for _, e in gold.sentences} - gold.paragraph_ends
    predicted_tokens = {(t.start, t.end) for t in tokenize(text)}
    return {
        "sentence_boundary_f1": round(f1(gold_ends, predicted_ends), 4),
        "token_f1": round(f1(set(gold.tokens), predicted_tokens), 4),
    }
