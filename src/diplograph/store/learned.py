"""Officials learned from stored reports: who serves which state, as the reports said.

Why: the bundled officials table misses deputy and junior ministers, new
appointments and most officials of small states, yet a report that writes
"New Zealand's Minister of Trade X" says whom X serves, and a later report
that names X unqualified ("Minister of Trade X held talks with Prime
Minister Y in Hanoi") does not. The store keeps every such statement, one
row per person per report (`learned_officials`: name, state or body, role,
the report's date, the report and its sentence), and the resolver asks them
when it meets the name again.

How the resolver asks: `session(engine)` loads a snapshot of the table and
registers it with `officials.register_source` for the duration of an ingest
or a `reresolve`, so `actors.resolve._known_officials` sees its rows as
tenures with `origin="learned"`. A snapshot, not live reads: each report is
resolved against the store as it stood when the run began, whatever the
number of workers or the order they finish in (resolution stays per report
and deterministic for a given store state). So reports of one ingest do not
learn from each other; `reresolve` afterwards applies what they taught.

What wins: the tables (bundle, curated, the user's officials file) know
better than a report's wording, so learned rows answer only for names the
tables do not know at all (`fill_only`); `who --db` shows them either way.
A learned row holds for `officials.SNAPSHOT_WINDOW` either side of the date
of the report that said it (a report seen once says nothing of the tenure's
bounds). Two states learned for one name on a date are ambiguous, and the
resolver leaves such a name without a state.

Rows go with their report: `ON DELETE CASCADE`, and `replace_rows`, called
in the report's own write transaction (`store.write`, `reresolve`), replaces
a report's rows whenever it is written again: the report and what it taught
are committed together or not at all.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import (
    Column,
    Connection,
    Engine,
    ForeignKey,
    Index,
    Integer,
    String,
    Table,
    Text,
    delete,
    select,
)

from diplograph.actors import officials
from diplograph.actors.names import name_key, query_keys, variants
from diplograph.records import Extraction
from diplograph.store.schema import metadata

learned_officials = Table(
    "learned_officials",
    metadata,
    Column("report_id", String(255), ForeignKey("reports.id", ondelete="CASCADE"), primary_key=True),
    Column("name_key", String(255), primary_key=True),  # actors.names.name_key of the name
    Column("country", String(64), primary_key=True),  # the state or body the report states
    Column("name", Text, nullable=False),  # as the report writes it
    Column("role", Text),  # as the report writes it ("Minister of Trade")
    Column("seen", String(10)),  # the report's publication date
    Column("span_start", Integer, nullable=False),  # the sentence that states it
    Column("span_end", Integer, nullable=False),
    Column("evidence", Text, nullable=False),
)
Index("ix_learned_officials_name_key", learned_officials.c.name_key)

#: The office of a learned row: the report gives a title, not a normalised office.
OFFICE = "reported"


def rows_of(extraction: Extraction) -> list[dict]:
    """The table's rows for one report's explicit statements (one per person and state)."""
    out: dict[tuple[str, str], dict] = {}
    for s in extraction.stated:
        key = name_key(s.name)[:255]
        if not key or (key, s.country) in out:
            continue
        out[(key, s.country)] = {
            "report_id": extraction.report.id,
            "name_key": key,
            "country": s.country,
            "name": s.name,
            "role": s.role,
            "seen": extraction.report.published,
            "span_start": s.span.start,
            "span_end": s.span.end,
            "evidence": s.evidence,
        }
    return list(out.values())


def replace_rows(conn: Connection, extraction: Extraction) -> int:
    """Replace what the store learned from this report, inside the caller's transaction."""
    conn.execute(delete(learned_officials).where(learned_officials.c.report_id == extraction.report.id))
    rows = rows_of(extraction)
    if rows:
        conn.execute(learned_officials.insert(), rows)
    return len(rows)


def write_transaction(engine: Engine):  # noqa: ANN201 - a context manager of a Connection
    """A write transaction: the store's write lock where `store.db` has one
    (`db.writing`), else a plain `engine.begin()`."""
    from diplograph.store import db

    writing = getattr(db, "writing", None)
    return writing(engine) if writing is not None else engine.begin()


class LearnedOfficials:
    """A snapshot of `learned_officials`, asked like the officials tables:
    `source(name, on)` returns `Tenure`s with `origin="learned"`.

    fill_only: answer only for names the tables (bundle, curated, user file)
    do not know at all, so that what a report wrote never overrides them."""

    def __init__(self, rows: list, fill_only: bool = True) -> None:
        self.fill_only = fill_only
        self.tenures: list[officials.Tenure] = []
        self.index: dict[str, list[int]] = {}
        for row in rows:
            seen = _date(row.seen)
            tenure = officials.Tenure(
                name=row.name,
                state=row.country,
                office=OFFICE,
                title=row.role or "",
                start=None,
                end=None,
                source=f"report {row.report_id}",
                as_of=seen,
                start_how="unknown",
                end_how="unknown",
                origin="learned",
                report=row.report_id,
                evidence=row.evidence,
            )
            i = len(self.tenures)
            self.tenures.append(tenure)
            for key in variants(row.name) | {row.name_key}:
                self.index.setdefault(key, []).append(i)

    @classmethod
    def load(cls, conn: Connection, fill_only: bool = True) -> LearnedOfficials:
        t = learned_officials
        query = select(t.c.report_id, t.c.name_key, t.c.country, t.c.name, t.c.role, t.c.seen, t.c.evidence)
        return cls(list(conn.execute(query.order_by(t.c.report_id, t.c.name_key, t.c.country))), fill_only)

    def __len__(self) -> int:
        return len(self.tenures)

    def __call__(self, name: str, on: dt.date | None) -> list[officials.Tenure]:
        found: list[int] = []
        for key in query_keys(name):
            for i in self.index.get(key, ()):
                if i not in found:
                    found.append(i)
        if not found:
            return []
        if self.fill_only and officials.officials()._find(name):
            return []  # the tables know this name: they decide
        # (`Officials.lookup` keeps those in office on `on`.)
        return [self.tenures[i] for i in found]


def _date(text: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text) if text else None
    except ValueError:
        return None


@contextmanager
def session(engine: Engine, fill_only: bool = True) -> Iterator[LearnedOfficials]:
    """What the store has learned, registered as an officials source for the
    duration of the block (an ingest, a `reresolve`, a `who --db`). Worker
    processes forked inside the block inherit it (the pipeline forks where the
    system can; under spawn, workers resolve without it)."""
    with engine.connect() as conn:
        source = LearnedOfficials.load(conn, fill_only)
    if not source:  # nothing learned yet: the resolver pays nothing
        yield source
        return
    officials.register_source(source)
    try:
        yield source
    finally:
        officials.unregister_source(source)
