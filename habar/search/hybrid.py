"""Search modes: lexical (BM25 over lemmas), semantic (vectors, any query language) and hybrid (both, fused).

Hybrid fuses the two rankings by reciprocal rank fusion: an article scores sum(1 / (RRF_K + rank)) over the sides
that found it. Ranks, not scores, are fused because BM25 and cosine live on unrelated scales. The query language
(habar.search.querylang) picks the sides: a Kazakh query, or a short one that is likely a name, uses both; a Korean
query, or a Russian or English sentence, has nothing to match in an index of Kazakh lemmas and goes through the
semantic side only. For such a query the snippet is the Kazakh sentence closest to it, and the hit carries the
article's main entities and keyphrases, so that a reader who cannot read Kazakh sees what the article is about.
"""

from __future__ import annotations

import re
from collections import Counter
from html import escape

import numpy as np

from habar.search.querylang import detect, filters, lexical_applies, words
from habar.search.snippets import headline
from habar.search.vectors import light_article

MODES = ("lexical", "semantic", "hybrid")
RRF_K = 60  # the constant of Cormack et al. (2009); it keeps one side's first place from drowning the other
LEXICAL_DEPTH = 100  # hits taken from each side before fusion
SEMANTIC_DEPTH = 100
RERANK_WORDS = 40  # of a candidate passage, the sentences closest to the query up to this many words are re-scored
# a foreign query's hit that names the places the query names (habar.semantic.names) gains up to this much: about
# the gap between the first two hits when both are about the same subject (lead + passage scores run 1.5-1.8)
NAME_BONUS = 0.02
NAME_TOP = 20  # hits checked for the query's place names
HIT_ENTITIES = 5  # entity norms shown with a cross-lingual hit
HIT_KEYPHRASES = 5
_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+")


def _focus(passage: str, query_vector: np.ndarray) -> str:
    """The sentences of a passage closest to the query (static vectors), in text order, up to RERANK_WORDS words.

    The full model costs about as much per word of candidate as the whole query path; re-scoring the part of each
    candidate that matches keeps a query under a second on two busy cores, where whole passages took 4-5 s.
    """
    from habar.semantic import embed_documents

    sentences = [s for s in _SENTENCE_END.split(passage) if s.strip()]
    if len(passage.split()) <= RERANK_WORDS or len(sentences) < 2:
        return " ".join(passage.split()[:RERANK_WORDS * 2])
    scores = embed_documents(sentences) @ query_vector
    keep, n = [], 0
    for i in np.argsort(-scores, kind="stable"):
        keep.append(int(i))
        n += len(sentences[i].split())
        if n >= RERANK_WORDS:
            break
    return " ".join(sentences[i] for i in sorted(keep))


def named(hits: list[tuple[str, float]], store, names: set[str]) -> list[tuple[str, float]]:
    """`hits` with NAME_BONUS times the share of the query's place `names` each of the first NAME_TOP holds."""
    if not names or not hits:
        return hits
    from habar.semantic.names import mentions

    rows = store.hit_rows([owner for owner, _ in hits[:NAME_TOP]])
    head = []
    for owner, score in hits[:NAME_TOP]:
        row = rows.get(owner)
        found = mentions(f"{row[0]}\n{row[4]}", names) if row is not None else 0
        head.append((owner, score + NAME_BONUS * found / len(names)))
    return sorted(head, key=lambda hit: -hit[1]) + hits[NAME_TOP:]


def semantic_hits(index, store, query_vector: np.ndarray, depth: int, rescore: bool = True,
                  names: set[str] | None = None) -> list[tuple[str, float]]:
    """(article id, score) best first.

    An index with lead rows scores every article by its teacher lead vector plus its best static passage
    (habar.semantic.combined); when `rescore`, the full model also reads the best passage of the first few hits
    whose best passage lies past the lead (habar.semantic.DEEP_TOP). Hits that hold the place `names` of the
    query gain a little (`named`). An index saved without lead rows: static vectors find candidates and the full
    model re-scores the first habar.semantic.RERANK_TOP when `rescore` (teacher + static cosine, on the sentences
    of each passage closest to the query: `_focus`); that costs seconds per query on a busy core.
    """
    from habar.semantic import RERANK_TOP, combined, passages, rerank

    def focus(owner: str, slot: int) -> str:
        row = store.hit_rows([owner]).get(owner)
        parts = passages(light_article(owner, row[0], row[4])) if row is not None else []
        return _focus(parts[slot] if slot < len(parts) else parts[0], query_vector) if parts else ""

    ranked = combined(index, query_vector, depth, focus if rescore else None)
    if ranked is not None:
        return named([(owner, score) for owner, score, _ in ranked], store, names)
    hits = index.search(query_vector, max(depth, RERANK_TOP))
    head = hits[:RERANK_TOP] if rescore else []
    rows = store.hit_rows([owner for owner, _, _ in head])
    texts, kept = [], []
    for owner, score, slot in head:
        row = rows.get(owner)
        if row is None:  # deleted since the vectors were saved
            continue
        parts = passages(light_article(owner, row[0], row[4]))
        texts.append(_focus(parts[slot] if slot < len(parts) else parts[0], query_vector) if parts else "")
        kept.append((owner, score))
    tail = [(owner, score) for owner, score, _ in hits[len(head):]]
    if not kept:
        return tail[:depth]
    scores = rerank(query_vector, texts) + np.array([s for _, s in kept], dtype=np.float32)
    order = np.argsort(-scores, kind="stable")
    return ([(kept[n][0], float(scores[n])) for n in order] + tail)[:depth]


def allowed(searcher, text: str, ids: list[str]) -> set[str]:
    """The ids among `ids` that the query's filters and exclusions let through (all of them when it has none)."""
    rules = filters(text)
    if not rules or not ids:
        return set(ids)
    import tantivy

    from habar.search import query as query_lang
    from habar.search.index import SCHEMA

    ts = searcher.index.tantivy.searcher()
    q, _ = query_lang.build(rules, ts, searcher.analyzer)
    q = tantivy.Query.boolean_query([(tantivy.Occur.Must, q),
                                     (tantivy.Occur.Must, tantivy.Query.term_set_query(SCHEMA, "id", ids))])
    return {ts.doc(addr)["id"][0] for _, addr in ts.search(q, limit=len(ids)).hits}


def fuse(rankings: list[list[str]], weights: list[float] | None = None) -> list[tuple[str, float]]:
    """Reciprocal rank fusion of ranked id lists; (id, fused score) best first, ties in first-seen order."""
    weights = weights or [1.0] * len(rankings)
    score: dict[str, float] = {}
    for ranking, w in zip(rankings, weights):
        for rank, article_id in enumerate(ranking, 1):
            score[article_id] = score.get(article_id, 0.0) + w / (RRF_K + rank)
    return sorted(score.items(), key=lambda kv: -kv[1])


def _about(store, article_id: str) -> tuple[list[str], list[str]]:
    """The article's most mentioned named entities (norms) and its keyphrases."""
    from habar.store.facets import VALUE_TYPES

    rows = store.conn.execute(
        "SELECT e.label, e.norm FROM entities e JOIN articles a ON a.rowid = e.article WHERE a.id = ? "
        "ORDER BY e.mentions DESC", (article_id,)).fetchall()
    names = list(dict.fromkeys(norm for label, norm in rows if label not in VALUE_TYPES))[:HIT_ENTITIES]
    meta = store.article_meta(article_id)  # either backend, any stored format (the embedded store's needs the raw)
    phrases = meta.get("keyphrases", []) if meta else []
    texts = [p["text"] if isinstance(p, dict) else str(p) for p in phrases][:HIT_KEYPHRASES]
    return names, texts


def _facets(store, ids: list[str]) -> dict:
    """Facets over the fused candidates (a semantic ranking has no "all matching documents" to count)."""
    from habar.search.search import FACET_FIELDS, shape_facets

    rows = store.hit_rows(ids)
    raw = {}
    for name, pick in (("source", 1), ("lang", 3), ("month", 2)):
        values = Counter((r[pick][:7] if name == "month" else r[pick]) for r in rows.values() if r[pick])
        raw[name] = {"buckets": [{"key": k, "doc_count": n} for k, n in values.most_common(FACET_FIELDS[name])]}
    ents = store.conn.execute(
        "SELECT a.id, e.label, e.norm FROM entities e JOIN articles a ON a.rowid = e.article "
        f"WHERE a.id IN ({','.join('?' * len(ids))})", ids).fetchall() if ids else []
    per: dict[str, list[str]] = {}
    for article_id, label, norm in ents:
        per.setdefault(article_id, []).append(f"{label}:{' '.join(norm.split())}")
    return shape_facets(raw, list(per.values()))


def run(searcher, text: str, mode: str | None = None, limit: int = 10, offset: int = 0, sort: str = "score",
        facets: bool = True, prefer: str | None = None) -> dict:
    """One query in `mode` (None: hybrid when the store has vectors, else lexical); the result of
    Searcher.search plus "mode" (the one used) and "query_lang" (habar.search.querylang.detect; `prefer`, the
    reader's interface language, settles a Cyrillic query that both Russian and Kazakh write alike)."""
    if mode is None:
        mode = "hybrid" if searcher.has_vectors() else "lexical"
    if mode not in MODES:
        raise ValueError(f"search mode '{mode}' is not known; use one of {', '.join(MODES)}")
    lang = detect(text, prefer)
    if mode == "lexical" or not words(text) or sort == "date":  # filters alone, or date order: nothing to embed
        out = searcher.search(text, limit=limit, offset=offset, sort=sort, facets=facets)
        return {**out, "mode": "lexical", "query_lang": lang}
    index = searcher.vector_index()
    from habar.semantic import best_sentence, embed_queries

    qv = embed_queries([words(text)])[0]
    use_lexical = mode == "hybrid" and lexical_applies(text, lang)
    # without lead rows, the full model's re-scoring of candidates is what makes a cross-lingual ranking precise,
    # and costs ~100 ms per candidate on a busy core; a Kazakh query fused with BM25 over lemmas does without it
    from habar.semantic.names import query_names

    sem = semantic_hits(index, searcher.store, qv, max(SEMANTIC_DEPTH, offset + limit),
                        rescore=not (use_lexical and lang == "kk"), names=query_names(text, lang))
    # filters restrict the candidates the vectors found (a rare filter may leave few of them)
    ok = allowed(searcher, text, [i for i, _ in sem])
    sem = [(i, score) for i, score in sem if i in ok]
    lexical = None
    if use_lexical:
        lexical = searcher.search(text, limit=max(LEXICAL_DEPTH, offset + limit), facets=facets)
        ranked = fuse([[h["id"] for h in lexical["hits"]], [i for i, _ in sem]])
    else:
        ranked = sem
    page = ranked[offset:offset + limit]
    rows = searcher.store.hit_rows([i for i, _ in page])
    lex_hits = {h["id"]: h for h in lexical["hits"]} if lexical else {}
    hits = []
    for article_id, score in page:
        row = rows.get(article_id)
        if row is None:
            continue
        title, source, published, lang_, body = row[:5]
        hit = {"id": article_id, "title": title, "headline": headline(title, body), "source": source,
               "published": published, "lang": lang_, "score": round(float(score), 4)}
        if lang == "kk" and article_id in lex_hits:
            hit["snippet"] = lex_hits[article_id]["snippet"]
        else:
            article = searcher.store.get(article_id)
            start, end, _ = best_sentence(article, qv)
            hit["snippet"] = escape(" ".join(article.text[start:end].split()), quote=False)
            hit["entities"], hit["keyphrases"] = _about(searcher.store, article_id)
        hits.append(hit)
    total = len({i for i, _ in ranked}) if lexical is None else max(lexical["total"], len(ranked))
    out = {"query": text, "total": total, "offset": offset, "hits": hits, "mode": mode, "query_lang": lang}
    if facets:
        out["facets"] = lexical["facets"] if lexical and lang == "kk" else _facets(searcher.store,
                                                                                   [i for i, _ in ranked[:50]])
    return out
