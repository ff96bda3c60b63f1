"""Store commands: `ingest`, `events`, `actors`, `timeline`, `relations`,
`targets`, `show`, `export`.

Thin on purpose: each command parses its options, calls one `Store` method
(the Python API, `diplograph.open`) and prints the dataclasses it returns as
a table, JSON or CSV. The database is `--db`, else $DIPLOGRAPH_DB, else
./diplograph.db (a path, or a postgresql:// URL).
"""

from __future__ import annotations

import csv
import json
import logging
import sys
from collections.abc import Callable, Sequence
from typing import Any

import click

OUTPUT_FORMATS = ("table", "json", "csv")


def _db_option(func: Callable) -> Callable:
    return click.option(
        "--db",
        envvar="DIPLOGRAPH_DB",
        default="diplograph.db",
        show_default=True,
        help="Store: a SQLite file or a postgresql:// URL (env DIPLOGRAPH_DB).",
    )(func)


def _format_option(func: Callable) -> Callable:
    return click.option(
        "--format",
        "fmt",
        type=click.Choice(OUTPUT_FORMATS),
        default="table",
        show_default=True,
        help="table: for reading; json: an array of objects; csv: one row per record.",
    )(func)


def _open(db: str, create: bool = False):  # noqa: ANN202
    from pathlib import Path

    import diplograph

    if not create and "://" not in db and not Path(db).exists():
        raise click.ClickException(f"no store at {db} (run `diplograph ingest` first, or give --db)")
    return diplograph.open(db)


def _emit(
    fmt: str,
    rows: Sequence[dict[str, Any]],
    columns: Sequence[str],
    title: str | None = None,
    objects: Sequence[Any] | None = None,
) -> None:
    """Print rows: a rich table (the given columns), JSON (the full objects) or CSV."""
    if fmt == "json":
        data = [o.to_dict() for o in objects] if objects is not None else list(rows)
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    if fmt == "csv":
        writer = csv.DictWriter(sys.stdout, fieldnames=list(columns), extrasaction="ignore")
        writer.writeheader()
        for row in rows:
            writer.writerow({k: _cell(row.get(k)) for k in columns})
        return
    from rich.console import Console
    from rich.table import Table

    table = Table(title=title, show_lines=False)
    for column in columns:
        table.add_column(column, overflow="fold")
    for row in rows:
        table.add_row(*[_cell(row.get(c)) for c in columns])
    Console(width=max(Console().width, 160) if not sys.stdout.isatty() else None).print(table)
    if not rows:
        click.echo("(nothing found)", err=True)


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return "; ".join(str(v) for v in value)
    return str(value)


def _short(text: str | None, width: int = 100) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= width else text[: width - 1] + "…"


# ---------------------------------------------------------------- ingest


@click.command()
@click.argument("paths", nargs=-1, required=True)
@_db_option
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=1),
    default=None,
    help="Worker processes for extraction [default: every core].",
)
@click.option("--published", metavar="DATE", help="Publication date of every report (YYYY-MM-DD).")
@click.option(
    "--learned/--no-learned",
    default=True,
    show_default=True,
    help="Resolve persons against the officials the store learned from its reports "
    "(--no-learned: the officials tables alone, so records do not depend on what was stored before).",
)
@click.option("-q", "--quiet", is_flag=True, help="No progress bar and no summary; failures only.")
def ingest(
    paths: tuple[str, ...], db: str, jobs: int | None, published: str | None, learned: bool, quiet: bool
) -> None:
    """Read, extract and store the reports in PATHS (files, directories, - for
    stdin), merging them with what the store holds. Re-running is safe:
    unchanged reports are skipped, changed ones replace their records."""
    from contextlib import ExitStack

    from diplograph.read import count_reports

    logging.basicConfig(level=logging.WARNING, stream=sys.stderr, format="%(name)s: %(message)s")
    store = _open(db, create=True)
    failures: list[str] = []

    with ExitStack() as stack:
        show = not quiet and sys.stderr.isatty()
        advance = None
        if show:
            from diplograph.cli.progress import progress_bar

            advance = progress_bar(stack, "ingesting", count_reports(paths, "auto"))

        def on_result(result) -> None:  # noqa: ANN001
            if result.status == "failed":
                failures.append(result.report_id)
                click.echo(f"{result.report_id}: {result.reason}", err=True)
            if advance:
                advance()

        summary = store.ingest(
            list(paths), jobs=jobs, on_result=on_result, published=published, learned=learned
        )
    if not quiet:
        stats = store.stats()
        click.echo(
            f"{summary.added} added, {summary.replaced} replaced, {summary.unchanged} unchanged, "
            f"{summary.duplicate} near-duplicates linked, {summary.failed} failed; store {store.url}: "
            f"{stats['reports']} reports, {stats['events']} events ({stats['meetings']} meetings), "
            f"{stats['actors']} actors, {stats['documents']} documents, {stats['targets']} targets, "
            f"{stats['partnerships']} partnerships",
            err=True,
        )
    store.close()
    sys.exit(1 if failures else 0)


# ---------------------------------------------------------------- queries


def _event_dict(e) -> dict[str, Any]:  # noqa: ANN001
    return {
        "id": e.id,
        "date": e.date or (f"({e.anchor})" if e.anchor else ""),
        "type": e.type,
        "mode": e.mode,
        "actors": ", ".join(
            f"{a.name} ({a.country})" if a.kind == "person" else a.name for a in e.actors
        ),
        "recipients": ", ".join(
            f"{a.name} ({a.country})" if a.kind == "person" else a.name for a in e.recipients
        ),
        "location": e.location,
        "sources": e.source_count,
        "evidence": _short(e.evidence),
    }


@click.command()
@_db_option
@_format_option
@click.option("--actor", help="A code (VNM), a state's or body's name, or a person's name.")
@click.option("--with", "with_", help="Only events where this actor also takes part.")
@click.option("--type", "type_", help="PLOVER event type (CONSULT, AGREE, ...).")
@click.option(
    "--kind", type=click.Choice(["meeting", "event"]), help="Meetings only, or other events only."
)
@click.option("--since", metavar="DATE", help="From this date (YYYY-MM-DD), inclusive.")
@click.option("--until", metavar="DATE", help="Up to this date (YYYY-MM-DD), inclusive.")
@click.option("--text", help="Words in the evidence sentence, occasion or location.")
@click.option("-n", "--limit", type=click.IntRange(min=1), default=100, show_default=True)
def events(db, fmt, actor, with_, type_, kind, since, until, text, limit) -> None:  # noqa: ANN001
    """Events (meetings and other PLOVER events) merged across reports, newest first."""
    store = _open(db)
    found = store.events(
        actor=actor, with_=with_, type=type_, kind=kind, since=since, until=until, text=text, limit=limit
    )
    _emit(
        fmt,
        [_event_dict(e) for e in found],
        ["id", "date", "type", "mode", "actors", "recipients", "location", "sources", "evidence"],
        title="events",
        objects=found,
    )


@click.command()
@_db_option
@_format_option
@click.option("--kind", type=click.Choice(["state", "body", "person"]))
@click.option("--country", help="Persons serving this state or body (code).")
@click.option("--text", help="Part of a name or alias.")
@click.option("-n", "--limit", type=click.IntRange(min=1), default=None)
def actors(db, fmt, kind, country, text, limit) -> None:  # noqa: ANN001
    """Actors (states, bodies, persons) resolved across reports, most active first."""
    store = _open(db)
    found = store.actors(kind=kind, country=country, text=text, limit=limit)
    rows = [a.to_dict() | {"aliases": _short("; ".join(a.aliases), 80)} for a in found]
    _emit(
        fmt,
        rows,
        ["id", "name", "kind", "country", "role", "events", "mentions", "aliases"],
        title="actors",
        objects=found,
    )


@click.command()
@click.argument("actor")
@_db_option
@_format_option
@click.option("--type", "type_", help="Only this PLOVER event type.")
def timeline(actor, db, fmt, type_) -> None:  # noqa: ANN001
    """Events and meetings per month in which ACTOR takes part."""
    store = _open(db)
    found = store.timeline(actor, type=type_)
    rows = [p.to_dict() for p in found]
    if fmt == "table":
        top = max((p.events for p in found), default=1)
        for row in rows:
            row["bar"] = "█" * max(1, round(30 * row["events"] / top))
    _emit(
        fmt,
        rows,
        ["month", "events", "meetings"] + (["bar"] if fmt == "table" else []),
        title=f"timeline of {actor}",
        objects=found,
    )


@click.command()
@click.argument("actor")
@_db_option
@_format_option
def relations(actor, db, fmt) -> None:  # noqa: ANN001
    """Partners of ACTOR ranked by meetings, with the last meeting and the current partnership level."""
    store = _open(db)
    found = store.relations(actor)
    _emit(
        fmt,
        [r.to_dict() for r in found],
        ["partner_id", "partner_name", "meetings", "events", "last_meeting", "level", "level_change"],
        title=f"relations of {actor}",
        objects=found,
    )


@click.command()
@_db_option
@_format_option
@click.option("--actor", help="Only targets with this party.")
@click.option("--status", type=click.Choice(["target", "actual"]))
def targets(db, fmt, actor, status) -> None:  # noqa: ANN001
    """Targets and actual figures; each target with the latest actual figure
    reported for the same parties and metric (progress towards it)."""
    store = _open(db)
    found = store.targets(actor=actor, status=status)
    rows = []
    for t in found:
        row = t.to_dict()
        row["parties"] = ", ".join(t.parties)
        row["progress"] = f"{t.progress:.0%}" if t.progress is not None else None
        rows.append(row)
    _emit(
        fmt,
        rows,
        [
            "id",
            "parties",
            "metric",
            "status",
            "amount_usd",
            "year",
            "latest_actual_usd",
            "latest_actual_year",
            "progress",
            "source_count",
        ],
        title="targets",
        objects=found,
    )


@click.command()
@click.argument("event_id")
@_db_option
@_format_option
def show(event_id, db, fmt) -> None:  # noqa: ANN001
    """One event with its participants and every source sentence."""
    store = _open(db)
    found = store.event(event_id)
    if found is None:
        raise click.ClickException(f"no event {event_id}")
    if fmt == "json":
        click.echo(json.dumps(found.to_dict(), ensure_ascii=False, indent=2))
        return
    if fmt == "csv":
        _emit(
            fmt,
            [s.to_dict() for s in found.sources],
            ["report_id", "start", "end", "published", "url", "detail", "evidence"],
        )
        return
    from rich.console import Console

    console = Console()
    console.print(f"[bold]{found.type}[/bold] ({found.kind}, {found.mode or '-'})  id {found.id}")
    console.print(
        f"date: {found.date or '-'} ({found.date_precision or 'undated'}, {found.date_how or '-'})"
        f"   location: {found.location or '-'}   occasion: {found.occasion or '-'}"
    )
    for p in found.participants:
        console.print(f"  {p.role:9} {p.name} [{p.kind}, {p.country or '-'}]  ({p.id})")
    console.print(f"{found.source_count} source report(s):")
    for s in found.sources:
        console.print(f"  [{s.report_id} {s.start}:{s.end}] {s.published or ''} {s.url or ''}")
        console.print(f"    “{s.evidence}”", highlight=False)


# ---------------------------------------------------------------- export


@click.command()
@_db_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["jsonl", "csv", "parquet", "plover"]),
    default="jsonl",
    show_default=True,
    help="plover: PLOVER event records as JSON Lines.",
)
@click.option(
    "--kind",
    type=click.Choice(["events", "documents", "targets", "partnerships", "actors", "reports"]),
    default="events",
    show_default=True,
    help="Which records (plover: events only).",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, writable=True),
    help="Write here (required for parquet), not stdout.",
)
@click.option("--actor", help="Only events with this actor.")
@click.option("--since", metavar="DATE")
@click.option("--until", metavar="DATE")
def export(db, fmt, kind, output, actor, since, until) -> None:  # noqa: ANN001
    """Export the store's records as JSON Lines, CSV, Parquet or PLOVER JSON Lines."""
    from diplograph import export as exporter

    store = _open(db)
    filters = {k: v for k, v in {"actor": actor, "since": since, "until": until}.items() if v}
    if filters and kind != "events":
        raise click.UsageError("--actor/--since/--until filter events only")
    if fmt == "plover" and kind != "events":
        raise click.UsageError("the PLOVER format holds events only")
    if fmt == "parquet":
        if not output:
            raise click.UsageError("parquet needs -o FILE")
        n = exporter.write(store, fmt, output, kind=kind, **filters)
    elif output:
        with open(output, "w", encoding="utf-8", newline="") as handle:
            n = exporter.write(store, fmt, handle, kind=kind, **filters)
    else:
        n = exporter.write(store, fmt, sys.stdout, kind=kind, **filters)
    click.echo(f"{n} {kind} exported", err=True)
