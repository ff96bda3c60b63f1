"""HTML pages: trafilatura finds the main text and the page's metadata (title,
URL, publication date via htmldate). The report's text is trafilatura's
main text; every span points into it.

Why trafilatura and not tag stripping: menus, footers, cookie banners and
"related stories" boxes are what makes a page unreadable, and recognising
them is a solved problem we do not re-solve.
"""

from __future__ import annotations

import re
from pathlib import Path

import htmldate
import lxml.html
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
        # A fragment (`<p>...</p>` from a JSON Lines dump) has no page for
        # trafilatura to find a main text in: its own text is the report.
        text = fragment_text(html)
        if not text.strip():
            return Failure(id, source, "no main text found in the HTML page")
        return finish(
            Report(id=id, text=text, url=url, title=title, source=source), published, metadata_published
        )
    report = Report(
        id=id,
        text=doc.text,
        url=url or doc.url,
        title=title or doc.title,
        source=source,
    )
    return finish(report, published, metadata_published or page_date(html, doc.date, url or doc.url))


#: "© 2023", "Copyright 2023", "(c) 2019-2023", "&copy; Copyright 2023": a footer's year.
_COPYRIGHT = re.compile(
    r"(?:©|&copy;|&#169;|\(c\)|copyright)\s*(?:©|&copy;|copyright)?\s*(?:\d{4}\s*[-–]\s*)?(\d{4})",
    re.IGNORECASE,
)


def page_date(html: str, found: str | None, url: str | None) -> str | None:
    """The page's publication date as htmldate found it, unless all it found
    is a copyright year: htmldate's extensive search turns "© Copyright 2023"
    into 2023-01-01, which would then anchor "on Tuesday" in 2022. A
    1 January date whose year the page states only as a copyright is asked
    again without the extensive search (None when that finds nothing)."""
    if not found or not found.endswith("-01-01"):
        return found
    years = {m.group(1) for m in _COPYRIGHT.finditer(html)}
    if found[:4] not in years:
        return found
    try:
        return htmldate.find_date(html, extensive_search=False, original_date=True, url=url)
    except Exception:  # noqa: BLE001 - no date is better than a wrong one
        return None


#: Elements after which a fragment's text breaks the line.
_BLOCKS = {
    "p",
    "div",
    "br",
    "li",
    "tr",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "section",
    "article",
}


def fragment_text(html: str) -> str:
    """The readable text of an HTML fragment: one line per block element,
    spaces collapsed, scripts and styles left out."""
    try:
        root = lxml.html.fragment_fromstring(html, create_parent="div")
    except Exception:  # noqa: BLE001 - unparseable: no text
        return ""
    for element in root.iter("script", "style", "noscript", "template"):
        element.drop_tree()
    for element in root.iter():
        if isinstance(element.tag, str) and element.tag.lower() in _BLOCKS:
            element.tail = "\n" + (element.tail or "")
    lines = (" ".join(line.split()) for line in root.text_content().splitlines())
    return "\n".join(line for line in lines if line)


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
