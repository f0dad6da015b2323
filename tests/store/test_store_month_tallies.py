"""The dashboard and entity-page figures from the tallies per month (schema 6): the same as the SQL they replace.

The reference is the SQL the dashboard and habar.search.entities ran before, over the `entities` view and the
article rows; where its order left ties to the plan, the tie-breakers the new SQL adds (label, article id, the
order facts were found in) are added to it too. The tallies must equal what the tables hold after every kind of
write: ingest, re-ingest of a changed article (date, language, source, entities), deletion, a failed batch, direct
SQL, and on a store brought forward from schema 5.
"""

from __future__ import annotations

import sqlite3
from types import SimpleNamespace

import pytest

from habar.document import Article, Entity, Fact, Sentence, Token
from habar.search import entities as ent
from habar.store import Store
from habar.store.records import entity_key, fact_args, to_record
from habar.web import dashboard, entity

# (word, label, base form); a word said by a PERSON is quoted in the article
WORDS = {
    "a": [("Алматыда", "GPE", "Алматы"), ("Асқар", "PERSON", "Асқар Жұмабаев"), ("бес", "CARDINAL", "бес"),
          ("мектеп", None, ""), ("ашты", None, "")],
    "b": [("Асқар", "PERSON", "Асқар Жұмабаев"), ("Астанаға", "GPE", "Астана"), ("келді", None, ""),
          ("Астана", "ORGANISATION", "Астана"), ("ойнады", None, "")],
    "c": [("Ұлттық", "ORGANISATION", "Ұлттық банк"), ("банк", None, ""), ("Астана", "GPE", "Астана"),
          ("мөлшерлемені", None, ""), ("көтерді", None, "")],
    "d": [("Алматы", "GPE", "Алматы"), ("Астана", "GPE", "Астана"), ("Асқар", "PERSON", "Асқар Жұмабаев"),
          ("Алматы", "GPE", "Алматы"), ("жолы", None, "")],
}


def article(aid: str, words: str = "a", lang: str = "kk", source: str = "a.kz", published: str = "2021-05-01") -> Article:
    pieces = [*WORDS[words], (aid, None, "")]  # the id as the last word: every article's text is its own
    text = " ".join(w for w, _, _ in pieces) + "."
    tokens, entities, facts, at = [], [], [], 0
    for w, label, norm in pieces:
        tokens.append(Token(w, at, at + len(w), "word", w.lower()))
        if label:
            entities.append(Entity(w, label, at, at + len(w), norm=norm, group=len(entities)))
        if label == "PERSON":
            facts.append(Fact("quote", at, len(text) - 1, {"speaker": {"text": w, "norm": norm},
                                                          "quote": [at + len(w) + 1, len(text) - 1]}))
        at += len(w) + 1
    tokens.append(Token(".", len(text) - 1, len(text), "punct"))
    facts.append(Fact("quote", 0, 5, {"speaker": {"text": "ол", "norm": "ол"}, "quote": [0, 5]}))
    return Article(id=aid, raw=text, text=text, title=f"Жаңалық {aid}", source=source, url=f"https://{source}/{aid}",
                   published=published, lang=lang, sentences=[Sentence(0, len(text))], tokens=tokens,
                   entities=entities, facts=facts)


def write(store: Store, *articles: Article) -> list[str]:
    return store.write([to_record(a, "a") for a in articles])


BASE = [article("x1"), article("x2", "b", lang="ru", source="b.kz", published="2020-01-02"),
        article("x3", "c", published=""), article("x4", "d", source="b.kz", published="2022-12-31T10:00:00"),
        article("x5", "b", published="2021-05-01"), article("x6", "d", lang="en", published="2021-05-17"),
        article("x7", "a", source="c.kz", published="2021-06-30"), article("x8", "c", published="2020-01-02")]

# --- the old SQL -----------------------------------------------------------------------------------------------
VALUES = sorted(dashboard.VALUE_TYPES)


def _period(start: str, stop: str) -> tuple[str, list]:
    sql, args = "a.published != ''", []
    if start:
        sql, args = sql + " AND a.published >= ?", args + [start]
    if stop:
        sql, args = sql + " AND a.published < ?", args + [stop + "-99"]
    return sql, args


def old_dashboard(conn: sqlite3.Connection, start: str, stop: str) -> dict:
    where, args = _period(start, stop)
    counts = {c: conn.execute(f"SELECT substr(a.published, 1, 7) AS m, {c}, count(*) FROM articles a WHERE {where} "
                              f"GROUP BY m, {c} ORDER BY m, {c}", args).fetchall() for c in ("lang", "source")}
    top = conn.execute(
        f"SELECT e.label, min(e.norm), count(*) AS n, sum(e.mentions) FROM entities e "
        f"JOIN articles a ON a.rowid = e.article WHERE {where} AND e.label NOT IN ({','.join('?' * len(VALUES))}) "
        f"GROUP BY e.label, e.key ORDER BY n DESC, e.key, e.label LIMIT 20", args + VALUES).fetchall()
    quotes = conn.execute(
        f"SELECT a.id, a.published, f.args FROM facts f JOIN articles a ON a.rowid = f.article "
        f"WHERE f.kind = 'quote' AND {where} ORDER BY a.published DESC, f.start, a.id, f.rowid LIMIT 8", args)
    return {"lang": counts["lang"], "source": counts["source"], "top": [tuple(r) for r in top],
            "quotes": [(i, p, fact_args(x)["speaker"]["norm"]) for i, p, x in quotes]}


def new_dashboard(store: Store, start: str, stop: str) -> dict:
    web = SimpleNamespace(store=store, text_of=lambda i: store.get(i).text)
    return {"lang": dashboard.counts_per_month(web, "lang", start, stop),
            "source": dashboard.counts_per_month(web, "source", start, stop),
            "top": [(e["label"], e["norm"], e["articles"], e["mentions"]) for e in dashboard.top_entities(web, start, stop)],
            "quotes": [(q["article"], q["published"], q["speaker"]) for q in dashboard.recent_quotes(web, start, stop)]}


def old_entity(conn: sqlite3.Connection, name: str, label: str) -> dict:
    key = entity_key(name)
    per_month = conn.execute(
        "SELECT substr(a.published, 1, 7) AS month, count(DISTINCT a.rowid), sum(e.mentions) FROM entities e "
        "JOIN articles a ON a.rowid = e.article WHERE e.key = ? AND e.label = ? GROUP BY month ORDER BY month",
        (key, label)).fetchall()
    related = conn.execute(
        "SELECT o.label, min(o.norm), count(DISTINCT o.article) AS n FROM entities e "
        "JOIN entities o ON o.article = e.article AND NOT (o.key = e.key AND o.label = e.label) "
        "WHERE e.key = ? AND e.label = ? GROUP BY o.label, o.key ORDER BY n DESC, o.key, o.label LIMIT 20",
        (key, label)).fetchall()
    total = conn.execute("SELECT count(DISTINCT e.article) FROM entities e WHERE e.key = ? AND e.label = ?",
                         (key, label)).fetchone()[0]
    latest = conn.execute(
        "SELECT a.id, a.title, a.source, a.published, sum(e.mentions) FROM entities e "
        "JOIN articles a ON a.rowid = e.article WHERE e.key = ? AND e.label = ? GROUP BY a.rowid "
        "ORDER BY a.published DESC, a.id LIMIT 3 OFFSET 1", (key, label)).fetchall()
    base = conn.execute("SELECT norm, count(*) AS n FROM entities WHERE key = ? AND label = ? GROUP BY norm "
                        "ORDER BY n DESC LIMIT 1", (key, label)).fetchone()
    quotes = conn.execute(
        "SELECT a.id, a.published, f.args FROM entities e "
        "JOIN facts f ON f.article = e.article AND f.kind = 'quote' JOIN articles a ON a.rowid = e.article "
        "WHERE e.key = ? AND e.label = ? ORDER BY a.published DESC, a.id, f.rowid LIMIT 5000", (key, label))
    said = [(i, p) for i, p, x in quotes if entity_key(fact_args(x)["speaker"]["norm"]) == key][:10]
    return {"months": [tuple(r) for r in per_month], "related": [tuple(r) for r in related], "total": total,
            "latest": [tuple(r) for r in latest], "base": base and base[0], "quotes": said if label == "PERSON" else []}


def new_entity(store: Store, name: str, label: str) -> dict:
    web = SimpleNamespace(store=store, text_of=lambda i: store.get(i).text)
    key = entity_key(name)
    latest = ent.articles(store, name, label, limit=3, offset=1)
    return {"months": [(r["month"], r["articles"], r["mentions"]) for r in ent.mentions_per_month(store, name, label)],
            "related": [(r["label"], r["norm"], r["articles"]) for r in ent.cooccurring(store, name, label)],
            "total": latest["total"],
            "latest": [(a["id"], a["title"], a["source"], a["published"], a["mentions"]) for a in latest["articles"]],
            "base": entity.base_form(web, label, key),
            "quotes": [(q["article"], q["published"]) for q in entity.quotes_by(web, label, key)] if label == "PERSON" else []}


PERIODS = [("", ""), ("2020-01", ""), ("", "2021-05"), ("2021-05", "2021-05"), ("2019-01", "2019-12")]
NAMES = [("Асқар Жұмабаев", "PERSON"), ("астана", "GPE"), ("Астана", "ORGANISATION"), ("Алматы", "GPE"),
         ("Ұлттық банк", "ORGANISATION"), ("Жоқ", "PERSON")]

# --- the tallies: what the tables hold --------------------------------------------------------------------------
TALLIES = {
    "SELECT field, month, value, n FROM month_tallies WHERE n > 0 ORDER BY 1, 2, 3":
        "SELECT 'lang', substr(published, 1, 7), lang, count(*) FROM articles GROUP BY 2, 3 UNION ALL "
        "SELECT 'source', substr(published, 1, 7), source, count(*) FROM articles GROUP BY 2, 3 ORDER BY 1, 2, 3",
    "SELECT name, month, articles, mentions FROM name_months WHERE articles > 0 ORDER BY 1, 2":
        "SELECT m.name, substr(a.published, 1, 7), count(*), sum(m.count) FROM mentions m "
        "JOIN articles a ON a.rowid = m.article GROUP BY 1, 2 ORDER BY 1, 2",
    "SELECT name, articles, mentions FROM name_totals WHERE articles > 0 ORDER BY 1":
        "SELECT name, count(*), sum(count) FROM mentions GROUP BY name ORDER BY 1",
}


def check(store: Store) -> None:
    """Every tally equals its count over the tables; every figure equals the old SQL's."""
    for kept, counted in TALLIES.items():
        assert store.conn.execute(kept).fetchall() == store.conn.execute(counted).fetchall()
    # no tally row below 0 (a decrement of the wrong month would leave one)
    for table in ("name_months", "name_totals"):
        assert store.conn.execute(f"SELECT count(*) FROM {table} WHERE articles < 0 OR mentions < 0").fetchone()[0] == 0
    for start, stop in PERIODS:
        assert new_dashboard(store, start, stop) == old_dashboard(store.conn, start, stop), (start, stop)
    for name, label in NAMES:
        assert new_entity(store, name, label) == old_entity(store.conn, name, label), (name, label)
    for label in (None, "GPE", "PERSON"):
        old_top = store.conn.execute(
            "SELECT label, min(norm), count(*) AS n, sum(mentions) FROM entities" + (" WHERE label = ?" if label else "")
            + " GROUP BY label, key ORDER BY n DESC, key, label LIMIT 3", [label] if label else []).fetchall()
        assert [(e["label"], e["norm"], e["articles"], e["mentions"]) for e in ent.top(store, label, 3)] == old_top


def _failed_batch(store: Store) -> None:
    bad = to_record(article("y2", "d"), "a")
    bad.terms = bad.store_terms = None  # NOT NULL: fails after y1's mentions went in
    with pytest.raises(sqlite3.Error):
        store.write([to_record(article("y1", "b", published="2023-01-01"), "a"), bad])


OPERATIONS = {
    "ingest": lambda store: None,
    "re-ingest unchanged": lambda store: write(store, article("x1")),
    "re-ingest with another date": lambda store: write(store, article("x1", published="2019-03-08"),
                                                       article("x3", "c", published="2020-01-15")),
    "re-ingest without a date": lambda store: write(store, article("x4", "d", source="b.kz", published="")),
    "re-ingest with another language and source": lambda store: write(
        store, article("x2", "b", lang="kk", source="new.kz", published="2020-01-02")),
    "re-ingest with other entities": lambda store: write(store, article("x1", "c"), article("x3", "d", published="")),
    "re-ingest changing everything": lambda store: write(store, article("x5", "a", lang="en", source="z.kz",
                                                                        published="2018-02-02")),
    "delete by id": lambda store: store.delete(["x1", "x4"]),
    "delete by source": lambda store: store.delete(source="b.kz"),
    "delete all, then write again": lambda store: (store.delete([a.id for a in BASE]), write(store, article("x2", "b"))),
    "failed batch rolled back": _failed_batch,
    "update of dates": lambda store: store.conn.execute(
        "UPDATE articles SET published = '2017-' || substr(published, 6) WHERE published > '2021'"),
    "update of languages and sources": lambda store: store.conn.execute(
        "UPDATE articles SET lang = 'kk', source = 'z.kz' WHERE rowid % 2 = 0"),
    "replace of an article": lambda store: store.conn.execute(
        "INSERT OR REPLACE INTO articles SELECT * FROM articles WHERE id = 'x4'"),
    "update of counts": lambda store: store.conn.execute("UPDATE mentions SET count = count * 3 WHERE count = 1"),
    "insert or replace of mentions": lambda store: store.conn.execute(
        "INSERT OR REPLACE INTO mentions(name, article, count) SELECT name, article, count + 5 FROM mentions"),
    "delete of mentions": lambda store: store.conn.execute("DELETE FROM mentions WHERE article % 3 = 0"),
}


@pytest.mark.parametrize("walk", [0, 10**9], ids=["newest first", "sorted"])
@pytest.mark.parametrize("name", OPERATIONS)
def test_figures_equal_the_old_sql(tmp_path, monkeypatch, name, walk):
    monkeypatch.setattr(ent, "WALK", walk)  # both plans of the latest articles and quotes
    with Store(tmp_path) as store:
        write(store, *BASE)
        OPERATIONS[name](store)
        check(store)
    with Store(tmp_path) as store:  # and as the next process sees it
        check(store)


def test_empty_store(tmp_path):
    with Store(tmp_path) as store:
        check(store)
        assert new_dashboard(store, "", "") == {"lang": [], "source": [], "top": [], "quotes": []}


def test_a_store_of_schema_5_gets_the_tallies(tmp_path, monkeypatch):
    from older_schema import older_schema

    from habar.store import schema

    older_schema(monkeypatch, 5)
    with Store(tmp_path) as store:
        write(store, *BASE)
        store.delete(["x7"])
        assert store.conn.execute("PRAGMA user_version").fetchone()[0] == 5
    monkeypatch.undo()
    with Store(tmp_path) as store:
        assert store.conn.execute("PRAGMA user_version").fetchone()[0] == len(schema.MIGRATIONS) >= 6
        check(store)
        write(store, article("x1", "d", published="2024-04-04"), article("x9", "b"))
        store.delete(["x2"])
        check(store)


def test_the_general_sql_gives_the_same(tmp_path):
    """habar.pg runs the SQL without tallies (Basics.tallied is False): on SQLite it gives the same figures."""
    with Store(tmp_path) as store:
        write(store, *BASE)
        store.tallied = False
        check(store)


# --- plans: no scan of articles or mentions ------------------------------------------------------------------------
def plans(store: Store, run) -> dict[str, list[str]]:
    seen: list[str] = []
    store.conn.set_trace_callback(seen.append)
    run()
    store.conn.set_trace_callback(None)
    return {q: [r[3] for r in store.conn.execute("EXPLAIN QUERY PLAN " + q)] for q in seen if q.startswith("SELECT")}


@pytest.mark.parametrize("walk", [0, 10**9], ids=["newest first", "sorted"])
def test_no_full_scans(tmp_path, monkeypatch, walk):
    monkeypatch.setattr(ent, "WALK", walk)
    with Store(tmp_path) as store:
        write(store, *BASE)
        store.conn.execute("ANALYZE")  # the planner's choice with statistics, as on a grown store
        web = SimpleNamespace(store=store, text_of=lambda i: "")
        seen = {**plans(store, lambda: dashboard.counts_per_month(web, "lang", "", "")),
                **plans(store, lambda: dashboard.top_entities(web, "2020-01", "")),
                **plans(store, lambda: dashboard.recent_quotes(web, "", "")),
                **plans(store, lambda: new_entity(store, "Асқар Жұмабаев", "PERSON"))}
    for q, steps in seen.items():
        for step in steps:
            # the walk newest first reads the index on published; anything else reads a key range or a tally
            ok = not step.startswith("SCAN") or "articles_published" in step or step.startswith(
                ("SCAN t", "SCAN g", "SCAN CONSTANT ROW"))  # t: a tally, g: the counts by name
            assert ok, (q, step)
            assert "facts_kind" not in step, (q, step)  # every quote of the store, for one entity's
        if any("articles_published" in step for step in steps):  # read newest first, sorted a day at a time
            assert "USE TEMP B-TREE FOR ORDER BY" not in steps, (q, steps)
    quotes_sql = next(q for q in seen if "CROSS JOIN facts" in q and "mentions" not in q)
    assert any("articles_published" in s for s in seen[quotes_sql]), seen[quotes_sql]
