"""`habar ingest`, `search`, `delete`, `reindex`, `stats`: the embedded store and its search index."""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from html import unescape
from pathlib import Path

import click

from habar.cli.common import progress, read_articles
from habar.options import Options

db_option = click.option("--db", "db", default=None,
                         help="Data directory of the store and index, or a postgresql:// URL "
                              "[default: Options.data_dir, env HABAR_DATA].")


def _dir(db: str | None) -> Path | str:
    from habar.store.backend import resolve

    return resolve(db, Options().data_dir)


@click.command("ingest")
@click.argument("paths", nargs=-1, required=True)
@db_option
@click.option("--workers", type=int, default=None, help="Analysis processes [default: one per core].")
@click.option("--fetch-feeds", is_flag=True, default=None,
              help="Fetch RSS/Atom feeds given as http(s) URLs (10 s timeout) [default: setting fetch_feeds].")
@click.option("--steps", default=None, help="Comma-separated pipeline steps instead of the default; '' for none "
                                            "(input that is already analysed).")
@click.option("--vectors/--no-vectors", default=None,
              help="Compute semantic vectors for cross-lingual search [default: setting vectors, env HABAR_VECTORS].")
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local",
              help="Analyse in local processes, or on a Dask cluster (docs/scaling.md).")
@click.option("--scheduler", default=None, metavar="ADDR",
              help="With --engine dask: the Dask scheduler, e.g. tcp://host:8786 [default: a LocalCluster on "
                   "127.0.0.1 with --workers processes].")
@click.option("--shards", "shard_dir", default=None, metavar="DIR",
              help="With --engine dask: where the Parquet shards go [default: DB/shards].")
def ingest(paths: tuple[str, ...], db: str | None, workers: int | None, fetch_feeds: bool | None, steps: str | None,
           vectors: bool | None, engine: str, scheduler: str | None, shard_dir: str | None):
    """Analyse articles from files or directories and store them; re-running is safe and skips finished work."""
    from functools import partial

    if engine == "dask":
        from habar.scale.dask_ingest import ingest as dask_run

        run = partial(dask_run, scheduler=scheduler, shard_dir=shard_dir)
    elif scheduler or shard_dir:
        raise click.UsageError("--scheduler and --shards go with --engine dask")
    else:
        from habar.store.ingest import ingest as run

    options = Options()
    if workers is not None:
        options.workers = workers
    if vectors is not None:
        options.vectors = vectors
    if fetch_feeds:
        options.fetch_feeds = True
    failures: Counter = Counter()
    names = None if steps is None else [s for s in steps.split(",") if s]
    try:
        counts = run(read_articles(paths, options, failures), _dir(db), options, names,
                     progress=lambda it: progress(it, options, "ingest"))
    except RuntimeError as exc:
        click.echo(f"habar: {exc}", err=True)
        sys.exit(2)
    counts.update(failures)
    order = ["new", "updated", "unchanged", "duplicate"]
    parts = [f"{counts[k]} {k}" for k in order] + [f"{n} {k}" for k, n in counts.most_common() if k not in order]
    click.echo(f"habar ingest: {', '.join(parts)} -> {_dir(db)}", err=True)
    if any(k.startswith(("failed", "read")) for k in counts):  # quality verdicts are reported, not failures
        sys.exit(1)


def _text_hit(rank: int, hit: dict) -> str:
    mark = lambda m: click.style(unescape(m.group(1)), bold=True)  # noqa: E731
    snippet = re.sub(r"<mark>(.*?)</mark>", mark, hit["snippet"])
    score = f"  {hit['score']}" if hit["score"] is not None else ""
    head = f"{rank}. {hit['headline'] or hit['id']}  [{hit['source']} {hit['published']}]{score}"
    about = [f"{k}: {', '.join(hit[k])}" for k in ("entities", "keyphrases") if hit.get(k)]
    tail = "".join(f"\n   {line}" for line in about)
    return f"{head}\n   {unescape(snippet) if '<' not in snippet else snippet}{tail}\n   id: {hit['id']}"


def _print(result: dict, fmt: str) -> None:
    if fmt == "json":
        click.echo(json.dumps(result, ensure_ascii=False))
        return
    click.echo(f"{result['total']} articles for: {result['query']}  (mode {result.get('mode', 'lexical')}, "
               f"query language {result.get('query_lang') or '?'})")
    for rank, hit in enumerate(result["hits"], result["offset"] + 1):
        click.echo(_text_hit(rank, hit))
    facets = result.get("facets", {})
    for name in ("source", "lang", "month"):
        if facets.get(name):
            click.echo(f"{name}: " + ", ".join(f"{b['value']} ({b['count']})" for b in facets[name][:12]))
    for label, items in facets.get("entities", {}).items():
        click.echo(f"{label}: " + ", ".join(f"{b['value']} ({b['count']})" for b in items))


@click.command("search")
@click.argument("query", required=False)
@db_option
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text")
@click.option("--limit", type=click.IntRange(1, 1000), default=10, help="Hits per page.")
@click.option("--page", type=click.IntRange(1), default=1, help="Page of hits, from 1.")
@click.option("--sort", type=click.Choice(["score", "date"]), default="score", help="BM25 score or newest first.")
@click.option("--queries", type=click.File(encoding="utf-8"), default=None,
              help="Run one query per line and print one JSON object per query.")
@click.option("--no-facets", is_flag=True, help="Leave facets out (faster).")
@click.option("--mode", type=click.Choice(["lexical", "semantic", "hybrid"]), default=None,
              help="BM25 over lemmas, vectors (any query language), or both fused [default: hybrid when the store "
                   "has vectors, else lexical].")
def search(query, db, fmt, limit, page, sort, queries, no_facets, mode):
    """Find articles: words in any inflected form, "phrases", -word, OR, and field:value filters
    (source: lang: date: entity: type: has: speaker: topic:)."""
    from habar.search.query import QueryError
    from habar.store.backend import open_searcher

    if (query is None) == (queries is None):
        raise click.UsageError("give either a QUERY or --queries FILE")
    try:
        searcher = open_searcher(_dir(db))
    except FileNotFoundError as exc:
        click.echo(f"habar: {exc}", err=True)
        sys.exit(2)
    lines = [query] if queries is None else [line.strip() for line in queries if line.strip()]
    failed = 0
    for n, text in enumerate(lines, 1):
        try:
            result = searcher.query(text, mode, limit=limit, offset=(page - 1) * limit, sort=sort,
                                    facets=not no_facets)
        except FileNotFoundError as exc:  # --mode semantic or hybrid on a store without vectors
            click.echo(f"habar: {exc}", err=True)
            sys.exit(2)
        except QueryError as exc:
            where = f"{queries.name}:{n}: " if queries is not None else ""
            click.echo(f"habar: {where}{exc}", err=True)
            failed += 1
            continue
        _print(result, "json" if queries is not None else fmt)
    searcher.close()
    sys.exit(1 if failed else 0)


@click.command("delete")
@click.argument("ids", nargs=-1)
@db_option
@click.option("--source", default=None, help="Delete every article from this source.")
def delete(ids, db, source):
    """Delete articles by id (or all of one source) from the store and the index."""
    from habar.store.backend import open_searcher, open_store
    from habar.store.clusters import update_clusters

    if not ids and source is None:
        raise click.UsageError("give article ids or --source NAME")
    with open_store(_dir(db), create=False) as store:
        n = store.delete(ids, source)
        if n:
            update_clusters(store)  # a deleted copy may have been the canonical member of its story
    searcher = open_searcher(_dir(db))  # brings the index up to date, unless an ingest is running and will do it
    searcher.close()
    click.echo(f"habar delete: {n} articles deleted", err=True)


@click.command("reindex")
@db_option
@click.option("--vectors", is_flag=True, help="Rebuild the semantic vectors instead of the search index.")
def reindex(db, vectors):
    """Rebuild the search index from the store (after an upgrade of the analyzer or a damaged index)."""
    from habar.search.index import Index
    from habar.store import Store
    from habar.store.backend import is_url, open_store

    if is_url(_dir(db)):  # PostgreSQL: the search columns and the lemma index, recomputed in the database
        from habar.pg.reindex import rebuild

        if vectors:
            raise click.UsageError("semantic vectors are kept beside the embedded store only, not in PostgreSQL")
        try:
            with open_store(_dir(db), create=False) as pg:
                n, kind = rebuild(pg)
        except (RuntimeError, FileNotFoundError) as exc:
            click.echo(f"habar: {exc}", err=True)
            sys.exit(2)
        click.echo(f"habar reindex: {n} articles indexed ({kind} index)", err=True)
        return
    with Store(_dir(db), create=False) as store:
        if vectors:
            from habar.search.vectors import VectorSync

            sync = VectorSync(_dir(db), fresh=True)
            n = sync.sync(store, save_seconds=float("inf"))
            sync.save()
            click.echo(f"habar reindex: {n} articles embedded -> {sync.path}", err=True)
            return
        index = Index(_dir(db))
        try:
            n = index.rebuild(store)
        except ValueError as exc:
            click.echo(f"habar: {index.path}: {exc}; wait for the running ingest to finish", err=True)
            sys.exit(2)
        index.close()
    click.echo(f"habar reindex: {n} articles indexed", err=True)


@click.command("stats")
@db_option
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text")
def stats(db, fmt):
    """Articles, languages, sources, date range and entities in the store, and the index's state."""
    from habar.search.index import Index
    from habar.store.backend import is_url, open_store

    try:
        with open_store(_dir(db), create=False) as store:
            out = store.stats()
            if is_url(_dir(db)):  # the lemma tsvector is written with each row, in the same transaction
                out["index"] = {"documents": out["articles"], "rev": out["rev"], "kind": out["search_index"]}
            else:
                index = Index(_dir(db))
                out["index"] = {"documents": index.tantivy.searcher().num_docs, "rev": index.marker().get("rev", 0)}
    except RuntimeError as exc:  # a PostgreSQL server that cannot be reached
        click.echo(f"habar: {exc}", err=True)
        sys.exit(2)
    if fmt == "json":
        click.echo(json.dumps(out, ensure_ascii=False))
        return
    kind = f" ({out['index']['kind']})" if "kind" in out["index"] else ""
    click.echo(f"articles: {out['articles']}  (store rev {out['rev']}; index{kind} has {out['index']['documents']} "
               f"documents at rev {out['index']['rev']})")
    click.echo(f"dates: {out['dates']['first']} .. {out['dates']['last']}")
    for key in ("languages", "sources"):
        click.echo(f"{key}: " + ", ".join(f"{k or '?'} ({v})" for k, v in out[key].items()))
    ent = out["entities"]
    click.echo(f"entities: {ent['distinct']} distinct, {ent['mentions']} mentions; "
               + ", ".join(f"{k} ({v})" for k, v in ent["by_type"].items()))
    click.echo(f"facts: {out['facts']}")
