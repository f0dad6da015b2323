"""Inputs for the PostgreSQL tests: the sample corpus, and many articles made from its sentences at run time."""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

from habar.options import Options

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "data" / "sample" / "corpus.jsonl"
_SENTENCE_END = re.compile(r"(?<=[.!?»])\s+")


def seeds_dir() -> Path:
    shared = Options().shared_data
    shared = shared if shared.is_absolute() else ROOT / shared
    return shared.parent / "seeds"


def corpus_paths() -> list[str]:
    """The sample corpus, and the two real seed articles when they are present."""
    return [str(SAMPLE)] + ([str(seeds_dir())] if seeds_dir().is_dir() else [])


def sentences() -> list[str]:
    out = []
    for line in SAMPLE.read_text(encoding="utf-8").splitlines():
        out += [s for s in _SENTENCE_END.split(json.loads(line)["text"]) if len(s.split()) >= 4]
    return out


def write_articles(path: Path, ids: range, reprints: range = range(0), seed: int = 3) -> Path:
    """JSONL of articles gen-<i> (i in `ids`), each six sample sentences and a numbered last line, so no two are
    alike; `reprints`: articles copy-<i>, the same text as gen-<i> under another id and URL."""
    pool = sentences()
    with path.open("w", encoding="utf-8") as f:
        for i in [*ids, *(-1 - i for i in reprints)]:
            n = i if i >= 0 else -1 - i
            rng = random.Random(seed * 1_000_003 + n)
            text = " ".join(rng.sample(pool, 6)) + f"\nХабар нөмірі {n}."
            kind = "gen" if i >= 0 else "copy"
            f.write(json.dumps({"id": f"{kind}-{n}", "source": f"source{n % 7}", "url": f"https://example.kz/{kind}/{n}",
                                "published": f"20{15 + n % 9}-0{1 + n % 9}-1{n % 10}", "title": f"Хабар {n}",
                                "text": text}, ensure_ascii=False) + "\n")
    return path
