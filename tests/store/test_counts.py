"""The counts the pages read (`store.counts`) are kept by the store's write
path in the writer's transaction, on SQLite and PostgreSQL: after ingesting
real reports, re-ingesting changed ones and near-duplicates, re-resolving
and removing reports, every kept count equals a recount from the base
tables, and the questions answered from them equal the same questions
answered from the events themselves. A store of the previous schema (3,
without the counts) opens, upgrades in place and keeps its rows."""

from __future__ import annotations

import sqlite3
from collections import Counter
from dataclasses import replace
from pathlib import Path

import diplograph
from diplograph.store import counts
from diplograph.store.schema import SCHEMA_VERSION

WIRE = Path(__file__).parent / "data" / "wire"


def drift(store) -> list[str]:  # noqa: ANN001
    with store.engine.connect() as conn:
        return counts.drift(conn)


def answers_match_the_events(store) -> None:  # noqa: ANN001
    """Each question the counts answer, asked of every event instead."""
    every = store.events(limit=None)
    months = Counter((e.anchor[:7], e.type) for e in every if e.anchor and len(e.anchor) >= 7)
    assert {(c.month, c.type): c.events for c in store.events_per_month()} == dict(months)
    assert dict(store.facets()["type"]) == dict(Counter(e.type for e in every))
    places = Counter(e.location for e in every if e.kind == "meeting" and e.location)
    assert dict(store.places()) == dict(places)
    stats = store.stats()
    assert (stats["events"], stats["meetings"]) == (len(every), sum(e.kind == "meeting" for e in every))
    for actor in store.actors():
        if actor.kind == "person":
            expected = sum(any(p.id == actor.id for p in e.participants) for e in every)
        else:
            expected = len(store.events(actor=actor.id, limit=None))
        assert actor.events == expected, actor.id


def test_kept_counts_follow_ingest_reingest_reresolve_and_removal(store_url, dev_extractions, nlp, tmp_path):
    with diplograph.open(store_url) as store:
        store.ingest(dev_extractions)
        assert store.stats()["events"] > 20
        assert drift(store) == []
        answers_match_the_events(store)

        # Changed reports replace their records; unchanged ones are skipped.
        changed = []
        for extraction in dev_extractions[:5]:
            report = replace(extraction.report, text=extraction.report.text + "\nEditor's note: updated.")
            changed.append(report)
        summary = store.ingest(changed, nlp=nlp)
        assert summary.replaced == 5
        assert store.ingest(changed, nlp=nlp).unchanged == 5
        assert drift(store) == []

        # A story and its update (a near-duplicate merged into its original).
        first = tmp_path / "story.txt"
        first.write_text((WIRE / "original.txt").read_text(encoding="utf-8"), encoding="utf-8")
        updated = tmp_path / "story-updated.txt"
        updated.write_text(
            first.read_text(encoding="utf-8").rstrip("\n")
            + "\nOn Thursday, Prabowo also met Singapore Prime Minister Lawrence Wong at the palace.\n",
            encoding="utf-8",
        )
        store.ingest([first, updated], nlp=nlp)
        assert drift(store) == []

        summary = store.reresolve(nlp=nlp)
        assert summary.failed == 0
        assert drift(store) == []
        answers_match_the_events(store)

        for report in store.reports()[:6]:
            store.remove(report.id)
        assert drift(store) == []
        answers_match_the_events(store)
        assert store.check() == []


def test_a_bulk_load_without_triggers_is_counted_once_after(store_url, dev_extractions):
    with diplograph.open(store_url) as store:
        store.ingest(dev_extractions[:6])
        with store.engine.begin() as conn:
            counts.drop_triggers(conn)
            conn.exec_driver_sql("DELETE FROM _pair_counts")  # as if a loader had written behind them
        assert drift(store)
    with diplograph.open(store_url) as store:  # opening finds the triggers missing and recounts
        assert drift(store) == []
        store.ingest(dev_extractions[6:10])
        assert drift(store) == []


def test_a_schema_3_store_upgrades_in_place_and_fills_its_counts(tmp_path, dev_extractions):
    path = tmp_path / "old.db"
    store = diplograph.open(f"sqlite:///{path}")
    store.ingest(dev_extractions[:8])
    before = store.stats()
    per_month = store.events_per_month()
    store.close()
    con = sqlite3.connect(path)  # make it what schema 3 wrote: no kept counts, no triggers
    for (name,) in con.execute(
        "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE '_count_%'"
    ):
        con.execute(f"DROP TRIGGER {name}")
    for table in (
        "_event_counts",
        "_place_counts",
        "_actor_counts",
        "_side_months",
        "_pair_counts",
        "_pair_months",
    ):
        con.execute(f"DROP TABLE {table}")
    con.execute("UPDATE _meta SET value = '3' WHERE key = 'schema_version'")
    con.commit()
    con.close()

    store = diplograph.open(f"sqlite:///{path}")
    assert store.stats() == before
    assert store.events_per_month() == per_month
    assert drift(store) == []
    answers_match_the_events(store)
    store.ingest(dev_extractions[8:12])  # and the triggers keep them from now on
    assert drift(store) == []
    store.close()
    con = sqlite3.connect(path)
    version = con.execute("SELECT value FROM _meta WHERE key = 'schema_version'").fetchone()
    con.close()
    assert version == (str(SCHEMA_VERSION),)


def test_the_network_between_dates_counts_what_the_meetings_say(db, dev_extractions):
    """Whole months from the kept counts, the months a bound cuts through from
    their events: the same edges as counting every meeting's pairs."""
    from sqlalchemy import func, select

    from diplograph.store.schema import event_pairs

    db.ingest(dev_extractions)
    with db.engine.connect() as conn:
        anchors = sorted(a for a in conn.execute(select(event_pairs.c.anchor).distinct()).scalars() if a)

        def counted(since, until):  # noqa: ANN001, ANN202
            query = (
                select(event_pairs.c.side, event_pairs.c.other, func.count())
                .where(event_pairs.c.kind == "meeting", event_pairs.c.side < event_pairs.c.other)
                .group_by(event_pairs.c.side, event_pairs.c.other)
            )
            if since:
                query = query.where(event_pairs.c.anchor >= since)
            if until:
                query = query.where(event_pairs.c.anchor <= until)
            return {(a, b): n for a, b, n in conn.execute(query)}

        assert len(anchors) > 3
        middle = anchors[len(anchors) // 2]
        bounds = [
            (None, None),
            (anchors[0], anchors[-1]),
            (middle, None),
            (None, middle),
            (middle[:7], None),
            (middle[:4] + "-01-01", middle[:4] + "-12-31"),
            (middle[:7] + "-10", middle[:7] + "-20"),
            (anchors[1], anchors[-2]),
        ]
        for since, until in bounds:
            edges = {(e.a, e.b): e.meetings for e in db.meeting_pairs(since=since, until=until)}
            expected = counted(since, until)
            assert edges == {k: v for k, v in expected.items() if k in edges}, (since, until)
            assert set(expected) - set(edges) <= {k for k in expected if not _both_sides(db, k)}, (
                since,
                until,
            )


def _both_sides(db, pair) -> bool:  # noqa: ANN001
    kinds = {a.id: a.kind for a in db.actors()}
    return all(kinds.get(code) in ("state", "body") for code in pair)


def test_an_event_moved_to_another_month_place_or_type_moves_its_counts(db, dev_extractions):
    """What `write._enrich_event` does when a later report dates or places an
    event (and what any other update would do): each count follows the row."""
    from sqlalchemy import update

    from diplograph.store.schema import event_pairs, event_sides, events, mentions

    db.ingest(dev_extractions[:8])
    meeting = next(e for e in db.events(limit=None) if e.kind == "meeting")
    with db.engine.begin() as conn:
        conn.execute(
            update(events)
            .where(events.c.id == meeting.id)
            .values(anchor="1999-02-03", date="1999-02-03", location="Somewhere Else", type="MEET")
        )
        conn.execute(
            update(event_sides)
            .where(event_sides.c.event_id == meeting.id)
            .values(anchor="1999-02-03", month="1999-02")
        )
        conn.execute(
            update(event_pairs).where(event_pairs.c.event_id == meeting.id).values(anchor="1999-02-03")
        )
        first = conn.execute(mentions.select().limit(1)).first()
        if first is not None:
            other = next(a.id for a in db.actors() if a.id != first.actor_id)
            conn.execute(
                update(mentions)
                .where(mentions.c.report_id == first.report_id, mentions.c.span_start == first.span_start)
                .where(mentions.c.actor_id == first.actor_id)
                .values(actor_id=other)
            )
    assert drift(db) == []
    assert ("1999-02", "MEET", 1) in [(c.month, c.type, c.events) for c in db.events_per_month()]
    assert ("Somewhere Else", 1) in db.places()
