"""User-defined topic labels from a few seed words: "агро": ["егін", "астық", "фермер"].

A user label applies when the article holds at least MIN_HITS distinct seeds (any ending: the seed is matched as
a word start, so "егін" finds "егіннің" and "егінді"); its score is the share of seeds found. User labels are
checked before the trained SIB-200 labels, because a user who names a topic wants it to win where it fits.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

MIN_HITS = 2
LABELS_FILE = "topic_labels.json"
_WORD = re.compile(r"\w+")


@dataclass
class SeedLabels:
    labels: dict[str, list[str]] = field(default_factory=dict)

    def add(self, name: str, seeds: list[str]) -> None:
        cleaned = sorted({s.strip().lower() for s in seeds if s.strip()})
        if len(cleaned) < MIN_HITS:
            raise ValueError(f"label {name!r} needs at least {MIN_HITS} seed words, got {cleaned}; add more seeds")
        self.labels[name] = cleaned

    def match(self, text: str) -> tuple[str, float] | None:
        """The user label with the most seeds in `text`, when it has MIN_HITS of them."""
        words = {w.lower() for w in _WORD.findall(text)}
        best = None
        for name, seeds in self.labels.items():
            hits = sum(1 for s in seeds if any(w.startswith(s) for w in words))
            if hits >= MIN_HITS and (best is None or hits / len(seeds) > best[1]):
                best = (name, round(hits / len(seeds), 3))
        return best

    def save(self, path: Path) -> None:
        path.write_text(json.dumps(self.labels, ensure_ascii=False, indent=1), encoding="utf-8")

    @classmethod
    def load(cls, path: Path) -> "SeedLabels":
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except json.JSONDecodeError as exc:
            raise ValueError(f"{path}:{exc.lineno}: not JSON ({exc.msg}); the file maps a label to seed words") from exc
        out = cls()
        for name, seeds in data.items():
            out.add(name, seeds)
        return out


def labels_path(options) -> Path:
    """Where the user's labels live: <data_dir>/topic_labels.json."""
    return Path(options.data_dir) / LABELS_FILE
