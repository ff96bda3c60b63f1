"""SQLite and PostgreSQL accept the same inputs: what either could not hold
(a NUL character, an id over 255 characters, a JSON Lines title or url that
is not a string) is refused when it is read, with a reason, by `extract` and
`ingest` alike, and everything else is stored on both."""

from __future__ import annotations

import json
from pathlib import Path

from diplograph.read import read_paths
from diplograph.records import Failure, Report

STORY = (
    "HANOI — Vietnamese Prime Minister Pham Minh Chinh met Malaysian Prime Minister Anwar Ibrahim "
    "in Hanoi on Monday. The two leaders agreed to raise bilateral trade to 18 billion US dollars."
)

BAD = {
    "nul": {"id": "nul", "text": STORY + "\u0000 trailing"},
    "long": {"id": "x" * 300, "text": STORY + " long"},
    "title": {"id": "title", "text": STORY + " title", "title": ["a", "list"]},
    "url": {"id": "url", "text": STORY + " url", "url": 42},
    "nul-title": {"id": "nul-title", "text": STORY + " t2", "title": "a\u0000b"},
}


def _batch(tmp_path: Path) -> Path:
    path = tmp_path / "batch.jsonl"
    lines = [json.dumps(v) for v in BAD.values()] + [json.dumps({"id": "good", "text": STORY})]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_unstorable_inputs_are_refused_when_read(tmp_path: Path) -> None:
    items = list(read_paths([_batch(tmp_path)]))
    assert [i.id for i in items if isinstance(i, Report)] == ["good"]
    reasons = [i.reason for i in items if isinstance(i, Failure)]
    assert len(reasons) == len(BAD)
    assert "NUL character in the report's text" in reasons[0]
    assert "longer than 255 characters" in reasons[1]
    assert "`title` must be a string" in reasons[2]
    assert "`url` must be a string" in reasons[3]
    assert "NUL character in the report's title" in reasons[4]


def test_both_back_ends_store_the_same(db, nlp, tmp_path: Path) -> None:
    failed = []
    summary = db.ingest(
        [_batch(tmp_path)], nlp=nlp, on_result=lambda r: failed.append(r) if r.status == "failed" else None
    )
    assert (summary.added, summary.failed) == (1, len(BAD))
    assert all(r.reason.startswith("read:") or "must be" in r.reason or "NUL" in r.reason for r in failed)
    assert [r.id for r in db.reports(limit=None)] == ["good"]
    assert db.check() == []
