"""The document model serialises losslessly, and the pipeline checks declared needs and isolates failures."""

import pytest

from habar.document import Article, Change, Entity, Fact, Sentence, Token
from habar.options import SETTINGS, Options
from habar.pipeline import Pipeline, PipelineError, step


def _article() -> Article:
    text = "Тоқаев «Сәлем», – деді."
    return Article(
        id="a1", raw=text + "\u200b", text=text, title="Тақырып", source="test", url="https://example.kz/1",
        published="2019-11-21", lang="kk",
        sentences=[Sentence(0, len(text))],
        tokens=[Token("Тоқаев", 0, 6, "word", "Тоқаев", "PROPN", "Case=Nom")],
        entities=[Entity("Тоқаев", "PERSON", 0, 6, "Тоқаев", None, 0)],
        facts=[Fact("quote", 7, 14, {"speaker": 0, "quote": [8, 13]})],
        changes=[Change(len(text), len(text) + 1, "", "zero-width")],
        meta={"author": "Құралай", "quality": {"ok": True}},
    )


def test_json_roundtrip_is_lossless():
    a = _article()
    assert Article.from_json(a.to_json()) == a
    assert Article.from_json(a.to_json()).to_json() == a.to_json()


def test_unknown_field_is_a_clear_error():
    with pytest.raises(ValueError, match="unknown Article fields"):
        Article.from_dict({"id": "x", "raw": "", "body": "?"})


def test_sentence_tokens():
    a = _article()
    assert [t.text for t in a.sentence_tokens(a.sentences[0])] == ["Тоқаев"]


@step("needs_tokens", requires=("tokens",), provides=("lemma",))
def _needs_tokens(article):
    return article


@step("explodes", provides=("tokens",))
def _explodes(article):
    if article.id == "bad":
        raise RuntimeError("boom")
    return article


def test_pipeline_checks_requirements_when_built():
    with pytest.raises(PipelineError, match="requires \\['tokens'\\].*put a step that provides"):
        Pipeline([_needs_tokens])


def test_pipeline_counts_failures_and_goes_on():
    p = Pipeline([_explodes, _needs_tokens])
    out = list(p.run([Article("ok1", "x"), Article("bad", "y"), Article("ok2", "z")]))
    assert [a.id for a in out] == ["ok1", "ok2"]
    assert p.stats == {"ok": 2, "failed[explodes: RuntimeError]": 1}


def test_every_option_is_documented():
    assert [name for name, _, _, help_ in SETTINGS if not help_] == []
    assert Options().n_workers() >= 1


def test_environment_overrides_settings(monkeypatch):
    monkeypatch.setenv("HABAR_MAX_LINE_CHARS", "1234")
    monkeypatch.setenv("HABAR_PROGRESS", "0")
    opts = Options()
    assert opts.max_line_chars == 1234 and opts.progress is False


def test_bad_environment_value_names_the_variable(monkeypatch):
    monkeypatch.setenv("HABAR_WORKERS", "many")
    with pytest.raises(ValueError, match="HABAR_WORKERS='many' is not a valid int"):
        Options()
