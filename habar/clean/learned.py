"""Boilerplate learned from the corpus: lines that repeat across many articles of one source.

A site's footer, its "редакция" line or its app banner is rarely in any rule list, but it repeats in most of the
site's articles, while a sentence of news repeats in a few at most. Learning counts each distinct line once per
article and source; an exact copy of an article (same normalised text) is counted once, so syndicated or
re-scraped copies do not turn their own sentences into boilerplate.
"""

from __future__ import annotations

import hashlib
import math
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Iterable

from habar.clean.edit import current_text, drop_line, fold, lines, norm_line
from habar.document import Article
from habar.pipeline import Step

MIN_DOCS = 3  # a line must appear in at least this many articles of the source ...
MIN_SHARE = 0.2  # ... and in at least this share of them
MIN_ARTICLES = 4  # a source with fewer articles teaches nothing


@dataclass
class RepeatedLines:
    """Per source, the normalised lines learned as boilerplate, with how many articles carried each."""

    by_source: dict[str, dict[str, int]] = field(default_factory=dict)

    def reason(self, source: str, line: str) -> str | None:
        key = norm_line(line)
        if key and key in self.by_source.get(source, {}):
            return "boilerplate:learned"
        return None


def learn_repeated_lines(articles: Iterable[Article], min_docs: int = MIN_DOCS, min_share: float = MIN_SHARE,
                         min_articles: int = MIN_ARTICLES) -> RepeatedLines:
    """Count lines per source over `articles` (their current text) and keep the ones that repeat enough."""
    counts: dict[str, Counter] = defaultdict(Counter)
    n_articles: Counter = Counter()
    seen_texts: set[tuple[str, str]] = set()
    for article in articles:
        text = current_text(article)
        digest = hashlib.sha1(" ".join(text.lower().split()).encode()).hexdigest()
        if (article.source, digest) in seen_texts:
            continue
        seen_texts.add((article.source, digest))
        n_articles[article.source] += 1
        # the lines' texts, without building `lines`' offsets (an empty last line normalises to "", left out too)
        counts[article.source].update({k for k in map(norm_line, text.split("\n")) if k})
    learned = RepeatedLines()
    for source, counter in counts.items():
        n = n_articles[source]
        if n < min_articles:
            continue
        need = max(min_docs, math.ceil(min_share * n))
        learned.by_source[source] = {k: c for k, c in counter.items() if c >= need}
    return learned


def learned_step(model: RepeatedLines) -> Step:
    """A pipeline step that drops the lines `model` learned for the article's source."""

    def clean_learned(article: Article) -> Article:
        if not model.by_source.get(article.source):  # nothing learned for this source: no line to normalise
            return article
        changes = []
        for ln in lines(current_text(article)):
            reason = model.reason(article.source, ln.text)
            if reason:
                changes.append(drop_line(ln, reason))
        return fold(article, changes, "clean_learned")

    return Step("clean_learned", clean_learned, (), ("text",))
