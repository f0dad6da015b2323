"""The dashboard and /api/dashboard: articles over time by language and by source, the top entities of the
period and the latest quotes. On the SQLite store they read the tallies per month of schema 6 and the index on
published, not whole tables (minutes at 1M articles); habar.pg scans. Either way cached until the store changes."""

from __future__ import annotations

from urllib.parse import quote

from fastapi import FastAPI, Query, Request

from habar.store.facets import VALUE_TYPES  # numbers, dates and amounts: never a "top entity"
from habar.store.records import fact_args
from habar.web.app import Web, api, render
from habar.web.charts import per_month
from habar.web.search import entity_url

MONTH = r"^\d{4}-(0[1-9]|1[0-2])$"
SERIES = 6  # sources drawn apart; the rest are summed as "other"


def _period(start: str, stop: str, column: str = "a.published") -> tuple[str, list]:
    """SQL over `column` for the months from `start` to `stop` (both 'YYYY-MM', either may be empty). `> ''` and
    not `!= ''`, which no index serves."""
    sql, args = f"{column} > ''", []
    if start:
        sql, args = sql + f" AND {column} >= ?", args + [start]
    if stop:
        sql, args = sql + f" AND {column} < ?", args + [stop + "-99"]  # every day of the last month
    return sql, args


# With the tallies of schema 6 a month stands for its articles' dates: published >= 'YYYY-MM' exactly when its
# first 7 characters are, and published < 'YYYY-MM-99' when they are <= 'YYYY-MM', for every date 'YYYY-MM-DD...'
# (the store's form) or shorter.
def _months(start: str, stop: str) -> tuple[str, list]:
    sql, args = "t.month > ''", []
    if start:
        sql, args = sql + " AND t.month >= ?", args + [start]
    if stop:
        sql, args = sql + " AND t.month <= ?", args + [stop]
    return sql, args


def counts_per_month(web: Web, column: str, start: str, stop: str) -> list[tuple[str, str, int]]:
    """(month, language or source, articles) in the order of month, then value."""
    if web.store.tallied:
        where, args = _months(start, stop)
        return web.store.conn.execute(
            f"SELECT t.month, t.value, t.n FROM month_tallies t WHERE t.field = ? AND {where} AND t.n > 0 "
            f"ORDER BY t.month, t.value", [column] + args).fetchall()
    where, args = _period(start, stop)
    col = {"lang": "a.lang", "source": "a.source"}[column]  # never a client's string in the SQL
    return web.store.conn.execute(
        f"SELECT substr(a.published, 1, 7) AS m, {col}, count(*) FROM articles a WHERE {where} GROUP BY m, {col} "
        f"ORDER BY m, {col}", args).fetchall()


def top_entities(web: Web, start: str, stop: str, limit: int = 20) -> list[dict]:
    """The named entities in the most articles of the period (numbers, dates and amounts left out); ties by base
    form, then label."""
    values = ",".join("?" * len(VALUE_TYPES))
    if web.store.tallied:  # (label, key) is unique in names: one name per group
        where, args = _months(start, stop)
        # summed per name in the key's order (no sort, no lookup per row) before the names are read; of all
        # time: the totals per name less their undated articles, 7k rows and not 800k at 1M articles
        counts = (f"SELECT t.name, sum(t.articles) AS c, sum(t.mentions) AS k FROM name_months t WHERE {where} "
                  f"GROUP BY t.name") if start or stop else (
            "SELECT t.name, t.articles - coalesce(u.articles, 0) AS c, t.mentions - coalesce(u.mentions, 0) AS k "
            "FROM name_totals t LEFT JOIN name_months u ON u.name = t.name AND u.month = ''")
        rows = web.store.conn.execute(
            f"SELECT n.label, n.key, n.norm, g.c, g.k FROM ({counts}) g JOIN names n ON n.id = g.name "
            f"WHERE g.c > 0 AND n.label NOT IN ({values}) ORDER BY g.c DESC, n.key, n.label LIMIT ?",
            args + sorted(VALUE_TYPES) + [limit])
    else:
        where, args = _period(start, stop)
        rows = web.store.conn.execute(
            f"SELECT e.label, e.key, min(e.norm), count(*) AS n, sum(e.mentions) FROM entities e "
            f"JOIN articles a ON a.rowid = e.article WHERE {where} AND e.label NOT IN ({values}) "
            f"GROUP BY e.label, e.key ORDER BY n DESC, e.key, e.label LIMIT ?", args + sorted(VALUE_TYPES) + [limit])
    return [{"label": lab, "norm": norm, "articles": n, "mentions": m, "url": entity_url(lab, norm)}
            for lab, _, norm, n, m in rows]


def recent_quotes(web: Web, start: str, stop: str, limit: int = 8) -> list[dict]:
    where, args = _period(start, stop)
    conn = web.store.conn
    # CROSS JOIN: the articles in the outer loop, newest first by the index on published, so that SQLite reads
    # the last days' quotes, not all quotes to sort them; ties by article id, then the order facts were found in
    rows = conn.execute(
        f"SELECT a.id, a.title, a.published, f.args FROM articles a CROSS JOIN facts f "
        f"WHERE f.article = a.rowid AND f.kind = 'quote' AND {where} ORDER BY a.published DESC, f.start, a.id, f.rowid "
        f"LIMIT ?", args + [limit]).fetchall()
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
