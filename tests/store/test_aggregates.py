"""Store-side aggregates (events per month and type, the meeting network) give
what reading every event and counting in Python gives; user text in LIKE
filters matches itself (`%` and `_` are not wildcards)."""

from __future__ import annotations

import copy
from collections import Counter
from itertools import combinations

from diplograph import records as r


def _by_reading_everything(db) -> tuple[Counter, Counter]:  # noqa: ANN001
    everything = db.events(limit=None)
    months = Counter((e.anchor[:7], e.type) for e in everything if e.anchor and len(e.anchor) >= 7)
    kinds = {a.id: a.kind for a in db.actors()}
    pairs: Counter = Counter()
    for e in everything:
        if e.kind != "meeting":
            continue
        sides = {
            p.country or p.id for p in e.participants if kinds.get(p.country or p.id) in ("state", "body")
        }
        for a, b in combinations(sorted(sides), 2):
            pairs[(a, b)] += 1
    return months, pairs


def test_aggregates_match_reading_every_event(db, gold_extractions, five_outlets):
    db.ingest(gold_extractions)
    db.ingest(copy.deepcopy(five_outlets))
    months, pairs = _by_reading_everything(db)
    assert months and pairs  # the data has dated events and meetings between states

    got = db.events_per_month()
    assert [(m.month, m.type) for m in got] == sorted(months)
    assert {(m.month, m.type): m.events for m in got} == dict(months)
    meetings = db.events_per_month(kind="meeting")
    assert {m.type for m in meetings} <= {"CONSULT"}
    assert sum(m.events for m in meetings) <= sum(months.values())

    edges = db.meeting_pairs()
    assert {(e.a, e.b): e.meetings for e in edges} == dict(pairs)
    assert all(e.a < e.b for e in edges)
    names = {a.id: a.name for a in db.actors()}
    assert all(e.a_name == names[e.a] and e.b_name == names[e.b] for e in edges)
    assert edges[0].to_dict()["meetings"] >= 1


def _report(rid: str, day: str, text: str) -> r.Extraction:
    report = r.Report(id=rid, text=text, published=day, source=rid)
    start = 0
    end = len(text)
    meeting = r.Meeting(
        participants=[r.Participant(name=None, country="VNM"), r.Participant(name=None, country="JPN")],
        date=r.ResolvedDate(day, "day", "explicit"),
        location=None,
        mode="meeting",
        occasion=None,
        evidence=text,
        span=r.Span(start, end),
    )
    return r.Extraction(report=report, meetings=[meeting])


def test_like_wildcards_in_user_text_match_themselves(db):
    db.ingest(
        [
            _report("pct", "2025-03-01", "Viet Nam and Japan met on trade growth of 100% a year."),
            _report("plain", "2025-04-01", "Viet Nam and Japan met again on trade growth of 1000 a year."),
        ]
    )
    everything = db.events(limit=None)
    assert len(everything) == 2
    for text in ("%", "100%", "_", "0_a"):
        expected = {e.id for e in everything if text in e.evidence.lower()}
        assert {e.id for e in db.events(text=text, limit=None)} == expected, text
        hits = db.search(text)
        assert all(text in h.evidence.lower() for h in hits), text
    assert {h.report_id for h in db.search("100%")} == {"pct"}
    assert db.search("_") == []
    assert db.actors(text="%") == [] and db.actors(text="_") == []
    assert [a.id for a in db.actors(text="japan")] == ["JPN"]
