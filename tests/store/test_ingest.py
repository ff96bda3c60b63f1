"""Ingest: idempotent (re-ingesting unchanged reports changes nothing, and is
skipped before extraction), a changed report replaces its records, failures
are reported per report."""

from __future__ import annotations

import copy

import diplograph
from diplograph import records as r


def test_dev_docs_ingested_twice_keep_their_counts(db, dev_docs, dev_extractions, nlp):
    first = db.ingest(dev_extractions)
    assert first.added == len(dev_docs) and first.failed == 0
    counts = db.stats()
    assert counts["reports"] == len(dev_docs)
    # The second time through the real path (readers + pipeline): every report
    # is recognised by its content hash before extraction.
    second = db.ingest(dev_docs, nlp=nlp)
    assert second.unchanged == len(dev_docs) and second.added == 0
    assert db.stats() == counts


def test_gold_records_ingested_twice_keep_their_counts(db, gold_extractions):
    db.ingest(gold_extractions)
    counts = db.stats()
    assert counts["events"] > 0 and counts["documents"] > 0 and counts["targets"] > 0
    again = db.ingest(copy.deepcopy(gold_extractions))
    assert again.unchanged == len(gold_extractions)
    assert db.stats() == counts


def test_changed_report_replaces_its_records(db, gold_extractions):
    db.ingest(gold_extractions)
    before = db.stats()
    target = next(e for e in gold_extractions if len(e.meetings) >= 2)
    changed = copy.deepcopy(target)
    changed.report.text += "\nA correction was appended to this report."
    dropped = changed.meetings.pop()
    result = db.add(changed)
    assert result.status == "replaced"
    after = db.stats()
    assert after["reports"] == before["reports"]
    assert after["event_sources"] == before["event_sources"] - 1
    # The dropped meeting's sentence no longer supports any event of this report.
    for event in db.events(limit=None):
        for source in db.event(event.id).sources:
            if source.report_id == changed.report.id:
                assert source.start != dropped.span.start or source.evidence != dropped.evidence
    # Putting the original back restores the original counts.
    assert db.add(copy.deepcopy(target)).status == "replaced"
    assert db.stats() == before


def test_replacing_one_source_keeps_a_merged_event(db, five_outlets):
    for extraction in five_outlets:
        db.add(extraction)
    changed = copy.deepcopy(five_outlets[1])
    changed.report.text += " Updated."
    changed.meetings = []
    assert db.add(changed).status == "replaced"
    [meeting] = db.events(kind="meeting")
    assert meeting.source_count == 4
    db.remove(five_outlets[0].report.id)
    assert db.events(kind="meeting")[0].source_count == 3
    for extraction in five_outlets[2:]:
        db.remove(extraction.report.id)
    assert db.events(kind="meeting") == []
    assert db.stats()["event_participants"] == 0


def test_failures_are_reported_and_the_run_goes_on(db, tmp_path, nlp):
    good = tmp_path / "good.txt"
    good.write_text(" date 2025-01-02 HANOI — Viet Nam and Laos held talks in Hanoi on Thursday.\n")
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    seen = []
    summary = db.ingest([empty, good], nlp=nlp, on_result=seen.append)
    assert summary.failed == 1 and summary.added == 1
    assert [x.status for x in seen] == ["failed", "added"]
    assert "empty" in seen[0].reason
    assert [x.id for x in db.reports()] == ["good"]


def test_extract_api_and_add(db, nlp):
    [extraction] = diplograph.extract(
        [
            "Prime Minister Pham Minh Chinh met Japanese Prime Minister Takaichi Sanae in Kuala Lumpur on "
            "Sunday. The two leaders agreed to deepen cooperation in trade, investment and energy, and "
            "discussed the situation in the region with their delegations."
        ],
        published="2025-10-27",
    )
    assert isinstance(extraction, r.Extraction)
    assert extraction.report.published == "2025-10-27"
    assert db.add(extraction).status == "added"
    assert db.reports()[0].id == extraction.report.id
    assert db.report(extraction.report.id).text.startswith("Prime Minister")


def test_check_finds_what_is_broken(db, five_outlets):
    from sqlalchemy import delete, update

    from diplograph.store.schema import event_sources, events

    for extraction in five_outlets:
        db.add(extraction)
    assert db.check() == []
    with db.engine.begin() as conn:
        conn.execute(update(events).values(source_count=7))
    assert any("source_count" in p for p in db.check())
    with db.engine.begin() as conn:
        conn.execute(delete(event_sources))
    assert any("without any source" in p for p in db.check())
