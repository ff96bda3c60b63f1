"""Actors learned across reports (issue 17, point 4), on real stores.

Report A states a minister's state ("New Zealand's Minister of Trade X", in
Wellington); report B, datelined in Hanoi, names the same minister
unqualified beside Viet Nam's Prime Minister. The minister is in no officials
table, so only what the store learned from A can give B's person and meeting
New Zealand. Every test runs on a real SQLite file and on the real
PostgreSQL server the tests start (`store_url`), through the real pipeline.
"""

from __future__ import annotations

import datetime as dt

from click.testing import CliRunner
from sqlalchemy import select, update

import diplograph
from diplograph.actors import officials
from diplograph.cli import main
from diplograph.pipeline import PARSE_MAX_CHARS
from diplograph.read.common import finish
from diplograph.records import Report
from diplograph.store.learned import LearnedOfficials, learned_officials
from diplograph.store.schema import actors, mentions, reports

MINISTER = "Harriet Kowhai-Brennan"
A_TEXT = (
    "WELLINGTON, March 2 (VNA) - New Zealand's Minister of Trade Harriet Kowhai-Brennan met "
    "Vietnamese Prime Minister Pham Minh Chinh in Wellington on Tuesday. The two sides agreed to "
    "boost two-way trade."
)
B_TEXT = (
    "HANOI, June 9 (VNA) - Minister of Trade Harriet Kowhai-Brennan held talks with Prime Minister "
    "Pham Minh Chinh in Hanoi on Monday. The two sides discussed trade and investment."
)


def report_a() -> Report:
    return finish(Report(id="A", text=A_TEXT, source="a.txt"), published="2024-03-02")


def report_b() -> Report:
    return finish(Report(id="B", text=B_TEXT, source="b.txt"), published="2024-06-10")


def meetings_of(store, report_id: str) -> list:  # noqa: ANN001
    """The meetings the report is a source of that the minister takes part in,
    by id (a meeting and the CONSULT events told with it)."""
    found = []
    for row in store.events(kind="meeting"):
        full = store.event(row.id)
        if any(s.report_id == report_id for s in full.sources) and any(
            p.name == MINISTER for p in full.participants
        ):
            found.append(full)
    assert found
    return sorted(found, key=lambda e: e.id)



def minister_sides(store, report_id: str) -> set[str | None]:  # noqa: ANN001
    """The states the minister stands for in the report's meetings."""
    return {p.country for m in meetings_of(store, report_id) for p in m.participants if p.name == MINISTER}


def minister_side(store, report_id: str) -> str | None:  # noqa: ANN001
    """The one state the minister stands for in the report's meetings (else their set, to fail on)."""
    sides = minister_sides(store, report_id)
    return sides.pop() if len(sides) == 1 else sides  # type: ignore[return-value]


def person_state(store, report_id: str) -> str | None:  # noqa: ANN001
    """The state of the actor the report's mention of the minister is stored under."""
    with store.engine.connect() as conn:
        rows = conn.execute(
            select(actors.c.country)
            .join(mentions, mentions.c.actor_id == actors.c.id)
            .where(mentions.c.report_id == report_id, mentions.c.name == MINISTER)
        ).all()
    assert len(rows) == 1, rows
    return rows[0].country


def test_a_then_b_b_takes_the_state_a_states(store_url: str) -> None:
    with diplograph.open(store_url) as store:
        assert store.ingest([report_a()]).added == 1
        learned = store.learned(MINISTER)
        assert [(t.state, t.title, t.report, t.as_of) for t in learned] == [
            ("NZL", "Minister of Trade", "A", dt.date(2024, 3, 2))
        ]
        assert learned[0].evidence.startswith("WELLINGTON, March 2 (VNA) - New Zealand's Minister of Trade")
        assert store.ingest([report_b()]).added == 1
        assert minister_side(store, "B") == "NZL"
        assert all({p.country for p in m.participants} == {"NZL", "VNM"} for m in meetings_of(store, "B"))
        assert person_state(store, "B") == "NZL"
        assert store.check() == []
    assert officials._SOURCES == []  # the ingest's learned source is gone with it


def test_b_then_a_and_reresolve_b_takes_the_state_a_states(store_url: str) -> None:
    with diplograph.open(store_url) as store:
        store.ingest([report_b()])
        assert minister_side(store, "B") != "NZL"  # nothing says whom she serves yet
        store.ingest([report_a()])
        assert minister_side(store, "B") != "NZL"  # B is not touched by A's ingest
        a_before = [(m.id, m.participants) for m in meetings_of(store, "A")]

        lines: list[str] = []
        summary = store.reresolve(on_result=lambda r: lines.append(f"{r.report_id}:{r.status}"))
        assert (summary.changed, summary.same, summary.failed) == (1, 1, 0)
        assert sorted(lines) == ["A:same", "B:changed"]
        assert minister_side(store, "B") == "NZL"
        assert all({p.country for p in m.participants} == {"NZL", "VNM"} for m in meetings_of(store, "B"))
        assert person_state(store, "B") == "NZL"
        assert [(m.id, m.participants) for m in meetings_of(store, "A")] == a_before
        with store.engine.connect() as conn:  # the report rows are left alone: a re-ingest is 'unchanged'
            assert conn.execute(select(reports.c.id).where(reports.c.duplicate_of.is_not(None))).all() == []
        assert store.ingest([report_a(), report_b()]).unchanged == 2

        again = store.reresolve()  # the same store state resolves the same way
        assert (again.changed, again.same, again.failed) == (0, 2, 0)
        assert store.check() == []


def test_one_ingest_resolves_against_the_store_as_it_began(store_url: str) -> None:
    """Reports of one ingest do not learn from each other (deterministic
    whatever the workers' order); `reresolve` afterwards applies it."""
    with diplograph.open(store_url) as store:
        assert store.ingest([report_a(), report_b()]).added == 2
        assert minister_side(store, "B") != "NZL"
        assert store.reresolve().changed == 1
        assert minister_side(store, "B") == "NZL"


def test_a_report_that_fails_to_reresolve_keeps_its_records(store_url: str) -> None:
    with diplograph.open(store_url) as store:
        store.ingest([report_b()])
        store.ingest([report_a()])
        before = [(m.id, m.participants, m.sources) for m in meetings_of(store, "B")]
        with store.engine.begin() as conn:  # B's stored text grows past what the parser takes
            grown = B_TEXT + " x" * PARSE_MAX_CHARS
            conn.execute(update(reports).where(reports.c.id == "B").values(text=grown))
        failures: list[str] = []
        summary = store.reresolve(on_result=lambda r: r.status == "failed" and failures.append(r.reason))
        assert (summary.changed, summary.same, summary.failed) == (0, 1, 1)
        assert "old records kept" in failures[0]
        assert [(m.id, m.participants, m.sources) for m in meetings_of(store, "B")] == before
        assert store.check() == []


def test_removing_a_report_forgets_what_it_taught(store_url: str) -> None:
    with diplograph.open(store_url) as store:
        store.ingest([report_a()])
        assert store.learned(MINISTER)
        store.remove("A")
        assert store.learned() == []
        with store.engine.connect() as conn:
            assert conn.execute(select(learned_officials)).all() == []


def test_who_answers_from_the_store(tmp_path) -> None:  # noqa: ANN001
    path = tmp_path / "store.db"
    with diplograph.open(path) as store:
        store.ingest([report_a()])
    runner = CliRunner()
    assert runner.invoke(main, ["who", MINISTER]).exit_code == 1  # the tables do not know her
    result = runner.invoke(main, ["who", MINISTER, "--db", str(path), "--on", "2024-06-10"])
    assert result.exit_code == 0, result.output
    name, state, office, span, source = result.output.strip().split("\t")
    assert (name, state, office) == (MINISTER, "NZL", "reported (Minister of Trade)")
    assert span == "? – ? (seen 2024-03-02)"
    assert source.startswith("learned: report A: WELLINGTON, March 2 (VNA) - New Zealand's Minister of Trade")
    # a bundled official: the tables answer, and the store's row is shown beside them
    result = runner.invoke(main, ["who", "Pham Minh Chinh", "--db", str(path), "--on", "2024-03-02"])
    sources = [line.split("\t")[4] for line in result.output.strip().splitlines()]
    assert sources[0].startswith("bundle:") and sources[1].startswith("learned: report A")
    assert officials._SOURCES == []


def test_the_tables_win_over_what_a_report_wrote() -> None:
    """A learned row answers only for names no table knows (fill_only)."""

    class Row:
        def __init__(self, name: str, country: str) -> None:
            self.report_id, self.name, self.country, self.role = "R", name, country, "Prime Minister"
            self.name_key, self.seen, self.evidence = name.lower(), "2024-01-01", "..."

    rows = [Row("Pham Minh Chinh", "JPN"), Row(MINISTER, "NZL")]
    resolving = LearnedOfficials(rows)
    assert resolving("Pham Minh Chinh", dt.date(2024, 1, 1)) == []
    assert [t.state for t in resolving(MINISTER, dt.date(2024, 1, 1))] == ["NZL"]
    showing = LearnedOfficials(rows, fill_only=False)
    assert [t.state for t in showing("Phạm Minh Chính", None)] == ["JPN"]
    officials.register_source(resolving)
    try:  # out of the window around the date seen, a learned row says nothing
        assert officials.lookup(MINISTER, dt.date(2024, 6, 1))[0].state == "NZL"
        assert officials.lookup(MINISTER, dt.date(2030, 1, 1)) == []
    finally:
        officials.unregister_source(resolving)


def test_reresolve_writes_near_duplicates_against_their_originals(store_url: str) -> None:
    """An exact copy (linked, never extracted) is skipped; an update of B
    (a near-duplicate with records of its own) is re-resolved after B."""
    from diplograph.store.reresolve import stored_ids

    filler = " ".join(
        f"Officials from both sides reviewed item {n} of the agenda on customs, ports and shipping."
        for n in range(1, 9)
    )
    long_b = B_TEXT + " " + filler
    copied = Report(id="B-copy", text=long_b, source="c.txt", url="https://x.invalid/c")
    copy = finish(copied, published="2024-06-10")
    update_text = long_b + " Both sides also agreed to meet again in 2025."
    update = finish(Report(id="B-update", text=update_text, source="u.txt"), published="2024-06-10")
    original = finish(Report(id="B", text=long_b, source="b.txt"), published="2024-06-10")
    with diplograph.open(store_url) as store:
        store.ingest([original])
        assert store.ingest([copy]).duplicate == 1
        assert store.ingest([update]).duplicate == 1
        store.ingest([report_a()])
        assert stored_ids(store.engine) == ["A", "B", "B-update"]
        summary = store.reresolve()
        assert (summary.changed, summary.same, summary.failed) == (2, 1, 0), summary  # B and its update
        assert minister_side(store, "B") == "NZL"
        assert store.check() == []
