"""Date resolution against the publication date (GUIDELINES "Dates")."""

from __future__ import annotations

from diplograph.dates import evident_year, find_dates, is_suspect, resolve_date
from diplograph.records import ResolvedDate


def test_weekday_is_the_latest_such_day_on_or_before_publication() -> None:
    # 2025-10-27 is a Monday: "on Monday" is that day, "on Sunday" the day before
    assert resolve_date("They met on Monday in Kuala Lumpur.", "2025-10-27").value == "2025-10-27"
    assert resolve_date("The two leaders talked on Sunday.", "2025-10-27").value == "2025-10-26"
    assert resolve_date("They met on Thursday.", "2020-01-24").value == "2020-01-23"
    assert resolve_date("They met on Thursday.", "2020-01-24").how == "relative"


def test_today_and_yesterday() -> None:
    assert resolve_date("said at the forum in Hanoi today", "2025-02-26").value == "2025-02-26"
    assert resolve_date("arrived yesterday afternoon", "2025-02-26").value == "2025-02-25"


def test_month_and_day_take_the_year_of_publication() -> None:
    date = resolve_date("held talks on October 26 in Kuala Lumpur", "2025-10-27")
    assert (date.value, date.precision) == ("2025-10-26", "day")
    assert resolve_date("met on 26 October", "2025-10-27").value == "2025-10-26"
    assert resolve_date("met on Oct. 26", "2025-10-27").value == "2025-10-26"


def test_day_before_new_year_is_last_year() -> None:
    assert resolve_date("signed on December 30", "2025-01-03").value == "2024-12-30"


def test_without_publication_the_year_comes_from_the_report() -> None:
    assert resolve_date("met on November 18", None, 2024).value == "2024-11-18"
    assert resolve_date("met on November 18", None, None).value is None
    assert evident_year("In 2024 trade grew; 2024 was a record; in 2019 less.") == 2024
    assert evident_year("no year here", "2023-05-10") == 2023


def test_explicit_full_dates() -> None:
    assert resolve_date("on Friday, Feb. 14, 2025, in Munich", "2025-02-15").value == "2025-02-14"
    assert resolve_date("on 26 October 2024", None).value == "2024-10-26"
    assert resolve_date("on 26 October 2024", None).how == "explicit"


def test_a_month_or_a_year_alone_is_not_a_date() -> None:
    visit = resolve_date("following Anwar's official visit to Viet Nam in July 2023", "2025-02-26")
    assert visit.value is None and visit.precision == "month"
    assert resolve_date("the partnership set up in 2013", "2025-02-26").value is None
    assert resolve_date("trade rose in March", "2025-02-26").value is None


def test_no_expression_is_unknown_never_the_publication_date() -> None:
    date = resolve_date("The two leaders agreed to deepen cooperation.", "2025-10-27")
    assert date == ResolvedDate(None, None, "unknown")


def test_the_same_day_takes_the_previous_dated_event() -> None:
    previous = ResolvedDate("2025-10-26", "day", "explicit")
    date = resolve_date("On the same day, he met the Japanese Prime Minister.", "2025-10-27", None, previous)
    assert (date.value, date.how) == ("2025-10-26", "context")
    assert resolve_date("On the same day, he met her.", "2025-10-27").value is None


def test_may_and_march_the_words_are_not_months() -> None:
    assert find_dates("Leaders may meet soon and troops march on.", "2025-10-27") == []


def test_a_date_after_publication_is_suspect() -> None:
    assert is_suspect(ResolvedDate("2025-11-02", "day", "explicit"), "2025-10-27")
    assert not is_suspect(ResolvedDate("2025-10-26", "day", "explicit"), "2025-10-27")


def test_a_written_date_wins_over_its_weekday_and_ranges_start_with_their_first_day() -> None:
    assert resolve_date("on Sunday, October 26, 2025", "2025-10-27").how == "explicit"
    assert resolve_date("the dialogue ran from May 31 to Jun. 2", "2024-06-02").value == "2024-05-31"


def test_tomorrow_and_next_weekday_look_forward() -> None:
    assert resolve_date("will meet tomorrow", "2025-10-27").value == "2025-10-28"
    assert resolve_date("will meet next Monday", "2025-10-27").value == "2025-11-03"


def test_that_day_and_that_evening_take_the_previous_event_date() -> None:
    previous = ResolvedDate("2024-03-04", "day", "relative")
    for text in ("Earlier that day, he met the envoy.", "Later on the same day, he met the envoy.",
                 "That evening, he hosted a dinner.", "The same evening he met the envoy.",
                 "Later that afternoon they held talks."):
        assert resolve_date(text, "2024-03-06", previous=previous).value == "2024-03-04", text
    assert resolve_date("The day before, he met the envoy.", "2024-03-06",
                        previous=previous).value == "2024-03-03"
    assert resolve_date("On the following day they held talks.", "2024-03-06",
                        previous=previous).value == "2024-03-05"
    assert resolve_date("Earlier that day, he met the envoy.", "2024-03-06").value is None


def test_earlier_in_the_day_is_the_previous_event_day() -> None:
    previous = ResolvedDate("2023-01-25", "day", "relative")
    assert resolve_date("Earlier in the day, he met the envoy.", "2023-01-26", previous=previous).value == \
        "2023-01-25"


def test_relative_words_count_from_the_datelines_day(nlp):
    """A story filed "PUTRAJAYA, June 4" and published on the 5th: "today"
    is the 4th and "yesterday" the 3rd, the dateline's days."""
    from diplograph import clean, parse
    from diplograph.extract import extract
    from diplograph.records import Report

    text = (
        "PUTRAJAYA, June 4 (Bernama) -- Prime Minister Anwar Ibrahim held talks with "
        "Singaporean Prime Minister Lawrence Wong in Putrajaya today.\n"
    )
    report = Report("dateline-today", text, published="2025-06-05")
    cleaned = clean.clean(report)
    [doc] = parse.parse([cleaned], nlp)
    meetings = extract(cleaned, doc).meetings
    assert [m.date.value for m in meetings] == ["2025-06-04"]


def test_every_previous_event_day_phrase_in_the_data_is_found_with_its_distance() -> None:
    """The "same day" words live in data/dates.yaml: each phrase there, with
    each part of a day, resolves against the previous dated event by the
    distance its key names (issue 13: vocabulary in data, shapes in code)."""
    from importlib.resources import files

    import yaml

    words = yaml.safe_load(files("diplograph.data").joinpath("dates.yaml").read_text("utf-8"))
    table = words["previous_event_day"]
    previous = ResolvedDate("2024-03-04", "day", "explicit")
    cases = [(p.replace("{part}", "evening"), "2024-03-04") for p in table["same_day"]]
    lead = table["leads"][0]
    cases += [(f"{lead} {p.replace('{part}', 'day')}", "2024-03-04") for p in table["after_a_lead"]]
    cases += [(p, "2024-03-03") for p in table["day_before"]]
    cases += [(p, "2024-03-05") for p in table["day_after"]]
    counting = table["counting_words"][0]
    cases += [(f"{counting} {p}", "2024-03-03") for p in table["counted_before"]]
    cases += [(f"{counting} {p}", "2024-03-05") for p in table["counted_after"]]
    for phrase, day in cases:
        text = f"He met the envoy {phrase}."
        assert resolve_date(text, "2024-03-06", previous=previous).value == day, phrase


def test_a_leap_day_without_a_year_in_a_report_of_a_common_year_is_no_date_and_no_crash() -> None:
    """'Feb. 29-March 1, 2012' in a report published in December 2011: the
    day without its year cannot be put in 2011, and a crash here lost the
    whole report (a real Xinhua report of 2011-12-29)."""
    assert resolve_date("to host the meeting on Feb. 29", "2011-12-30").value is None
    assert resolve_date("to host the meeting on Feb. 29", "2012-03-05").value == "2012-02-29"


def test_a_range_of_days_is_its_first_day_in_the_year_written_after_its_last() -> None:
    """Visits are reported as ranges: "on Jan 8-9, 2023", "8-9 January 2023",
    "May 31-June 2, 2024". The date is the first day, and the year written
    after the last day is the range's, not the report's evident year."""
    cases = {
        "official visit to Indonesia on Jan 8-9, 2023, the ministry said": "2023-01-08",
        "the state visit on 8-9 January 2023 to Jakarta": "2023-01-08",
        "the dialogue ran from May 31-June 2, 2024 in Singapore": "2024-05-31",
        "the talks from 31 May - 2 June 2024 in Geneva": "2024-05-31",
        "the summit held on 3–5 June, and": "2022-06-03",
    }
    for text, day in cases.items():
        assert resolve_date(text, None, 2022).value == day, text
    # a range is no date where no day is written
    assert resolve_date("growth of 2-3 per cent in May", None, 2022).value is None
