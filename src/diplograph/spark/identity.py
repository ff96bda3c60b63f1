"""Each input's report id for a Spark run, decided on the driver.

Why on the driver: an id depends on the whole batch (`read.identity`: a
stem shared by two files qualifies both, a JSON Lines key shared by two
files qualifies each record), while a Spark task sees only its own items.
So the driver runs the very `read.identity` plan `extract` and `ingest`
run over the same input, and every item (a file, line 0; a JSON Lines
record, its line) travels to the executors with its id.

A repeat (the same JSON Lines id twice in one file, an id met again after
qualification) is refused as `read_paths` refuses it: the first input that
*reads* into a report keeps the id, every later one is a failure naming it.
Whether an input reads into a report is only known by reading it, so the
driver reads the few inputs whose id another input has too (with the same
`items.report_of` the executors run) and sends the later ones their reason.

No PySpark here: plain paths in, plain rows out (tested without a JVM).
"""

from __future__ import annotations

import os
from collections import defaultdict
from dataclasses import dataclass, replace
from pathlib import Path

from diplograph.read.identity import Identities, Input, plan
from diplograph.read.jsonl import bounded_lines
from diplograph.records import Report

#: Columns of the assignment the driver joins to the items.
ASSIGNED_DDL = "abs STRING, line BIGINT, source_path STRING, id STRING, refused STRING"


@dataclass(frozen=True)
class Assigned:
    """One input's identity: `abs` and `line` find its item (line 0: the
    whole file), `path` is the path as the batch gave it (the report's
    source, as `ingest` names it), `id` its report id (None: the reader's
    own, for a line that is no record), `refused` the reason it is a repeat."""

    abs: str
    line: int
    path: str
    id: str | None
    refused: str | None = None

    def row(self) -> tuple:
        return (self.abs, self.line, self.path, self.id, self.refused)


def assign(input: str | Path, published: str | None = None) -> list[Assigned]:
    """The identity of every item of a local input (a file or a directory)."""
    batch = plan([input])
    ids = Identities(batch.shared)
    out: list[Assigned] = []
    for item in batch.items:
        if not isinstance(item, Input) or item.path is None:
            continue  # "directory holds no report files": a Spark run has empty tables
        path, absolute = str(item.path), os.path.abspath(item.path)
        if item.kind == "jsonl":
            out.append(Assigned(absolute, 0, path, None))  # the file as one item: only when empty
            for number, key in enumerate(item.keys, start=1):
                out.append(Assigned(absolute, number, path, ids.record_id(item, key) if key else None))
        else:
            out.append(Assigned(absolute, 0, path, ids.file_id(item)))
    return _refuse_repeats(out, published)


def _refuse_repeats(out: list[Assigned], published: str | None) -> list[Assigned]:
    """Mark the later holders of an id two or more inputs would have."""
    holders: dict[str, list[int]] = defaultdict(list)
    for n, item in enumerate(out):
        if item.id is not None:
            holders[item.id].append(n)
    contested = sorted(n for group in holders.values() if len(group) > 1 for n in group)
    if not contested:
        return out
    data = _read(out[n] for n in contested)
    seen = Identities(set())
    for n in contested:  # input order, as read_paths meets them
        item = out[n]
        report = _report(item, data.get((item.abs, item.line)), published)
        if isinstance(report, Report):
            repeated = seen.repeat(report.id, report.source)
            if repeated is not None:
                out[n] = replace(item, refused=repeated.reason)
    return out


def _read(items) -> dict[tuple[str, int], bytes]:
    """The bytes of the given items, each file opened once."""
    wanted: dict[str, set[int]] = defaultdict(set)
    for item in items:
        wanted[item.abs].add(item.line)
    data: dict[tuple[str, int], bytes] = {}
    for absolute, lines in wanted.items():
        try:
            with open(absolute, "rb") as handle:
                if lines == {0}:
                    data[(absolute, 0)] = handle.read()
                    continue
                for number, raw in enumerate(bounded_lines(handle), start=1):
                    if number in lines:
                        data[(absolute, number)] = raw
        except OSError:
            pass  # the executor's read says why
    return data


def _report(item: Assigned, data: bytes | None, published: str | None):
    from diplograph.spark.items import report_of

    if data is None:
        return None
    kind = "jsonl" if item.line else "file"
    return report_of(kind, item.path, item.line, data, published, report_id=item.id)
