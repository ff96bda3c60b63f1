"""Publication date: option, then metadata, then the ` date` line, then a
date printed at the top of the page; never a date from inside the story."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from diplograph.read import read_paths
from diplograph.read.published import resolve_published

BODY = "The two ministers met in Hanoi on January 9, 2026 and agreed to deepen cooperation."


@pytest.mark.parametrize(
    "top,expected",
    [
        ("7/3/2019 9:30:05 AM", "2019-07-03"),
        ("Monday, October 27, 2025", "2025-10-27"),
        ("27/10/2025 10:15 GMT+7", "2025-10-27"),
        ("Friday, 24 January 2020 08:45", "2020-01-24"),
        ("Published Feb 15, 2025 01:07 am", "2025-02-15"),
        ("Jane Reporter| June 02, 2024, 09:13 PM", "2024-06-02"),
        ("The Sun27-05-2025", "2025-05-27"),  # glued to the outlet's name
        ("- Date: 7th April 2006", "2006-04-07"),
        ("06.04.2017 01:00", "2017-04-06"),  # day first with dots
        ("[24.08.2011 17:19]", "2011-08-24"),
        ("Written: 2024-06-14 17:26:48Updated: 2024-06-14 17:50:39", "2024-06-14"),
        ("Thứ Bảy, 06/10/2018, 15:38", "2018-10-06"),  # a Vietnamese weekday: day first
        ("13/10/2024", "2024-10-13"),  # only day first makes a date
    ],
)
def test_date_printed_at_the_top_of_the_page(top: str, expected: str) -> None:
    text = f"Ministers meet in Hanoi\n{top}\n\n{BODY}\n"
    assert resolve_published(text) == (expected, "page-header")


def test_date_line_wins_over_the_page_header_and_the_option_over_all(tmp_path: Path) -> None:
    text = f" date 2025-10-27 KUALA LUMPUR — {BODY}"
    assert resolve_published(text) == ("2025-10-27", "date-line")
    assert resolve_published(text, metadata="2025-10-26") == ("2025-10-26", "metadata")
    assert resolve_published(text, option="2025-01-01", metadata="2025-10-26") == ("2025-01-01", "option")
    path = tmp_path / "r.jsonl"
    path.write_text(json.dumps({"text": text, "published": "2025-10-26T08:00:00Z"}) + "\n")
    (report,) = read_paths([path])
    assert (report.published, report.published_how) == ("2025-10-26", "metadata")
    (report,) = read_paths([path], published="2024-02-29")
    assert (report.published, report.published_how) == ("2024-02-29", "option")


def test_a_date_inside_the_story_is_not_the_publication_date() -> None:
    assert resolve_published(BODY) == (None, None)
    long_first_line = "Hanoi (VNA) – " + BODY + " " + BODY
    assert resolve_published(long_first_line + "\nMore text.") == (None, None)


def test_dev_reports_publication_dates_match_the_gold(shared: Path, dev_docs: list[Path]) -> None:
    gold = {}
    for line in (shared / "eval" / "dev" / "gold.jsonl").read_text().splitlines():
        record = json.loads(line)
        gold[record["doc_id"]] = record["published"]
    got = {r.id: r.published for r in read_paths(dev_docs)}
    assert got == {k: gold[k] for k in got}


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Leaders meet\n03.11.17 09:11- President Rahmon held talks in Dushanbe with President "
         "Berdimuhamedov as part of his official visit to Tajikistan.", "2017-11-03"),
        ("Leaders meet\nby Staff Writers Berlin (AFP) July 13, 2011 The leaders of Germany and Russia, "
         "along with most of their ministers, will meet next week.", "2011-07-13"),
        ("Chavez tours\nCaracas, Venezuela, August 12, 2005—On a four-day tour of three key allies, "
         "Chavez signed agreements.", "2005-08-12"),
    ],
)
def test_a_dateline_with_its_full_date_is_the_publication_date(text: str, expected: str) -> None:
    assert resolve_published(text) == (expected, "page-header")


def test_a_source_credit_at_the_bottom_gives_the_date() -> None:
    lines = ["WB plans a loan to Vietnam"] + [BODY] * 9 + ["(Xinhua News Agency May 28, 2009)"]
    assert resolve_published("\n".join(lines)) == ("2009-05-28", "credit-line")

