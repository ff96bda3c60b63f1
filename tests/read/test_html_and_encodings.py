"""Inputs that used to be read wrong or refused: a copyright year taken for
the publication date, an HTML fragment in JSON Lines refused as "no main
text", UTF-16 files called binary."""

from __future__ import annotations

import json
from pathlib import Path

from diplograph import pipeline
from diplograph.read import read_paths
from diplograph.records import Failure, Report

STORY = (
    "Vietnamese Prime Minister Pham Minh Chinh met Malaysian Prime Minister Anwar Ibrahim in Hanoi on "
    "Tuesday, and the two leaders agreed to raise bilateral trade to 18 billion US dollars by 2030."
)
FOOTER_PAGE = f"""<!doctype html><html><head><title>Chinh meets Anwar</title></head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Chinh meets Anwar</h1><p>{STORY}</p>
<p>Officials from both governments said more talks would follow in the coming months in Kuala Lumpur.</p>
</article><footer>© Copyright 2023 Example News. All rights reserved.</footer></body></html>"""


def test_a_copyright_year_is_not_a_publication_date(tmp_path: Path, nlp) -> None:
    page = tmp_path / "page.html"
    page.write_text(FOOTER_PAGE, encoding="utf-8")
    (report,) = read_paths([page])
    assert isinstance(report, Report)
    assert (report.published, report.published_how) == (None, None)
    (out,) = pipeline.run([report], nlp=nlp, jobs=1)
    assert [m.date.value for m in out.meetings] == [None]  # not 2022-12-27


def test_a_page_date_beside_a_copyright_footer_is_kept(tmp_path: Path) -> None:
    dated = FOOTER_PAGE.replace(
        "<head>", '<head><meta property="article:published_time" content="2025-06-03T08:00:00Z">'
    )
    page = tmp_path / "dated.html"
    page.write_text(dated, encoding="utf-8")
    (report,) = read_paths([page])
    assert report.published == "2025-06-03"


def test_an_html_fragment_in_json_lines_extracts_like_its_text(tmp_path: Path, nlp) -> None:
    batch = tmp_path / "batch.jsonl"
    records = [
        {"id": "as-text", "text": STORY, "published": "2025-06-04"},
        {"id": "as-html", "html": f"<p>{STORY}</p>", "published": "2025-06-04"},
    ]
    batch.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    items = list(read_paths([batch]))
    assert not [i for i in items if isinstance(i, Failure)], items
    assert items[1].text == STORY
    as_text, as_html = pipeline.run(items, nlp=nlp, jobs=1)
    assert as_html.to_contract()["meetings"] == as_text.to_contract()["meetings"] != []
    assert as_html.to_contract()["targets"] == as_text.to_contract()["targets"] != []


def test_utf16_files_are_read(tmp_path: Path) -> None:
    text = "HANOI — " + STORY + "\n"
    for name, encoding in (("bom.txt", "utf-16"), ("le.txt", "utf-16-le"), ("be.txt", "utf-16-be")):
        (tmp_path / name).write_bytes(text.encode(encoding))
    items = list(read_paths([tmp_path]))
    assert [(i.id, i.text) for i in items] == [("be", text), ("bom", text), ("le", text)]


def test_binary_is_still_binary(tmp_path: Path) -> None:
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8)
    (item,) = read_paths([tmp_path / "image.txt"])
    assert isinstance(item, Failure) and item.reason == "binary file (not text)"
