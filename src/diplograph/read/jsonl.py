"""JSON Lines: one object per report, with `text` or `html`, and optionally
`id`, `url`, `title`, `published`. A report's id is its `id`, else
`<file stem>-<line number>`. A malformed line is one `Failure` named
`path:line`; the lines after it are still read.

The file is read line by line (never whole), so a large batch streams.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO

from diplograph.read.common import MAX_BYTES, decode, too_large
from diplograph.read.files import check_file
from diplograph.read.html import report_from_html
from diplograph.read.text import report_from_text
from diplograph.records import Failure, Report


def report_from_object(
    obj: object, default_id: str, source: str, published: str | None = None
) -> Report | Failure:
    if not isinstance(obj, dict):
        return Failure(
            source, source, "malformed JSON Lines record: expected an object, got " + type(obj).__name__
        )
    id = str(obj.get("id") or default_id)
    text, html = obj.get("text"), obj.get("html")
    meta_published = obj.get("published")
    meta_published = str(meta_published) if meta_published else None
    url = obj.get("url") or None
    title = obj.get("title") or None
    if isinstance(text, str) and text.strip():
        report = report_from_text(text, id, source, published, meta_published)
        if isinstance(report, Report):
            report.url, report.title = url, title
        return report
    if isinstance(html, str) and html.strip():
        return report_from_html(html, id, source, published, url, title, meta_published)
    if text is None and html is None:
        return Failure(id, source, "JSON Lines record has neither `text` nor `html`")
    return Failure(id, source, "empty report (no text)")


def read_jsonl_lines(
    lines: Iterable[bytes], stem: str, name: str, published: str | None = None
) -> Iterator[Report | Failure]:
    for number, raw in enumerate(lines, start=1):
        source = f"{name}:{number}"
        if not raw.strip():
            continue
        reason = too_large(len(raw))
        if reason:
            yield Failure(source, source, reason)
            continue
        line, reason = decode(raw)
        if line is None:
            yield Failure(source, source, reason or "unreadable")
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as error:
            yield Failure(source, source, f"malformed JSON Lines record: {error.msg} (column {error.colno})")
            continue
        yield report_from_object(obj, f"{stem}-{number}", source, published)


def _bounded_lines(handle: IO[bytes]) -> Iterator[bytes]:
    """Lines of at most MAX_BYTES + 1 bytes: a runaway line is cut and reported
    as too large, its remainder skipped, instead of filling memory."""
    while True:
        line = handle.readline(MAX_BYTES + 1)
        if not line:
            return
        if len(line) > MAX_BYTES and not line.endswith(b"\n"):
            while True:
                rest = handle.readline(MAX_BYTES)
                if not rest or rest.endswith(b"\n"):
                    break
        yield line


def read_jsonl_file(path: Path, published: str | None = None) -> Iterator[Report | Failure]:
    """A JSON Lines file has no overall size limit (it is a batch); each line has."""
    source = str(path)
    problem = check_file(path)
    if problem:
        yield problem
        return
    try:
        handle = open(path, "rb")  # noqa: SIM115 - closed below, lines are streamed
    except OSError as error:
        yield Failure(source, source, f"cannot read: {error.strerror or error}")
        return
    count = 0
    with handle:
        for item in read_jsonl_lines(_bounded_lines(handle), path.stem, source, published):
            count += 1
            yield item
    if count == 0:
        yield Failure(path.stem, source, "no JSON Lines records (only blank lines)")


def read_jsonl_stream(
    handle: IO[bytes], name: str = "-", published: str | None = None
) -> Iterator[Report | Failure]:
    yield from read_jsonl_lines(_bounded_lines(handle), "stdin", name, published)
