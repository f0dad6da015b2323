"""Finished work is not redone: re-ingesting unchanged articles never runs the pipeline on them again."""

from habar.document import Article
from habar.options import Options
from habar.store import ingest as ingest_mod

STEPS = ["clean_invisible", "identify_language", "normalise", "segment", "tokenize"]


def _articles():
    return [Article(id=f"a{i}", raw=f"Тақырып {i}\n\nМемлекет басшысы {i} жаңа заңға қол қойды. Бұл маңызды.",
                    text=f"Тақырып {i}\n\nМемлекет басшысы {i} жаңа заңға қол қойды. Бұл маңызды.",
                    title=f"Тақырып {i}", source="test") for i in range(5)]


def test_unchanged_articles_are_not_analysed_again(tmp_path, monkeypatch):
    options = Options(workers=1, progress=False)
    first = ingest_mod.ingest(_articles(), tmp_path, options, STEPS)
    assert first["new"] == 5

    calls = []
    real = ingest_mod.analyse
    monkeypatch.setattr(ingest_mod, "analyse", lambda a: calls.append(a.id) or real(a))
    changed = _articles()
    changed[2].raw = changed[2].text = changed[2].raw + " Тағы бір сөйлем."
    second = ingest_mod.ingest(changed, tmp_path, options, STEPS)
    assert (second["unchanged"], second["updated"]) == (4, 1)
    assert calls == ["a2"]  # identify_language changes article.lang, yet the others are recognised as unchanged


def test_new_models_analyse_stored_articles_again(tmp_path, monkeypatch):
    """An upgrade of habar or of a shipped model (lexicon, NER) changes the analysis key: nothing is 'unchanged'."""
    options = Options(workers=1, progress=False)
    assert ingest_mod.ingest(_articles(), tmp_path, options, STEPS)["new"] == 5
    assert ingest_mod.ingest(_articles(), tmp_path, options, STEPS)["unchanged"] == 5
    monkeypatch.setattr(ingest_mod, "models_version", lambda: "other-models")
    again = ingest_mod.ingest(_articles(), tmp_path, options, STEPS)
    assert (again["updated"], again["unchanged"]) == (5, 0)
