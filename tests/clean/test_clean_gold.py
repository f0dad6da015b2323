"""The cleaning gold set against the floors pinned in tests/gold/clean/floors.json."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from habar.clean.gold import DEFAULT_DIR, evaluate, load_gold

FLOORS = json.loads((DEFAULT_DIR / "floors.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def figures() -> dict:
    return evaluate(DEFAULT_DIR)


def test_gold_set_is_big_enough():
    docs = load_gold(DEFAULT_DIR)
    assert len(docs) >= 30
    assert {d.lang for d in docs} >= {"kk", "ru"}
    assert any(d.article.id.startswith("pages/") for d in docs) and any(d.article.id.startswith("feeds/") for d in docs)


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_floor(figures, name):
    assert figures[name] >= FLOORS[name], f"{name} = {figures[name]} fell under the floor {FLOORS[name]}"


def test_gold_files_parse_strictly(tmp_path: Path):
    from habar.clean.gold import parse_txt

    bad = tmp_path / "bad.txt"
    bad.write_text("#source: x\nx kk|Мәтін\n", encoding="utf-8")
    with pytest.raises(ValueError, match="bad.txt:2"):
        parse_txt(bad)
