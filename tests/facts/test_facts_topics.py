"""Topics: the shipped SIB-200 model, user labels from seed words, and dev accuracy when the data set is present."""

import csv
from pathlib import Path

import pytest

from habar.document import Article
from habar.options import Options
from habar.topics import SeedLabels, classify, model

ROOT = Path(__file__).resolve().parents[2]


def test_model_labels_are_the_sib200_set():
    assert model().labels == sorted(["science/technology", "travel", "politics", "sports", "health",
                                     "entertainment", "geography"])


def test_classify_gives_a_label_and_score():
    article = Article(id="t", raw="", text="Құрама командамыз футболдан әлем чемпионатының іріктеу кезеңінде жеңіске жетті.")
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


def test_seed_label_needs_two_seeds():
    with pytest.raises(ValueError, match="add more seeds"):
        SeedLabels().add("x", ["бір"])


@pytest.mark.slow
def test_sib200_dev_accuracy():
    shared = Options().shared_data
    path = (shared if shared.is_absolute() else ROOT / shared) / "sib200_kaz" / "dev.tsv"
    if not path.exists():
        pytest.skip(f"{path} not found; set HABAR_SHARED_DATA to the shared data folder")
    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    predicted = model().predict([r["text"] for r in rows])
    accuracy = sum(p == r["category"] for (p, _), r in zip(predicted, rows)) / len(rows)
    assert accuracy >= 0.80, f"SIB-200 dev accuracy {accuracy:.3f}"


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
