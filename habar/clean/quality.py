"""A quality verdict per article, kept in `meta["quality"]`; an article is never dropped for it.

Reasons: too_short (fewer than MIN_WORDS words left), not_kazakh (the article's language is not kk),
mostly_boilerplate (cleaning removed more than half of the characters).
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Iterable

from habar.clean.edit import current_text
from habar.document import Article
from habar.pipeline import step

MIN_WORDS = 30  # a news brief runs 40-80 words; fewer is a fragment, a caption or an index page
BOILERPLATE_SHARE = 0.5
_REMOVING_STEPS = {"clean_repeats", "clean_boilerplate", "clean_learned", "clean_byline"}
_WORD = re.compile(r"\w+")

REASONS = ("too_short", "not_kazakh", "mostly_boilerplate")


def verdict(article: Article) -> dict:
    text = current_text(article)
    words = len(_WORD.findall(text))
    removed = sum(len(r["text"]) for r in article.meta.get("cleaning", []) if r["step"] in _REMOVING_STEPS)
    share = removed / (removed + len(text)) if removed + len(text) else 0.0
    reasons = []
    if words < MIN_WORDS:
        reasons.append("too_short")
    if article.lang != "kk":
        reasons.append("not_kazakh")
    if share > BOILERPLATE_SHARE:
        reasons.append("mostly_boilerplate")
    return {"ok": not reasons, "reasons": reasons, "words": words, "boilerplate_share": round(share, 3)}


@step("quality", requires=("lang",), provides=("quality",))
def judge_quality(article: Article) -> Article:
    """Record the quality verdict in meta["quality"]."""
    article.meta["quality"] = verdict(article)
    return article


def count_reasons(articles: Iterable[Article]) -> Counter:
    """Articles per quality reason, plus "ok": what the CLI reports."""
    counts: Counter = Counter()
    for a in articles:
        q = a.meta.get("quality") or {}
        counts.update(q.get("reasons", []) or ["ok"])
    return counts
