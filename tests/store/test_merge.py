"""Cross-report merging: the same meeting told by five outlets (reports written
for this test, tests/store/data/five_outlets) is one event with five sources,
and the persons' spellings resolve to one actor each."""

from __future__ import annotations

import copy

import pytest

import diplograph
from diplograph import records as r


def test_five_outlets_make_one_meeting_with_five_sources(db, five_outlets):
    for extraction in five_outlets:
        assert db.add(extraction).status == "added"
    meetings = db.events(kind="meeting")
    assert len(meetings) == 1
    meeting = meetings[0]
    assert meeting.source_count == 5
    assert meeting.date == "2025-10-26"
    assert meeting.location == "Kuala Lumpur"
    assert sorted(p.id for p in meeting.participants) == ["JPN:takaichi-sanae", "VNM:pham-minh-chinh"]
    shown = db.event(meeting.id)
    assert sorted(s.report_id for s in shown.sources) == sorted(e.report.id for e in five_outlets)
    for source in shown.sources:
        text = db.report(source.report_id).text
        assert text[source.start : source.end] == source.evidence


def test_five_outlets_merge_in_any_order(db, five_outlets):
    for extraction in reversed(five_outlets):
        db.add(extraction)
    meetings = db.events(kind="meeting")
    assert [m.source_count for m in meetings] == [5]
    assert meetings[0].date == "2025-10-26"  # the undated mention came first; a later source dated it


def test_person_spellings_resolve_to_one_actor(db, five_outlets):
    for extraction in five_outlets:
        db.add(extraction)
    persons = db.actors(kind="person")
    assert len(persons) == 2
    chinh = next(p for p in persons if p.country == "VNM")
    assert chinh.id == "VNM:pham-minh-chinh"
    assert {"Phạm Minh Chính", "Chinh"} <= set(chinh.aliases)  # one alias per folded spelling
    assert chinh.mentions == 5
    for spelling in ("Phạm Minh Chính", "PM Pham Minh Chinh", "pham minh chinh", "Chinh"):
        assert db.resolve(spelling).persons == {"VNM:pham-minh-chinh"}, spelling
        assert len(db.events(actor=spelling)) == 1


def test_queries_over_the_merged_meeting(db, five_outlets):
    for extraction in five_outlets:
        db.add(extraction)
    assert len(db.events(actor="Viet Nam", with_="Japan")) == 1
    assert len(db.events(actor="VNM", with_="CHN")) == 0
    assert len(db.events(actor="VNM", since="2025-10-26", until="2025-10-26")) == 1
    assert db.events(actor="VNM", since="2025-10-27") == []
    assert [(p.month, p.meetings) for p in db.timeline("Japan")] == [("2025-10", 1)]
    [relation] = db.relations("VNM")
    assert (relation.partner_id, relation.meetings, relation.last_meeting) == ("JPN", 1, "2025-10-26")
    assert db.events(text="kuala lumpur")[0].id == db.events()[0].id


def test_different_days_stay_different_meetings(db, five_outlets):
    first = five_outlets[0]
    later = copy.deepcopy(five_outlets[2])
    later.report.id = "later-visit"
    later.report.text = later.report.text + " "
    later.meetings[0].date = r.ResolvedDate("2025-12-15", "day", "explicit")
    db.add(first)
    db.add(later)
    assert sorted(m.date for m in db.events(kind="meeting")) == ["2025-10-26", "2025-12-15"]


def test_different_persons_of_the_same_states_stay_apart(db, five_outlets):
    first = five_outlets[0]
    ministers = copy.deepcopy(five_outlets[2])
    ministers.report.id = "ministers"
    ministers.report.text = ministers.report.text + " "
    ministers.meetings[0].participants = [
        r.Participant("Bui Thanh Son", "VNM"),
        r.Participant("Iwaya Takeshi", "JPN"),
    ]
    db.add(first)
    db.add(ministers)
    assert len(db.events(kind="meeting", actor="VNM", with_="JPN")) == 2


@pytest.mark.parametrize("order", ["forward", "backward"])
def test_gold_records_merge_documents_targets_partnerships(store_url, gold_extractions, order):
    """The dev reports' gold records, ingested twice in different orders, give
    the same merged counts (the merge does not depend on order)."""
    items = gold_extractions if order == "forward" else list(reversed(gold_extractions))
    with diplograph.open(store_url) as db:
        for extraction in items:
            db.add(extraction)
        stats = db.stats()
        meetings_in_gold = sum(len(e.meetings) for e in gold_extractions)
        assert 0 < stats["meetings"] <= meetings_in_gold
        assert stats["event_sources"] == meetings_in_gold
        assert stats["partnerships"] <= sum(len(e.partnerships) for e in gold_extractions)
        # Every source's span points at its sentence in the original text.
        for event in db.events(limit=None):
            for source in db.event(event.id).sources:
                assert db.report(source.report_id).text[source.start : source.end] == source.evidence


def test_person_queries(db, five_outlets):
    for extraction in five_outlets:
        db.add(extraction)
    assert len(db.events(actor="Pham Minh Chinh", with_="JPN")) == 1
    assert len(db.events(actor="JPN", with_="Chinh")) == 1
    assert len(db.events(actor="Takaichi", with_="Phạm Minh Chính")) == 1
    assert db.events(actor="Pham Minh Chinh", with_="CHN") == []
    [relation] = db.relations("Pham Minh Chinh")
    assert (relation.partner_id, relation.meetings) == ("JPN", 1)
    assert [(p.month, p.events) for p in db.timeline("Takaichi Sanae")] == [("2025-10", 1)]
    assert db.events(actor="Nobody Atall") == []


def test_partnerships_and_targets_merge_across_reports(db, gold_extractions):
    """The dev gold names some partnerships and figures in several reports:
    each (parties, level) is one partnership whose sources are those reports."""
    for extraction in gold_extractions:
        db.add(extraction)
    expected: dict[tuple, set[str]] = {}
    for extraction in gold_extractions:
        for p in extraction.partnerships:
            key = (frozenset(p.parties), " ".join(p.level.lower().split()))
            expected.setdefault(key, set()).add(extraction.report.id)
    stored = {(frozenset(p.parties), " ".join(p.level.lower().split())): p for p in db.partnerships()}
    assert set(stored) == set(expected)
    assert any(len(reports) > 1 for reports in expected.values())  # the data does repeat some
    for key, reports in expected.items():
        assert stored[key].source_count == len(reports)
        assert {s.report_id for s in db.sources("partnership", stored[key].id)} == reports


def test_documents_merge_on_close_titles(db, five_outlets):
    first, second = copy.deepcopy(five_outlets[0]), copy.deepcopy(five_outlets[2])
    for extraction, titles, status in (
        (first, ["Memorandum of Understanding on Semiconductor Cooperation"], "planned"),
        (
            second,
            [
                "memorandum of understanding on semiconductor cooperation",
                "Agreement on Labour Cooperation",
            ],
            "signed",
        ),
    ):
        span = extraction.meetings[0].span
        extraction.documents = [
            r.Document(
                t, ["JPN", "VNM"], status, r.ResolvedDate(None), span.of(extraction.report.text), span
            )
            for t in titles
        ]
    db.add(first)
    db.add(second)
    documents = {d.title: d for d in db.documents()}
    assert set(documents) == {
        "Memorandum of Understanding on Semiconductor Cooperation",
        "Agreement on Labour Cooperation",
    }
    mou = documents["Memorandum of Understanding on Semiconductor Cooperation"]
    assert (mou.status, mou.source_count, mou.parties) == ("signed", 2, ["JPN", "VNM"])
    assert documents["Agreement on Labour Cooperation"].source_count == 1


def test_undated_events_merge_only_when_they_say_the_same(db, five_outlets):
    """Undated SUPPORT events Vietnam -> Japan in reports of the same days:
    merged when the sentences are the same (wire) text, kept apart when they
    tell different things."""
    texts = [e.report.text for e in five_outlets]
    told = [
        (texts[0], "Chính congratulated Takaichi on becoming Japan's first female prime minister"),
        (texts[2], "Chinh invited Japanese companies to take part in high-speed railway"),
        # The same sentence in a longer report (another outlet's round-up): not a near-duplicate.
        (
            texts[0] + texts[3] + texts[4],
            "Chính congratulated Takaichi on becoming Japan's first female prime minister",
        ),
    ]
    for i, (text, sentence) in enumerate(told):
        extraction = copy.deepcopy(five_outlets[0])
        extraction.report.id = f"support-{i}"
        extraction.report.text = text
        extraction.meetings = []
        extraction.persons = []
        start = text.index(sentence)
        span = r.Span(start, start + len(sentence))
        extraction.events = [
            r.Event("SUPPORT", None, ["VNM"], ["JPN"], r.ResolvedDate(None), None, sentence, span)
        ]
        db.add(extraction)
    assert sorted(e.source_count for e in db.events(type="SUPPORT")) == [1, 2]
