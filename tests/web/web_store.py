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


# cleaning runs corpus-wide first (it learns repeated lines and finds copies); topics are left out because
# their embedding costs most of a second per article, and the pages only show the label when it is there
SKIPPED_STEPS = ("clean_", "identify_language", "quality", "topics")


def analysed_articles() -> tuple[list[Article], dict[str, list[str]]]:
    """The sample corpus through cleaning and the rest of the default pipeline; and its clusters."""
    from habar.clean import clean_corpus
    from habar.ingest.readers import read_paths
    from habar.steps import DEFAULT, default_pipeline

    options = Options(workers=1)
    articles = [a for a in read_paths([str(SAMPLE)], options) if isinstance(a, Article)]
    articles.append(Article(id=HOSTILE_ID, raw=HOSTILE_TEXT, title=HOSTILE_TITLE, source="<i>evil</i>",
                            published="2024-09-01", lang="kk", url="javascript:alert(1)"))
    cleaned = clean_corpus(articles)
    names = [n for n in DEFAULT if not n.startswith(SKIPPED_STEPS)]
    done = list(default_pipeline(options, names).run(cleaned.articles))
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


