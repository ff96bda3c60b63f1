"""HTML pages: trafilatura finds the main text and the page's metadata (title,
URL, publication date via htmldate). The report's text is trafilatura's
main text; every span points into it.

Why trafilatura and not tag stripping: menus, footers, cookie banners and
"related stories" boxes are what makes a page unreadable, and recognising
them is a solved problem we do not re-solve.
"""

from __future__ import annotations

from pathlib import Path

import trafilatura

from diplograph.read.common import decode, finish
from diplograph.read.files import read_bytes
from diplograph.records import Failure, Report


def report_from_html(
    html: str,
    id: str,
    source: str,
    published: str | None = None,
    url: str | None = None,
    title: str | None = None,
    metadata_published: str | None = None,
) -> Report | Failure:
    try:
        doc = trafilatura.bare_extraction(
            html, url=url, with_metadata=True, include_comments=False, include_tables=False
        )
    except Exception as error:  # noqa: BLE001 - a broken page is one failure, not a crash
        return Failure(id, source, f"HTML could not be parsed: {error}")
    if doc is None or not (doc.text or "").strip():
        return Failure(id, source, "no main text found in the HTML page")
    report = Report(
        id=id,
        text=doc.text,
        url=url or doc.url,
        title=title or doc.title,
        source=source,
    )
    return finish(report, published, metadata_published or doc.date)


def read_html_file(path: Path, published: str | None = None, id: str | None = None) -> Report | Failure:
    """`id`: the report's id in its batch (`identity`), else the file's stem."""
    id = id or path.stem
    data = read_bytes(path)
    if isinstance(data, Failure):
        return data
    text, reason = decode(data)
    if text is None:
        return Failure(id, str(path), reason or "unreadable")
    return report_from_html(text, id, str(path), published)
