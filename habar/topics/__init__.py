"""Topic of an article: the SIB-200 label set (trained model in habar/data/topics) plus user labels from seeds.

The model is a cascade (habar/topics/model.py): a sum of cached per-word scores, well under a millisecond per article
once its words have been seen and distilled from a slower e5 model (habar/topics/train.py), and, for the articles it
is unsure of, the e5 model itself on the title and lead (160 characters, so ~70 ms whatever the length).

`article.meta["topic"] = {"label", "score", "source"}`; source is "sib200" or "seeds".
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from habar.document import Article
from habar.options import Options
from habar.pipeline import step as make_step
from habar.topics.model import MODEL_DIR, TopicModel
from habar.topics.seeds import SeedLabels, labels_path

__all__ = ["SeedLabels", "TopicModel", "classify", "model", "step"]


@lru_cache(maxsize=1)
def model() -> TopicModel:
    """The shipped model, loaded once per process (it never changes while the process runs)."""
    return TopicModel.load(MODEL_DIR)


def article_text(article: Article) -> str:
    return f"{article.title}\n{article.text or article.raw}" if article.title else (article.text or article.raw)


@lru_cache(maxsize=1)
def precise() -> bool:
    """The topic_e5 setting (HABAR_TOPIC_E5), read once per process."""
    return Options().topic_e5


def classify(article: Article, seeds: SeedLabels | None = None) -> dict:
    text = article_text(article)
    if seeds is not None:
        hit = seeds.match(text)
        if hit:
            return {"label": hit[0], "score": hit[1], "source": "seeds"}
    label, score = model().predict([text], precise=precise())[0]
    return {"label": label, "score": round(score, 4), "source": "sib200"}


def user_labels() -> SeedLabels | None:
    """The user's labels from <data_dir>/topic_labels.json (`habar topics add`), re-read when the file changes."""
    path = labels_path(Options())
    return _read_labels(path, path.stat().st_mtime) if path.exists() else None


@lru_cache(maxsize=4)
def _read_labels(path: Path, mtime: float) -> SeedLabels:
    return SeedLabels.load(path)


@make_step("topics", requires=("text",), provides=("topic",))
def step(article: Article) -> Article:
    article.meta["topic"] = classify(article, user_labels())
    return article
