"""Topic of an article: the SIB-200 label set (trained model in habar/data/topics) plus user labels from seeds.

The model is a cascade (habar/topics/model.py): a sum of cached per-word scores over the article's title and first
100 tokens, distilled from a slower e5 model (habar/topics/train.py; ~0.4 ms per article once its words have been
seen, ~0.1 ms more per word seen for the first time), and, for the short texts it is unsure of, the e5 model itself on
the title and lead (160 characters, so ~70 ms whatever the length).

`article.meta["topic"] = {"label", "score", "source"}`; source is "sib200" or "seeds".
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

from habar.document import Article
from habar.options import SETTINGS, Options
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


E5_MODES = ("short", "always", "never")
# Up to this many words, a text may go to e5: SIB-200's sentences and headlines, where the fast model is weakest and
# e5 reads the whole text. A news article gives the fast model more words to go on, and e5 on each of them would
# cost more than the rest of the pipeline (measured: 24-76 ms per article against ~30 ms).
SHORT_WORDS = 50


@lru_cache(maxsize=1)
def e5_mode() -> str:
    """The topic_e5 setting (HABAR_TOPIC_E5), read once per process."""
    mode = str(Options().topic_e5).strip().lower()
    if mode not in E5_MODES:
        raise ValueError(f"HABAR_TOPIC_E5={mode!r} is not known; set it to one of {', '.join(E5_MODES)}")
    return mode


def precise(text: str) -> bool:
    mode = e5_mode()
    # split no further than one word past the limit: a long article need not be cut into all its words
    return mode == "always" or (mode == "short" and len(text.split(maxsplit=SHORT_WORDS)) <= SHORT_WORDS)


def classify(article: Article, seeds: SeedLabels | None = None) -> dict:
    text = article_text(article)
    if seeds is not None:
        hit = seeds.match(text)
        if hit:
            return {"label": hit[0], "score": hit[1], "source": "seeds"}
    label, score = model().predict([text], precise=precise(text))[0]
    return {"label": label, "score": round(score, 4), "source": "sib200"}


def user_labels() -> SeedLabels | None:
    """The user's labels from <data_dir>/topic_labels.json (`habar topics add`), re-read when the file changes."""
    path = _labels_path(os.environ.get(_DATA_ENV))
    try:
        mtime = path.stat().st_mtime  # one system call per article, not an exists() and then a stat()
    except (FileNotFoundError, NotADirectoryError):  # what Path.exists() reads as "no file"
        return None
    return _read_labels(path, mtime)


_DATA_ENV = next(env for name, _, env, _ in SETTINGS if name == "data_dir")


@lru_cache(maxsize=4)
def _labels_path(data_env: str | None) -> Path:
    """Where the labels are while the data directory's variable holds `data_env`: building Options() reads every
    setting (~0.1 ms, once per article before), and only that one decides the path."""
    return labels_path(Options())


@lru_cache(maxsize=4)
def _read_labels(path: Path, mtime: float) -> SeedLabels:
    return SeedLabels.load(path)


@make_step("topics", requires=("text",), provides=("topic",))
def step(article: Article) -> Article:
    article.meta["topic"] = classify(article, user_labels())
    return article
