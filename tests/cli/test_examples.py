"""The README's first command, `diplograph extract examples/`, on the bundled
sample reports: every report extracted with records, every span its evidence,
and nothing taken from the clutter the samples carry on purpose."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from diplograph.cli import main

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
KINDS = ("persons", "meetings", "documents", "targets", "partnerships", "events")


def texts_by_id() -> dict[str, str]:
    """The text each report's spans point into, read independently of the CLI."""
    from diplograph.read import read_paths

    return {r.id: r.text for r in read_paths([EXAMPLES])}


def test_extract_examples_prints_records_grounded_in_the_text() -> None:
    result = CliRunner().invoke(main, ["extract", str(EXAMPLES), "--jobs", "1"])
    assert result.exit_code == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["doc_id"] for r in records] == [
        "new-zealand-visit",
        "malaysia-thailand-phone-call",
        "philippines-japan-ministers",
        "vietnam-singapore-2025",
    ]
    texts = texts_by_id()
    for record in records:
        text = texts[record["doc_id"]]
        assert record["persons"] and record["meetings"] and record["events"], record["doc_id"]
        assert record["published"]
        for kind in KINDS:
            for item in record[kind]:
                start, end = item["span"]
                assert text[start:end] == item["evidence"]
        teaser = text.find("See more")
        if teaser >= 0:
            assert all(item["span"][1] <= teaser for kind in KINDS for item in record[kind])
