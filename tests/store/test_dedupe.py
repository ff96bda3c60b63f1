"""Near-duplicate reports (wire copy republished with another header, or
lightly edited) are linked to their original and not counted twice; a
different report of the same event is kept. Reports written for this test:
tests/store/data/wire/."""

from __future__ import annotations

from pathlib import Path

from diplograph.read import read_paths
from diplograph.store import dedupe

WIRE = Path(__file__).parent / "data" / "wire"


def _reports():
    return {r.id: r for r in read_paths(sorted(WIRE.glob("*.txt")))}


def test_signatures_see_copies_and_not_rewrites():
    reports = _reports()
    original = dedupe.signature(reports["original"].text)
    header = dedupe.signature(reports["republished_header"].text)
    other = dedupe.signature(reports["different_story"].text)
    assert original.minhash.jaccard(header.minhash) > 0.8
    assert original.minhash.jaccard(other.minhash) < 0.2


def test_near_duplicates_are_linked_not_double_counted(db, nlp):
    order = ["original", "republished_header", "republished_edited", "different_story"]
    summary = db.ingest([WIRE / f"{name}.txt" for name in order], nlp=nlp)
    assert (summary.added, summary.duplicate, summary.failed) == (2, 2, 0)
    rows = {r.id: r for r in db.reports()}
    assert rows["republished_header"].duplicate_of == "original"
    assert rows["republished_edited"].duplicate_of == "original"
    assert rows["republished_header"].similarity >= 0.8
    assert rows["different_story"].duplicate_of is None
    assert rows["original"].duplicate_of is None
    # Duplicates add no sources: every record's sources are the two kept reports.
    for kind, table in (("event", db.events(limit=None)), ("partnership", db.partnerships())):
        for record in table:
            assert {s.report_id for s in db.sources(kind, record.id)} <= {"original", "different_story"}


def test_duplicate_inside_one_batch_is_found_at_write_time(db, nlp):
    """Both copies go through the pipeline in the same chunk (the copy is not
    yet comparable with a stored original when it is read); the copy is still
    recognised when it is written, after its original."""
    summary = db.ingest([WIRE / "original.txt", WIRE / "republished_edited.txt"], nlp=nlp)
    assert (summary.added, summary.duplicate) == (1, 1)
    assert db.reports()[0].duplicate_of in (None, "original")
    assert {r.id: r.duplicate_of for r in db.reports()} == {
        "original": None,
        "republished_edited": "original",
    }


def test_longer_report_is_not_a_duplicate_of_a_shorter_one(db, nlp, tmp_path):
    """A report that quotes a short one whole and says much more is kept."""
    short = WIRE / "original.txt"
    long_text = short.read_text(encoding="utf-8") + (WIRE / "different_story.txt").read_text(
        encoding="utf-8"
    )
    longer = tmp_path / "longer.txt"
    longer.write_text(long_text, encoding="utf-8")
    summary = db.ingest([short, longer], nlp=nlp)
    assert (summary.added, summary.duplicate) == (2, 0)


def test_changed_original_keeps_its_duplicates(db, nlp):
    from dataclasses import replace

    reports = _reports()
    db.ingest([reports["original"], reports["republished_header"]], nlp=nlp)
    corrected = replace(reports["original"], text=reports["original"].text + "\nThis story was corrected.")
    assert db.ingest([corrected], nlp=nlp).replaced == 1
    rows = {r.id: r for r in db.reports()}
    assert rows["republished_header"].duplicate_of == "original"
    assert db.check() == []
