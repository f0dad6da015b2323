"""`habar serve`: the web UI and HTTP API over a store (see habar.web)."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from habar.options import Options


@click.command("serve")
@click.option("--db", "db", type=click.Path(file_okay=False), default=None,
              help="Data directory of the store and index [default: Options.data_dir, env HABAR_DATA].")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True, help="Port to listen on.")
def serve(db: str | None, host: str, port: int):
    """Serve search, articles, entities, the dashboard and the API (OpenAPI at /docs)."""
    import uvicorn

    from habar.web.app import TOKEN_ENV, create_app

    options = Options()
    data_dir = Path(db) if db else options.data_dir
    try:
        app = create_app(options, data_dir)
    except (RuntimeError, ValueError, OSError) as exc:
        click.echo(f"habar: {data_dir}: cannot open the store ({exc}); check --db or run `habar ingest` first",
                   err=True)
        sys.exit(2)
    writes = "enabled" if app.state.web.ingest_token else f"disabled (set {TOKEN_ENV} to enable)"
    click.echo(f"habar serve: {data_dir} at http://{host}:{port}/  (API docs /docs; ingest {writes})", err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning")
