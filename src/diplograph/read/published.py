"""The publication date of a report, and how it was found.

Order (GUIDELINES.md, "Hard cases"): an explicit `--published` option, then
the metadata that came with the report (JSON Lines `published`, the HTML page's
date), then a leading ` date YYYY-MM-DD` line, then a date printed at the top
of the page ("7/3/2019 9:30:05 AM", "Friday, 24 January 2020 08:45",
"Published Feb 15, 2025 01:07 am"). Parsing is dateparser's job; this module
only decides where to look, so that a date inside the story ("on January 9,
2026") is never taken for the publication date.
"""

from __future__ import annotations

import re
from datetime import date, datetime

import dateparser

#: ` date 2025-10-27 KUALA LUMPUR — ...`: the scrapers' first line.
DATE_LINE = re.compile(r"\A\s*date\s+(\d{4}-\d{2}-\d{2})\b")

_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_TIME = (
    r"(?:,?\s+\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:[AaPp]\.?[Mm]\.?)?"
    r"(?:\s*(?:GMT|UTC)?\s*[+-]\d{1,2}(?::?\d{2})?)?)?"
)
#: Dates with a day, a month and a year, the ways news pages print them.
HEADER_DATE = re.compile(
    r"(?<!\w)(?:"
    rf"\d{{1,2}}/\d{{1,2}}/\d{{4}}{_TIME}"  # 7/3/2019 9:30:05 AM, 27/10/2025 10:15 GMT+7
    rf"|\d{{4}}-\d{{2}}-\d{{2}}{_TIME}"  # 2025-10-27
    rf"|\d{{1,2}}\s+{_MONTH}\s*,?\s+\d{{4}}{_TIME}"  # 24 January 2020 08:45
    rf"|{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?\s*,?\s+\d{{4}}{_TIME}"  # June 02, 2024, 09:13 PM
    r")(?!\w)",
    re.IGNORECASE,
)
#: How far down "the top of the page" goes: lines and characters.
HEADER_LINES = 8
HEADER_CHARS = 800
#: A header line is short; a longer line is a sentence of the story.
HEADER_LINE_MAX = 90
#: Words a header line may hold besides the date (a byline, "Published", "Updated").
HEADER_OTHER_WORDS = 5


def to_iso(value: str | date | datetime | None) -> str | None:
    """Any date-ish value as YYYY-MM-DD, or None if it does not fix a day."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    text = str(value).strip()
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        try:
            return date.fromisoformat(text).isoformat()
        except ValueError:
            return None
    if re.match(r"\d{4}-\d{2}-\d{2}T", text):
        return to_iso(text[:10])
    parsed = dateparser.parse(
        text,
        languages=["en"],
        settings={"REQUIRE_PARTS": ["day", "month", "year"], "PREFER_DATES_FROM": "past"},
    )
    return parsed.date().isoformat() if parsed else None


def date_line(text: str) -> str | None:
    match = DATE_LINE.match(text)
    return to_iso(match.group(1)) if match else None


def header_date(text: str) -> str | None:
    """The first full date on a short line near the top of the page."""
    head = text[:HEADER_CHARS]
    lines = [line for line in head.splitlines() if line.strip()][:HEADER_LINES]
    for line in lines:
        match = header_match(line)
        if match:
            iso = to_iso(match.group(0))
            if iso:
                return iso
    return None


def header_match(line: str) -> re.Match[str] | None:
    """The date on a page-header line ("Published Feb 15, 2025 01:07 am",
    "Jane Doe | June 02, 2024"), or None for a line that is a sentence: one
    that ends with a full stop or has more than a few words besides the date."""
    line = line.strip()
    if len(line) > HEADER_LINE_MAX or line.endswith("."):
        return None
    match = HEADER_DATE.search(line)
    if match is None:
        return None
    rest = line[: match.start()] + " " + line[match.end() :]
    return match if len(re.findall(r"\w+", rest)) <= HEADER_OTHER_WORDS else None


def resolve_published(
    text: str, option: str | None = None, metadata: str | None = None
) -> tuple[str | None, str | None]:
    """(YYYY-MM-DD or None, how): how is option | metadata | date-line | page-header."""
    for how, value in (("option", to_iso(option)), ("metadata", to_iso(metadata))):
        if value:
            return value, how
    value = date_line(text)
    if value:
        return value, "date-line"
    value = header_date(text)
    if value:
        return value, "page-header"
    return None, None
