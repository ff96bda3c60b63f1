"""A report read without a title gets one from the cleaning step (its
headline); re-ingesting it finds it unchanged, like any other report."""

from __future__ import annotations

from pathlib import Path

STORY = (
    "Vietnam and Japan agree to deepen energy ties\n"
    " date 2025-03-02 HANOI — Vietnamese Prime Minister Pham Minh Chinh met Japanese Prime Minister "
    "Shigeru Ishiba in Hanoi on Sunday, and the two leaders agreed to deepen cooperation on energy.\n"
)


def test_a_report_titled_by_cleaning_is_unchanged_on_rerun(db, nlp, tmp_path: Path):
    path = tmp_path / "titled.txt"
    path.write_text(STORY, encoding="utf-8")
    first = db.ingest([path], nlp=nlp)
    assert first.added == 1
    assert db.report("titled").title == "Vietnam and Japan agree to deepen energy ties"
    # Skipped before extraction: the check on the report as read says so.
    from diplograph.read import read_paths
    from diplograph.store import write

    (as_read,) = read_paths([path])
    done, _ = write.precheck(db.engine, as_read)
    assert done is not None and done.status == "unchanged"
    again = db.ingest([path], nlp=nlp)
    assert (again.unchanged, again.replaced, again.added) == (1, 0, 0)
