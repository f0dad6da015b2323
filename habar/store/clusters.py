"""Near-duplicate clusters over the whole store: copies of one story across sources.

Each article's MinHash signature is computed in the worker that analysed it (habar.store.records) and kept in
the `signatures` table. After an ingest that wrote something, the clusters are recomputed from all signatures:
LSH candidates, each pair confirmed by its estimated Jaccard similarity, union-find, and the canonical member
is the earliest, then the most complete copy (habar.clean.dedup's rules, applied to stored rows).
"""

from __future__ import annotations

import numpy as np
from datasketch import MinHashLSH

from habar.clean.dedup import CANDIDATE_THRESHOLD, NUM_PERM, THRESHOLD
from habar.store.compact import sig_values
from habar.store.store import Store

METHOD = "minhash"


def compute(rows: list[tuple[str, str, int, bytes]], threshold: float = THRESHOLD) -> dict[str, list[str]]:
    """rows: (id, published, length, signature) -> canonical id -> members (canonical first), 2+ members."""
    sigs = {aid: sig_values(sig) for aid, _, _, sig in rows}
    ids = list(sigs)
    table = np.array(list(sigs.values()), dtype=np.uint64).reshape(len(ids), NUM_PERM)
    parent = list(range(len(ids)))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    # datasketch's MinHashLSH banding (its bands for this threshold), its buckets kept here: an article's
    # candidates are the earlier ones that share a band of values with it, as MinHashLSH.query returns them, but
    # without a MinHash object and a byte-swapped key per band and article (20,000 articles: 10.4 s -> 1.3 s)
    bands = MinHashLSH(threshold=threshold - (THRESHOLD - CANDIDATE_THRESHOLD), num_perm=NUM_PERM).hashranges
    keys = [np.ascontiguousarray(table[:, a:b]).view(f"V{8 * (b - a)}").ravel().tolist() for a, b in bands]
    buckets: list[dict[bytes, list[int]]] = [{} for _ in bands]
    for i, sig in enumerate(table):
        candidates: set[int] = set()
        for band, key in zip(buckets, keys):
            members = band.setdefault(key[i], [])
            candidates.update(members)
            members.append(i)
        if candidates:
            others = np.fromiter(candidates, dtype=np.intp, count=len(candidates))
            # dedup.similarity of each pair, in one comparison
            for other in others[np.count_nonzero(table[others] == sig, axis=1) / NUM_PERM >= threshold].tolist():
                parent[find(other)] = find(i)
    info = {aid: (published or "9999", -length, aid) for aid, published, length, _ in rows}
    groups: dict[int, list[str]] = {}
    for i, aid in enumerate(ids):
        groups.setdefault(find(i), []).append(aid)
    out = {}
    for members in groups.values():
        if len(members) > 1:
            members.sort(key=info.__getitem__)
            out[members[0]] = members
    return out


def update_clusters(store: Store, threshold: float = THRESHOLD) -> int:
    """Recompute every near-duplicate cluster from the stored signatures; returns how many clusters there are."""
    rows = store.conn.execute("SELECT a.id, a.published, s.length, s.sig FROM signatures s "
                              "JOIN articles a ON a.rowid = s.article ORDER BY a.rowid").fetchall()
    clusters = compute([tuple(r) for r in rows], threshold)
    conn = store.conn
    conn.execute("BEGIN IMMEDIATE")
    try:
        conn.execute("DELETE FROM clusters WHERE method = ?", (METHOD,))
        conn.executemany("INSERT OR REPLACE INTO clusters(article, cluster, method) "
                         "SELECT rowid, ?, ? FROM articles WHERE id = ?",
                         [(canon, METHOD, m) for canon, members in clusters.items() for m in members])
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    return len(clusters)
