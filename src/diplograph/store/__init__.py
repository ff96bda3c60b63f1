"""The store: an embedded database of records merged across reports.

    db = diplograph.open("x.db")             # or a postgresql:// URL
    db.ingest(["reports/"])                  # read, extract, merge, commit per report
    db.events(actor="VNM", with_="JPN", since="2023-01-01")
    db.event(event_id).sources               # every sentence behind it

`Store` is the whole public surface: the CLI (`cli/store.py`), the web app
and Spark's loader call these methods and nothing below them. Every query
returns plain dataclasses from `store.results`.

Modules: `schema` (tables), `db` (engine, pragmas), `write` (one report, one
transaction), `dedupe` (MinHash LSH), `merge` (same record across reports),
`query` (the questions), `ingest` (reports -> pipeline -> write).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable

from sqlalchemy import Engine

from diplograph.records import Extraction, Failure, Report
from diplograph.store import query, write
from diplograph.store.db import connect, default_location, to_url
from diplograph.store.results import (
    ActorRef,
    ActorRow,
    DocumentRow,
    EventRow,
    IngestResult,
    IngestSummary,
    MeetingEdge,
    MonthTypeCount,
    PartnershipRow,
    Relation,
    ReportRow,
    SearchHit,
    Source,
    TargetRow,
    TimelinePoint,
)

__all__ = [
    "Store",
    "open_store",
    "ActorRef",
    "ActorRow",
    "DocumentRow",
    "EventRow",
    "IngestResult",
    "IngestSummary",
    "MeetingEdge",
    "MonthTypeCount",
    "PartnershipRow",
    "Relation",
    "ReportRow",
    "SearchHit",
    "Source",
    "TargetRow",
    "TimelinePoint",
]


class Store:
    """A store at a path or URL. Safe to share between threads for reading
    (each call takes its own connection). Several processes may write at once:
    each report's transaction takes the store's write lock and waits its turn
    (`db.writing`)."""

    def __init__(self, location: str | os.PathLike[str] | None = None, create: bool = True) -> None:
        self.url = to_url(location if location is not None else default_location())
        self.engine: Engine = connect(self.url, create=create)

    # -- writing ---------------------------------------------------------

    def ingest(
        self,
        items: Iterable[Report | Failure | Extraction | str | os.PathLike[str]],
        jobs: int | None = 1,
        on_result: Callable[[IngestResult], None] | None = None,
        published: str | None = None,
        nlp=None,  # noqa: ANN001
        learned: bool = True,
    ) -> IngestSummary:
        """Read (paths), extract (reports) and store: one transaction per report.

        learned: resolve persons against what the store has learned from the
        reports it holds (`store.learned`); False resolves each report on the
        officials tables alone, so its records do not depend on what was
        stored before (what it states is still learned).

        Unchanged reports are skipped before extraction, exact copies are
        linked to their original without extraction, near-duplicates are
        linked and add what their original lacks, a changed report replaces
        its records.
        """
        from diplograph.store.ingest import ingest

        return ingest(
            self.engine, _items(items, published), jobs=jobs, on_result=on_result, nlp=nlp, learned=learned
        )

    def reresolve(self, jobs: int | None = 1, on_result: Callable | None = None, nlp=None):  # noqa: ANN001, ANN201
        """Re-extract every stored report from its stored text with what the store
        has learned since (`store.reresolve`), one transaction per report; a report
        that fails keeps its old records. Returns a `ReresolveSummary`."""
        from diplograph.store.reresolve import reresolve

        return reresolve(self.engine, jobs=jobs, on_result=on_result, nlp=nlp)

    def learned(self, name: str | None = None) -> list:
        """What the store has learned of officials from its reports (every row, or
        those whose name matches `name`), as `officials.Tenure`s with `origin="learned"`."""
        from diplograph.store.learned import LearnedOfficials

        with self.engine.connect() as conn:
            source = LearnedOfficials.load(conn, fill_only=False)
        return source.tenures if name is None else source(name, None)

    def add(self, extraction: Extraction) -> IngestResult:
        """Store one already-extracted report (one transaction)."""
        return write.write(self.engine, extraction)

    def remove(self, report_id: str) -> None:
        """Delete a report and every record only it supported."""
        write.remove(self.engine, report_id)

    # -- reading ---------------------------------------------------------

    def events(
        self,
        actor: str | None = None,
        with_: str | None = None,
        type: str | None = None,  # noqa: A002 - PLOVER's word
        since: str | None = None,
        until: str | None = None,
        text: str | None = None,
        kind: str | None = None,
        limit: int | None = 100,
        offset: int = 0,
        dated: bool | None = None,
        location: str | None = None,
    ) -> list[EventRow]:
        """Events newest first. `actor`/`with_`: a code ("VNM"), a state's or
        body's name, a person's name (any stored spelling) or an actor id;
        both given = events where both take part. `since`/`until`: ISO dates
        (inclusive) on the event date, else its first report's publication date.
        `type`: a PLOVER type; `kind`: meeting | event; `text`: words in the evidence;
        `dated`: only events dated in the text (True) or only undated ones (False);
        `location`: the place as stored (the map's points lead there).
        Each event carries its sources (report, span, sentence, URL)."""
        with self.engine.connect() as conn:
            return query.events_query(
                conn,
                actor,
                with_,
                type,
                since,
                until,
                text,
                kind,
                limit,
                offset,
                dated=dated,
                location=location,
            )

    def fingerprint(self) -> tuple:
        """Changes when reports or sources are added or removed (two index probes)."""
        with self.engine.connect() as conn:
            return query.fingerprint(conn)

    def facets(self) -> dict[str, list[tuple[str, int]]]:
        """Event counts by PLOVER type, side (state or body), year and dated/undated."""
        with self.engine.connect() as conn:
            return query.facets(conn)

    def event(self, event_id: str) -> EventRow | None:
        """One event with its participants and every source sentence."""
        with self.engine.connect() as conn:
            return query.event(conn, event_id)

    def actors(
        self,
        kind: str | None = None,
        country: str | None = None,
        text: str | None = None,
        limit: int | None = None,
    ) -> list[ActorRow]:
        """Actors (states, bodies, persons) with their aliases and counts, most active first."""
        with self.engine.connect() as conn:
            return query.actors_query(conn, kind, country, text, limit)

    def actor(self, actor_id: str) -> ActorRow | None:
        """One actor by id (a code for states and bodies), with its aliases and counts."""
        with self.engine.connect() as conn:
            found = query.actors_query(conn, ids=[actor_id])
        return found[0] if found else None

    def pair_summary(self, a: str, b: str) -> tuple[int, int, list[tuple[str, int]]]:
        """(meetings, other events, meetings per month YYYY-MM) of two actors
        together, from the kept counts when both are states or bodies."""
        with self.engine.connect() as conn:
            return query.pair_summary(conn, a, b)

    def resolve(self, text: str) -> query.Who:
        """What an actor argument names: codes and person ids."""
        with self.engine.connect() as conn:
            return query.resolve(conn, text)

    def timeline(self, actor: str, type: str | None = None) -> list[TimelinePoint]:  # noqa: A002
        """Events and meetings per month (YYYY-MM) in which `actor` takes part."""
        with self.engine.connect() as conn:
            return query.timeline(conn, actor, type)

    def events_per_month(self, kind: str | None = None) -> list[MonthTypeCount]:
        """Events per month (YYYY-MM) and PLOVER type over the whole store
        (`kind`: meeting | event), counted by the database."""
        with self.engine.connect() as conn:
            return query.events_per_month(conn, kind)

    def places(self) -> list[tuple[str, int]]:
        """Meeting locations as stored, with how many meetings each (most first)."""
        with self.engine.connect() as conn:
            return query.places(conn)

    def meeting_pairs(self, since: str | None = None, until: str | None = None) -> list[MeetingEdge]:
        """The meeting network's edges: pairs of states or bodies (a < b) with
        their number of meetings (between `since` and `until`), counted by the database."""
        with self.engine.connect() as conn:
            return query.meeting_pairs(conn, since, until)

    def relations(self, actor: str) -> list[Relation]:
        """Partners of `actor` ranked by meetings, with the last meeting and the
        current partnership level."""
        with self.engine.connect() as conn:
            return query.relations(conn, actor)

    def targets(self, actor: str | None = None, status: str | None = None) -> list[TargetRow]:
        """Targets and actual figures; each target with the latest actual
        figure for the same parties and metric (its progress)."""
        with self.engine.connect() as conn:
            return query.targets_query(conn, actor, status)

    def documents(self, actor: str | None = None, status: str | None = None) -> list[DocumentRow]:
        with self.engine.connect() as conn:
            return query.documents_query(conn, actor, status)

    def document(self, document_id: str) -> DocumentRow | None:
        with self.engine.connect() as conn:
            found = [d for d in query.documents_query(conn) if d.id == document_id]
            if not found:
                return None
            found[0].sources = query.sources(conn, "document", document_id)
            return found[0]

    def partnerships(self, actor: str | None = None) -> list[PartnershipRow]:
        with self.engine.connect() as conn:
            return query.partnerships_query(conn, actor)

    def reports(self, limit: int | None = None, offset: int = 0) -> list[ReportRow]:
        """Stored reports, newest first (without their text)."""
        with self.engine.connect() as conn:
            return query.reports_query(conn, limit, offset)

    def report(self, report_id: str) -> ReportRow | None:
        """One stored report with its original text (spans point into it)."""
        with self.engine.connect() as conn:
            return query.report(conn, report_id)

    def sources(self, kind: str, record_id: str) -> list[Source]:
        """The sentences behind a record: kind is event | document | target | partnership."""
        with self.engine.connect() as conn:
            return query.sources(conn, kind, record_id)

    def search(self, text: str, limit: int = 100, offset: int = 0) -> list[SearchHit]:
        """Records whose evidence sentences (persons whose names, documents
        whose titles) hold every word of `text`, accents folded, best first."""
        return self.search_page(text, limit, offset)[0]

    def search_page(
        self, text: str, limit: int = 50, offset: int = 0, kinds: set[str] | None = None
    ) -> tuple[list[SearchHit], int]:
        """One page of `search` and the number of hits in all."""
        with self.engine.connect() as conn:
            return query.search(conn, text, limit, offset, kinds)

    def check(self) -> list[str]:
        """Inconsistencies in the database (empty when sound): SQLite's own
        integrity and foreign key checks, orphans, wrong source counts."""
        from diplograph.store.check import problems

        return problems(self.engine)

    def stats(self, full: bool = True) -> dict[str, int]:
        """Row counts of the main tables (`full=False`: without the sources
        tables, as the dashboard shows them; every count a kept one or a small table's)."""
        with self.engine.connect() as conn:
            return query.stats(conn, full=full)

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Store({self.url!r})"


def _items(items: Iterable, published: str | None) -> Iterable:
    """Paths are read with the same readers as `extract`, consecutive paths
    as one batch (so two files named alike get ids apart: `read.identity`);
    records pass through."""
    from diplograph.read import read_paths

    paths: list = []
    for item in items:
        if isinstance(item, Report | Failure | Extraction):
            if paths:
                yield from read_paths(paths, published=published)
                paths = []
            yield item
        else:
            paths.append(item)
    if paths:
        yield from read_paths(paths, published=published)


def open_store(location: str | os.PathLike[str] | None = None, create: bool = True) -> Store:
    return Store(location, create=create)
