"""An OpenSearch / Elasticsearch `_bulk` file (an action line, then the document, per article) and, beside it,
the index's settings and mapping (opensearch_mapping.json, documented in docs/export.md).

Neither engine has a Kazakh analyzer, so the `lemmas` field carries habar's analysis: one index term per word
(the case-folded lemma, as habar's own index holds it, see habar.search.analysis.index_term), joined by spaces
and split again by a whitespace analyzer. A query on lemmas then finds every inflected form, and a phrase query
works through token positions. The mapping is strict: a document field it does not declare is refused on load.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from datetime import date, datetime
from importlib import resources
from pathlib import Path
from typing import Iterable

from habar.document import Article
from habar.export import tally
from habar.export.sink import ExportError, open_text
from habar.search.analysis import index_term

MAPPING_FILE = "opensearch_mapping.json"
MAX_ID_BYTES = 512


def mapping() -> dict:
    """The index settings and mapping, as `PUT /INDEX` takes them."""
    return json.loads(resources.files("habar.export").joinpath(MAPPING_FILE).read_text(encoding="utf-8"))


def mapping_path(bulk: Path) -> Path:
    """habar.bulk.ndjson -> habar.mapping.json, beside it."""
    name = bulk.name
    for suffix in (".bulk.ndjson", ".ndjson", ".json"):
        if name.endswith(suffix) and len(name) > len(suffix):
            return bulk.with_name(name[: -len(suffix)] + ".mapping.json")
    return bulk.with_name(name + ".mapping.json")


def published(value: str) -> str | None:
    """`published` in the mapping's strict_date_optional_time format ("T" between date and time); None when
    unknown or not ISO 8601, since one unparseable date would make the engine refuse the whole document."""
    if not value:
        return None
    try:
        return date.fromisoformat(value).isoformat() if len(value) == 10 else datetime.fromisoformat(value).isoformat()
    except ValueError:
        return None


def lemmas(article: Article) -> str:
    """One index term per word, in text order, joined by spaces (punctuation has none)."""
    return " ".join(term for term in map(index_term, article.tokens) if term)


def document(article: Article) -> dict:
    meta = article.meta
    doc = {
        "id": article.id, "title": article.title, "text": article.text, "lemmas": lemmas(article),
        "lang": article.lang, "source": article.source, "url": article.url,
        "entities": [{"label": e.label, "norm": e.norm or e.text, "text": e.text, "start": e.start, "end": e.end,
                      "group": e.group, "value": e.value} for e in article.entities],
        "facts": [{"kind": f.kind, "start": f.start, "end": f.end, "text": article.text[f.start:f.end],
                   "args": f.args} for f in article.facts],
    }
    if (day := published(article.published)) is not None:
        doc["published"] = day
    if isinstance(meta.get("author"), str) and meta["author"]:
        doc["author"] = meta["author"]
    topic = meta.get("topic")
    if isinstance(topic, dict) and isinstance(topic.get("label"), str):
        doc["topic"] = topic["label"]
    phrases = [k["key"] for k in meta.get("keyphrases") or () if isinstance(k, dict) and isinstance(k.get("key"), str)]
    if phrases:
        doc["keyphrases"] = phrases
    return doc


def doc_id(article_id: str) -> str:
    """The `_id`: the article id, or its hash when longer than the engines' limit of 512 bytes (the `id` field
    keeps the whole id)."""
    if len(article_id.encode("utf-8", "surrogatepass")) <= MAX_ID_BYTES:
        return article_id
    return "sha1-" + hashlib.sha1(article_id.encode("utf-8", "surrogatepass")).hexdigest()


def action(article: Article, index: str) -> dict:
    return {"index": {"_index": index, "_id": doc_id(article.id)}}


def write_bulk(articles: Iterable[Article], out: Path | None, index: str = "habar") -> Counter:
    if out is None:
        raise ExportError("the bulk file goes beside its mapping, so it cannot go to stdout; give a file with --out")
    counts: Counter = Counter()
    spec = mapping_path(out)
    with open_text(spec) as fh:
        fh.write(json.dumps(mapping(), ensure_ascii=False, indent=2) + "\n")
    dumps = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
    with open_text(out, errors="backslashreplace") as fh:  # a lone surrogate stays the "\udXXX" escape it was
        for article in articles:
            doc = document(article)
            fh.write(dumps(action(article, index)) + "\n" + dumps(doc) + "\n")
            tally(counts, article)
            if article.published and "published" not in doc:
                counts["dates left out (not ISO 8601)"] += 1
    return counts
