"""Readers on real files written to tmp_path: text, HTML, JSON Lines,
directories and standard input, and the id/source each report gets."""

from __future__ import annotations

import io
import json
from pathlib import Path

from diplograph.read import count_reports, read_path, read_paths, read_stream
from diplograph.records import Failure, Report

STORY = (
    "Prime Minister Pham Minh Chinh met Malaysian Prime Minister Anwar Ibrahim in Kuala Lumpur on Monday. "
    "The two leaders agreed to raise two-way trade to 20 billion USD by 2030 and to deepen the "
    "Comprehensive Strategic Partnership between their countries."
)

PAGE = f"""<!DOCTYPE html>
<html lang="en"><head>
<meta charset="utf-8">
<title>Leaders agree to deepen ties | Example News</title>
<meta property="og:title" content="Leaders agree to deepen ties">
<meta property="article:published_time" content="2025-10-27T09:30:00+07:00">
<link rel="canonical" href="https://news.example.org/leaders-agree">
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<article>
<h1>Leaders agree to deepen ties</h1>
<p>{STORY}</p>
<p>They also discussed cooperation in energy, digital transformation and education, and agreed to
meet again at the next summit of the Association of Southeast Asian Nations.</p>
</article>
<footer>Copyright Example News. All rights reserved.</footer>
</body></html>
"""


def record(**fields: str) -> str:
    return json.dumps(fields)


def test_text_file_is_one_report_with_the_file_stem_as_id(tmp_path: Path) -> None:
    path = tmp_path / "talks-2025.txt"
    path.write_text(STORY, encoding="utf-8")
    (report,) = read_paths([path])
    assert isinstance(report, Report)
    assert report.id == "talks-2025"
    assert report.text == STORY
    assert report.source == str(path)


def test_text_file_keeps_the_original_text_byte_for_byte(seeds: list[Path]) -> None:
    for path in seeds:
        (report,) = read_paths([path])
        assert report.text == path.read_text(encoding="utf-8")


def test_html_page_main_text_title_url_and_date_come_from_trafilatura(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(PAGE, encoding="utf-8")
    (report,) = read_paths([path])
    assert isinstance(report, Report), report
    assert report.id == "page"
    assert "Anwar Ibrahim" in report.text
    assert "Home" not in report.text and "Copyright" not in report.text  # navigation and footer gone
    assert report.title == "Leaders agree to deepen ties"
    assert report.url == "https://news.example.org/leaders-agree"
    assert (report.published, report.published_how) == ("2025-10-27", "metadata")


def test_jsonl_reports_with_text_html_and_metadata(tmp_path: Path) -> None:
    path = tmp_path / "batch.jsonl"
    lines = [
        record(id="r1", text=STORY, url="https://x.example/1", title="Talks", published="2024-01-12"),
        record(html=PAGE),
        "",
        record(id="r3", text=STORY),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    reports = list(read_paths([path]))
    assert [r.id for r in reports] == ["r1", "batch-2", "r3"]
    first = reports[0]
    assert (first.url, first.title, first.published, first.published_how) == (
        "https://x.example/1",
        "Talks",
        "2024-01-12",
        "metadata",
    )
    assert first.source == f"{path}:1"
    assert reports[1].published == "2025-10-27" and "Anwar Ibrahim" in reports[1].text


def test_jsonl_malformed_line_is_one_failure_named_path_line_and_reading_goes_on(tmp_path: Path) -> None:
    path = tmp_path / "batch.jsonl"
    path.write_text(
        record(id="ok1", text=STORY)
        + '\n{"id": "broken", "text": \n["a list"]\n{"id": "nothing"}\n'
        + record(id="ok2", text=STORY)
        + "\n",
        encoding="utf-8",
    )
    items = list(read_paths([path]))
    assert [type(i).__name__ for i in items] == ["Report", "Failure", "Failure", "Failure", "Report"]
    assert items[1].id == f"{path}:2" and "malformed JSON Lines record" in items[1].reason
    assert "expected an object" in items[2].reason
    assert items[3].reason == "JSON Lines record has neither `text` nor `html`"


def test_directory_is_read_recursively_sorted_and_by_extension(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "z.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "a.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "c.html").write_text(PAGE, encoding="utf-8")
    (tmp_path / "d.jsonl").write_text(record(id="j1", text=STORY) + "\n", encoding="utf-8")
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0 not a report")
    (tmp_path / ".hidden.txt").write_text(STORY, encoding="utf-8")
    ids = [r.id for r in read_paths([tmp_path])]
    assert ids == ["a", "z", "c", "j1"]
    assert count_reports([tmp_path]) is None  # a JSON Lines file: count unknown
    (tmp_path / "d.jsonl").unlink()
    assert count_reports([tmp_path]) == 3


def test_empty_directory_is_a_failure_not_silence(tmp_path: Path) -> None:
    (failure,) = read_paths([tmp_path])
    assert isinstance(failure, Failure) and "no report files" in failure.reason


def test_stdin_text_jsonl_and_html_are_sniffed() -> None:
    (text,) = read_stream(io.BytesIO(STORY.encode()))
    assert (text.id, text.source, text.text) == ("stdin", "-", STORY)
    jsonl = (record(id="s1", text=STORY) + "\n" + record(id="s2", text=STORY) + "\n").encode()
    assert [r.id for r in read_stream(io.BytesIO(jsonl))] == ["s1", "s2"]
    (html,) = read_stream(io.BytesIO(PAGE.encode()))
    assert "Anwar Ibrahim" in html.text and html.published == "2025-10-27"
    (forced,) = read_stream(io.BytesIO(PAGE.encode()), input_format="text")
    assert forced.text.startswith("<!DOCTYPE html>")


def test_stdin_jsonl_longer_than_the_sniffed_head_streams_whole() -> None:
    lines = [record(id=f"n{i}", text=STORY).encode() for i in range(60)]
    reports = list(read_path("-", stdin=io.BytesIO(b"\n".join(lines))))
    assert [r.id for r in reports] == [f"n{i}" for i in range(60)]
    assert all(r.text == STORY for r in reports)
