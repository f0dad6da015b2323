"""Cut the articles that still need analysis into partitions whose names depend only on their members.

A partition ends after an article whose key hashes to 0 modulo the target size (content-defined chunking, as
rsync and backup tools cut files). So when a run stops half way, the re-run drops the articles already stored
(precheck) and the partitions left are cut exactly as before: the same members, the same name, and a shard
already made under that name is loaded instead of analysed again. With fixed-size chunks, removing the stored
articles would shift every boundary after them and rename every shard.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Iterable, Iterator

from habar.document import Article
from habar.store.records import content_key, sha1

SIZE = 100  # mean articles per partition: tens of seconds of analysis, against milliseconds of Dask overhead
MAX_FACTOR = 4  # a run of unlucky hashes still ends at MAX_FACTOR * size articles


@dataclass
class Partition:
    name: str
    articles: list[Article] = field(default_factory=list)


def article_key(article: Article) -> str:
    """The article's id and everything a reader supplied: a changed article is a new member."""
    return sha1(json.dumps([article.id, content_key(article)]))


def partitions(articles: Iterable[Article], analysis: str, size: int = SIZE) -> Iterator[Partition]:
    """Partitions named by a hash of the analysis (the step names) and of their members' keys."""
    members: list[Article] = []
    keys: list[str] = []
    for article in articles:
        key = article_key(article)
        members.append(article)
        keys.append(key)
        if int(key, 16) % size == 0 or len(members) >= MAX_FACTOR * size:
            yield Partition(sha1("\n".join([analysis, *keys])), members)
            members, keys = [], []
    if members:
        yield Partition(sha1("\n".join([analysis, *keys])), members)
