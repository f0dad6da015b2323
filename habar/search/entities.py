"""Entity data for entity pages: mentions per month, co-occurring entities, articles about an entity.

Answered from the store's `entities` table (one row per entity per article, with its mention count), so the
figures are exact and independent of the index. `name` is matched by base form, case-folded.
"""

from __future__ import annotations

from habar.store import Store
from habar.store.records import entity_key


def _where(name: str, label: str | None) -> tuple[str, list]:
    sql, args = "e.key = ?", [entity_key(name)]
    if label:
        sql, args = sql + " AND e.label = ?", args + [label]
    return sql, args


def mentions_per_month(store: Store, name: str, label: str | None = None) -> list[dict]:
    """[{month, articles, mentions}] in month order; articles without a date count under month ''."""
    where, args = _where(name, label)
    rows = store.conn.execute(
        f"SELECT substr(a.published, 1, 7) AS month, count(DISTINCT a.rowid), sum(e.mentions) FROM entities e "
        f"JOIN articles a ON a.rowid = e.article WHERE {where} GROUP BY month ORDER BY month", args)
    return [{"month": m, "articles": n, "mentions": k} for m, n, k in rows]


def cooccurring(store: Store, name: str, label: str | None = None, limit: int = 20) -> list[dict]:
    """The entities most often found in the same articles: [{label, norm, articles}]."""
    where, args = _where(name, label)
    rows = store.conn.execute(
        f"SELECT o.label, o.key, min(o.norm), count(DISTINCT o.article) AS n FROM entities e "
        f"JOIN entities o ON o.article = e.article AND NOT (o.key = e.key AND o.label = e.label) "
        f"WHERE {where} GROUP BY o.label, o.key ORDER BY n DESC, o.key LIMIT ?", args + [limit])
    return [{"label": lab, "norm": norm, "articles": n} for lab, _, norm, n in rows]


def articles(store: Store, name: str, label: str | None = None, limit: int = 20, offset: int = 0) -> dict:
    """Articles that mention the entity, newest first: {total, articles: [{id, title, source, published, mentions}]}."""
    where, args = _where(name, label)
    total = store.conn.execute(
        f"SELECT count(DISTINCT e.article) FROM entities e WHERE {where}", args).fetchone()[0]
    rows = store.conn.execute(
        f"SELECT a.id, a.title, a.source, a.published, sum(e.mentions) FROM entities e "
        f"JOIN articles a ON a.rowid = e.article WHERE {where} GROUP BY a.rowid "
        f"ORDER BY a.published DESC, a.id LIMIT ? OFFSET ?", args + [limit, offset])
    return {"total": total, "articles": [
        {"id": i, "title": t, "source": s, "published": p, "mentions": m} for i, t, s, p, m in rows]}


def top(store: Store, label: str | None = None, limit: int = 20) -> list[dict]:
    """The entities in the most articles: [{label, norm, articles, mentions}]."""
    sql = "SELECT label, key, min(norm), count(*) AS n, sum(mentions) FROM entities"
    args: list = []
    if label:
        sql, args = sql + " WHERE label = ?", [label]
    rows = store.conn.execute(sql + " GROUP BY label, key ORDER BY n DESC, key LIMIT ?", args + [limit])
    return [{"label": lab, "norm": norm, "articles": n, "mentions": m} for lab, _, norm, n, m in rows]
