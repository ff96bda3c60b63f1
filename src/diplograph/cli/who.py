"""`diplograph who NAME [--on DATE]`: which state and office a name had, and from which source.

Thin: it asks `actors.officials` (the bundled table, the curated file, the
user's `--officials FILE` / $DIPLOGRAPH_OFFICIALS, and any registered learned
source) and prints each tenure with its source: a bundle row's source
(Factbook editions, CIA World Leaders, a curated page), or the user file and
line. With `--db STORE`, what that store has learned from its reports
(`store/learned.py`) is asked too, through the same `officials.register_source`
hook, and prints as `learned: report R: the sentence`; here every learned row
is shown, also for names the tables know (ingest asks them only for names the
tables do not know).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager

import click

from diplograph.actors.officials import ENV_VAR, OfficialsFileError, Tenure, officials


def _date(ctx: click.Context, param: click.Parameter, value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date (YYYY-MM-DD)") from None


def _where(t: Tenure) -> str:
    if t.origin == "learned":
        return f"learned: report {t.report}" + (f": {t.evidence}" if t.evidence else "")
    if t.origin == "user":
        return f"user file {t.source}"
    return f"{t.origin}: {t.source}"


def _span(t: Tenure) -> str:
    start = t.start.isoformat() if t.start else ("?" if t.start_how == "unknown" else "")
    if t.end:
        end = t.end.isoformat()
    elif t.end_how == "unknown":
        end = f"? (seen {t.as_of.isoformat()})" if t.as_of else "?"
    else:
        end = "now"
    return f"{start} – {end}"


#: `--officials FILE`: the user's own officials file (who and reresolve share it)
officials_option = click.option(
    "--officials",
    "officials_file",
    type=click.Path(dir_okay=False),
    envvar=ENV_VAR,
    help=f"Your own officials file (CSV/TSV), winning over the bundle (env {ENV_VAR}).",
)


@click.command()
@click.argument("name")
@click.option(
    "--on", "on", callback=_date, metavar="DATE", help="Only offices held on this date (YYYY-MM-DD)."
)
@officials_option
@click.option(
    "--db",
    metavar="STORE",
    default=None,
    help="Also answer from what this store (a SQLite file or postgresql:// URL) learned from its reports.",
)
@click.option("--short", is_flag=True, help="Also try one-word forms ('Modi', 'Chinh').")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON array.")
def who(
    name: str, on: dt.date | None, officials_file: str | None, db: str | None, short: bool, as_json: bool
) -> None:
    """Which state or body and office NAME had (on DATE), and from which source:
    the bundle, your officials file, or (with --db) a stored report that said so.

    Exit status 1 when nothing is known of the name (on that date)."""
    try:
        table = officials(officials_file)
    except OfficialsFileError as error:
        raise click.ClickException(str(error)) from error
    with ExitStack() as stack:
        if db:
            stack.enter_context(_learned(db))
        _answer(table, name, on, short, as_json)


@contextmanager
def _learned(db: str) -> Iterator[None]:
    """The store's learned officials, registered while the question is answered."""
    from pathlib import Path

    import diplograph
    from diplograph.store.learned import session

    if "://" not in db and not Path(db).exists():
        raise click.ClickException(f"no store at {db}")
    store = diplograph.open(db)
    try:
        with session(store.engine, fill_only=False):
            yield
    finally:
        store.close()


def _answer(table, name: str, on: dt.date | None, short: bool, as_json: bool) -> None:  # noqa: ANN001
    found = table.lookup(name, on, short=short)
    if as_json:
        click.echo(json.dumps([t.to_dict() for t in found], ensure_ascii=False, indent=1))
    elif found:
        for t in found:
            title = f" ({t.title})" if t.title else ""
            click.echo(f"{t.name}\t{t.state}\t{t.office}{title}\t{_span(t)}\t{_where(t)}")
    if not found:
        others = table.lookup(name, None, short=short) if on else []
        if not as_json:
            msg = f"no office known for {name!r}" + (f" on {on.isoformat()}" if on else "")
            click.echo(msg, err=True)
            for t in others:
                click.echo(f"  other: {t.name}\t{t.state}\t{t.office}\t{_span(t)}\t{_where(t)}", err=True)
        raise SystemExit(1)
