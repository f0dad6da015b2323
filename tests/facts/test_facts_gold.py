"""The quote gold set: pinned precision/recall floors, and the set itself stays well-formed and large enough."""

import json
from pathlib import Path

from habar.facts import gold

GOLD = Path(__file__).resolve().parents[1] / "gold" / "facts"
ISSUE_FLOORS = {"attribution_precision": 0.90, "attribution_recall": 0.85}  # issue 7's targets


def _cases() -> list[dict]:
    return gold.load(GOLD / "quotes.jsonl")


def test_gold_set_size_and_coverage():
    cases = _cases()
    assert len(cases) >= 40
    assert len({c["id"] for c in cases}) == len(cases), "case ids are unique"
    negatives = [c for c in cases if not c["quotes"]]
    assert len(negatives) >= 10, "negative cases: indirect speech, titles, naming, деді without quotes"
    layouts = " ".join(c["layout"] for c in cases)
    for layout in ("– деді X", "– деп атап өтті X", "X: «…»", "деп мәлімдеді", "Бұл туралы X айтты",
                   "quote inside a quote", "indirect speech", "деді without quotes", "title of a work",
                   "mid attribution", "speech resumes in new marks", "copula dash"):
        assert layout in layouts, f"gold set covers {layout!r}"


def test_quote_floors_hold():
    floors = json.loads((GOLD / "floors.json").read_text(encoding="utf-8"))["quotes"]
    for name, floor in ISSUE_FLOORS.items():
        assert floors[name] >= floor, f"pinned floor {name} is below the issue's target {floor}"
    score = gold.score(_cases(), gold.with_facts)
    figures = score.figures()
    for name, floor in floors.items():
        assert figures[name] >= floor, f"{name} {figures[name]} < floor {floor}; errors: {score.errors}"


def test_entities_missing_from_text_are_reported():
    case = {"id": "bad", "text": "«Иә», – деді ол.", "entities": [["Асқар", "PERSON"]], "quotes": []}
    try:
        gold.article_from_case(case)
    except ValueError as exc:
        assert "bad" in str(exc) and "correct the entity list" in str(exc)
    else:
        raise AssertionError("a wrong entity list must be an error")
