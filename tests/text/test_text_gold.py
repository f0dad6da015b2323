"""The gold set: sentence-boundary F1 and token F1 must stay at or above the floors pinned in floors.json."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from habar.text.gold import load_gold, score

GOLD = Path(__file__).resolve().parents[1] / "gold" / "text"
FLOORS = json.loads((GOLD / "floors.json").read_text(encoding="utf-8"))
FILES = sorted(name for name in FLOORS if not name.startswith("_"))


def test_every_gold_file_has_floors():
    assert sorted(p.name for p in GOLD.glob("*.txt")) == FILES


def test_gold_set_is_big_enough():
    assert sum(len(load_gold(GOLD / name).sentences) for name in FILES) >= 60


@pytest.mark.parametrize("name", FILES)
def test_scores_stay_above_floors(name):
    scores = score(load_gold(GOLD / name))
    for metric, floor in FLOORS[name].items():
        assert scores[metric] >= floor, f"{name}: {metric} {scores[metric]} fell below the floor {floor}"


def test_gold_loader_offsets(tmp_path):
    path = tmp_path / "g.txt"
    path.write_text("Тақырып\n\nБағасы 20␣000 теңге|.\n«|Иә|», – деді ол|.\n", encoding="utf-8")
    gold = load_gold(path)
    assert gold.text == "Тақырып\n\nБағасы 20 000 теңге. «Иә», – деді ол."
    assert [gold.text[s:e] for s, e in gold.sentences] == ["Тақырып", "Бағасы 20 000 теңге.", "«Иә», – деді ол."]
    assert [gold.text[s:e] for s, e in gold.tokens][:6] == ["Тақырып", "Бағасы", "20 000", "теңге", ".", "«"]
