"""The entity page and /api/entity/{id}: base form, type, mentions over time, co-occurring entities, the
quotes of this person and the latest articles. An id is 'TYPE:base form', e.g. 'PERSON:Қасым-Жомарт Тоқаев'."""

from __future__ import annotations

from urllib.parse import quote

from fastapi import FastAPI, Path, Request

from habar.search import entities as ent
from habar.store.facets import VALUE_TYPES
from habar.store.records import entity_key, fact_args
from habar.web.app import Web, api, render
from habar.web.charts import months_between
from habar.web.errors import WebError
from habar.web.search import entity_url, filter_clause, search_url

ID_PATTERN = r"^[A-Z_]{1,30}:[^\x00-\x1f]{1,200}$"
# co-occurring entities of a name in more articles are counted in its newest 5,000 (0.2-0.4 s at 1M, not 3-4 s
# over 145k articles), and the page says so
COOCCUR_WITHIN = 5000
QUOTE_SCAN = 5000  # quote facts read per entity page, newest first: enough for a page, bounded on big stores


def split_id(entity_id: str) -> tuple[str, str]:
    label, _, norm = entity_id.partition(":")
    return label, " ".join(norm.split())


def base_form(web: Web, label: str, key: str) -> str | None:
    """The entity's stored base form; None when no article of the store names it."""
    # (key, label) is unique in names: one base form, shown when some article still names it (counting the
    # articles per base form read all 145k mentions of a frequent name)
    row = web.store.conn.execute(
        "SELECT n.norm FROM names n WHERE n.key = ? AND n.label = ? "
        "AND EXISTS (SELECT 1 FROM mentions m WHERE m.name = n.id)", (key, label)).fetchone()
    return row[0] if row else None


def quotes_by(web: Web, label: str, key: str, limit: int = 10) -> list[dict]:
    """Quotes whose speaker's base form is this entity, newest first (then by article id and order found), with
    the quoted words cut from the text. For an entity in many articles the rows come from walking the articles
    newest first, and reading stops at the `limit`-th quote."""
    store = web.store
    name = ent.name_id(store, key, label)
    if name is None:
        return []
    tables, where = ent.by_date(store, name, ent.total_articles(store, name))
    # facts last (CROSS JOIN): left to itself, SQLite reads all 290k quotes (facts_kind) to find the entity's few
    rows = store.conn.execute(
        f"SELECT a.id, a.title, a.published, f.args, f.start, f.\"end\" FROM {tables} CROSS JOIN facts f "
        f"WHERE {where} AND f.article = a.rowid AND f.kind = 'quote' ORDER BY a.published DESC, a.id, f.rowid LIMIT ?",
        (name, QUOTE_SCAN))
    out = []
    for article_id, title, published, args_json, start, end in rows:
        args = fact_args(args_json)
        speaker = args.get("speaker") or {}
        if entity_key(speaker.get("norm") or speaker.get("text") or "") != key:
            continue
        span = args.get("quote")
        span = span if isinstance(span, list) and len(span) == 2 else [start, end]
        out.append({"quote": web.text_of(article_id)[span[0]:span[1]], "article": article_id, "title": title, "published": published,
                    "url": f"/article/{quote(article_id, safe='')}"})
        if len(out) >= limit:
            break
    return out


def entity_data(web: Web, entity_id: str) -> dict:
    label, norm = split_id(entity_id)
    key = entity_key(norm)
    shown = base_form(web, label, key)
    if shown is None:
        raise WebError(404, f"no entity {entity_id!r} in the store; entity ids are TYPE:base form, "
                            "as linked from search facets and article pages")
    return web.cached(("entity", label, key), lambda: _entity_data(web, label, shown, key))


def _entity_data(web: Web, label: str, shown: str, key: str) -> dict:
    """The figures of an entity page: they join every article that names it, so they are cached per store rev."""
    store = web.store
    per_month = [r for r in ent.mentions_per_month(store, shown, label) if r["month"] and len(r["month"]) == 7]
    months = months_between(per_month[0]["month"], per_month[-1]["month"]) if per_month else []
    by_month = {r["month"]: r for r in per_month}
    related = ent.cooccurring(store, shown, label, limit=20, within=COOCCUR_WITHIN, exclude=VALUE_TYPES)
    for r in related:
        r["url"] = entity_url(r["label"], r["norm"])
    latest = ent.articles(store, shown, label, limit=10)
    for a in latest["articles"]:
        a["url"] = f"/article/{quote(a['id'], safe='')}"
    return {
        "id": f"{label}:{shown}", "label": label, "norm": shown,
        "months": months,
        "mentions": [by_month.get(m, {}).get("mentions", 0) for m in months],
        "articles_per_month": [by_month.get(m, {}).get("articles", 0) for m in months],
        "total_articles": latest["total"],
        "cooccurring": related,
        "cooccurring_within": COOCCUR_WITHIN if latest["total"] > COOCCUR_WITHIN else None,
        "quotes": quotes_by(web, label, key) if label == "PERSON" else [],
        "latest": latest["articles"],
        "search_url": search_url(filter_clause("entity", shown) + " " + filter_clause("type", label), "date"),
    }


def add_routes(app: FastAPI, web: Web) -> None:
    id_param = Path(..., pattern=ID_PATTERN, description="TYPE:base form, e.g. PERSON:Қасым-Жомарт Тоқаев")

    @app.get("/api/entity/{entity_id:path}", tags=["entity"])
    def api_entity(entity_id: str = id_param):
        """Base form, type, mentions per month, co-occurring entities, quotes (people) and latest articles."""
        return api(entity_data(web, entity_id))

    @app.get("/entity/{entity_id:path}", include_in_schema=False)
    def page_entity(request: Request, entity_id: str = id_param):
        return render(request, "entity.html", entity_data(web, entity_id))
