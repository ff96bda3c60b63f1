"""`diplograph load`: a Spark run's Parquet tables into a store.

Each report's `Extraction` is rebuilt from its rows (`tables.extraction_from`)
and handed to `store.ingest` in input order, so the store goes through the
very merge (actors, events, documents, targets, partnerships across reports,
near-duplicates, idempotent re-runs) that `diplograph ingest` performs.
Reports that failed in Spark (the `errors` table) are counted as failed.

Needs pyarrow only (no Spark, no Java). The tables of one run are read into
memory; for very large runs, extract and load the corpus in chunks.
"""

from __future__ import annotations

import os
from collections import defaultdict
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq

from diplograph.records import Extraction, Failure
from diplograph.spark.tables import SCHEMAS, TABLES, Rows, extraction_from, failure_from


class NotSparkOutput(ValueError):
    pass


def read_table(root: Path, table: str) -> list[dict[str, Any]]:
    folder = root / table
    if not folder.exists():
        if table in ("reports", "errors"):
            raise NotSparkOutput(f"{root} has no `{table}` table: not written by `diplograph spark-extract`")
        return []
    data = pq.read_table(folder, schema=SCHEMAS[table])
    return data.to_pylist()


def source_order(source: str | None) -> tuple:
    """Input order: path components (as a directory walk sorts them), then line number."""
    source = source or ""
    head, sep, tail = source.rpartition(":")
    line = int(tail) if sep and tail.isdigit() else 0
    path = head if sep and tail.isdigit() else source
    return (tuple(Path(path).parts), line)


def read_output(root: str | os.PathLike[str]) -> Iterator[Extraction | Failure]:
    """Every report of a Spark run, as Extractions and Failures, in input order."""
    root = Path(root)
    reports = read_table(root, "reports")
    errors = read_table(root, "errors")
    by_report: dict[str, Rows] = defaultdict(lambda: defaultdict(list))
    for table in TABLES:
        if table in ("reports", "errors"):
            continue
        for row in read_table(root, table):
            by_report[row["report_id"]][table].append(row)
    items: list[tuple[tuple, int, dict[str, Any], bool]] = [
        (source_order(r["source"]), i, r, True) for i, r in enumerate(reports)
    ] + [(source_order(r["source"]), len(reports) + i, r, False) for i, r in enumerate(errors)]
    items.sort(key=lambda item: (item[0], item[1]))
    for _, _, row, is_report in items:
        if is_report:
            yield extraction_from(row, by_report.get(row["id"], {}))
        else:
            yield failure_from(row)


def load(
    parquet_dir: str | os.PathLike[str],
    db: str | os.PathLike[str] | None = None,
    on_result: Callable | None = None,
):
    """Load a Spark run into the store at `db` (path or URL); an IngestSummary."""
    from diplograph.store.db import connect
    from diplograph.store.ingest import ingest
    from diplograph.store.results import IngestResult, IngestSummary

    engine = connect(db)
    summary = IngestSummary()

    def count(result: IngestResult) -> None:
        summary.count(result)
        if on_result:
            on_result(result)

    def extractions() -> Iterator[Extraction]:
        for item in read_output(parquet_dir):
            if isinstance(item, Failure):  # counted here: the store has nothing to write for it
                count(IngestResult(item.id, "failed", reason=f"{item.stage}: {item.reason}"))
            else:
                yield item

    try:
        ingest(engine, extractions(), on_result=count)
    finally:
        engine.dispose()
    return summary
