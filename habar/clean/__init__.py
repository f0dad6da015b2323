"""Cleaning of scraped news: one small step per file, each recording what it removed and why.

Order matters: invisible characters first (so that lines compare), torn abbreviations re-joined (so that a
sentence is one line again), then the title and repeated lead, rule and
learned boilerplate, the byline (which is the last paragraph only once the footers are gone), blank lines,
and finally language and the quality verdict, which judge the cleaned text.

Per article: `clean_steps(learned)` gives the steps for `habar.pipeline.Pipeline`. For a corpus:
`clean_corpus(articles)` learns the repeated lines per source, cleans every article, and drops exact duplicates
and marks near-duplicate clusters (see `habar.clean.dedup`).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from habar.clean.artefacts import clean_artefacts
from habar.clean.blanks import clean_blanks
from habar.clean.boilerplate import clean_boilerplate
from habar.clean.byline import clean_byline
from habar.clean.dedup import Deduper, dedupe
from habar.clean.invisible import clean_invisible
from habar.clean.language import identify_language
from habar.clean.learned import RepeatedLines, learn_repeated_lines, learned_step
from habar.clean.quality import count_reasons, judge_quality
from habar.clean.repeats import clean_repeats
from habar.document import Article
from habar.pipeline import Pipeline, Step

__all__ = ["CleanResult", "clean_article", "clean_corpus", "clean_steps", "count_reasons", "dedupe",
           "learn_repeated_lines"]


def clean_steps(learned: RepeatedLines | None = None) -> list[Step]:
    """The cleaning steps in order; with `learned`, the corpus-learned boilerplate step is included."""
    steps = [clean_invisible, clean_artefacts, clean_repeats, clean_boilerplate]
    if learned is not None:
        steps.append(learned_step(learned))
    return steps + [clean_byline, clean_blanks, identify_language, judge_quality]


def clean_article(article: Article, learned: RepeatedLines | None = None) -> Article:
    for s in clean_steps(learned):
        article = s(article)
    return article


@dataclass
class CleanResult:
    articles: list[Article]
    stats: Counter = field(default_factory=Counter)  # ok, failed[...], duplicate:*, quality reasons
    deduper: Deduper | None = None


def clean_corpus(articles: list[Article], dedup: bool = True) -> CleanResult:
    """Learn repeated lines per source, clean every article, then drop exact copies and mark clusters."""
    first = Pipeline([clean_invisible])  # learning compares lines: carriage returns and zero-width marks go first
    ready = list(first.run(articles))
    learned = learn_repeated_lines(ready)
    pipe = Pipeline(clean_steps(learned)[1:])
    done = list(pipe.run(ready))
    stats = Counter(pipe.stats)
    stats.update({k: v for k, v in first.stats.items() if k != "ok"})
    deduper = None
    if dedup:
        done, deduper = dedupe(done)
        stats.update(e["reason"] for e in deduper.exact)
    stats.update({f"quality:{r}": n for r, n in count_reasons(done).items()})
    return CleanResult(done, stats, deduper)
