"""A small store built from the sample corpus (data/sample/corpus.jsonl), cleaned and analysed the way the
project does it, plus one hostile article whose title and text carry markup, for the escaping tests."""

from __future__ import annotations

from pathlib import Path

from habar.document import Article
from habar.options import Options

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "data" / "sample" / "corpus.jsonl"
TOKEN = "test-token-9f3a"

HOSTILE_ID = "hostile-1"
HOSTILE_TITLE = 'Алматыда <script>alert("title")</script> форум өтті'
HOSTILE_TEXT = ("Алматыда жастар форумы өтті. <script>alert('text')</script> Форумға <img src=x onerror=alert(1)> "
                "жүзден астам жас қатысты. <b>Қалың</b> & «ашық» пікірталас болды.")


def analysed_articles() -> tuple[list[Article], dict[str, list[str]]]:
    """The sample corpus through cleaning, the default pipeline and fact extraction; and its clusters."""
    from habar.clean import clean_corpus
    from habar.ingest.readers import read_paths
    from habar.steps import default_pipeline

    options = Options(workers=1)
    articles = [a for a in read_paths([str(SAMPLE)], options) if isinstance(a, Article)]
    articles.append(Article(id=HOSTILE_ID, raw=HOSTILE_TEXT, title=HOSTILE_TITLE, source="<i>evil</i>",
                            published="2024-09-01", lang="kk", url="javascript:alert(1)"))
    cleaned = clean_corpus(articles)
    done = list(default_pipeline(options).run(cleaned.articles))
    try:
        from habar.facts import annotate
    except ImportError:  # facts not installed yet: the pages still work, without facts
        annotate = None
    for a in done:
        if annotate is not None and a.tokens:
            annotate(a)
    clusters = cleaned.deduper.clusters() if cleaned.deduper is not None else {}
    return done, clusters


def build_store(db: Path) -> Path:
    from habar.store import Store
    from habar.store.ingest import ingest

    articles, clusters = analysed_articles()
    counts = ingest(articles, db, Options(workers=1), steps=[])  # analysed above: store them as they are
    assert counts["new"] == len(articles), counts
    # the sample's two copies of one story form a cluster even when the detector's threshold misses them
    clusters = clusters or {"sample-29": ["sample-29", "sample-30"]}
    with Store(db) as store:
        store.set_clusters([(m, canon) for canon, members in clusters.items() for m in members], "test")
    return db


