"""Steps over a stream of articles.

A step is a small function `Article -> Article` wrapped by `step(...)`, declaring what it requires and provides
(stanza's pattern). `Pipeline` checks the declarations once, when it is built, and runs every article through
the steps. One article's failure is counted with its reason and the batch goes on (datatrove's pattern).
"""

from __future__ import annotations

import logging
from collections import Counter
from dataclasses import dataclass, field
from typing import Callable, Iterable, Iterator

from habar.document import Article

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Step:
    name: str
    fn: Callable[[Article], Article]
    requires: tuple[str, ...] = ()
    provides: tuple[str, ...] = ()

    def __call__(self, article: Article) -> Article:
        return self.fn(article)


def step(name: str, requires: tuple[str, ...] = (), provides: tuple[str, ...] = ()):
    """Decorator that turns `fn(article) -> article` into a `Step`."""
    def wrap(fn: Callable[[Article], Article]) -> Step:
        return Step(name, fn, tuple(requires), tuple(provides))
    return wrap


class PipelineError(ValueError):
    pass


@dataclass
class Pipeline:
    steps: list[Step]
    stats: Counter = field(default_factory=Counter)

    def __post_init__(self):
        have: set[str] = {"raw"}
        for s in self.steps:
            missing = [r for r in s.requires if r not in have]
            if missing:
                raise PipelineError(
                    f"step '{s.name}' requires {missing}, but the steps before it provide only {sorted(have)}; "
                    f"put a step that provides {missing} before '{s.name}'"
                )
            have.update(s.provides)

    def run_one(self, article: Article) -> Article | None:
        """One article through every step; None (and a counted reason) if a step fails."""
        for s in self.steps:
            try:
                article = s(article)
            except Exception as exc:  # one bad document must not stop the batch
                reason = f"{s.name}: {type(exc).__name__}"
                self.stats[f"failed[{reason}]"] += 1
                if self.stats[f"failed[{reason}]"] == 1:
                    log.warning("article %s failed in step %s: %s", article.id, s.name, exc)
                return None
        self.stats["ok"] += 1
        return article

    def run(self, articles: Iterable[Article]) -> Iterator[Article]:
        for article in articles:
            done = self.run_one(article)
            if done is not None:
                yield done
