"""Reading `token TAG` files (CoNLL, IOB2) and the deterministic train/dev split of KazNERD."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

DEV_PERCENT = 15  # sentences whose id hashes into [0, 15) of 100 buckets form the dev part


@dataclass(slots=True)
class Sentence:
    id: str
    tokens: list[str]
    tags: list[str]


def read_conll(path: Path, with_ids: bool = False) -> Iterator[Sentence]:
    """Sentences of a `token TAG` file; with_ids: the first line of each sentence is `ID O` (KazNERD's variant)."""
    tokens: list[str] = []
    tags: list[str] = []
    sid = ""
    n = 0
    with open(path, encoding="utf-8") as f:
        for lineno, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line.strip():
                if tokens:
                    yield Sentence(sid or f"{path.name}:{n}", tokens, tags)
                    n += 1
                tokens, tags, sid = [], [], ""
                continue
            parts = line.split()
            if len(parts) == 1:
                parts.append("O")
            if with_ids and not sid and not tokens:
                sid = parts[0]
                continue
            tokens.append(parts[0])
            tags.append(parts[-1])
    if tokens:
        yield Sentence(sid or f"{path.name}:{n}", tokens, tags)


def detokenize(tokens: list[str]) -> str:
    """A sentence's tokens as text: no space before closing punctuation or after an opening bracket or quote."""
    return re.sub(r" ([,.!?:;»)])", r"\1", re.sub(r"([«(]) ", r"\1", " ".join(tokens)))


def read_texts(path: Path) -> list[str]:
    """The sentences of a `token TAG` file as text (unlabelled text for training)."""
    return [detokenize(s.tokens) for s in read_conll(path)]


def group(sentence_id: str) -> str:
    """The sentence's group: KazNERD writes one sentence in several versions (AID330210 and DID330210: digits
    and number words, small edits) under ids that share their number."""
    return sentence_id.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ") or sentence_id


def group_bucket(sentence_id: str, salt: str, buckets: int) -> int:
    """md5 of salt + the sentence's group, first 4 bytes, modulo `buckets`: every split of KazNERD sentences
    (dev, the benches' inner folds) keeps the versions of one sentence on one side."""
    return int.from_bytes(hashlib.md5((salt + group(sentence_id)).encode("utf-8")).digest()[:4], "big") % buckets


def is_dev(sentence_id: str) -> bool:
    """The fixed split: the group's bucket of 100, below DEV_PERCENT. Hashing the full id put 37% of dev sentences
    beside a version of themselves in train, and dev F1 then overstated F1 on unseen sentences by 0.08
    (bench/ner_dev_dedup.py)."""
    return group_bucket(sentence_id, "", 100) < DEV_PERCENT


def kaznerd_split(kaznerd_dir: Path) -> tuple[list[Sentence], list[Sentence]]:
    """(train, dev) of KazNERD's validation file, split by the hash of each sentence id."""
    path = kaznerd_dir / "with_sentID" / "IOB2_valid2.txt"
    if not path.exists():
        raise FileNotFoundError(f"{path} is missing; point --shared (or HABAR_SHARED_DATA) at the shared data folder")
    train, dev = [], []
    for s in read_conll(path, with_ids=True):
        (dev if is_dev(s.id) else train).append(s)
    return train, dev


def spans(tags: list[str]) -> list[tuple[int, int, str]]:
    """Entity spans (start, end exclusive, label) of an IOB2 sequence; a stray I- opens a new span."""
    out = []
    start, label = -1, ""
    for i, tag in enumerate(tags + ["O"]):
        if tag == "O" or tag.startswith("B-") or (tag.startswith("I-") and tag[2:] != label):
            if label:
                out.append((start, i, label))
            start, label = (i, tag[2:]) if tag != "O" else (-1, "")
    return out
