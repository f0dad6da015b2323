"""Composed articles for the scale benchmark: each distinct sentence analysed once, articles assembled from them.

Full analysis of a million articles does not fit one session on two cores (about 30 ms of CPU an article: a
day). The benchmark's articles are shuffles of some 12,000 distinct sentences, so each sentence is analysed once
by the real pipeline (the default steps, as `habar ingest` runs them, on the sentence as a one-sentence
article), and an article of 10-40 sentences is composed from those analyses:
- raw and text are the sentences joined by newlines; changes, sentences, tokens, entities, facts (and the
  offsets inside fact arguments) and the lemma alternatives are shifted to the sentence's place; entity groups
  (coreference ids) are renumbered per sentence, so mentions in different sentences are never merged;
- per article, recomputed: the title (first 8 words, analysed as titles are), the quality verdict, the
  keyphrases (merged over the sentences), a lead summary (the first three sentences) and the topic (the most
  frequent topic of its sentences). What an article-level analysis would see across sentences (a name resolved
  from an earlier mention, a quote spanning two sentences) is not there.
Then the articles go through the real write path: records (habar.store.records.to_record), the single Writer
(SQLite batches, tantivy), as `habar ingest` writes them. Ingest throughput with full analysis is measured apart,
on articles analysed whole (bench.search_scale --real).
"""

from __future__ import annotations

import multiprocessing
import pickle
import random
import time
from collections import Counter
from dataclasses import replace
from itertools import islice
from typing import Iterator

from habar.document import Article, Change, Fact, Sentence, Token
from habar.text import offsets

_SPAN_KEYS = ("quote", "mention")  # fact arguments that hold [start, end] besides keys ending in _span

_analysed: list[Article] = []  # in each compose worker: the analysed sentences, inherited through fork
_alts: list[dict[str, list[str]]] = []
_signature = ""


def analyse_sentences(sentences: list[str], steps: list[str], workers: int) -> tuple[list[Article], list[dict], str]:
    """Each sentence through the pipeline once; with its lemma alternatives (as the ingest's workers give them)."""
    from habar.options import Options
    from habar.store import ingest

    ingest._init(Options(workers=1, progress=False), steps)
    sig = ingest.signature(ingest._pipeline)
    items = [Article(id=f"s{i}", raw=s, lang="kk") for i, s in enumerate(sentences)]
    ctx = multiprocessing.get_context("fork")
    with ctx.Pool(workers, ingest._init, (Options(workers=1, progress=False), steps)) as pool:
        done = pool.map(_analyse_one, items, chunksize=32)
    return [a for a, _ in done], [alts for _, alts in done], sig


def _current_signature(steps: list[str]) -> str:
    from habar.options import Options
    from habar.store import ingest

    return ingest.signature(ingest.build_pipeline(Options(workers=1, progress=False), steps))


def _analyse_one(article: Article) -> tuple[Article, dict]:
    from habar.store import ingest

    out = ingest._pipeline.run_one(article) or Article(id=article.id, raw=article.raw, text=article.raw, lang="kk")
    return out, ingest._analyzer.alternatives(out.tokens)


def _shift_args(value, base: int, key: str = ""):
    if isinstance(value, dict):
        return {k: _shift_args(v, base, k) for k, v in value.items()}
    if isinstance(value, list):
        if (key.endswith("_span") or key in _SPAN_KEYS) and len(value) == 2 and all(isinstance(v, int) for v in value):
            return [value[0] + base, value[1] + base]
        return [_shift_args(v, base) for v in value]
    if key in ("start", "end") and isinstance(value, int) and not isinstance(value, bool):
        return value + base
    return value


def compose(i: int, picks: list[int], source: str, published: str) -> tuple[Article, dict[str, list[str]]]:
    """Article `gen-i` from the analysed sentences `picks`, with its lemma alternatives by token index."""
    raw_parts, text_parts = [], []
    art = Article(id=f"gen-{i}", raw="", source=source, url=f"https://example.kz/gen/{i}", published=published,
                  lang="kk")
    alts: dict[str, list[str]] = {}
    rbase = tbase = group_base = 0
    keyphrases: dict[str, dict] = {}
    topics: Counter = Counter()
    cleaning = []
    for n, k in enumerate(picks):
        s = _analysed[k]
        if n:
            rbase += 1
            tbase += 1
        art.changes += [Change(c.raw_start + rbase, c.raw_end + rbase, c.new, c.reason) for c in s.changes]
        art.sentences += [Sentence(x.start + tbase, x.end + tbase) for x in s.sentences]
        for j, other in _alts[k].items():
            alts[str(int(j) + len(art.tokens))] = other
        # the constructor, not dataclasses.replace: a third of compose's time at 300 tokens an article
        art.tokens += [Token(t.text, t.start + tbase, t.end + tbase, t.kind, t.lemma, t.upos, t.feats)
                       for t in s.tokens]
        art.entities += [replace(e, start=e.start + tbase, end=e.end + tbase,
                                 group=e.group + group_base if e.group >= 0 else -1) for e in s.entities]
        group_base += 1 + max((e.group for e in s.entities), default=0)
        art.facts += [Fact(f.kind, f.start + tbase, f.end + tbase, _shift_args(f.args, tbase)) for f in s.facts]
        for p in s.meta.get("keyphrases", []):
            have = keyphrases.setdefault(p["key"], dict(p, count=0, score=0.0))
            have["count"] += p.get("count", 1)
            have["score"] = max(have["score"], p.get("score", 0.0))
        if "topic" in s.meta:
            topics[s.meta["topic"]["label"]] += 1
        cleaning += s.meta.get("cleaning", [])
        raw_parts.append(s.raw)
        text_parts.append(s.text)
        rbase += len(s.raw)
        tbase += len(s.text)
    art.raw, art.text = "\n".join(raw_parts), "\n".join(text_parts)
    art.title = " ".join(art.text.split()[:8])
    lead = art.sentences[:3]
    art.meta = {
        "langs": [{"start": 0, "end": len(art.text), "lang": "kk"}],
        "keyphrases": sorted(keyphrases.values(), key=lambda p: (-p["score"], -p["count"]))[:10],
        "summary": {"sentences": [[x.start, x.end] for x in lead],
                    "text": " ".join(art.text[x.start:x.end] for x in lead)},
    }
    if cleaning:
        art.meta["cleaning"] = cleaning
    if topics:
        label, count = topics.most_common(1)[0]
        art.meta["topic"] = {"label": label, "score": round(count / len(picks), 4), "source": "composed"}
    from habar.clean.quality import verdict

    art.meta["quality"] = verdict(art)
    return art, alts


def plan(n: int, count: int, seed: int = 7, start: int = 0) -> Iterator[tuple[int, list[int], str, str]]:
    """The same draws as bench.search_scale.articles: sentence indexes, source and date per article."""
    rng = random.Random(seed)
    sources = [f"source{i:02d}.kz" for i in range(20)]
    for i in range(n):
        picks = rng.sample(range(count), rng.randint(10, 40))
        day = rng.randrange(365 * 10)
        source = rng.choice(sources)
        if i >= start:
            yield i, picks, source, time.strftime("%Y-%m-%d", time.gmtime(1420070400 + day * 86400))


def _record(item):
    from habar.store import ingest
    from habar.store.records import content_key, to_record

    article, alts = compose(*item)
    key = content_key(article)
    title_terms = [t for t, _, _, _ in ingest._analyzer.analyse_text(article.title)]
    return to_record(article, _signature, alts, title_terms, key)


def _bounded(pool, todo: Iterator, window: int = 2048) -> Iterator:
    """pool.imap's results in order, with at most two windows in flight: imap alone composes the whole plan as
    fast as the workers can while the writer falls behind, and the backlog (gigabytes at a million articles)
    would count in the peak memory measured."""
    ahead = None
    while True:
        part = list(islice(todo, window))
        current = pool.imap(_record, part, chunksize=16) if part else None
        if ahead is not None:
            yield from ahead
        if current is None:
            return
        ahead = current


def build(db, sentences: list[str], n: int, steps: list[str], workers: int, progress=None,
          stop_after: float | None = None, also: tuple[str, ...] = ()) -> dict:
    """Analyse the sentences, compose `n` articles and write them through the ingest Writer; returns timings and
    `stored`, the articles in the store: fewer than `n` when writing stopped after `stop_after` seconds.
    `also`: more stores (a postgresql:// URL) that get the same records in the same pass, each resuming where
    it stopped, so that backends are compared on identical articles."""
    global _analysed, _alts, _signature
    from habar.store.backend import open_store, open_writer

    t0 = time.perf_counter()
    # kept beside the store, not in it (its size is measured): a resumed run (same --db) does not analyse again
    cache = db.parent / f"{db.name}.sentences.pickle"
    if cache.exists():
        _analysed, _alts, _signature = pickle.loads(cache.read_bytes())
    if not cache.exists() or _signature != _current_signature(steps):  # analysed by another habar: again
        cache.unlink(missing_ok=True)
        _analysed, _alts, _signature = analyse_sentences(sentences, steps, workers)
        cache.write_bytes(pickle.dumps((_analysed, _alts, _signature)))
    for s in _analysed:
        if offsets.apply(s.raw, s.changes) != s.text:  # as habar.store.records.to_record repairs it
            s.changes = [Change(0, len(s.raw), s.text, "replaced")]
    analysed_s = time.perf_counter() - t0
    targets = (db, *also)
    haves = []
    for target in targets:
        with open_store(target) as store:
            haves.append(store.count())
    have = haves[0]
    t1 = time.perf_counter()
    writers = [open_writer(target) for target in targets]
    ctx = multiprocessing.get_context("fork")  # the workers inherit the analysed sentences
    with ctx.Pool(workers) as pool:
        items = _bounded(pool, plan(n, len(sentences), start=min(haves)))
        for k, rec in enumerate(items, start=min(haves)):
            for writer, had in zip(writers, haves):
                if k >= had:  # a store that stopped later already has this one (plan order)
                    writer.add(rec)
            if progress and k % 10000 == 0:
                progress(f"composed {k} of {n} articles, {(k - min(haves)) / (time.perf_counter() - t1 + 1e-9):.0f}/s")
            if stop_after and time.perf_counter() - t1 > stop_after:
                break  # articles are written in plan order, so the store holds the first `stored` of the plan
        pool.terminate()
    for writer in writers:
        writer.close()
    with open_store(db) as store:
        stored = store.count()
    written_s = time.perf_counter() - t1
    # near-duplicate clusters are not recomputed: composed articles share no story, and the LSH pass over a
    # million signatures would measure datasketch, not the store
    return {"sentences": len(sentences), "analyse_s": analysed_s, "write_s": written_s, "written": stored - have,
            "stored": stored,
            "counts": dict(writers[0].counts)}


def raw_size(sentences: list[str], n: int) -> int:
    """Bytes of raw text and title of the `n` composed articles (as bench.search_scale counts them)."""
    sizes = [len(s.encode()) for s in sentences]
    total = 0
    for _, picks, _, _ in plan(n, len(sentences)):
        total += sum(sizes[k] for k in picks) + len(picks) - 1
        total += len(" ".join(sentences[picks[0]].split()[:8]).encode())  # the title: as raw, before cleaning
    return total
