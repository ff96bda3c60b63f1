"""Plain text files, like ../shared/seeds/*.txt: the file's text is the report."""

from __future__ import annotations

from pathlib import Path

from diplograph.read.common import decode, finish
from diplograph.read.files import read_bytes
from diplograph.records import Failure, Report


def report_from_text(
    text: str, id: str, source: str, published: str | None = None, metadata_published: str | None = None
) -> Report | Failure:
    return finish(Report(id=id, text=text, source=source), published, metadata_published)


def read_text_file(path: Path, published: str | None = None, id: str | None = None) -> Report | Failure:
    """`id`: the report's id in its batch (`identity`), else the file's stem."""
    id = id or path.stem
    data = read_bytes(path)
    if isinstance(data, Failure):
        return data
    text, reason = decode(data)
    if text is None:
        return Failure(id, str(path), reason or "unreadable")
    return report_from_text(text, id, str(path), published)
