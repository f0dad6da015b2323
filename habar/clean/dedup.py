"""Exact duplicates and near-duplicate (syndication) clusters.

Exact: the same normalised URL, or the same normalised text; the later copy is not stored, and the drop is
counted with its reason. Near: MinHash over word shingles (lemmas when the tokens carry them, lower-cased words
otherwise), candidate pairs from LSH, each pair confirmed by its estimated Jaccard similarity, clusters by
union-find. The canonical member of a cluster is the earliest, then the most complete (longest) version.
"""

from __future__ import annotations

import hashlib
import re
import zlib
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Iterable
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import numpy as np
from datasketch import MinHash, MinHashLSH

from habar.document import Article

SHINGLE = 3  # words per shingle: copies with edited leads and footers keep most 3-word runs, other stories few
THRESHOLD = 0.5  # estimated Jaccard similarity at which two articles are copies of one story
NUM_PERM = 64
# LSH proposes candidates from a lower similarity than is accepted: at the threshold itself a band match is
# nearly a coin toss (64 permutations), and every candidate pair is confirmed by its estimated similarity.
CANDIDATE_THRESHOLD = THRESHOLD - 0.2
_WORD = re.compile(r"\w+")
_TRACKING = re.compile(r"^(?:utm_|fbclid$|gclid$|yclid$|ref$|from$)")


def normal_url(url: str) -> str:
    """Scheme, "www.", tracking parameters, fragment and trailing slash do not make a different page."""
    if not url:
        return ""
    p = urlsplit(url.strip())
    host = p.netloc.lower().removeprefix("www.")
    query = urlencode(sorted((k, v) for k, v in parse_qsl(p.query) if not _TRACKING.match(k)))
    return urlunsplit(("", host, p.path.rstrip("/") or "/", query, ""))


def text_key(words: list[str]) -> str:
    """The normalised text's hash: case, spacing and punctuation do not make a different text."""
    return hashlib.sha1(" ".join(words).encode()).hexdigest()


def words(article: Article) -> list[str]:
    lemmas = [t.lemma.lower() for t in article.tokens if t.kind == "word" and t.lemma]
    return lemmas if lemmas else _WORD.findall(article.text.lower())


def shingle_hashes(w: list[str], shingle: int = SHINGLE) -> np.ndarray:
    """32-bit hashes of the distinct `shingle`-word runs of `w`.

    Each word is hashed once (crc32: stable across runs, unlike hash(), and in C); a run's hash mixes its words'
    hashes with fixed odd multipliers, in numpy, so no shingle string is ever built.
    """
    if not w:
        return np.zeros(1, dtype=np.uint64)
    h = np.fromiter(map(zlib.crc32, map(str.encode, w)), dtype=np.uint64, count=len(w))  # no generator frames
    n = max(len(h) - shingle + 1, 1)
    mixed = np.zeros(n, dtype=np.uint64)
    for k in range(min(shingle, len(h))):
        mixed = mixed * np.uint64(0x9E3779B1) + h[k:k + n]
    return np.unique(mixed & np.uint64(0xFFFFFFFF))


def _identity(v):
    return v


class Signer:
    """MinHash signatures, all from one datasketch MinHash whose permutations are drawn once."""

    def __init__(self, num_perm: int = NUM_PERM, shingle: int = SHINGLE):
        self.shingle = shingle
        self.minhash = MinHash(num_perm=num_perm, seed=1, hashfunc=_identity)

    def __call__(self, w: list[str]) -> MinHash:
        """The MinHash of the words `w`; valid until the next call (it is the same object, cleared)."""
        self.minhash.clear()
        self.minhash.update_batch(shingle_hashes(w, self.shingle).tolist())
        return self.minhash


@lru_cache(maxsize=4)
def _signer(num_perm: int, shingle: int) -> Signer:
    """One Signer per setting: drawing the permutations costs more than signing an article."""
    return Signer(num_perm, shingle)


def signature(article: Article, num_perm: int = NUM_PERM, shingle: int = SHINGLE) -> np.ndarray:
    """The MinHash values of an article (lemma shingles when its tokens carry lemmas)."""
    return _signer(num_perm, shingle)(words(article)).hashvalues.copy()


def similarity(a: np.ndarray, b: np.ndarray) -> float:
    """Estimated Jaccard similarity of two signatures."""
    return float(np.count_nonzero(a == b)) / len(a)


@dataclass
class Deduper:
    """Feed articles one by one with `add`; read the clusters at the end with `clusters`."""

    threshold: float = THRESHOLD
    num_perm: int = NUM_PERM
    shingle: int = SHINGLE
    exact: list[dict] = field(default_factory=list)  # {"id", "duplicate_of", "reason"}
    _urls: dict[str, str] = field(default_factory=dict)
    _texts: dict[str, str] = field(default_factory=dict)
    _parent: dict[str, str] = field(default_factory=dict)
    _info: dict[str, tuple[str, int]] = field(default_factory=dict)  # id -> (published, length)
    _sigs: dict[str, np.ndarray] = field(default_factory=dict)

    def __post_init__(self):
        self._lsh = MinHashLSH(threshold=self.threshold - (THRESHOLD - CANDIDATE_THRESHOLD), num_perm=self.num_perm)
        self._signer = Signer(self.num_perm, self.shingle)

    def add(self, article: Article) -> str | None:
        """None if the article is new; otherwise the id of the stored article it exactly duplicates."""
        url = normal_url(article.url)
        plain = _WORD.findall(article.text.lower())
        tkey = text_key(plain)
        for key, table, reason in ((url, self._urls, "duplicate:url"), (tkey, self._texts, "duplicate:text")):
            if key and key in table:
                self.exact.append({"id": article.id, "duplicate_of": table[key], "reason": reason})
                return table[key]
        if url:
            self._urls[url] = article.id
        self._texts[tkey] = article.id
        lemmas = [t.lemma.lower() for t in article.tokens if t.kind == "word" and t.lemma]
        m = self._signer(lemmas or plain)
        sig = m.hashvalues.copy()
        self._parent[article.id] = article.id
        self._info[article.id] = (article.published or "9999", len(article.text))
        for other in self._lsh.query(m):
            if similarity(sig, self._sigs[other]) >= self.threshold:
                self._union(article.id, other)
        self._lsh.insert(article.id, m, check_duplication=False)
        self._sigs[article.id] = sig
        return None

    def _find(self, x: str) -> str:
        while self._parent[x] != x:
            self._parent[x] = self._parent[self._parent[x]]
            x = self._parent[x]
        return x

    def _union(self, a: str, b: str) -> None:
        ra, rb = self._find(a), self._find(b)
        if ra != rb:
            self._parent[rb] = ra

    def clusters(self) -> dict[str, list[str]]:
        """Canonical id -> member ids (canonical first), for clusters of two or more."""
        groups: dict[str, list[str]] = {}
        for x in self._parent:
            groups.setdefault(self._find(x), []).append(x)
        out = {}
        for members in groups.values():
            if len(members) > 1:
                members.sort(key=lambda i: (self._info[i][0], -self._info[i][1], i))
                out[members[0]] = members
        return out


def dedupe(articles: Iterable[Article], threshold: float = THRESHOLD) -> tuple[list[Article], Deduper]:
    """Drop exact duplicates (recorded in `deduper.exact`) and mark clusters in meta["cluster"]."""
    d = Deduper(threshold=threshold)
    kept = [a for a in articles if d.add(a) is None]
    member_of = {m: (canon, len(ms)) for canon, ms in d.clusters().items() for m in ms}
    for a in kept:
        if a.id in member_of:
            canon, size = member_of[a.id]
            a.meta["cluster"] = {"id": canon, "canonical": a.id == canon, "size": size}
    return kept, d
