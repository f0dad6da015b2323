"""Store statistics (`habar stats`, /api/stats, the dashboard): the full-scan SQL they had before schema 4 against
habar.store.stats, timed statistic by statistic on one store opened read-only, with both values compared.

`python -m bench.store_stats --db DIR [--which old,new] [--only dates,distinct,...] [--repeat 3]`

Each statement runs `--repeat` times; the first run and the fastest are printed (the first reads the pages from
the OS cache or the disk, whatever state the machine left them in; caches are not dropped). With both old and new,
it prints whether the values are the same (the old SQL left ties in order to the plan: both are compared ordered
by count, then name). The new `languages`, `sources`, `mentions` and `facts` read the tallies of schemas 4 and 5:
on an older store, leave them out (--only).
"""

from __future__ import annotations

import argparse
import sqlite3
import time
from pathlib import Path

from habar.store.stats import DERIVED, TALLIED_SQL

OLD = {
    "articles": "SELECT count(*) FROM articles",
    "languages": "SELECT lang, count(*) FROM articles GROUP BY lang ORDER BY 2 DESC",
    "sources": "SELECT source, count(*) FROM articles GROUP BY source ORDER BY 2 DESC LIMIT 20",
    "dates": "SELECT min(published), max(published) FROM articles WHERE published != ''",
    "distinct": "SELECT count(DISTINCT name) FROM mentions",
    "mentions": "SELECT coalesce(sum(count), 0) FROM mentions",
    "by_type": "SELECT label, count(DISTINCT key) FROM entities GROUP BY label ORDER BY 2 DESC",
    "facts": "SELECT count(*) FROM facts",
}
NEW = TALLIED_SQL


def timed(conn: sqlite3.Connection, sql: str, repeat: int) -> tuple[list, float, float]:
    """(rows, first run s, fastest run s)."""
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        rows = conn.execute(sql).fetchall()
        times.append(time.perf_counter() - t0)
    return rows, times[0], min(times)


RANKED = ("languages", "sources", "by_type")  # (name, count) rows ordered by count


def ranked(name: str, rows: list) -> list:
    return sorted(rows, key=lambda r: (-r[1], r[0])) if name in RANKED else rows


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", type=Path, required=True, help="a store directory (habar.sqlite in it) or the file")
    ap.add_argument("--which", default="old,new")
    ap.add_argument("--only", default=",".join(OLD), help="comma-separated statistics")
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args(argv)
    path = args.db / "habar.sqlite" if args.db.is_dir() else args.db
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    which = [w for w in ("old", "new") if w in args.which.split(",")]
    print(f"{path}: schema {version}; {args.repeat} runs per statement; first and fastest, ms", flush=True)
    totals = dict.fromkeys(which, 0.0)
    for name in args.only.split(","):
        values, line = {}, [f"{name:10}"]
        for w in which:
            if w == "new" and name in DERIVED:  # another statement gives it: not timed twice
                values[w] = [(sum(r[1] for r in conn.execute(NEW[DERIVED[name]])),)]
                line.append(f"new: (the sum of {DERIVED[name]})")
                continue
            rows, first, best = timed(conn, (OLD if w == "old" else NEW)[name], args.repeat)
            values[w] = ranked(name, rows)
            totals[w] += first
            line.append(f"{w}: {first * 1000:9.2f} {best * 1000:9.2f}")
        if len(which) == 2:
            line.append("same" if values["old"] == values["new"] else f"DIFFERENT: {values['old']} != {values['new']}")
        print("  ".join(line), flush=True)
    print("total of first runs: " + ", ".join(f"{w} {t * 1000:.2f} ms" for w, t in totals.items()))


if __name__ == "__main__":
    main()
