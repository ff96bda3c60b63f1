"""Read stage: paths (files, directories, `-` for standard input) in, a stream
of `Report | Failure` out, in the order given.

One module per input kind: `text`, `html`, `jsonl`, `directory`, `stdin`.
Every reader turns a bad input into a `Failure` with a plain reason (see
`common`), so a batch never dies for one file and no input vanishes. The
publication date is settled here (`published`), language is checked here
(`language`).
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO

from diplograph.read.directory import kind_of, walk
from diplograph.read.html import read_html_file
from diplograph.read.identity import Identities, Input, plan
from diplograph.read.jsonl import read_jsonl_file
from diplograph.read.stdin import read_stream
from diplograph.read.text import read_text_file
from diplograph.records import Failure, Report

__all__ = ["read_paths", "read_path", "read_stream", "count_reports", "FORMATS"]

#: Values of `--input-format`.
FORMATS = ("auto", "text", "html", "jsonl")


def _read_input(
    item: Input, ids: Identities, published: str | None, stdin: IO[bytes] | None
) -> Iterator[Report | Failure]:
    if item.path is None:
        yield from read_stream(stdin if stdin is not None else sys.stdin.buffer, item.kind, published)
    elif item.kind == "jsonl":
        yield from read_jsonl_file(item.path, published, lambda key: ids.record_id(item, key))
    elif item.kind == "html":
        yield read_html_file(item.path, published, ids.file_id(item))
    else:
        yield read_text_file(item.path, published, ids.file_id(item))


def read_paths(
    paths: Iterable[str | Path],
    published: str | None = None,
    input_format: str = "auto",
    stdin: IO[bytes] | None = None,
) -> Iterator[Report | Failure]:
    """Every report in every path (a file, a directory read recursively, or
    `-`), in the order given, each with an id no other report of the batch
    has (see `identity`: the batch is listed first, then read lazily)."""
    batch = plan(paths, input_format)
    ids = Identities(batch.shared)
    for item in batch.items:
        if isinstance(item, Failure):
            yield item
            continue
        for out in _read_input(item, ids, published, stdin):
            if isinstance(out, Report):
                repeated = ids.repeat(out.id, out.source)
                if repeated is not None:
                    yield repeated
                    continue
            yield out


def read_path(
    path: str | Path,
    published: str | None = None,
    input_format: str = "auto",
    stdin: IO[bytes] | None = None,
) -> Iterator[Report | Failure]:
    """Every report in one path: a file, a directory (recursive) or `-`."""
    yield from read_paths([path], published, input_format, stdin)


def count_reports(paths: Iterable[str | Path], input_format: str = "auto") -> int | None:
    """How many reports `read_paths` will yield, when that is known without
    reading them (files and directories of files); None with standard input
    or JSON Lines (one file, many reports). Used to size a progress bar."""
    total = 0
    for path in paths:
        if str(path) == "-":
            return None
        path = Path(path)
        files = list(walk(path)) if path.is_dir() else [path]
        for file in files:
            kind = kind_of(file) if input_format == "auto" else input_format
            if kind == "jsonl":
                return None
            total += 1
    return total
