"""`diplograph reresolve`: apply what the store has learned to reports stored earlier.

Thin: it calls `Store.reresolve` (`store/reresolve.py`) and prints one line
per report to stderr as it goes (a progress bar on a terminal), then a
summary. Exit status 1 when any report failed (those keep their old records).
"""

from __future__ import annotations

import logging
import os
import sys

import click

from diplograph.actors.officials import ENV_VAR, OfficialsFileError, officials
from diplograph.cli.who import officials_option


@click.command()
@click.option(
    "--db",
    envvar="DIPLOGRAPH_DB",
    default="diplograph.db",
    show_default=True,
    help="Store: a SQLite file or a postgresql:// URL (env DIPLOGRAPH_DB).",
)
@click.option(
    "-j", "--jobs", type=click.IntRange(min=1), default=None, help="Worker processes [default: every core]."
)
@officials_option
@click.option("-q", "--quiet", is_flag=True, help="No progress and no summary; failures only.")
def reresolve(db: str, jobs: int | None, officials_file: str | None, quiet: bool) -> None:
    """Re-extract every stored report from its stored text, resolving its
    persons against the officials tables and what the store has learned from
    all its reports (who serves which state, where a report says so), and
    replace its records: one transaction per report; a report that fails
    keeps its old records."""
    from contextlib import ExitStack
    from pathlib import Path

    import diplograph
    from diplograph.store.reresolve import stored_ids

    logging.basicConfig(level=logging.WARNING, stream=sys.stderr, format="%(name)s: %(message)s")
    if officials_file:
        try:
            officials(officials_file)  # a malformed file stops here, naming its line
        except OfficialsFileError as error:
            raise click.ClickException(str(error)) from error
        os.environ[ENV_VAR] = officials_file  # the workers resolve with it too
    if "://" not in db and not Path(db).exists():
        raise click.ClickException(f"no store at {db} (run `diplograph ingest` first, or give --db)")
    store = diplograph.open(db)
    total = len(stored_ids(store.engine))
    done = 0
    with ExitStack() as stack:
        advance = None
        if not quiet and sys.stderr.isatty():
            from diplograph.cli.progress import progress_bar

            advance = progress_bar(stack, "re-resolving", total)

        def on_result(result) -> None:  # noqa: ANN001
            nonlocal done
            done += 1
            if result.status == "failed":
                click.echo(f"{result.report_id}: {result.reason}", err=True)
            elif not quiet and advance is None:
                click.echo(f"[{done}/{total}] {result.report_id}: {result.status}", err=True)
            if advance:
                advance()

        summary = store.reresolve(jobs=jobs, on_result=on_result)
    if not quiet:
        click.echo(
            f"{summary.changed} changed, {summary.same} unchanged, {summary.failed} failed "
            f"(learned officials: {summary.learned} statements); store {store.url}",
            err=True,
        )
    store.close()
    sys.exit(1 if summary.failed else 0)
