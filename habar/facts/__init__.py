"""Facts of an article: quotes with speakers, agreements and meetings, investments, statistics; plus its
extractive summary and keyphrases.

Each fact kind is one module of rules over `WordIndex` (words with lemmas) and the article's entities; the cue words
live in `habar.facts.lexicon`. `extract` runs them all, `annotate` adds the summary and keyphrases, `step` is the
pipeline step, and `facts_view` / `search_fields` give the flat views for JSON output, the store and search.
"""

from __future__ import annotations

from habar.document import Article, Fact
from habar.facts.events import find_events
from habar.facts.investments import find_investments
from habar.facts.keyphrases import Corpus, keyphrases
from habar.facts.quotes import find_quotes
from habar.facts.statistics import find_statistics
from habar.facts.summary import summarise
from habar.facts.view import facts_view, search_fields
from habar.facts.words import WordIndex
from habar.pipeline import step as make_step

__all__ = ["Corpus", "annotate", "extract", "facts_view", "keyphrases", "search_fields", "step"]


def extract(article: Article, index: WordIndex | None = None) -> list[Fact]:
    """Every fact of the article, ordered by position."""
    index = index or WordIndex(article)
    quotes = find_quotes(index)
    facts = quotes + find_events(index) + find_investments(index, quotes) + find_statistics(index, quotes)
    return sorted(facts, key=lambda f: (f.start, f.end, f.kind))


def annotate(article: Article, corpus: Corpus | None = None) -> Article:
    """Fill `article.facts` and the `summary` and `keyphrases` metadata."""
    index = WordIndex(article)
    article.facts = extract(article, index)
    phrases = keyphrases(article, corpus, index=index)
    article.meta["keyphrases"] = phrases
    article.meta["summary"] = summarise(article, article.facts, phrases, index=index)
    return article


@make_step("facts", requires=("tokens", "entities"), provides=("facts", "summary", "keyphrases"))
def step(article: Article) -> Article:
    return annotate(article)
