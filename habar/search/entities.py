"""Entity data for entity pages: mentions per month, co-occurring entities, articles about an entity.

Answered from the store's `entities` table (one row per entity per article, with its mention count), so the
figures are exact and independent of the index. `name` is matched by base form, case-folded.

With a label the entity is one row of `names`, and the SQL reads `mentions` by its id: per month from the tallies
of the SQLite store (schema 6), the latest articles by walking the index on published backwards when the entity is
in many articles. At 1M articles the joins over the `entities` view took 1.5-6 s for a name in 145k of them.
Without a label (several names may share the base form) the general SQL runs. Co-occurring entities are an exact
join over the entity's articles and their mentions (4.4M rows for that name: 3-4 s at 1M), or over its newest
articles only when the caller bounds them (`within`).
"""

from __future__ import annotations

from collections.abc import Iterable

from habar.store import Store
from habar.store.records import entity_key

# walk the articles newest first, probing the entity's mentions, when it is in at least sqrt(WALK * articles) of
# them (10,000 of 1M): about WALK * articles / total probes per row wanted, where sorting its articles reads all
WALK = 100


def name_id(store: Store, name: str, label: str) -> int | None:
    row = store.conn.execute("SELECT id FROM names WHERE key = ? AND label = ?", (entity_key(name), label)).fetchone()
    return row[0] if row else None


def newest_first(store: Store, name: int, total: int) -> bool:
    """Whether to walk all articles newest first (the entity is in many) rather than sort the entity's articles."""
    if not store.tallied:
        return False
    articles = store.conn.execute("SELECT coalesce(sum(n), 0) FROM tallies WHERE field = 'lang'").fetchone()[0]
    return total * total >= WALK * articles


def by_date(store: Store, name: int, total: int) -> tuple[str, str]:
    """(FROM, WHERE) of the name's mentions m joined with their articles a, in the join order that serves
    `ORDER BY a.published DESC`: the articles in the outer loop, by the index on published, when the name is in
    many of them (CROSS JOIN keeps SQLite to that order); else its mentions, sorted after."""
    if newest_first(store, name, total):
        return "articles a CROSS JOIN mentions m", "m.name = ? AND m.article = a.rowid"
    return "mentions m CROSS JOIN articles a", "m.name = ? AND a.rowid = m.article"


def _not_in(column: str, values: list) -> str:
    return f" AND {column} NOT IN ({','.join('?' * len(values))})" if values else ""


def total_articles(store: Store, name: int) -> int:
    if store.tallied:
        return store.conn.execute("SELECT coalesce(sum(articles), 0) FROM name_totals WHERE name = ?",
                                  (name,)).fetchone()[0]
    return store.conn.execute("SELECT count(*) FROM mentions WHERE name = ?", (name,)).fetchone()[0]


def _where(name: str, label: str | None) -> tuple[str, list]:
    sql, args = "e.key = ?", [entity_key(name)]
    if label:
        sql, args = sql + " AND e.label = ?", args + [label]
    return sql, args


def mentions_per_month(store: Store, name: str, label: str | None = None) -> list[dict]:
    """[{month, articles, mentions}] in month order; articles without a date count under month ''."""
    if label and store.tallied:
        rows = store.conn.execute(
            "SELECT t.month, t.articles, t.mentions FROM name_months t JOIN names n ON n.id = t.name "
            "WHERE n.key = ? AND n.label = ? AND t.articles > 0 ORDER BY t.month", (entity_key(name), label))
        return [{"month": m, "articles": n, "mentions": k} for m, n, k in rows]
    where, args = _where(name, label)
    rows = store.conn.execute(
        f"SELECT substr(a.published, 1, 7) AS month, count(DISTINCT a.rowid), sum(e.mentions) FROM entities e "
        f"JOIN articles a ON a.rowid = e.article WHERE {where} GROUP BY month ORDER BY month", args)
    return [{"month": m, "articles": n, "mentions": k} for m, n, k in rows]


def cooccurring(store: Store, name: str, label: str | None = None, limit: int = 20,
                within: int | None = None, exclude: Iterable[str] = ()) -> list[dict]:
    """The entities most often found in the same articles: [{label, norm, articles}], without the labels in
    `exclude`; ties by base form, then label. With a label and `within`, counted over the entity's newest `within`
    articles only (see `newest`)."""
    skip = sorted(exclude)
    if label:  # one name: (name, article) is the key of mentions, so count(*) counts articles
        name_ = name_id(store, name, label)
        if name_ is None:
            return []
        articles_sql, args = newest(store, name_, within)
        # CROSS JOIN: from the name's articles to their other names, counted by name id before any name is read
        rows = store.conn.execute(
            f"SELECT n.label, n.key, n.norm, g.c FROM (SELECT o.name, count(*) AS c "
            f"FROM ({articles_sql}) r CROSS JOIN mentions o WHERE o.article = r.article AND o.name != ? "
            f"GROUP BY o.name) g JOIN names n ON n.id = g.name{_not_in('n.label', skip)} ORDER BY g.c DESC, n.key, n.label "
            f"LIMIT ?", args + [name_] + skip + [limit])
        return [{"label": lab, "norm": norm, "articles": n} for lab, _, norm, n in rows]
    where, args = _where(name, label)
    rows = store.conn.execute(
        f"SELECT o.label, o.key, min(o.norm), count(DISTINCT o.article) AS n FROM entities e "
        f"JOIN entities o ON o.article = e.article AND NOT (o.key = e.key AND o.label = e.label) "
        f"WHERE {where}{_not_in('o.label', skip)} GROUP BY o.label, o.key ORDER BY n DESC, o.key, o.label LIMIT ?",
        args + skip + [limit])
    return [{"label": lab, "norm": norm, "articles": n} for lab, _, norm, n in rows]


def newest(store: Store, name: int, within: int | None) -> tuple[str, list]:
    """SQL for the rowids (`article`) of the name's articles, all of them or its newest `within` (by published,
    then id). A name in 145k of 1M articles has 4.4M mentions beside it, which take 2.9 s to count; its newest
    10,000 articles a tenth of that."""
    total = total_articles(store, name) if within is not None else 0
    if within is None or total <= within:
        return "SELECT m.article FROM mentions m WHERE m.name = ?", [name]
    tables, where = by_date(store, name, total)
    return f"SELECT a.rowid AS article FROM {tables} WHERE {where} ORDER BY a.published DESC, a.id LIMIT ?", \
        [name, within]


def articles(store: Store, name: str, label: str | None = None, limit: int = 20, offset: int = 0) -> dict:
    """Articles that mention the entity, newest first: {total, articles: [{id, title, source, published, mentions}]}."""
    if label:
        return _articles_of(store, name_id(store, name, label), limit, offset)
    where, args = _where(name, label)
    total = store.conn.execute(
        f"SELECT count(DISTINCT e.article) FROM entities e WHERE {where}", args).fetchone()[0]
    rows = store.conn.execute(
        f"SELECT a.id, a.title, a.source, a.published, sum(e.mentions) FROM entities e "
        f"JOIN articles a ON a.rowid = e.article WHERE {where} GROUP BY a.rowid "
        f"ORDER BY a.published DESC, a.id LIMIT ? OFFSET ?", args + [limit, offset])
    return {"total": total, "articles": [
        {"id": i, "title": t, "source": s, "published": p, "mentions": m} for i, t, s, p, m in rows]}


def _articles_of(store: Store, name: int | None, limit: int, offset: int) -> dict:
    if name is None:
        return {"total": 0, "articles": []}
    total = total_articles(store, name)
    tables, where = by_date(store, name, total)
    rows = store.conn.execute(f"SELECT a.id, a.title, a.source, a.published, m.count FROM {tables} WHERE {where} "
                              f"ORDER BY a.published DESC, a.id LIMIT ? OFFSET ?", (name, limit, offset))
    return {"total": total, "articles": [
        {"id": i, "title": t, "source": s, "published": p, "mentions": m} for i, t, s, p, m in rows]}


def top(store: Store, label: str | None = None, limit: int = 20) -> list[dict]:
    """The entities in the most articles: [{label, norm, articles, mentions}]; ties by base form, then label."""
    args: list = [label] if label else []
    if store.tallied:  # the totals per name (schema 6), not a GROUP BY over 30M mentions
        sql = ("SELECT n.label, n.key, n.norm, t.articles AS c, t.mentions FROM name_totals t "
               "JOIN names n ON n.id = t.name WHERE t.articles > 0" + (" AND n.label = ?" if label else ""))
        rows = store.conn.execute(sql + " ORDER BY c DESC, n.key, n.label LIMIT ?", args + [limit])
        return [{"label": lab, "norm": norm, "articles": n, "mentions": m} for lab, _, norm, n, m in rows]
    sql = "SELECT label, key, min(norm), count(*) AS n, sum(mentions) FROM entities"
    if label:
        sql += " WHERE label = ?"
    rows = store.conn.execute(sql + " GROUP BY label, key ORDER BY n DESC, key, label LIMIT ?", args + [limit])
    return [{"label": lab, "norm": norm, "articles": n, "mentions": m} for lab, _, norm, n, m in rows]
