"""The dashboard and /api/dashboard: articles over time by language and by source, the top entities of the
period and the latest quotes. The figures scan whole tables, so they are cached until the store changes."""

from __future__ import annotations

from urllib.parse import quote

from fastapi import FastAPI, Query, Request

from habar.store.records import fact_args
from habar.values import VALUE_LABELS
from habar.web.app import Web, api, render
from habar.web.charts import per_month
from habar.web.search import entity_url

MONTH = r"^\d{4}-(0[1-9]|1[0-2])$"
SERIES = 6  # sources drawn apart; the rest are summed as "other"
VALUE_TYPES = (*VALUE_LABELS, "TIME")  # numbers, dates and amounts: never a "top entity"


def _period(start: str, stop: str) -> tuple[str, list]:
    """SQL over `a.published` for the months from `start` to `stop` (both 'YYYY-MM', either may be empty)."""
    sql, args = "a.published != ''", []
    if start:
        sql, args = sql + " AND a.published >= ?", args + [start]
    if stop:
        sql, args = sql + " AND a.published < ?", args + [stop + "-99"]  # every day of the last month
    return sql, args


def counts_per_month(web: Web, column: str, start: str, stop: str) -> list[tuple[str, str, int]]:
    where, args = _period(start, stop)
    col = {"lang": "a.lang", "source": "a.source"}[column]  # never a client's string in the SQL
    return web.store.conn.execute(
        f"SELECT substr(a.published, 1, 7) AS m, {col}, count(*) FROM articles a WHERE {where} GROUP BY m, {col}",
        args).fetchall()


def top_entities(web: Web, start: str, stop: str, limit: int = 20) -> list[dict]:
    """The named entities in the most articles of the period (numbers, dates and amounts left out)."""
    where, args = _period(start, stop)
    values = ",".join("?" * len(VALUE_TYPES))
    rows = web.store.conn.execute(
        f"SELECT e.label, e.key, min(e.norm), count(*) AS n, sum(e.mentions) FROM entities e "
        f"JOIN articles a ON a.rowid = e.article WHERE {where} AND e.label NOT IN ({values}) "
        f"GROUP BY e.label, e.key ORDER BY n DESC, e.key LIMIT ?", args + sorted(VALUE_TYPES) + [limit])
    return [{"label": lab, "norm": norm, "articles": n, "mentions": m, "url": entity_url(lab, norm)}
            for lab, _, norm, n, m in rows]


def recent_quotes(web: Web, start: str, stop: str, limit: int = 8) -> list[dict]:
    where, args = _period(start, stop)
    conn = web.store.conn
    rows = conn.execute(
        f"SELECT a.id, a.title, a.published, f.args FROM facts f JOIN articles a ON a.rowid = f.article "
        f"WHERE f.kind = 'quote' AND {where} ORDER BY a.published DESC, f.start LIMIT ?", args + [limit]).fetchall()
    out = []
    for article_id, title, published, args_json in rows:
        a = fact_args(args_json)
        speaker = a.get("speaker") or {}
        name = speaker.get("norm") or speaker.get("text") or ""
        text = web.text_of(article_id)
        span = a.get("quote") or [0, 0]
        out.append({"quote": text[span[0]:span[1]], "speaker": name,
                    "speaker_url": entity_url("PERSON", name) if name else None,
                    "article": article_id, "title": title, "published": published,
                    "url": f"/article/{quote(article_id, safe='')}"})
    return out


def dashboard_data(web: Web, start: str = "", stop: str = "") -> dict:
    def build() -> dict:
        months, by_lang = per_month(counts_per_month(web, "lang", start, stop), keep=SERIES)
        _, by_source = per_month(counts_per_month(web, "source", start, stop), keep=SERIES)
        stats = web.cached(("stats",), lambda: web.store.stats())
        return {
            "period": {"from": start or (months[0] if months else ""), "to": stop or (months[-1] if months else "")},
            "articles": stats["articles"], "languages": stats["languages"], "dates": stats["dates"],
            "facts": stats["facts"],
            "months": months, "by_language": by_lang, "by_source": by_source,
            "top_entities": top_entities(web, start, stop),
            "recent_quotes": recent_quotes(web, start, stop),
        }
    return web.cached(("dashboard", start, stop), build)


def add_routes(app: FastAPI, web: Web) -> None:
    start_param = Query("", alias="from", pattern=f"({MONTH})|^$", description="first month, YYYY-MM")
    stop_param = Query("", alias="to", pattern=f"({MONTH})|^$", description="last month, YYYY-MM")

    @app.get("/api/dashboard", tags=["stats"])
    def api_dashboard(start: str = start_param, stop: str = stop_param):
        """Articles per month by language and by source, top entities of the period, recent quotes."""
        return api(dashboard_data(web, start, stop))

    @app.get("/dashboard", include_in_schema=False)
    def page_dashboard(request: Request, start: str = start_param, stop: str = stop_param):
        return render(request, "dashboard.html", dashboard_data(web, start, stop))
