"""The publication date of a report, and how it was found.

Order (GUIDELINES.md, "Hard cases"): an explicit `--published` option, then
the metadata that came with the report (JSON Lines `published`, the HTML page's
date), then a leading ` date YYYY-MM-DD` line, then a date printed at the top
of the page ("7/3/2019 9:30:05 AM", "Friday, 24 January 2020 08:45",
"Published Feb 15, 2025 01:07 am", "[24.08.2011 17:19]", a wire dateline
"Berlin (AFP) July 13, 2011"), then a source credit on one of the last
lines ("(Xinhua News Agency May 28, 2009)"). Parsing is dateparser's job; this module
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
_FULL_DATE = (
    rf"\d{{1,2}}/\d{{1,2}}/\d{{4}}{_TIME}"  # 7/3/2019 9:30:05 AM, 27/10/2025 10:15 GMT+7
    rf"|\d{{4}}-\d{{2}}-\d{{2}}{_TIME}"  # 2025-10-27
    rf"|\d{{1,2}}\.\d{{1,2}}\.(?:\d{{4}}|\d{{2}}(?![.\d])){_TIME}"  # 06.04.2017 01:00, 03.11.17 09:11
    rf"|\d{{1,2}}-\d{{1,2}}-\d{{4}}{_TIME}"  # 27-05-2025
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH}\s*,?\s+\d{{4}}{_TIME}"  # 24 January 2020 08:45, 7th April 2006
    rf"|{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?\s*,?\s+\d{{4}}{_TIME}"  # June 02, 2024, 09:13 PM
)
#: A numeric date may be glued to the outlet's name ("The Sun27-05-2025").
HEADER_DATE = re.compile(rf"(?<![\d/.-])(?:{_FULL_DATE})(?![\d/])", re.IGNORECASE)
#: A wire dateline with the date after the agency ("Berlin (AFP) July 13, 2011 The leaders ...").
_AGENCY_DATE = re.compile(
    rf"\((?P<agency>[A-Za-z][\w.&/ -]{{0,30}})\)\s*(?P<date>{_FULL_DATE})", re.IGNORECASE
)
#: A dateline with a full date ("Caracas, Venezuela, August 12, 2005—On a four-day tour ...").
_DATELINE = re.compile(
    r"^\s*(?:[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’()-]*){0,3}\s*,\s*){1,2}"
    rf"(?P<date>{_FULL_DATE})\s*(?:—|–|--|-|:)",
)
#: A line that opens with its date ("03.11.17 09:11- President of Tajikistan ... held talks").
_OPENING_DATE = re.compile(rf"^\s*\[?(?P<date>{_FULL_DATE})\]?\s*(?:—|–|--|-|:|\|)", re.IGNORECASE)
#: A source credit on a line of its own ("(Xinhua News Agency May 28, 2009)").
_CREDIT = re.compile(rf"^\s*\((?P<source>[A-Za-z][\w.&/ -]{{0,40}}?)[,\s]+(?P<date>{_FULL_DATE})\)\s*$", re.I)
#: How many lines from the bottom a credit line may stand.
CREDIT_LINES = 3
#: How far down "the top of the page" goes: lines and characters.
HEADER_LINES = 8
HEADER_CHARS = 800
#: A header line is short; a longer line is a sentence of the story.
HEADER_LINE_MAX = 90
#: Words a header line may hold besides the date (a byline, "Published", "Updated").
HEADER_OTHER_WORDS = 5


def _numeric(text: str, day_first: bool) -> str | None:
    """A numeric date (day and month in either order) as YYYY-MM-DD: the
    order is the one that makes a real date; where both do, `day_first`
    (dots and dashes are day-first; slashes month-first, unless the line is
    not English, as "Thứ Bảy, 06/10/2018" is Vietnamese)."""
    m = re.match(r"(\d{1,2})[./-](\d{1,2})[./-](\d{2,4})", text)
    if m is None:
        return None
    a, b, year = int(m.group(1)), int(m.group(2)), int(m.group(3))
    year += 2000 if year < 100 else 0
    orders = [(b, a), (a, b)] if day_first else [(a, b), (b, a)]
    for month, day in orders:
        try:
            return date(year, month, day).isoformat()
        except ValueError:
            continue
    return None


def to_iso(value: str | date | datetime | None, day_first: bool | None = None) -> str | None:
    """Any date-ish value as YYYY-MM-DD, or None if it does not fix a day.
    `day_first` decides a numeric date whose day and month could swap."""
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
    numeric = re.match(r"\d{1,2}([./-])\d{1,2}[./-]\d{2,4}\b", text)
    if numeric:
        first = numeric.group(1) != "/" if day_first is None else day_first
        return _numeric(text, first)
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
            iso = to_iso(match.group(0), _day_first(line, match.group(0)))
            if iso:
                return iso
    for line in lines[:4]:  # "Berlin (AFP) July 13, 2011 The leaders ...", "Caracas, ..., August 12, 2005—On"
        match = _AGENCY_DATE.search(line[:200]) or _DATELINE.match(line) or _OPENING_DATE.match(line)
        if match:
            iso = to_iso(match.group("date"), _day_first(line, match.group("date")))
            if iso:
                return iso
    return None


def _day_first(line: str, found: str) -> bool:
    """Whether a numeric date on this line puts the day first: dots and
    dashes do; slashes do on a line that is not English (a weekday such as
    "Thứ Bảy" before the date)."""
    if "/" not in found:
        return True
    return any(ord(c) > 127 and c.isalpha() for c in line)


def credit_date(text: str) -> str | None:
    """The date of a source credit on one of the last lines ("(Xinhua News Agency May 28, 2009)")."""
    lines = [line for line in text.splitlines() if line.strip()][-CREDIT_LINES:]
    for line in reversed(lines):
        match = _CREDIT.match(line)
        if match:
            iso = to_iso(match.group("date"), _day_first(line, match.group("date")))
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
    rest = HEADER_DATE.sub(" ", line[: match.start()] + " " + line[match.end() :])
    words = [w for w in re.findall(r"[^\W\d]+", rest)]  # times and numbers are no words
    return match if len(words) <= HEADER_OTHER_WORDS else None


def resolve_published(
    text: str, option: str | None = None, metadata: str | None = None
) -> tuple[str | None, str | None]:
    """(YYYY-MM-DD or None, how): how is option | metadata | date-line | page-header | credit-line."""
    for how, value in (("option", to_iso(option)), ("metadata", to_iso(metadata))):
        if value:
            return value, how
    value = date_line(text)
    if value:
        return value, "date-line"
    value = header_date(text)
    if value:
        return value, "page-header"
    value = credit_date(text)
    if value:
        return value, "credit-line"
    return None, None
