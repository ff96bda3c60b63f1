"""JSON Lines: one object per report, with `text` or `html`, and optionally
`id`, `url`, `title`, `published` (strings; `id` may be a number). A
report's id is its `id`, else `<file stem>-<line number>`, qualified by its
file when another input of the batch has the same (`identity`). A malformed line is one `Failure` named
`path:line`; the lines after it are still read.

The file is read line by line (never whole), so a large batch streams.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import IO

from diplograph.read.common import MAX_BYTES, decode, finish, too_large
from diplograph.read.files import check_file
from diplograph.read.html import report_from_html
from diplograph.records import Failure, Report


def report_from_object(
    obj: object,
    default_id: str,
    source: str,
    published: str | None = None,
    identify: Callable[[str], str] | None = None,
) -> Report | Failure:
    """One record. `identify`: the batch's id for the record's key (its `id`,
    else `default_id`; see `identity`). What the store could not hold is
    refused here, with a reason: a field of the wrong type, an id that is
    too long or holds control characters (checked in `common.finish`)."""
    if not isinstance(obj, dict):
        return Failure(
            source, source, "malformed JSON Lines record: expected an object, got " + type(obj).__name__
        )
    given = obj.get("id")
    if given is not None and (isinstance(given, bool) or not isinstance(given, str | int)):
        return Failure(source, source, f"JSON Lines `id` must be a string or a number, not {_kind(given)}")
    key = str(given) if given not in (None, "") else default_id
    id = identify(key) if identify else key
    text, html = obj.get("text"), obj.get("html")
    for name in ("text", "html", "title", "url", "published"):
        value = obj.get(name)
        if value is not None and not isinstance(value, str):
            return Failure(id, source, f"JSON Lines `{name}` must be a string, not {_kind(value)}")
    meta_published = obj.get("published") or None
    url = obj.get("url") or None
    title = obj.get("title") or None
    if isinstance(text, str) and text.strip():
        return finish(
            Report(id=id, text=text, url=url, title=title, source=source), published, meta_published
        )
    if isinstance(html, str) and html.strip():
        return report_from_html(html, id, source, published, url, title, meta_published)
    if text is None and html is None:
        return Failure(id, source, "JSON Lines record has neither `text` nor `html`")
    return Failure(id, source, "empty report (no text)")


def _kind(value: object) -> str:
    return {dict: "an object", list: "a list", bool: "true/false", int: "a number", float: "a number"}.get(
        type(value), type(value).__name__
    )


def read_jsonl_lines(
    lines: Iterable[bytes],
    stem: str,
    name: str,
    published: str | None = None,
    identify: Callable[[str], str] | None = None,
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
        yield report_from_object(obj, f"{stem}-{number}", source, published, identify)


def bounded_lines(handle: IO[bytes]) -> Iterator[bytes]:
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


def read_jsonl_file(
    path: Path, published: str | None = None, identify: Callable[[str], str] | None = None
) -> Iterator[Report | Failure]:
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
        for item in read_jsonl_lines(bounded_lines(handle), path.stem, source, published, identify):
            count += 1
            yield item
    if count == 0:
        yield Failure(path.stem, source, "no JSON Lines records (only blank lines)")


def read_jsonl_stream(
    handle: IO[bytes], name: str = "-", published: str | None = None
) -> Iterator[Report | Failure]:
    yield from read_jsonl_lines(bounded_lines(handle), "stdin", name, published)
