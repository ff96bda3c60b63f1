"""Re-resolve stored reports with what the store has learned since they came in.

Why: a report ingested before the one that said whom its minister serves was
resolved without knowing it ("Minister of Trade X held talks with Prime
Minister Y in Hanoi": X's state unknown, or guessed from the dateline). Its
records are fixed only by resolving it again. `reresolve` re-extracts every
stored report from its stored text (the original, which every span points
into), against the officials tables and a snapshot of `learned_officials`
taken when the run begins (deterministic for a given store state), and
replaces the report's records in one transaction per report: its sources and
mentions are cleared, the new extraction is merged in, and what it states of
officials is learned again, all committed together or not at all. A report
whose extraction or write fails keeps its old records; nothing is lost.

The report rows themselves (text, hash, duplicate links, ingest time) are
left as they are, so a later `ingest` of the same files still finds them
unchanged. A near-duplicate (`duplicate_of`) is re-resolved after every
original and written as `ingest` writes it (what its original already says
adds no source); an exact copy, linked without extraction, has no records
of its own and is skipped.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from sqlalchemy import Connection, Engine, and_, case, select

from diplograph.records import Extraction, Failure, Report
from diplograph.store import dedupe, learned, merge, write
from diplograph.store.schema import RECORD_TABLES, actors, mentions, reports


@dataclass
class ReresolveResult:
    report_id: str
    status: str  # changed | same | failed
    reason: str | None = None


@dataclass
class ReresolveSummary:
    changed: int = 0
    same: int = 0
    failed: int = 0
    learned: int = 0  # learned rows in the snapshot the run resolved against
    failures: list[ReresolveResult] = field(default_factory=list)

    def count(self, result: ReresolveResult) -> None:
        setattr(self, result.status, getattr(self, result.status) + 1)
        if result.status == "failed":
            self.failures.append(result)


def stored_ids(engine: Engine) -> list[str]:
    """The reports to re-resolve: originals first (a near-duplicate is written
    against its original's records), each group in id order; not the exact
    copies (same text and publication date as their original: never extracted)."""
    original = reports.alias("original")
    exact_copy = and_(
        reports.c.duplicate_of.is_not(None),
        original.c.text == reports.c.text,
        original.c.published.is_not_distinct_from(reports.c.published),
    )
    query = (
        select(reports.c.id)
        .select_from(reports.outerjoin(original, original.c.id == reports.c.duplicate_of))
        .where(~exact_copy)
        .order_by(case((reports.c.duplicate_of.is_(None), 0), else_=1), reports.c.id)
    )
    with engine.connect() as conn:
        return list(conn.execute(query).scalars())


def _stored_report(engine: Engine, report_id: str) -> Report | None:
    with engine.connect() as conn:
        row = conn.execute(select(reports).where(reports.c.id == report_id)).one_or_none()
    if row is None:
        return None
    return Report(
        id=row.id,
        text=row.text,
        url=row.url,
        title=row.title,
        published=row.published,
        published_how=row.published_how,
        source=row.source,
    )


def reresolve(
    engine: Engine,
    jobs: int | None = 1,
    on_result: Callable[[ReresolveResult], None] | None = None,
    nlp=None,  # noqa: ANN001 - a loaded spaCy pipeline, when the caller has one
    ids: list[str] | None = None,
) -> ReresolveSummary:
    """Re-extract and rewrite every stored report (or those of `ids`), one
    transaction per report; say what happened to each through `on_result`."""
    from diplograph import pipeline

    summary = ReresolveSummary()
    todo = stored_ids(engine) if ids is None else list(ids)

    def emit(result: ReresolveResult) -> None:
        summary.count(result)
        if on_result:
            on_result(result)

    def stored() -> Iterator[Report]:
        for report_id in todo:
            report = _stored_report(engine, report_id)
            if report is None:
                emit(ReresolveResult(report_id, "failed", "no longer stored"))
                continue
            yield report

    with learned.session(engine) as snapshot:  # registered before the workers fork
        summary.learned = len(snapshot)
        for out in pipeline.run(stored(), nlp=nlp, jobs=jobs, background=True):
            if isinstance(out, Failure):
                emit(ReresolveResult(out.id, "failed", f"{out.stage}: {out.reason}; old records kept"))
                continue
            try:
                emit(rewrite(engine, out))
            except Exception as error:  # noqa: BLE001 - one report's failure never stops the run
                emit(ReresolveResult(out.report.id, "failed", f"store: {error!r}; old records kept"))
    return summary


def rewrite(engine: Engine, extraction: Extraction) -> ReresolveResult:
    """Replace a stored report's records with `extraction`'s, in one transaction."""
    report_id = extraction.report.id
    known = write.known_actors(engine)
    with learned.write_transaction(engine) as conn:
        original = conn.execute(select(reports.c.duplicate_of).where(reports.c.id == report_id)).scalar()
        before = _persons(conn, report_id)
        write.clear_report(conn, report_id)  # sources, mentions, LSH bands; the report row stays
        dedupe.insert_bands(conn, report_id, dedupe.signature(extraction.report.text))
        resolver = merge.ActorResolver(conn, known)
        write.write_records(conn, extraction, resolver, original)
        learned.replace_rows(conn, extraction)
        after = _persons(conn, report_id)
    known.commit(resolver)  # only now: the transaction committed
    return ReresolveResult(report_id, "changed" if before != after else "same")


def _persons(conn: Connection, report_id: str) -> set[tuple[str, str | None]]:
    """What the report contributes, as stored: (name, state) of each person it
    mentions and (kind, id) of each record it is a source of."""
    query = (
        select(mentions.c.name, actors.c.country)
        .join(actors, actors.c.id == mentions.c.actor_id)
        .where(mentions.c.report_id == report_id)
    )
    out: set[tuple[str, str | None]] = {(r.name, r.country) for r in conn.execute(query)}
    for kind, (_, sources) in RECORD_TABLES.items():
        ids = conn.execute(select(sources.c.record_id).where(sources.c.report_id == report_id))
        out |= {(f"{kind}:", record_id) for record_id in ids.scalars()}
    return out
