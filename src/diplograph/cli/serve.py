"""`diplograph serve`: the HTTP API and web pages over a store.

Thin on purpose: parse options, build `Settings`, hand the app to uvicorn.
Binds to 127.0.0.1 unless told otherwise, and is read-only unless started
with --allow-ingest (which needs a bearer token in $DIPLOGRAPH_TOKEN).
"""

from __future__ import annotations

from pathlib import Path

import click

from diplograph.serve.settings import TOKEN_ENV, Settings, allowed_hosts


@click.command()
@click.option(
    "--db",
    "db",
    envvar="DIPLOGRAPH_DB",
    default="diplograph.db",
    show_default=True,
    help="Store to serve: a SQLite file or a SQLAlchemy URL (also $DIPLOGRAPH_DB).",
)
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface to bind.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535))
@click.option(
    "--allow-ingest",
    is_flag=True,
    help=f"Add POST /api/reports, guarded by the bearer token in ${TOKEN_ENV}.",
)
@click.option(
    "--allow-host",
    "allow_host",
    multiple=True,
    metavar="NAME",
    help="Also answer to this Host name (repeatable; *.example.org, or * for any). "
    "By default only the bound address and, on loopback, localhost.",
)
@click.option(
    "--max-body",
    default=2_000_000,
    show_default=True,
    type=click.IntRange(1),
    help="Largest request body in bytes.",
)
def serve(
    db: str, host: str, port: int, allow_ingest: bool, allow_host: tuple[str, ...], max_body: int
) -> None:
    """Serve the JSON API, the web pages and the API docs (/docs) for a store."""
    import uvicorn

    from diplograph.serve import create_app

    if "://" not in db and not allow_ingest and not Path(db).expanduser().is_file():
        raise click.UsageError(f"no store at {db}: run `diplograph ingest REPORTS --db {db}` first")
    try:
        settings = Settings.from_env(
            db=db, allow_ingest=allow_ingest, max_body_bytes=max_body, hosts=allowed_hosts(host, allow_host)
        )
    except ValueError as error:
        raise click.UsageError(str(error)) from error
    if host not in ("127.0.0.1", "localhost", "::1"):
        click.echo(f"warning: listening on {host}: anyone who can reach it can read the store", err=True)
    app = create_app(settings)
    mode = "ingest on" if allow_ingest else "read-only"
    click.echo(f"diplograph: serving {db} on http://{host}:{port} ({mode})", err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning", proxy_headers=False, server_header=False)
