"""`habar serve`: the web UI and HTTP API over a store (see habar.web)."""

from __future__ import annotations

import os
import sqlite3
import sys

import click

from habar.options import Options


@click.command("serve")
@click.option("--db", "db", default=None,
              help="Data directory of the store and index, or a postgresql:// URL [default: Options.data_dir, env HABAR_DATA].")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True, help="Port to listen on.")
@click.option("--workers", type=click.IntRange(1, 64), default=1, show_default=True,
              help="Server processes; more than one uses more cores for searches (each loads its own models).")
def serve(db: str | None, host: str, port: int, workers: int):
    """Serve search, articles, entities, the dashboard and the API (OpenAPI at /docs)."""
    import uvicorn

    from habar.web.app import TOKEN_ENV, create_app

    from habar.store.backend import resolve

    options = Options()
    data_dir = resolve(db, options.data_dir)
    try:
        app = create_app(options, data_dir)  # also catches the index up, once, before any worker starts
    except (RuntimeError, ValueError, OSError, sqlite3.Error) as exc:
        click.echo(f"habar: {data_dir}: cannot open the store ({exc}); check --db or run `habar ingest` first",
                   err=True)
        sys.exit(2)
    writes = "enabled" if app.state.web.ingest_token else f"disabled (set {TOKEN_ENV} to enable)"
    click.echo(f"habar serve: {data_dir} at http://{host}:{port}/  (API docs /docs; ingest {writes})", err=True)
    if workers == 1:
        uvicorn.run(app, host=host, port=port, log_level="warning")
        return
    from habar.web.processes import DATA_ENV, can_spread, serve_processes

    if can_spread():
        serve_processes(str(data_dir), host, port, workers)
        return
    # uvicorn's workers import the app factory by name; they find the store through the environment
    os.environ[DATA_ENV] = str(data_dir)
    uvicorn.run("habar.web.app:create_app", factory=True, workers=workers, host=host, port=port,
                log_level="warning")
