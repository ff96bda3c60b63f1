"""Dates in a report's sentences, resolved against its publication date.

Why a module of its own: every record kind carries a date, and every one must
say how it was found (explicit, relative to publication, from context, or
unknown). The rules (GUIDELINES "Dates"):

- only a day fixes a date: "in July 2023" or "in 2024" give `value=None`
  (with the precision noted), never the first of the month;
- "on Monday", "today", "yesterday" resolve against the publication date
  (a weekday is the latest such day on or before publication: news reports
  past events);
- "on October 26" takes its year from the publication date (or, without
  one, from the year the report itself makes evident);
- "the same day" is the date of the previous dated event, which only the
  caller knows: `find_dates` marks it `how="same-day"` for the caller;
- the publication date is NEVER used silently: a sentence without a date
  expression has no date.

The parsing of the expression itself is dateparser's (`DateDataParser`, its
`period` says the precision); we only find candidate expressions with one
compiled regular expression, which is far faster and less noisy than
`dateparser.search` over whole sentences.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files

import yaml
from dateparser.date import DateDataParser

from diplograph.records import ResolvedDate

_WORDS = yaml.safe_load(files("diplograph.data").joinpath("dates.yaml").read_text("utf-8"))


def _alternatives(words: list[str]) -> str:
    """Words or phrases as a regex alternation, longest first, a space matching any spacing."""
    ordered = sorted(set(words), key=lambda w: (-len(w), w))
    return "|".join(r"\s+".join(re.escape(w) for w in p.split()) for p in ordered)


#: a month's name or abbreviation, with its dot ("Sept.")
_MONTHS = rf"(?:{_alternatives([f for m, abbr in _WORDS['months'].items() for f in (m, *abbr)])})\.?"
_WEEKDAYS = tuple(w.lower() for w in _WORDS["weekdays"])
_WEEKDAY_NAMES = _alternatives(list(_WORDS["weekdays"]))
_PARTS_OF_DAY = _alternatives(_WORDS["parts_of_day"])
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:19|20)\d\d"

_PREVIOUS = _WORDS["previous_event_day"]


def _with_parts(phrases: list[str]) -> str:
    return _alternatives([p.replace("{part}", part) for p in phrases for part in _WORDS["parts_of_a_day"]])


def _counted(phrases: list[str]) -> str:
    """ "a day earlier": the counting word is looked behind, not matched."""
    behind = "|".join(rf"(?<=\b{re.escape(w)}\s)" for w in _PREVIOUS["counting_words"])
    return rf"(?:{behind})(?:{_alternatives(phrases)})\b"


_LEADS = _alternatives(_PREVIOUS["leads"])
#: "the same day" and its kin, one named group per distance from the previous dated event
_SAME_DAY = (
    rf"(?P<same_day>\b(?:(?:{_LEADS})\s+)?(?:(?:{_alternatives(_PREVIOUS['prepositions'])})\s+)?"
    rf"(?:{_with_parts(_PREVIOUS['same_day'])})\b"
    rf"|\b(?:{_LEADS})\s+(?:{_with_parts(_PREVIOUS['after_a_lead'])})\b)"
    rf"|(?P<day_before>\b(?:{_alternatives(_PREVIOUS['day_before'])})\b|{_counted(_PREVIOUS['counted_before'])})"
    rf"|(?P<day_after>\b(?:{_alternatives(_PREVIOUS['day_after'])})\b|{_counted(_PREVIOUS['counted_after'])})"
)

#: Candidate date expressions, most specific first (alternation order matters).
#: A range of days ("Jan 8-9, 2023", "8-9 January 2023", "31 May-2 June 2024")
#: is its first day, in the year written after its last (`rmd`, `rdm`).
DATE_PATTERN = re.compile(
    rf"""
    (?P<rmd>(?P<rmd_m>{_MONTHS})\s+(?P<rmd_d>{_DAY})\s*[-–]\s*(?:{_MONTHS}\s+)?{_DAY}(?:\s*,\s*|\s+)(?P<y6>{_YEAR})\b)
  | (?P<rdm>\b(?P<rdm_d>{_DAY})(?:\s+(?:of\s+)?(?P<rdm_m1>{_MONTHS}))?\s*[-–]\s*{_DAY}\s+(?:of\s+)?
        (?P<rdm_m>{_MONTHS})(?:\s*,?\s*(?P<y7>{_YEAR}))?\b)
  | (?P<mdy>{_MONTHS}\s+{_DAY}(?:\s*,\s*|\s+)(?P<y1>{_YEAR})\b)
  | (?P<dmy>\b{_DAY}\s+(?:of\s+)?{_MONTHS}(?:\s*,?\s*(?P<y2>{_YEAR}))?\b)
  | (?P<md>{_MONTHS}\s+{_DAY}\b(?!\s*(?:{_alternatives(_WORDS["not_after_a_day"])})))
  | (?P<iso>\b(?P<y3>{_YEAR})-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])\b)
  | (?P<num>\b(?:0?[1-9]|[12]\d|3[01])/(?:0?[1-9]|1[0-2])/(?P<y4>{_YEAR})\b)
  | (?P<my>\b{_MONTHS}\s+(?:of\s+)?(?P<y5>{_YEAR})\b)
  | (?P<month>\b(?:{_alternatives(_WORDS["month_leads"])})\s+{_MONTHS}
        (?!\s+(?:of\s+)?{_YEAR})(?!\s+\d)(?=[\s,.;]|$))
  | (?P<yr>\b(?:{_alternatives(_WORDS["year_leads"])})\s+{_YEAR}\b)
  | (?P<same>{_SAME_DAY})
  | (?P<wd>\b(?:on\s+|last\s+|next\s+|this\s+(?:past\s+|coming\s+)?)?
        (?:{_WEEKDAY_NAMES})\b
        (?:\s+(?:{_PARTS_OF_DAY}))?)
  | (?P<rel>\b(?:{_alternatives(_WORDS["relative_days"])}|this\s+(?:morning|afternoon|evening))\b)
    """,
    re.VERBOSE | re.IGNORECASE,
)
#: Where a DATE_PATTERN match can start (a superset): a digit, a month's
#: abbreviation (anywhere: "mdy" has no leading word boundary), or a word
#: that opens one of its alternatives. Keep it in step with DATE_PATTERN
#: (tests/test_dates.py checks both give the same matches on real reports).
#: the words that open the "same day" alternative ("earlier that day", "the day before", "a day later")
_PHRASE_KEYS = ("same_day", "day_before", "day_after", "counted_before", "counted_after")
_SAME_DAY_STARTS = sorted({phrase.split()[0] for key in _PHRASE_KEYS for phrase in _PREVIOUS[key]}
                          | set(_PREVIOUS["leads"]) | set(_PREVIOUS["prepositions"]))
_DATE_START = re.compile(
    r"\d|" + "|".join(sorted({m[:3].lower() for m in _WORDS["months"]}))
    + r"|\b(?:" + _alternatives([*_WORDS["month_leads"], *_WORDS["year_leads"], *_SAME_DAY_STARTS,
                                  *(w[:-3] for w in _WORDS["weekdays"]), *_WORDS["relative_days"]]) + ")",
    re.IGNORECASE,
)


def date_matches(text: str) -> Iterator[re.Match[str]]:
    """What `DATE_PATTERN.finditer(text)` yields, about three times faster:
    the big pattern is tried only where a cheap one says a date may start,
    instead of at every character."""
    cursor = 0
    for candidate in _DATE_START.finditer(text):
        start = candidate.start()
        if start < cursor:
            continue
        m = DATE_PATTERN.match(text, start)
        if m is not None:
            yield m
            cursor = m.end()


#: A written day: "April 2, 2023", "February 8", "2 April 2023".
DAY_MONTH = rf"(?:{_MONTHS}\s+{_DAY}(?:\s*,\s*{_YEAR}|\s+{_YEAR})?|{_DAY}\s+{_MONTHS}(?:\s*,?\s*{_YEAR})?)"
_MONTH_WORD = re.compile(_MONTHS, re.IGNORECASE)
_WEEKDAY_WORD = re.compile(rf"(?i)\b({_WEEKDAY_NAMES})\b")
_YEAR_IN_TEXT = re.compile(rf"\b({_YEAR})\b")


@dataclass(frozen=True)
class FoundDate:
    """A date expression found in a text: where, what it says, how resolved."""

    start: int
    end: int
    text: str
    date: ResolvedDate


@lru_cache(maxsize=1)
def _parser() -> DateDataParser:
    """One parser per process: building one costs far more than using it."""
    return DateDataParser(languages=["en"], settings={"PREFER_DATES_FROM": "past"})


@lru_cache(maxsize=4096)
def _parse(expression: str) -> tuple[dt.date | None, str | None]:
    """dateparser on one expression: (date, period) or (None, None). Cached:
    the same expressions recur in a batch."""
    data = _parser().get_date_data(expression)
    if data is None or data.date_obj is None:
        return None, None
    return data.date_obj.date(), data.period


def as_date(published: str | dt.date | None) -> dt.date | None:
    if published is None or isinstance(published, dt.date):
        return published
    try:
        return dt.date.fromisoformat(str(published)[:10])
    except ValueError:
        return None


def _year_for(month_day: dt.date, published: dt.date | None, context_year: int | None) -> int | None:
    """The year of "October 26" with no year: the publication's year, or the
    year before when that would put the day well after publication (a report
    of 3 January about "December 30"); else the report's evident year.
    None for 29 February when the publication's year has none ("on Feb. 29"
    in a report of December 2011): which leap year is meant is a guess."""
    if published is not None:
        try:
            candidate = month_day.replace(year=published.year)
        except ValueError:
            return None
        if (candidate - published).days > 31:
            return published.year - 1
        return published.year
    return context_year


def _written_year(m: re.Match[str]) -> str | None:
    """The year a DATE_PATTERN match writes out, if any."""
    return next((m.group(g) for g in ("y1", "y2", "y3", "y4", "y6", "y7") if m.group(g)), None)


def _classify(m: re.Match[str], published: dt.date | None, context_year: int | None) -> ResolvedDate:
    text = m.group(0)
    kind = None
    for name in ("rmd", "rdm", "mdy", "dmy", "md", "iso", "num", "my", "month", "yr", "same", "wd", "rel"):
        if m.group(name):
            kind = name
            break
    if kind == "same":
        if m.group("day_before"):
            return ResolvedDate(None, "day", "day-before")
        if m.group("day_after"):
            return ResolvedDate(None, "day", "day-after")
        return ResolvedDate(None, "day", "same-day")
    if kind == "month":
        return ResolvedDate(None, "month", "unknown")
    if kind == "yr":
        return ResolvedDate(None, "year", "unknown")
    if kind == "my":
        return ResolvedDate(None, "month", "explicit")
    if kind == "rel":
        if published is None:
            return ResolvedDate(None, "day", "unknown")
        word = text.lower().split()[0]
        shift = {"yesterday": -1, "tomorrow": 1}.get(word, 0)
        day = published + dt.timedelta(days=shift)
        return ResolvedDate(day.isoformat(), "day", "relative")
    if kind == "wd":
        if published is None:
            return ResolvedDate(None, "day", "unknown")
        name = _WEEKDAY_WORD.search(text).group(1).lower()
        back = (published.weekday() - _WEEKDAYS.index(name)) % 7
        if text.lower().startswith("last ") and back == 0:
            back = 7
        if text.lower().startswith(("next ", "this coming ")):
            ahead = (_WEEKDAYS.index(name) - published.weekday()) % 7 or 7
            return ResolvedDate((published + dt.timedelta(days=ahead)).isoformat(), "day", "relative")
        return ResolvedDate((published - dt.timedelta(days=back)).isoformat(), "day", "relative")
    year_text = _written_year(m)
    if kind == "rmd":
        text = f"{m.group('rmd_m')} {m.group('rmd_d')} {year_text}"
    elif kind == "rdm":
        text = f"{m.group('rdm_d')} {m.group('rdm_m1') or m.group('rdm_m')} {year_text or ''}".strip()
    clean = re.sub(r"(?<=\d)(st|nd|rd|th)\b", "", text)
    clean = re.sub(r"\bof\s+", "", clean)
    if year_text:
        parsed, period = _parse(clean)
        if parsed is None or period != "day":
            return ResolvedDate(None, period, "unknown")
        return ResolvedDate(parsed.isoformat(), "day", "explicit")
    # a day and month without a year
    parsed, period = _parse(f"{clean} 2000")  # 2000 is a leap year: 29 February parses
    if parsed is None or period != "day":
        return ResolvedDate(None, None, "unknown")
    year = _year_for(parsed, published, context_year)
    if year is None:
        return ResolvedDate(None, "day", "unknown")
    try:
        value = parsed.replace(year=year)
    except ValueError:
        return ResolvedDate(None, "day", "unknown")
    how = "explicit" if published is not None and year == published.year else "context"
    if published is not None and year == published.year - 1:
        how = "context"
    return ResolvedDate(value.isoformat(), "day", how)


def find_dates(
    text: str, published: str | dt.date | None = None, context_year: int | None = None
) -> list[FoundDate]:
    """Every date expression in `text`, in order, each resolved."""
    base = as_date(published)
    out = []
    for m in date_matches(text):
        month = _MONTH_WORD.search(m.group(0)) if not (m.group("iso") or m.group("num")) else None
        if month and not month.group(0)[0].isupper():
            continue  # "may" and "march" the words, not the months
        out.append(FoundDate(m.start(), m.end(), m.group(0), _classify(m, base, context_year)))
    return out


def resolve_date(
    text: str,
    published: str | dt.date | None = None,
    context_year: int | None = None,
    previous: ResolvedDate | None = None,
) -> ResolvedDate:
    """The date a text (a sentence or an expression) fixes for its event.

    The first expression that fixes a day wins; "the same day" takes
    `previous` (the last dated event before it). Month or year alone give
    `value=None` with their precision. No expression: unknown, never the
    publication date.
    """
    return pick(find_dates(text, published, context_year), previous)


#: Days from the previous dated event for "the same day" / "the day before" / "the following day".
ANAPHORIC = {"same-day": 0, "day-before": -1, "day-after": 1}


def pick(found: list[FoundDate], previous: ResolvedDate | None = None) -> ResolvedDate:
    """The date some found expressions fix for one event: the first written
    day wins over a weekday or "today" ("Sunday, October 26"); "the same
    day" (and "that evening", "the day before") count from `previous`."""
    best: ResolvedDate | None = None
    relative: ResolvedDate | None = None
    for item in found:
        date = item.date
        if date.how in ANAPHORIC:
            if previous is not None and previous.value:
                day = dt.date.fromisoformat(previous.value) + dt.timedelta(days=ANAPHORIC[date.how])
                return ResolvedDate(day.isoformat(), "day", "context")
            best = best or ResolvedDate(None, "day", "unknown")
            continue
        if date.value and date.how == "relative":
            relative = relative or date  # "Sunday, October 26": the written date wins
            continue
        if date.value:
            return date
        if best is None and date.precision:
            best = date
    return relative or best or ResolvedDate(None, None, "unknown")


_DEADLINE_BEFORE = re.compile(r"\bby\s+(?:the\s+)?(?:end\s+of\s+)?(?:the\s+year\s+)?$", re.IGNORECASE)


def evident_year(text: str, published: str | dt.date | None = None) -> int | None:
    """The year a report makes evident: its publication year, else the most
    frequent year of its full dates ("February 7, 2024", "7 February 2024",
    "2024-02-07": a report dates what happened, while a bare year is as often
    a deadline, "by 2025"), else the most frequent four-digit year in its
    text that is not a deadline (ties: the latest)."""
    base = as_date(published)
    if base is not None:
        return base.year
    counts: dict[int, int] = {}
    for m in date_matches(text):
        year = _written_year(m)
        if year:
            counts[int(year)] = counts.get(int(year), 0) + 1
    if counts:
        return max(counts, key=lambda y: (counts[y], y))
    for m in _YEAR_IN_TEXT.finditer(text):
        if _DEADLINE_BEFORE.search(text[max(0, m.start() - 20) : m.start()]):
            continue  # "by 2030": a goal's year, not the report's
        year = int(m.group(1))
        counts[year] = counts.get(year, 0) + 1
    if not counts:
        return None
    return max(counts, key=lambda y: (counts[y], y))


def is_suspect(date: ResolvedDate, published: str | dt.date | None) -> bool:
    """A date after publication for an event reported as past is suspect."""
    base = as_date(published)
    if not date.value or base is None:
        return False
    return dt.date.fromisoformat(date.value) > base
