"""`diplograph spark-extract` and `diplograph load`: batch extraction on Spark,
and its output into a store.

Thin: the job is `diplograph.spark.job`, the loading `diplograph.spark.load`.
PySpark is imported only by `spark-extract` (and a missing PySpark or Java is
one clear line, not a traceback); `load` needs neither. Exit status: 0 every
report processed, 1 some failed (they are in the `errors` table / listed),
2 usage error.
"""

from __future__ import annotations

import click

from diplograph.output import failure_line

#: How many failures `spark-extract` lists on stderr (all are in OUTPUT/errors).
SHOWN_FAILURES = 20


@click.command("spark-extract")
@click.argument("input", metavar="INPUT")
@click.argument("output", metavar="OUTPUT")
@click.option("--master", default="local[2]", show_default=True,
              help="Spark master: local[N], spark://host:7077, yarn, k8s://... (spark-submit sets its own).")
@click.option("--partitions", type=click.IntRange(min=1),
              help="Tasks to spread the reports over [default: 4 per core].")
@click.option("--input-format", type=click.Choice(["auto", "files", "parquet"]), default="auto",
              show_default=True,
              help="files: text, HTML, JSON Lines files under INPUT; parquet: a table with text or html.")
@click.option("--text-column", default="text", show_default=True,
              help="Parquet input: the column holding the text.")
@click.option("--published", help="Publication date (YYYY-MM-DD) for reports that state none.")
def spark_extract(input: str, output: str, master: str, partitions: int | None, input_format: str,
                  text_column: str, published: str | None) -> None:  # fmt: skip
    """Extract every report under INPUT on Apache Spark; write Parquet tables
    (reports, persons, events, participants, documents, targets, partnerships,
    provenance, errors) under OUTPUT. INPUT is a file, a directory of text,
    HTML or JSON Lines files, or Parquet; a local path or a URI Spark reads
    (hdfs://, s3a://)."""
    from diplograph.spark.job import SparkUnavailable, check_requirements
    from diplograph.spark.job import spark_extract as run

    try:
        check_requirements()  # before PySpark is imported: one clear line, not a traceback
    except SparkUnavailable as error:
        raise click.ClickException(str(error)) from error

    if published is not None:
        from diplograph.read.published import to_iso

        iso = to_iso(published)
        if iso is None:
            raise click.BadParameter(f"{published!r} is not a date (use YYYY-MM-DD)", param_hint="published")
        published = iso
    try:
        summary = run(input, output, master=master, partitions=partitions, input_format=input_format,
                      text_column=text_column, published=published)  # fmt: skip
    except (SparkUnavailable, FileNotFoundError) as error:
        raise click.ClickException(str(error)) from error
    if summary.reports + summary.failures == 0:
        raise click.ClickException(f"{input}: no report files found (.txt, .html, .jsonl, or Parquet)")
    tables = ", ".join(f"{name} {count}" for name, count in summary.tables.items())
    click.echo(
        f"{summary.reports} reports extracted, {summary.failures} failed, in {summary.seconds:.1f} s "
        f"({summary.partitions} tasks, spaCy model loaded {summary.model_loads} times)",
        err=True,
    )
    click.echo(f"rows: {tables}", err=True)
    click.echo(f"written to {output}", err=True)
    if summary.failures:
        from diplograph.spark.load import read_table
        from diplograph.spark.tables import failure_from

        if "://" not in output:
            from pathlib import Path

            for row in read_table(Path(output), "errors")[:SHOWN_FAILURES]:
                click.echo(failure_line(failure_from(row)), err=True)
        raise SystemExit(1)


@click.command("load")
@click.argument("parquet_dir", metavar="PARQUET_DIR", type=click.Path(exists=True, file_okay=False))
@click.option("--db", envvar="DIPLOGRAPH_DB", help="Store: a SQLite path or a postgresql:// URL "
              "[default: $DIPLOGRAPH_DB, else diplograph.db].")  # fmt: skip
def load(parquet_dir: str, db: str | None) -> None:
    """Load the Parquet tables written by `spark-extract` into a store, merging
    across reports exactly like `ingest`."""
    from diplograph.spark.load import NotSparkOutput
    from diplograph.spark.load import load as run

    failures = []

    def on_result(result) -> None:  # noqa: ANN001 - an IngestResult
        if result.status == "failed":
            failures.append(result)
            click.echo(f"{result.report_id}: {result.reason}", err=True)

    try:
        summary = run(parquet_dir, db, on_result=on_result)
    except NotSparkOutput as error:
        raise click.UsageError(str(error)) from error
    click.echo(
        f"{summary.added} added, {summary.replaced} replaced, {summary.unchanged} unchanged, "
        f"{summary.duplicate} duplicates, {summary.failed} failed",
        err=True,
    )
    if failures:
        raise SystemExit(1)
