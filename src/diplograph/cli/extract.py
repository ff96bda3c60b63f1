"""`diplograph extract`: reports in, the extraction contract out.

Thin on purpose: options are parsed here; reading is `diplograph.read`, the
work is `diplograph.pipeline.run`, printing is `diplograph.output`. Bad input
never stops the batch: each failure is one stderr line `<id or path>: <reason>`
(and a JSON Lines record with `--errors FILE`). Exit status: 0 all processed,
1 some failed, 2 usage error.
"""

from __future__ import annotations

import json
import logging
import sys
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from typing import IO

import click

from diplograph.cli.progress import progress_bar

#: Above this many reports, a progress bar is shown (on a terminal).
PROGRESS_MIN_REPORTS = 5


def _open_out(stack: ExitStack, path: str | None) -> IO[str]:
    if path is None or path == "-":
        return click.get_text_stream("stdout")
    return stack.enter_context(open(path, "w", encoding="utf-8"))  # noqa: SIM115


def _progress(stack: ExitStack, total: int | None, enabled: bool):
    """A progress bar on stderr advanced once per result, or None when not wanted."""
    if not enabled:
        return None
    advance = progress_bar(stack, "extracting", total)
    return lambda _result: advance()


def _check_published(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    if value is None:
        return None
    from diplograph.read.published import to_iso

    iso = to_iso(value)
    if iso is None:
        raise click.BadParameter(f"{value!r} is not a date (use YYYY-MM-DD)")
    return iso


@click.command()
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["jsonl", "json", "table"]),
    default="jsonl",
    show_default=True,
    help="jsonl: one contract object per line; json: a pretty array; table: a readable summary.",
)
@click.option(
    "-o", "--output", type=click.Path(dir_okay=False, writable=True), help="Write here, not stdout."
)
@click.option(
    "--errors",
    type=click.Path(dir_okay=False, writable=True),
    help="Also write each failure as a JSON Lines record (id, source, reason, stage).",
)
@click.option(
    "--published",
    callback=_check_published,
    metavar="DATE",
    help="Publication date of every report (wins over the date found in each).",
)
@click.option(
    "--input-format",
    type=click.Choice(["auto", "text", "html", "jsonl"]),
    default="auto",
    show_default=True,
    help="How to read files and stdin; auto goes by extension (stdin: by content).",
)
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=1),
    default=None,
    help="Worker processes [default: every core].",
)
@click.option(
    "--explain",
    is_flag=True,
    help="Add to each record the rule that made it, the rules merged into it and the steps and vetoes "
    "on its way (persons: how their state was found), and to each report the findings a veto refused.",
)
@click.option("-q", "--quiet", is_flag=True, help="No progress bar, no stderr line but failures.")
@click.option("-v", "--verbose", is_flag=True, help="Log which model is loaded and what each stage does.")
def extract(
    paths: tuple[str, ...],
    fmt: str,
    output: str | None,
    errors: str | None,
    published: str | None,
    input_format: str,
    jobs: int | None,
    explain: bool,
    quiet: bool,
    verbose: bool,
) -> None:
    """Extract persons, meetings, documents, targets, partnerships and PLOVER
    events from the reports in PATHS (text, HTML or JSON Lines files,
    directories, or - for standard input)."""
    from diplograph import pipeline
    from diplograph.output import failure_line, writer
    from diplograph.read import count_reports, read_paths
    from diplograph.records import Failure

    failures = 0
    processed = 0
    with ExitStack() as stack:
        stack.enter_context(_logging_to_stderr(logging.INFO if verbose else logging.WARNING))
        out = writer(fmt, _open_out(stack, output), explain=explain)
        errors_out = stack.enter_context(open(errors, "w", encoding="utf-8")) if errors else None  # noqa: SIM115
        show = not quiet and sys.stderr.isatty()
        total = count_reports(paths, input_format) if show else None
        on_item = _progress(stack, total, show and (total is None or total > PROGRESS_MIN_REPORTS))
        items = read_paths(paths, published=published, input_format=input_format)
        for result in pipeline.run(items, jobs=jobs, on_item=on_item):
            if isinstance(result, Failure):
                failures += 1
                click.echo(failure_line(result), err=True)
                if errors_out:
                    errors_out.write(json.dumps(result.to_dict(), ensure_ascii=False) + "\n")
                    errors_out.flush()
            else:
                processed += 1
                out.write(result)
        out.close()
        if verbose:
            logging.getLogger("diplograph.cli").info("%d reports extracted, %d failed", processed, failures)
    sys.exit(1 if failures else 0)


@contextmanager
def _logging_to_stderr(level: int) -> Iterator[None]:
    """Log diplograph's messages to stderr for this command only (no global
    logging setup, so an embedding program's or test runner's handlers stay)."""
    logger = logging.getLogger("diplograph")
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(name)s: %(message)s"))
    previous = logger.level
    logger.addHandler(handler)
    logger.setLevel(level)
    try:
        yield
    finally:
        logger.removeHandler(handler)
        logger.setLevel(previous)
