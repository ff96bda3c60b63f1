"""What the Spark workers run: input rows -> Reports -> the pipeline -> table rows.

An *item* is one report-to-be as Spark carries it: (kind, path, line, data).
  kind "file"   data is a whole text or HTML file (line 0)
  kind "jsonl"  data is one line of a JSON Lines file (line = its 1-based number)
  kind "object" data is one Parquet row as a JSON object (line = its 1-based row number)
Turning an item into a `Report` calls the read stage's own functions
(`report_from_text`, `report_from_html`, `report_from_object`, `decode`,
`too_large`), so ids, sources, publication dates and the reasons of failures
are the ones `extract`/`ingest` give for the same input. An item may carry
its report id (`id`, decided for the whole batch on the driver:
`spark.identity`) and the reason it is refused as a repeat (`refused`);
without them a file's id is its stem, a record's its `id` or
`<stem>-<line>`.

No PySpark import here: these functions take and return pyarrow batches, so
they are tested without a JVM and pickled by reference into the workers.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Iterable, Iterator
from pathlib import PurePosixPath
from typing import Any

import pyarrow as pa

from diplograph.read.common import decode, too_large
from diplograph.read.directory import kind_of
from diplograph.read.html import report_from_html
from diplograph.read.jsonl import report_from_object
from diplograph.read.text import report_from_text
from diplograph.records import Failure, Report
from diplograph.spark.tables import rows_of

#: Schema of items (input of the extraction step).
ITEM_SCHEMA = pa.schema(
    [("kind", pa.string()), ("path", pa.string()), ("line", pa.int64()), ("data", pa.binary())]
)
ITEM_DDL = "kind STRING, path STRING, line BIGINT, data BINARY"

#: Schema of the extraction step's output: one JSON row of one table. The
#: driver splits it into the Parquet tables (see `tables.SCHEMAS`).
ROW_SCHEMA = pa.schema([("table", pa.string()), ("row", pa.string())])
ROW_DDL = "`table` STRING, `row` STRING"

#: Per-task statistics travel as rows of this pseudo-table.
TASKS = "_tasks"


def local_path(uri: str) -> str:
    """`file:/a/b.txt` (how Spark names local files) -> `/a/b.txt`; other URIs unchanged."""
    if uri.startswith("file://"):
        return uri[len("file://") :]
    if uri.startswith("file:"):
        return uri[len("file:") :]
    return uri


def split_files(batches: Iterable[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
    """binaryFile rows (path, content) -> items: a JSON Lines file becomes one
    item per line, any other report file one item."""
    for batch in batches:
        out: dict[str, list[Any]] = {"kind": [], "path": [], "line": [], "data": []}
        paths, contents = batch.column("path").to_pylist(), batch.column("content").to_pylist()
        for path, content in zip(paths, contents, strict=True):
            path = local_path(path)
            if kind_of(PurePosixPath(path)) == "jsonl":
                for number, raw in enumerate((content or b"").split(b"\n"), start=1):
                    if raw.strip():
                        _append(out, "jsonl", path, number, raw)
            else:
                _append(out, "file", path, 0, content or b"")
        yield pa.RecordBatch.from_pydict(out, schema=ITEM_SCHEMA)


def _append(out: dict[str, list[Any]], kind: str, path: str, line: int, data: bytes) -> None:
    out["kind"].append(kind)
    out["path"].append(path)
    out["line"].append(line)
    out["data"].append(data)


def report_of(
    kind: str,
    path: str,
    line: int,
    data: bytes,
    published: str | None = None,
    report_id: str | None = None,
    refused: str | None = None,
) -> Report | Failure:
    """One item as the read stage would have read it. `report_id`: its id in
    the batch; `refused`: why it is a repeat (it is then not read)."""
    stem = PurePosixPath(path).stem
    source = path if kind == "file" else f"{path}:{line}"
    if refused:
        return Failure(report_id or stem, source, refused)
    if kind == "file":
        reason = too_large(len(data)) or (None if data else "empty file")
        if reason:
            return Failure(stem, path, reason)
        text, reason = decode(data)
        if text is None:
            return Failure(report_id or stem, path, reason or "unreadable")
        if kind_of(PurePosixPath(path)) == "html":
            return report_from_html(text, report_id or stem, path, published)
        return report_from_text(text, report_id or stem, path, published)
    identify = (lambda _key: report_id) if report_id else None
    if kind == "jsonl":  # the per-line steps of read.jsonl.read_jsonl_lines
        reason = too_large(len(data))
        if reason:
            return Failure(source, source, reason)
        text, reason = decode(data)
        if text is None:
            return Failure(source, source, reason or "unreadable")
        try:
            obj = json.loads(text)
        except json.JSONDecodeError as error:
            return Failure(source, source, f"malformed JSON Lines record: {error.msg} (column {error.colno})")
        return report_from_object(obj, f"{stem}-{line}", source, published, identify)
    if kind == "object":
        return report_from_object(json.loads(data), f"{stem}-{line}", source, published, identify)
    return Failure(source, source, f"unknown item kind {kind!r}")


def extract_items(
    batches: Iterable[pa.RecordBatch], published: str | None = None, batch_size: int = 32
) -> Iterator[pa.RecordBatch]:
    """The body of one Spark task: items in, table rows out.

    The spaCy model is loaded through `nlp.load_model`, which caches it per
    process; Spark reuses its Python workers (spark.python.worker.reuse), so
    a worker loads the model for its first task only, never per report.
    The last row a task yields is its statistics (pseudo-table `_tasks`).
    """
    from diplograph.nlp import load_model
    from diplograph.pipeline import process_batch

    started = time.perf_counter()
    loaded_before = load_model.cache_info().currsize > 0
    nlp = load_model()
    model_seconds = time.perf_counter() - started
    counts = {"reports": 0, "failures": 0}

    def flush(pending: list[Report | Failure]) -> pa.RecordBatch:
        tables, rows = [], []
        for result in process_batch(pending, nlp):
            counts["failures" if isinstance(result, Failure) else "reports"] += 1
            for table, table_rows in rows_of(result).items():
                for row in table_rows:
                    tables.append(table)
                    rows.append(json.dumps(row, ensure_ascii=False))
        return pa.RecordBatch.from_pydict({"table": tables, "row": rows}, schema=ROW_SCHEMA)

    pending: list[Report | Failure] = []
    for batch in batches:
        columns = [batch.column(name).to_pylist() for name in ("kind", "path", "line", "data")]
        for name in ("id", "refused"):  # the batch's ids, when the driver decided them
            given = name in batch.schema.names
            columns.append(batch.column(name).to_pylist() if given else [None] * batch.num_rows)
        for kind, path, line, data, report_id, refused in zip(*columns, strict=True):
            try:
                pending.append(report_of(kind, path, line, data, published, report_id, refused))
            except Exception as error:  # noqa: BLE001 - one bad item never stops a task
                pending.append(Failure(f"{path}:{line}", path, f"could not be read: {error!r}"))
            if len(pending) >= batch_size:
                yield flush(pending)
                pending = []
    if pending:
        yield flush(pending)
    stats = {
        "pid": os.getpid(),
        "model_loaded": not loaded_before,
        "model_seconds": round(model_seconds, 3),
        "seconds": round(time.perf_counter() - started, 3),
        **counts,
    }
    yield pa.RecordBatch.from_pydict({"table": [TASKS], "row": [json.dumps(stats)]}, schema=ROW_SCHEMA)
