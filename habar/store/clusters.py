"""Near-duplicate clusters over the whole store: copies of one story across sources.

Each article's MinHash signature is computed in the worker that analysed it (habar.store.records) and kept in
the `signatures` table. After an ingest that wrote something, the clusters are recomputed from all signatures:
LSH candidates, each pair confirmed by its estimated Jaccard similarity, union-find, and the canonical member
is the earliest, then the most complete copy (habar.clean.dedup's rules, applied to stored rows).
"""

from __future__ import annotations

from datasketch import MinHash, MinHashLSH

from habar.clean.dedup import CANDIDATE_THRESHOLD, NUM_PERM, THRESHOLD, similarity
from habar.store.compact import sig_values
from habar.store.store import Store

METHOD = "minhash"


def compute(rows: list[tuple[str, str, int, bytes]], threshold: float = THRESHOLD) -> dict[str, list[str]]:
    """rows: (id, published, length, signature) -> canonical id -> members (canonical first), 2+ members."""
    lsh = MinHashLSH(threshold=threshold - (THRESHOLD - CANDIDATE_THRESHOLD), num_perm=NUM_PERM)
    sigs = {aid: sig_values(sig) for aid, _, _, sig in rows}
    parent = {aid: aid for aid in sigs}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for aid, sig in sigs.items():
        m = MinHash(num_perm=NUM_PERM, hashvalues=sig, scheme="affine32")  # the scheme Signer uses
        for other in lsh.query(m):
            if similarity(sig, sigs[other]) >= threshold:
                parent[find(other)] = find(aid)
        lsh.insert(aid, m, check_duplication=False)
    info = {aid: (published or "9999", -length, aid) for aid, published, length, _ in rows}
    groups: dict[str, list[str]] = {}
    for aid in sigs:
        groups.setdefault(find(aid), []).append(aid)
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
