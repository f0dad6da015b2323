"""`habar export`: the analysed store as JSON Lines, Parquet, CoNLL-U or an OpenSearch/Elasticsearch bulk file."""

from __future__ import annotations

import sys
from contextlib import closing
from pathlib import Path

import click

from habar.cli.common import progress
from habar.cli.store import db_option
from habar.export import DEFAULT_OUT, FORMATS, select, writer
from habar.options import Options

_ORDER = ("articles", "sentences", "tokens", "entities", "facts")


@click.command("export")
@click.option("--format", "fmt", type=click.Choice(list(FORMATS)), required=True,
              help="jsonl: whole articles, lossless, read back by `habar ingest`; parquet: one row per article; "
                   "conllu: sentences with lemma, UPOS, FEATS and NER; opensearch: a _bulk file and its mapping.")
@db_option
@click.option("--out", default=None,
              help="File to write; '-' is stdout (jsonl, conllu) [default: habar.articles.jsonl, habar.parquet, "
                   "habar.conllu or habar.bulk.ndjson with habar.mapping.json beside it].")
@click.option("--lang", default=None, help="Only articles in this language (e.g. kk).")
@click.option("--source", default=None, help="Only articles from this source.")
@click.option("--index", default="habar", show_default=True, help="Index name in the bulk file's action lines.")
def export(fmt: str, db: str | None, out: str | None, lang: str | None, source: str | None, index: str):
    """Write the store's articles with their analysis for another engine: Spark/Dask, a CoNLL-U tool, or an
    OpenSearch/Elasticsearch cluster (see docs/export.md)."""
    from habar.export.sink import ExportError
    from habar.store.backend import open_store, resolve

    options = Options()
    where_db = resolve(db, options.data_dir)
    path = None if out == "-" else Path(out) if out else DEFAULT_OUT[fmt]
    kwargs = {"index": index} if fmt == "opensearch" else {}
    try:
        write = writer(fmt)
        # the walk is closed before the store, so that its read snapshot ends while the connection is open
        with open_store(where_db, create=False) as store, closing(store.iter_articles()) as walk:
            articles = progress(select(walk, lang, source), options, f"export {fmt}")
            counts = write(articles, path, **kwargs)
    except (ExportError, FileNotFoundError) as exc:
        click.echo(f"habar: {exc}", err=True)
        sys.exit(2)
    parts = [f"{counts[k]} {k}" for k in _ORDER if k in counts or k == "articles"]
    parts += [f"{n} {k}" for k, n in counts.items() if k not in _ORDER]
    where = "stdout" if path is None else str(path)
    if fmt == "opensearch":
        from habar.export.opensearch import mapping_path

        where += f" (mapping: {mapping_path(path)})"
    click.echo(f"habar export: {', '.join(parts)} -> {where}", err=True)
    if fmt == "jsonl" and path is not None and not path.name.endswith(".articles.jsonl"):
        click.echo(f"habar: note: {path}: `habar ingest` restores whole articles only from files named "
                   "*.articles.jsonl; rename it so before ingesting it", err=True)
    if not counts["articles"]:
        chosen = " and ".join(f"--{k} {v}" for k, v in (("lang", lang), ("source", source)) if v)
        hint = f"no article matched {chosen}; see `habar stats` for the languages and sources stored" if chosen \
            else "the store is empty; run `habar ingest PATH` first"
        click.echo(f"habar: {where_db}: {hint}", err=True)
