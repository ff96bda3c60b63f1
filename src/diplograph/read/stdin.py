"""Standard input (`-`): JSON Lines, HTML or plain text, told apart by the
first non-blank character unless `--input-format` says. Plain text and HTML
from stdin are one report with id `stdin`; JSON Lines stream line by line."""

from __future__ import annotations

from collections.abc import Iterator
from typing import IO

from diplograph.read.common import MAX_BYTES, decode, too_large
from diplograph.read.html import report_from_html
from diplograph.read.jsonl import read_jsonl_stream
from diplograph.read.text import report_from_text
from diplograph.records import Failure, Report

#: How many bytes are looked at to sniff the format.
SNIFF_BYTES = 4096


def sniff(head: bytes) -> str:
    start = head.lstrip()[:200].lower()
    if start.startswith(b"{"):
        return "jsonl"
    if start.startswith((b"<!doctype html", b"<html", b"<?xml", b"<head", b"<body", b"<article", b"<div")):
        return "html"
    return "text"


class _Replay:
    """A byte stream with its sniffed head put back in front."""

    def __init__(self, head: bytes, rest: IO[bytes]) -> None:
        self.head, self.rest = head, rest

    def readline(self, limit: int = -1) -> bytes:
        if self.head:
            newline = self.head.find(b"\n")
            if newline >= 0 and (limit < 0 or newline < limit):
                line, self.head = self.head[: newline + 1], self.head[newline + 1 :]
                return line
            if limit >= 0 and len(self.head) >= limit:
                line, self.head = self.head[:limit], self.head[limit:]
                return line
            line, self.head = self.head, b""
            more = self.rest.readline(-1 if limit < 0 else limit - len(line))
            return line + more
        return self.rest.readline(limit)


def read_stream(
    handle: IO[bytes], input_format: str = "auto", published: str | None = None
) -> Iterator[Report | Failure]:
    head = handle.read(SNIFF_BYTES)
    kind = sniff(head) if input_format == "auto" else input_format
    if kind == "jsonl":
        yield from read_jsonl_stream(_Replay(head, handle), "-", published)  # type: ignore[arg-type]
        return
    data = head + handle.read(MAX_BYTES + 1 - len(head))
    reason = too_large(len(data))
    if reason:
        yield Failure("stdin", "-", f"too large (over {MAX_BYTES // 1024 // 1024} MB; the limit)")
        return
    if not data:
        yield Failure("stdin", "-", "empty input on stdin")
        return
    text, reason = decode(data)
    if text is None:
        yield Failure("stdin", "-", reason or "unreadable")
        return
    if kind == "html":
        yield report_from_html(text, "stdin", "-", published)
    else:
        yield report_from_text(text, "stdin", "-", published)
