"""The dashboard and entity-page queries: the SQL they ran before schema 6 against habar.web.dashboard and
habar.search.entities, timed query by query on one store opened read-only, with both results compared.

`python -m bench.web_dashboard_stats --db DIR [--which old,new] [--only top_entities,...] [--repeat 2]
                                      [--name "Қасым-Жомарт Тоқаев" --label PERSON] [--tallies FILE]`

A store of schema 6 carries its tallies. An older one is never written to: `--tallies FILE` runs migration 6's
statements that fill the tallies (not its triggers) reading the store, into FILE (built once, timed: the cost of
the migration when the store is next opened for writing), and the new SQL then reads FILE with the store attached.
The old SQL had ties left to the plan: here it carries the tie-breakers the new SQL adds (label; article id and
the order facts were found in), so that "same" is a comparison of values and order.
"""

from __future__ import annotations

import argparse
import sqlite3
import time
from pathlib import Path
from types import SimpleNamespace

from habar.search import entities as ent
from habar.store.records import entity_key, fact_args
from habar.store.schema import MIGRATIONS
from habar.web import dashboard, entity

VALUES = sorted(dashboard.VALUE_TYPES)
_NOT_VALUE = f"e.label NOT IN ({','.join(repr(v) for v in VALUES)})"


def _old_counts(column: str):
    return lambda conn, a: conn.execute(
        f"SELECT substr(a.published, 1, 7) AS m, a.{column}, count(*) FROM articles a WHERE a.published != '' "
        f"GROUP BY m, a.{column} ORDER BY m, a.{column}").fetchall()


def _old_quotes(conn, a):
    rows = conn.execute("SELECT a.id, a.published, f.args FROM facts f JOIN articles a ON a.rowid = f.article "
                        "WHERE f.kind = 'quote' AND a.published != '' "
                        "ORDER BY a.published DESC, f.start, a.id, f.rowid LIMIT 8")
    return [(i, p, (fact_args(x).get("speaker") or {}).get("norm", "")) for i, p, x in rows]


def _old_quotes_by(conn, a):
    rows = conn.execute(
        "SELECT a.id, a.published, f.args FROM entities e JOIN facts f ON f.article = e.article AND f.kind = 'quote' "
        "JOIN articles a ON a.rowid = e.article WHERE e.key = ? AND e.label = ? "
        "ORDER BY a.published DESC, a.id, f.rowid LIMIT ?", (a.key, a.label, entity.QUOTE_SCAN))
    out = []
    for i, p, x in rows:
        speaker = fact_args(x).get("speaker") or {}
        if entity_key(speaker.get("norm") or speaker.get("text") or "") == a.key:
            out.append((i, p))
            if len(out) >= 10:
                break
    return out


OLD = {
    "counts_lang": _old_counts("lang"),
    "counts_source": _old_counts("source"),
    "top_entities": lambda conn, a: [tuple(r) for r in conn.execute(
        f"SELECT e.label, min(e.norm), count(*) AS n, sum(e.mentions) FROM entities e JOIN articles a "
        f"ON a.rowid = e.article WHERE a.published != '' AND {_NOT_VALUE} GROUP BY e.label, e.key "
        f"ORDER BY n DESC, e.key, e.label LIMIT 20")],
    "top_entities_2024": lambda conn, a: [tuple(r) for r in conn.execute(
        f"SELECT e.label, min(e.norm), count(*) AS n, sum(e.mentions) FROM entities e JOIN articles a "
        f"ON a.rowid = e.article WHERE a.published != '' AND a.published >= '2024-01' AND a.published < '2024-12-99' "
        f"AND {_NOT_VALUE} GROUP BY e.label, e.key ORDER BY n DESC, e.key, e.label LIMIT 20")],
    "recent_quotes": _old_quotes,
    "base_form": lambda conn, a: conn.execute(
        "SELECT norm, count(*) AS n FROM entities WHERE key = ? AND label = ? GROUP BY norm ORDER BY n DESC LIMIT 1",
        (a.key, a.label)).fetchone()[0],
    "mentions_per_month": lambda conn, a: [tuple(r) for r in conn.execute(
        "SELECT substr(a.published, 1, 7) AS month, count(DISTINCT a.rowid), sum(e.mentions) FROM entities e "
        "JOIN articles a ON a.rowid = e.article WHERE e.key = ? AND e.label = ? GROUP BY month ORDER BY month",
        (a.key, a.label))],
    "latest_articles": lambda conn, a: (
        conn.execute("SELECT count(DISTINCT e.article) FROM entities e WHERE e.key = ? AND e.label = ?",
                     (a.key, a.label)).fetchone()[0],
        [tuple(r) for r in conn.execute(
            "SELECT a.id, a.title, a.source, a.published, sum(e.mentions) FROM entities e "
            "JOIN articles a ON a.rowid = e.article WHERE e.key = ? AND e.label = ? GROUP BY a.rowid "
            "ORDER BY a.published DESC, a.id LIMIT 10", (a.key, a.label))]),
    "quotes_by": _old_quotes_by,
    "cooccurring": lambda conn, a: [tuple(r) for r in conn.execute(
        "SELECT o.label, min(o.norm), count(DISTINCT o.article) AS n FROM entities e "
        "JOIN entities o ON o.article = e.article AND NOT (o.key = e.key AND o.label = e.label) "
        "WHERE e.key = ? AND e.label = ? GROUP BY o.label, o.key ORDER BY n DESC, o.key, o.label LIMIT 20",
        (a.key, a.label))],
}


def _new(store, a) -> dict:
    web = SimpleNamespace(store=store, text_of=lambda i: "")
    latest = lambda: ent.articles(store, a.name, a.label, limit=10)  # noqa: E731
    return {
        "counts_lang": lambda: dashboard.counts_per_month(web, "lang", "", ""),
        "counts_source": lambda: dashboard.counts_per_month(web, "source", "", ""),
        "top_entities": lambda: [(e["label"], e["norm"], e["articles"], e["mentions"])
                                 for e in dashboard.top_entities(web, "", "")],
        "top_entities_2024": lambda: [(e["label"], e["norm"], e["articles"], e["mentions"])
                                      for e in dashboard.top_entities(web, "2024-01", "2024-12")],
        "recent_quotes": lambda: [(q["article"], q["published"], q["speaker"])
                                  for q in dashboard.recent_quotes(web, "", "")],
        "base_form": lambda: entity.base_form(web, a.label, a.key),
        "mentions_per_month": lambda: [(r["month"], r["articles"], r["mentions"])
                                       for r in ent.mentions_per_month(store, a.name, a.label)],
        "latest_articles": lambda: (lambda r: (r["total"], [tuple(x.values()) for x in r["articles"]]))(latest()),
        "quotes_by": lambda: [(q["article"], q["published"]) for q in entity.quotes_by(web, a.label, a.key)],
        "cooccurring": lambda: [(r["label"], r["norm"], r["articles"])
                                for r in ent.cooccurring(store, a.name, a.label)],
    }


def build_tallies(store_path: Path, out: Path) -> None:
    """Migration 6's statements that fill the tallies, reading the store (attached read-only), into `out`."""
    body = MIGRATIONS[5][:MIGRATIONS[5].index("CREATE TRIGGER")]
    body = "\n".join(line.split("--")[0] for line in body.splitlines())
    conn = sqlite3.connect(out, isolation_level=None)
    conn.execute("ATTACH ? AS store", (f"file:{store_path}?mode=ro",))
    total = 0.0
    for statement in filter(None, (s.strip() for s in body.split(";"))):
        t0 = time.perf_counter()
        conn.execute(statement)
        total += time.perf_counter() - t0
        print(f"  {time.perf_counter() - t0:8.1f} s  {' '.join(statement.split())[:90]}", flush=True)
    conn.execute("CREATE TABLE tallies AS SELECT * FROM store.tallies")  # schema 5's, read by the entity page
    print(f"  migration 6 filled the tallies in {total:.1f} s", flush=True)
    conn.close()


def connect(path: Path, tallies: Path | None) -> tuple[sqlite3.Connection, bool]:
    """(connection, whether it sees the tallies of schema 6)."""
    if tallies is None:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=5)
        return conn, conn.execute("PRAGMA user_version").fetchone()[0] >= 6
    if not tallies.exists():
        build_tallies(path, tallies)
    conn = sqlite3.connect(f"file:{tallies}?mode=ro", uri=True, timeout=5)
    conn.execute("ATTACH ? AS store", (f"file:{path}?mode=ro",))  # names, mentions, articles... from the store
    return conn, True


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", type=Path, required=True, help="a store directory (habar.sqlite in it) or the file")
    ap.add_argument("--which", default="old,new")
    ap.add_argument("--only", default=",".join(OLD), help="comma-separated queries")
    ap.add_argument("--repeat", type=int, default=2)
    ap.add_argument("--name", default="Қасым-Жомарт Тоқаев")
    ap.add_argument("--label", default="PERSON")
    ap.add_argument("--tallies", type=Path, help="for a store older than schema 6: where to build its tallies")
    args = ap.parse_args(argv)
    path = args.db / "habar.sqlite" if args.db.is_dir() else args.db
    conn, tallied = connect(path, args.tallies)
    if not tallied:
        raise SystemExit(f"{path}: schema older than 6 and no --tallies FILE; pass one (built from the store, "
                         "which is only read)")
    a = SimpleNamespace(name=args.name, label=args.label, key=entity_key(args.name))
    new = _new(SimpleNamespace(conn=conn, tallied=True), a)
    which = [w for w in ("old", "new") if w in args.which.split(",")]
    print(f"{path}: {args.repeat} runs per query; first and fastest, ms; entity {args.label}:{args.name}", flush=True)
    for name in args.only.split(","):
        values, line = {}, [f"{name:18}"]
        for w in which:
            times = []
            for _ in range(args.repeat):
                t0 = time.perf_counter()
                values[w] = OLD[name](conn, a) if w == "old" else new[name]()
                times.append(time.perf_counter() - t0)
            line.append(f"{w}: {times[0] * 1000:9.1f} {min(times) * 1000:9.1f}")
        if len(which) == 2:
            line.append("same" if values["old"] == values["new"] else f"DIFFERENT: {values['old']} != {values['new']}")
        print("  ".join(line), flush=True)


if __name__ == "__main__":
    main()
