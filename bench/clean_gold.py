"""Cleaning, language and duplicate figures on the cleaning gold set (tests/gold/clean), with its floors.

Usage: python -m bench.clean_gold   (the same as `habar eval clean`)
"""

from __future__ import annotations

import json

from habar.clean.gold import DEFAULT_DIR, evaluate


def main() -> None:
    figures = evaluate(DEFAULT_DIR)
    floors = json.loads((DEFAULT_DIR / "floors.json").read_text(encoding="utf-8"))
    for name, value in figures.items():
        floor = f"   (floor {floors[name]})" if name in floors else ""
        print(f"{name:<32} {value}{floor}")


if __name__ == "__main__":
    main()
