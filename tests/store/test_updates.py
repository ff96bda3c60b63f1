"""An updated story (a later version of the same article with a paragraph
added) is a near-duplicate of the first, and what it adds is stored: the new
meeting, document and target, merged with the earlier records. A copy that
adds nothing is still linked without being extracted, and what both tell is
not counted twice."""

from __future__ import annotations

from pathlib import Path

WIRE = Path(__file__).parent / "data" / "wire"

ADDED = (
    "On Thursday, Prabowo also met Singapore Prime Minister Lawrence Wong at the palace, and the two "
    "leaders signed a memorandum of understanding on energy cooperation. They agreed to raise bilateral "
    "trade to 40 billion US dollars by 2030.\n"
)


def _story(tmp_path: Path) -> tuple[Path, Path]:
    first = tmp_path / "story.txt"
    first.write_text((WIRE / "original.txt").read_text(encoding="utf-8"), encoding="utf-8")
    updated = tmp_path / "story-updated.txt"
    updated.write_text(first.read_text(encoding="utf-8").rstrip("\n") + "\n" + ADDED, encoding="utf-8")
    return first, updated


def test_an_updated_story_keeps_its_new_facts(db, nlp, tmp_path):
    first, updated = _story(tmp_path)
    assert db.ingest([first], nlp=nlp).added == 1
    before = db.stats()
    results = []
    db.ingest([updated], nlp=nlp, on_result=results.append)
    assert [(r.status, r.duplicate_of) for r in results] == [("duplicate", "story")]
    assert results[0].records > 0

    meetings = db.events(actor="SGP", kind="meeting", limit=None)
    assert [sorted(p.country for p in m.participants) for m in meetings] == [["IDN", "SGP"]]
    assert [s.report_id for s in db.sources("event", meetings[0].id)] == ["story-updated"]
    assert [d.title for d in db.documents(actor="SGP")] == [
        "memorandum of understanding on energy cooperation"
    ]
    assert [(t.amount_usd, t.year) for t in db.targets(actor="SGP")] == [(40e9, 2030)]

    # What both versions tell stays the first version's, counted once.
    anwar = db.events(actor="MYS", with_="IDN", kind="meeting", limit=None)
    assert anwar and all({s.report_id for s in db.sources("event", e.id)} == {"story"} for e in anwar)
    assert db.stats()["events"] > before["events"]
    assert db.check() == []


def test_an_exact_copy_is_linked_without_extraction(db, nlp, tmp_path):
    first, _ = _story(tmp_path)
    copy = tmp_path / "copy.jsonl"
    import json

    copy.write_text(
        json.dumps({"id": "copy", "text": first.read_text(encoding="utf-8"), "url": "https://b.example/x"})
        + "\n",
        encoding="utf-8",
    )
    db.ingest([first], nlp=nlp)
    before = db.stats()
    results = []
    db.ingest([copy], nlp=nlp, on_result=results.append)
    assert [(r.status, r.duplicate_of, r.records) for r in results] == [("duplicate", "story", 0)]
    after = db.stats()
    assert {k: v for k, v in after.items() if k not in ("reports", "duplicates")} == {
        k: v for k, v in before.items() if k not in ("reports", "duplicates")
    }
    assert db.check() == []
