"""The store's semantic vectors, kept in step with the store the way the search index is: by store rev.

The vector index (habar.semantic.VectorIndex, `vectors.npz` in the data directory) is rewritten atomically by its
own `save` (a temporary file, then a rename). Next to it `vectors.json` records the store rev the saved index holds
and its number of rows; it is written after the index, atomically too. On open:
- the marker matches the index (same rows): articles written after that rev are embedded, and an updated article
  loses its old rows first;
- the index is newer than the marker (killed between the two renames): the articles it holds are kept as they are,
  not embedded again, and only the missing ones are embedded. An article updated in that instant keeps its old
  vectors until `habar reindex --vectors`.
Deleted articles (the store's tombstones) always lose their rows.
Every article also gets a lead row (habar.semantic.lead_text through the full model); an index saved before lead
rows existed is rebuilt from the store on open.
"""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import numpy as np

from habar.document import Article
from habar.store import records

MARKER_NAME = "vectors.json"
READ_BATCH = 256  # store rows read and embedded at a time
SAVE_SECONDS = 60.0  # a save rewrites the whole file, so not after every batch on a large store


def marker_path(data_dir: str | Path) -> Path:
    return Path(data_dir) / MARKER_NAME


def light_article(article_id: str, title: str, text: str) -> Article:
    """What `habar.semantic.passages` reads of an article: id, title and text."""
    return Article(id=article_id, raw=text, text=text, title=title or "")


def _read_marker(data_dir: Path) -> dict:
    path = marker_path(data_dir)
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except ValueError:  # a damaged marker only costs a catch-up that keeps what the index holds
        return {}


def without(index, gone: set[str]):
    """A copy of `index` without the rows of the articles in `gone` (rows re-encoded from their int8 values,
    which gives back the same int8 values: each row's largest component maps to 127 again)."""
    from habar.semantic import VectorIndex

    out = VectorIndex(index.dim, index.dtype)
    if not len(index):
        return out
    vectors = index.vectors()
    leads = index.leads.vectors() if index.leads is not None else None
    owners = index.owners
    start, article = 0, 0
    for n in range(1, len(owners) + 1):  # an article's rows are contiguous: `add` appends them together
        if n == len(owners) or owners[n] != owners[start]:
            if owners[start] not in gone:
                out.add(owners[start], vectors[start:n], None if leads is None else leads[article])
            start, article = n, article + 1
    return out


class VectorSync:
    """Brings the vector index of a data directory up to date with its store; one writer at a time (the ingest's)."""

    def __init__(self, data_dir: str | Path, fresh: bool = False):
        from habar.semantic import DIM, VectorIndex, vectors_path

        self.dir = Path(data_dir)
        self.path = vectors_path(self.dir)
        marker = {} if fresh else _read_marker(self.dir)
        loaded = VectorIndex.load(self.path) if self.path.exists() and not fresh else None
        if loaded is not None and (loaded.leads is not None or not len(loaded)):  # else: no lead rows, rebuild
            self.index = loaded
            trusted = marker.get("rows") == len(self.index)
            self.rev = int(marker.get("rev", 0)) if trusted else 0
            self.replace_present = trusted
        else:
            self.index = VectorIndex(DIM)
            self.rev, self.replace_present = 0, True
        self.present = set(self.index.owners)
        self.last_save = time.monotonic()
        self.dirty = False

    def sync(self, store, save_seconds: float = SAVE_SECONDS) -> int:
        """Embed every article written since the last sync; returns how many were embedded."""
        from habar.semantic import embed_documents, embed_leads, lead_text, passages

        gone = {i for _, i in store.deleted_since(self.rev)}
        done = 0
        rev = self.rev
        while True:
            rows = store.conn.execute(
                "SELECT id, rev, title, raw, changes FROM articles WHERE rev > ? ORDER BY rev LIMIT ?",
                (rev, READ_BATCH)).fetchall()
            if not rows:
                break
            rev = rows[-1][1]
            todo = []
            for article_id, _, title, raw, changes in rows:
                if article_id in self.present:
                    if not self.replace_present:
                        continue  # embedded by the run that was killed before its marker: kept as it is
                    gone.add(article_id)
                todo.append(light_article(article_id, title, records.article_text(raw, changes)))
            if gone & self.present:
                self.index = without(self.index, gone)
                self.present -= gone
            gone = set()
            texts = [passages(a) for a in todo]
            flat = [t for ts in texts for t in ts]
            vectors = embed_documents(flat) if flat else np.zeros((0, self.index.dim), dtype=np.float32)
            heads = [lead_text(a) for a, ts in zip(todo, texts) if ts]
            leads = embed_leads(heads) if heads else np.zeros((0, self.index.dim), dtype=np.float32)
            at = n = 0
            for article, ts in zip(todo, texts):
                if ts:
                    self.index.add(article.id, vectors[at : at + len(ts)], leads[n])
                    n += 1
                    self.present.add(article.id)
                    at += len(ts)
            done += len(todo)
            self.rev, self.dirty = rev, True
            if time.monotonic() - self.last_save > save_seconds:
                self.save()
        if gone & self.present:  # deletions with nothing written after them
            self.index = without(self.index, gone)
            self.present -= gone
            self.dirty = True
        if store.rev() > self.rev:
            self.rev, self.dirty = store.rev(), True
        self.replace_present = True  # from here on, whatever is present was embedded by this process
        return done

    def save(self) -> None:
        """The index, then the marker naming the rev and rows it holds; both by atomic rename."""
        self.index.save(self.path)
        marker = marker_path(self.dir)
        tmp = marker.with_name(marker.name + ".tmp")
        tmp.write_text(json.dumps({"rev": self.rev, "rows": len(self.index)}), encoding="utf-8")
        os.replace(tmp, marker)
        self.last_save = time.monotonic()
        self.dirty = False
