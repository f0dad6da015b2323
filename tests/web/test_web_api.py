"""The JSON API, in process: each route returns the data its page renders, with `ok: true`."""

from __future__ import annotations

from urllib.parse import quote

import pytest

from habar.store.facets import VALUE_TYPES

TOKAYEV = "PERSON:Қасым-Жомарт Тоқаев"


def test_search_returns_hits_facets_and_pages(client):
    r = client.get("/api/search", params={"q": "Тоқаев", "size": 2})
    assert r.status_code == 200
    data = r.json()
    assert data["ok"] is True and data["query"] == "Тоқаев"
    assert data["total"] >= 2 and len(data["hits"]) == 2
    assert data["pages"] == -(-data["total"] // 2)
    hit = data["hits"][0]
    assert {"id", "title", "source", "published", "lang", "snippet", "url", "score"} <= set(hit)
    assert "<mark>" in hit["snippet"]
    assert set(data["facets"]) >= {"source", "lang", "month", "entities", "type"}
    assert all(item["url"].startswith("/search?q=") for item in data["facets"]["source"])


@pytest.mark.parametrize("sort", ["score", "date"])
def test_search_sorts(client, sort):
    hits = client.get("/api/search", params={"q": "", "size": 20, "sort": sort}).json()["hits"]
    assert len(hits) == 20
    if sort == "date":
        dates = [h["published"] for h in hits]
        assert dates == sorted(dates, reverse=True)
        assert all(h["score"] is None for h in hits)


def test_search_pages_do_not_overlap(client):
    first = client.get("/api/search", params={"q": "", "size": 5, "page": 1, "sort": "date"}).json()
    second = client.get("/api/search", params={"q": "", "size": 5, "page": 2, "sort": "date"}).json()
    assert not {h["id"] for h in first["hits"]} & {h["id"] for h in second["hits"]}
    assert first["links"]["next"] and second["links"]["prev"]


def test_facet_link_filters(client):
    data = client.get("/api/search", params={"q": ""}).json()
    source = next(f for f in data["facets"]["source"] if f["value"] == "kazinform")
    filtered = client.get(source["url"].replace("/search", "/api/search")).json()
    assert filtered["total"] == source["count"]
    assert {h["source"] for h in filtered["hits"]} == {"kazinform"}
    again = next(f for f in filtered["facets"]["source"] if f["value"] == "kazinform")
    assert again["active"] is True  # a second click removes the filter
    assert "source:" not in again["url"]


def test_article_has_text_raw_annotations_facts_and_cleaning(client):
    data = client.get("/api/article/sample-24").json()
    assert data["ok"] and data["id"] == "sample-24"
    assert data["raw"] != data["text"]
    assert "Telegram арнамызға жазылыңыз" in data["raw"] and "Telegram арнамызға жазылыңыз" not in data["text"]
    assert any(c["reason"].startswith("boilerplate") for c in data["cleaning"])
    assert "".join(s["text"] for s in data["segments"]) == data["text"]
    assert "".join(s["text"] for s in data["raw_segments"]) == data["raw"]
    for e in data["annotations"]["entities"]:
        assert data["text"][e["start"]:e["end"]] == e["text"]
    assert isinstance(data["facts"], list)


def test_article_lists_its_cluster(client):
    data = client.get("/api/article/sample-29").json()
    assert [c["id"] for c in data["cluster"]] == ["sample-30"]


def test_entity_has_chart_data_cooccurring_quotes_latest(client):
    data = client.get("/api/entity/" + quote(TOKAYEV, safe="")).json()
    assert data["label"] == "PERSON" and data["norm"] == "Қасым-Жомарт Тоқаев"
    assert len(data["months"]) == len(data["mentions"]) and sum(data["mentions"]) >= 2
    assert data["months"] == sorted(data["months"])
    assert data["latest"] and data["total_articles"] >= len(data["latest"])
    assert all(r["url"].startswith("/entity/") for r in data["cooccurring"])
    assert data["cooccurring_within"] is None  # counted over all its articles
    assert all(r["label"] not in VALUE_TYPES for r in data["cooccurring"])
    assert all(q["quote"] for q in data["quotes"])


def test_entity_page_says_when_cooccurring_entities_are_counted_in_its_newest_articles(web_db, monkeypatch):
    from fastapi.testclient import TestClient

    from habar.options import Options
    from habar.web import entity
    from habar.web.app import create_app

    monkeypatch.setattr(entity, "COOCCUR_WITHIN", 1)
    with TestClient(create_app(Options(workers=1), web_db)) as c:  # a fresh app: nothing cached
        data = c.get("/api/entity/" + quote(TOKAYEV, safe="")).json()
        page = c.get("/entity/" + quote(TOKAYEV, safe="")).text
    assert data["total_articles"] > 1 and data["cooccurring_within"] == 1
    assert data["cooccurring"] and all(r["articles"] == 1 for r in data["cooccurring"])
    assert "соңғы 1 мақала бойынша" in page


def test_entity_id_is_case_insensitive_on_base_form(client):
    data = client.get("/api/entity/" + quote("PERSON:қасым-жомарт   тоқаев", safe="")).json()
    assert data["norm"] == "Қасым-Жомарт Тоқаев"


def test_dashboard_series_line_up_with_months(client):
    data = client.get("/api/dashboard").json()
    assert data["articles"] >= 30
    for series in (data["by_language"], data["by_source"]):
        assert all(len(v) == len(data["months"]) for v in series.values())
    assert sum(sum(v) for v in data["by_language"].values()) == data["articles"]
    assert data["top_entities"] and data["top_entities"][0]["articles"] >= data["top_entities"][-1]["articles"]


def test_dashboard_period_narrows(client):
    all_months = client.get("/api/dashboard").json()
    one_year = client.get("/api/dashboard", params={"from": "2021-01", "to": "2021-12"}).json()
    assert one_year["months"][0] >= "2021-01" and one_year["months"][-1] <= "2021-12"
    assert sum(map(sum, one_year["by_language"].values())) < sum(map(sum, all_months["by_language"].values()))


def test_stats(client):
    data = client.get("/api/stats").json()
    assert data["ok"] and data["articles"] >= 30 and "kk" in data["languages"]


def test_analyze_returns_tokens_entities_and_segments(client):
    text = "Қасым-Жомарт Тоқаев Астанада Корея Президентімен кездесті."
    data = client.post("/api/analyze", json={"text": text}).json()
    assert data["ok"] and data["text"] == text
    assert [t["text"] for t in data["tokens"]][:2] == ["Қасым-Жомарт", "Тоқаев"]
    assert "".join(s["text"] for s in data["segments"]) == text
    assert all(text[e["start"]:e["end"]] == e["text"] for e in data["entities"])


def test_analyze_stores_nothing(client):
    before = client.get("/api/stats").json()["articles"]
    client.post("/api/analyze", json={"text": "Бұл мәтін сақталмайды."})
    assert client.get("/api/stats").json()["articles"] == before


def test_openapi_lists_every_api_route(client):
    paths = client.get("/openapi.json").json()["paths"]
    for path in ("/api/search", "/api/article/{article_id}", "/api/entity/{entity_id}", "/api/dashboard",
                 "/api/stats", "/api/analyze", "/api/ingest"):
        assert path in paths, path
    docs = client.get("/docs")
    assert docs.status_code == 200 and "/api/search" in docs.text


def test_empty_query_lists_newest_first_by_default(client):
    data = client.get("/api/search", params={"q": "", "size": 10}).json()
    assert data["sort"] == "date"
    dates = [h["published"] for h in data["hits"]]
    assert dates == sorted(dates, reverse=True)
    assert "sort=score" in data["links"]["by_score"] and "sort=" not in data["links"]["by_date"]
    assert client.get("/api/search", params={"q": "Тоқаев"}).json()["sort"] == "score"
