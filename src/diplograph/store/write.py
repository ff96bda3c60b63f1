"""Writing one report's extraction into the store: one transaction per report,
idempotent.

Why per report: a report is the unit that is either in the store with all its
records or not at all, so an ingest killed at any instant leaves a consistent
database, and re-running the same command picks up where it stopped (reports
already stored with the same content hash are skipped before extraction).
A report whose content changed replaces its previous records: its sources
are removed, records left without any source are deleted, and the new
extraction is merged in again.
"""

from __future__ import annotations

import hashlib
import json
import weakref
from datetime import UTC, datetime

from sqlalchemy import Connection, Engine, bindparam, delete, func, select, update

from diplograph.records import Extraction, Report
from diplograph.store import dedupe, learned, merge
from diplograph.store.db import writing
from diplograph.store.results import IngestResult
from diplograph.store.schema import (
    RECORD_TABLES,
    documents,
    event_pairs,
    event_participants,
    event_sides,
    events,
    mentions,
    partnerships,
    report_bands,
    reports,
    targets,
)


def content_hash(report: Report) -> str:
    """What makes a report 'the same': its text and the metadata it came with.
    A title the cleaning step took from the text (`title_derived`) is not
    part of it: the report is hashed before extraction (to skip an unchanged
    one) and again after it, and both must agree."""
    title = None if report.title_derived else report.title
    payload = json.dumps([report.text, report.url, title, report.published], ensure_ascii=False)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def stored_hash(conn: Connection, report_id: str) -> str | None:
    return conn.execute(select(reports.c.content_hash).where(reports.c.id == report_id)).scalar()


def is_unchanged(engine: Engine, report: Report) -> bool:
    with engine.connect() as conn:
        return stored_hash(conn, report.id) == content_hash(report)


def precheck(engine: Engine, report: Report) -> tuple[IngestResult | None, dedupe.Signature | None]:
    """Before extraction, in one transaction: a report stored with the same
    content is `unchanged`; a new report whose text is exactly the text of a
    stored original (a wire copy under another URL or title) is stored now as
    its duplicate, since its extraction could hold nothing the original's
    lacks. Otherwise (None, its signature, to hand to `write` so it is not
    computed twice): a near-duplicate that differs in any way is extracted,
    and `write` keeps whatever it says that its original does not."""
    digest = content_hash(report)
    # Read first, without the write lock: the pre-check runs beside the
    # writer (the pipeline's feeder), and only an exact copy needs to write.
    with engine.connect() as conn:
        stored = stored_hash(conn, report.id)
        if stored == digest:
            return IngestResult(report.id, "unchanged"), None
        sig = dedupe.signature(report.text)
        if stored is not None:
            return None, sig  # a changed report goes through the full path
        match = dedupe.find_duplicate(conn, report.id, sig)
        if match is None or not _same_text(conn, match.report_id, report):
            return None, sig
    with writing(engine) as conn:  # checked again under the lock: another writer may have been first
        match = (
            None if stored_hash(conn, report.id) is not None else dedupe.find_duplicate(conn, report.id, sig)
        )
        if match is None or not _same_text(conn, match.report_id, report):
            return None, sig
        _insert_report(conn, report, sig, match)
    return IngestResult(report.id, "duplicate", duplicate_of=match.report_id), None


def _same_text(conn: Connection, original_id: str, report: Report) -> bool:
    """Is `report` word for word its original, with the same publication date
    (which relative dates are resolved against)?"""
    row = conn.execute(
        select(reports.c.text, reports.c.published).where(reports.c.id == original_id)
    ).one_or_none()
    return row is not None and row.text == report.text and row.published == report.published


def check_duplicate(engine: Engine, report: Report) -> IngestResult | None:
    """Before extraction: if the report is a stored one's exact copy, store it
    as that one's duplicate now (no extraction needed) and say so."""
    result, _ = precheck(engine, report)
    return result if result is not None and result.status == "duplicate" else None


def write(
    engine: Engine,
    extraction: Extraction,
    sig: dedupe.Signature | None = None,
) -> IngestResult:
    """Store one report's extraction in one transaction (`sig`: its MinHash
    signature, when the caller already computed it).

    A near-duplicate of a stored original is linked to it and its records
    are merged in like any report's, except that a record its original
    already supports gets no second source from it (a wire copy is not a
    second witness): what the later text adds (an update's new paragraph)
    is stored, what it repeats is not counted twice."""
    report = extraction.report
    digest = content_hash(report)
    sig = sig or dedupe.signature(report.text)
    with writing(engine) as conn:
        previous = stored_hash(conn, report.id)
        if previous == digest:
            return IngestResult(report.id, "unchanged")
        if previous is not None:
            # Replaced in place: the row stays, so reports that duplicate it keep their link.
            clear_report(conn, report.id)
        match = dedupe.find_duplicate(conn, report.id, sig)
        _insert_report(conn, report, sig, match, replace=previous is not None)
        known = known_actors(engine)
        resolver = merge.ActorResolver(conn, known)
        count = write_records(conn, extraction, resolver, match.report_id if match else None)
        if extraction.stated or previous is not None:  # what it states of officials (store.learned)
            learned.replace_rows(conn, extraction)
    known.commit(resolver)  # only now: the transaction committed
    if match is not None:
        return IngestResult(report.id, "duplicate", duplicate_of=match.report_id, records=count)
    return IngestResult(report.id, "replaced" if previous else "added", records=count)


_KNOWN: weakref.WeakKeyDictionary[Engine, merge.KnownActors] = weakref.WeakKeyDictionary()


def known_actors(engine: Engine) -> merge.KnownActors:
    """The actors committed in this engine's store that this process knows of."""
    known = _KNOWN.get(engine)
    if known is None:
        known = _KNOWN[engine] = merge.KnownActors()
    return known


def _insert_report(
    conn: Connection,
    report: Report,
    sig: dedupe.Signature,
    match: dedupe.Match | None,
    replace: bool = False,
) -> None:
    row = {
        "id": report.id,
        "url": report.url,
        "title": report.title,
        "published": report.published,
        "published_how": report.published_how,
        "source": report.source,
        "content_hash": content_hash(report),
        "text": report.text,
        "duplicate_of": match.report_id if match else None,
        "similarity": round(match.jaccard, 4) if match else None,
        "minhash": sig.to_bytes(),
        "shingles": sig.shingles,
        "ingested_at": datetime.now(UTC).isoformat(timespec="seconds"),
    }
    if replace:
        conn.execute(reports.update().where(reports.c.id == report.id).values(**row))
    else:
        conn.execute(_INSERT_REPORT, row)  # built once: its compiled form is reused
    dedupe.insert_bands(conn, report.id, sig)


def remove(engine: Engine, report_id: str) -> None:
    """Delete a report (see `remove_report`) in its own write transaction."""
    with writing(engine) as conn:
        remove_report(conn, report_id)


def remove_report(conn: Connection, report_id: str) -> None:
    """Delete a report and everything only it supported (explicit deletes, so
    the same code works whether or not the engine enforces cascades)."""
    conn.execute(update(reports).where(reports.c.duplicate_of == report_id).values(duplicate_of=None))
    clear_report(conn, report_id)
    conn.execute(delete(reports).where(reports.c.id == report_id))


def clear_report(conn: Connection, report_id: str) -> None:
    """Remove what a report contributed (sources, mentions, LSH bands), and
    the records no other report supports; the report's row stays."""
    for records, sources in RECORD_TABLES.values():
        touched = list(
            conn.execute(
                select(sources.c.record_id).where(sources.c.report_id == report_id).distinct()
            ).scalars()
        )
        conn.execute(delete(sources).where(sources.c.report_id == report_id))
        for record_id in touched:
            _recount(conn, records, sources, record_id)
    conn.execute(delete(mentions).where(mentions.c.report_id == report_id))
    conn.execute(delete(report_bands).where(report_bands.c.report_id == report_id))


def _recount(conn: Connection, records, sources, record_id: str) -> None:  # noqa: ANN001
    count = conn.execute(
        select(func.count(func.distinct(sources.c.report_id))).where(sources.c.record_id == record_id)
    ).scalar()
    if count:
        first = conn.execute(
            select(sources.c.evidence)
            .where(sources.c.record_id == record_id)
            .order_by(sources.c.report_id, sources.c.span_start)
            .limit(1)
        ).scalar()
        conn.execute(
            update(records).where(records.c.id == record_id).values(source_count=count, evidence=first)
        )
        return
    if records is events:
        for table in (event_participants, event_sides, event_pairs):
            conn.execute(delete(table).where(table.c.event_id == record_id))
    conn.execute(delete(records).where(records.c.id == record_id))


class _Sources:
    """Collects one report's writes that nothing later in the same report
    reads back (sources, `source_count` increments, mentions, new events and
    their participants, sides and pairs) and sends each kind as one
    executemany at the end of the report, in foreign-key order.

    Why: a report writes ~50 rows, and each single-row statement costs more
    in SQLAlchemy than in the database. Nothing is lost by waiting: merging
    never matches an event this report already told of (`told`, passed to
    `merge.find_event`), and a new event's id is checked against the ones
    pending here as well as the stored ones.

    `source_count` (distinct reports) stays right with one increment per
    record: the report's earlier sources were all removed before it is
    (re)written, so a record gets +1 the first time this report supports it
    (a new record is inserted with 0)."""

    def __init__(self, conn: Connection, report_id: str, original: str | None = None) -> None:
        self.conn = conn
        self.report_id = report_id
        self.original = original  # the report this one near-duplicates, if any
        self.added: set[tuple[str, str, int]] = set()
        self.counted: set[tuple[str, str]] = set()
        self.told: set[str] = set()  # events this report supports
        self.new_events: set[str] = set()
        self.rows: dict[object, list[dict]] = {statement: [] for statement in _FLUSH_ORDER}

    def add(  # noqa: ANN001
        self, kind: str, record_id: str, span, evidence: str, detail: str | None = None,
        rule: str | None = None,
    ) -> None:
        key = (kind, record_id, span.start)
        if key in self.added:
            return
        self.added.add(key)
        if (
            self.original is not None
            and self.conn.execute(_HAS_SOURCE[kind], {"rid": record_id, "report": self.original}).first()
        ):
            return  # told by its original already: a copy is no second source
        self.rows[_INSERT_SOURCE[kind]].append(
            {
                "record_id": record_id,
                "report_id": self.report_id,
                "span_start": span.start,
                "span_end": span.end,
                "evidence": evidence,
                "detail": detail,
                "rule": rule,
            }
        )
        if kind == "event":
            self.told.add(record_id)
        if (kind, record_id) not in self.counted:
            self.counted.add((kind, record_id))
            self.rows[_INCREMENT[kind]].append({"rid": record_id})

    def later(self, statement, rows: list[dict]) -> None:  # noqa: ANN001
        self.rows[statement].extend(rows)

    def flush(self) -> None:
        for statement, rows in self.rows.items():
            if rows:
                self.conn.execute(statement, rows)
            rows.clear()


_INSERT_SOURCE = {kind: sources.insert() for kind, (_, sources) in RECORD_TABLES.items()}
_INCREMENT = {
    kind: update(records)
    .where(records.c.id == bindparam("rid"))
    .values(source_count=records.c.source_count + 1)
    for kind, (records, _) in RECORD_TABLES.items()
}
_HAS_SOURCE = {
    kind: select(sources.c.record_id)
    .where(sources.c.record_id == bindparam("rid"), sources.c.report_id == bindparam("report"))
    .limit(1)
    for kind, (_, sources) in RECORD_TABLES.items()
}
_HAS_MENTION = (
    select(mentions.c.actor_id)
    .where(mentions.c.actor_id == bindparam("actor"), mentions.c.report_id == bindparam("report"))
    .limit(1)
)
_INSERT_REPORT = reports.insert()
_INSERT_MENTION = mentions.insert()
_INSERT_EVENT = events.insert()
_INSERT_PARTICIPANT = event_participants.insert()
_EVENT_EXISTS = select(events.c.id).where(events.c.id == bindparam("id"))
_INSERT_SIDE = event_sides.insert()
_INSERT_PAIR = event_pairs.insert()
# Parents before children (foreign keys), sources before their counts.
_FLUSH_ORDER = [
    _INSERT_MENTION,
    _INSERT_EVENT,
    _INSERT_PARTICIPANT,
    _INSERT_SIDE,
    _INSERT_PAIR,
    *_INSERT_SOURCE.values(),
    *_INCREMENT.values(),
]


def write_records(
    conn: Connection, extraction: Extraction, resolver: merge.ActorResolver, original: str | None = None
) -> int:
    """Merge one report's records into the store; `original`: the report it
    near-duplicates, whose records it supports no second time."""
    report = extraction.report
    persons: dict[tuple[str, str | None], str] = {}
    mentioned: set[tuple[str, int]] = set()
    sources = _Sources(conn, report.id, original)
    said = _said_by(conn, original)
    count = 0
    for person in extraction.persons:
        if person.evidence in said["person"]:
            continue
        country = resolver.side(person.country) or person.country
        if country:
            resolver.code(country)
        actor_id = resolver.person(person.name, country, person.role, person.aliases)
        persons[(merge.name_key(person.name), country)] = actor_id
        for alias in person.aliases:
            persons.setdefault((merge.name_key(alias), country), actor_id)
        repeated = original is not None and (
            conn.execute(_HAS_MENTION, {"actor": actor_id, "report": original}).first() is not None
        )
        if (actor_id, person.span.start) not in mentioned and not repeated:
            mentioned.add((actor_id, person.span.start))
            sources.later(
                _INSERT_MENTION,
                [
                    {
                        "report_id": report.id,
                        "actor_id": actor_id,
                        "span_start": person.span.start,
                        "span_end": person.span.end,
                        "name": person.name,
                        "role": person.role,
                        "evidence": person.evidence,
                    }
                ],
            )
        count += 1

    def participant(name: str | None, country: str | None) -> tuple[str, str] | None:
        """(actor id, side) of a participant: a person, else their state or body."""
        side = resolver.side(country) or country
        if side:
            resolver.code(side)
        if name:
            entity = resolver.side(name)
            if entity and entity in (side, None):
                return resolver.code(entity), entity
            actor_id = persons.get((merge.name_key(name), side)) or resolver.person(name, side)
            return actor_id, side or actor_id
        if side:
            return side, side
        return None

    for meeting in extraction.meetings:
        if meeting.evidence in said["event"]:
            continue
        parts = [participant(p.name, p.country) for p in meeting.participants]
        parts = [p for p in parts if p]
        if not parts:
            continue
        _write_event(
            conn,
            sources,
            report,
            "meeting",
            "CONSULT",
            meeting.mode,
            parts[:1],
            parts[1:],
            meeting.date,
            meeting.location,
            meeting.occasion,
            meeting.evidence,
            meeting.span,
            rule=meeting.rule,
        )
        count += 1
    told = {(m.span.start, frozenset(p.country for p in m.participants)) for m in extraction.meetings}
    for event in extraction.events:
        if event.negated or event.hypothetical:
            continue  # reported as not happening or only as possible: not an event that happened
        if event.type == "CONSULT" and (event.span.start, frozenset(event.actor + event.recipient)) in told:
            continue  # the same meeting, already written from the meetings list
        if event.evidence in said["event"]:
            continue
        # an event's sides are states and bodies; a named group the knowledge
        # base does not know ("Hamas") stays in the output, not in the store
        actor_parts = [participant(None, side) for side in map(resolver.side, event.actor) if side]
        recipient_parts = [participant(None, side) for side in map(resolver.side, event.recipient) if side]
        actor_parts = [p for p in actor_parts if p]
        recipient_parts = [p for p in recipient_parts if p]
        if not actor_parts and not recipient_parts:
            continue
        kind = "meeting" if event.type == "CONSULT" else "event"
        _write_event(
            conn,
            sources,
            report,
            kind,
            event.type,
            event.mode,
            actor_parts,
            recipient_parts,
            event.date,
            event.location,
            None,
            event.evidence,
            event.span,
            rule=event.rule,
        )
        count += 1
    for document in extraction.documents:
        if document.evidence in said["document"]:
            continue
        _write_document(conn, sources, resolver, report, document)
        count += 1
    for target in extraction.targets:
        if target.evidence in said["target"]:
            continue
        _write_target(conn, sources, resolver, report, target)
        count += 1
    for partnership in extraction.partnerships:
        if partnership.evidence in said["partnership"]:
            continue
        _write_partnership(conn, sources, resolver, report, partnership)
        count += 1
    sources.flush()
    return count


def _said_by(conn: Connection, original: str | None) -> dict[str, set[str]]:
    """The evidence sentences of each kind that a near-duplicate's original
    already stands behind. A copy's record told in one of them, word for
    word, is the original's record (perhaps resolved a little differently,
    say without the original's date line): it is not stored again. Empty
    when there is no original."""
    said: dict[str, set[str]] = {kind: set() for kind in (*RECORD_TABLES, "person")}
    if original is None:
        return said
    for kind, (_, sources) in RECORD_TABLES.items():
        said[kind] = set(
            conn.execute(select(sources.c.evidence).where(sources.c.report_id == original)).scalars()
        )
    said["person"] = set(
        conn.execute(select(mentions.c.evidence).where(mentions.c.report_id == original)).scalars()
    )
    return said


def _codes(resolver: merge.ActorResolver, parties: list[str]) -> str:
    codes = []
    for party in parties:
        code = resolver.side(party) or party
        resolver.code(code)
        codes.append(code)
    return merge.parties_key(codes)


def _write_event(
    conn: Connection,
    sources: _Sources,
    report: Report,
    kind: str,
    type_: str,
    mode: str | None,  # noqa: PLR0913
    actor_parts,
    recipient_parts,
    date,
    location,
    occasion,
    evidence,
    span,
    rule: str | None = None,
) -> None:  # noqa: ANN001
    everyone = actor_parts + recipient_parts
    if kind == "meeting":
        sides = merge.parties_key(side for _, side in everyone)
    else:
        sides = (
            merge.parties_key(s for _, s in actor_parts)
            + ">"
            + merge.parties_key(s for _, s in recipient_parts)
        )
    by_side: dict[str, set[str]] = {}
    for actor_id, side in everyone:
        if actor_id != side:
            by_side.setdefault(side, set()).add(actor_id)
    found = merge.find_event(
        conn,
        type_,
        sides,
        by_side,
        date.value,
        report.published,
        report.id,
        evidence=evidence,
        told=sources.told,
    )
    if found is None:
        people = sorted(a for a, _ in everyone)
        if date.value:
            found = merge.stable_id(type_, sides, people, date.value)
        else:
            found = merge.stable_id(type_, sides, people, report.id, span.start)
        n = 1
        base = found
        while (
            found in sources.new_events
            or found in sources.told
            or conn.execute(_EVENT_EXISTS, {"id": found}).scalar()
        ):
            n += 1
            found = merge.stable_id(base, n)
        sources.new_events.add(found)
        anchor = date.value or report.published
        sources.later(
            _INSERT_EVENT,
            [
                {
                    "id": found,
                    "kind": kind,
                    "type": type_,
                    "mode": mode,
                    "date": date.value,
                    "date_precision": date.precision if date.value else None,
                    "date_how": date.how,
                    "anchor": anchor,
                    "location": location,
                    "occasion": occasion,
                    "sides": sides,
                    "evidence": evidence,
                    "source_count": 0,
                }
            ],
        )
        one, two = side_rows(found, kind, anchor, [side for _, side in everyone])
        sources.later(_INSERT_SIDE, one)
        sources.later(_INSERT_PAIR, two)
        seen: set[str] = set()
        rows = []
        for role, parts in (("actor", actor_parts), ("recipient", recipient_parts)):
            for actor_id, side in parts:
                if actor_id in seen:
                    continue
                seen.add(actor_id)
                rows.append(
                    {
                        "event_id": found,
                        "actor_id": actor_id,
                        "country": side,
                        "role": role,
                        "anchor": anchor,
                    }
                )
        sources.later(_INSERT_PARTICIPANT, rows)
    else:
        _enrich_event(conn, found, date, location, occasion, everyone, recipient_parts)
    sources.add("event", found, span, evidence, detail=mode, rule=rule)


def _enrich_event(
    conn: Connection,
    event_id: str,
    date,
    location,
    occasion,
    everyone,  # noqa: ANN001
    recipient_parts,
) -> None:
    """A new source may know what the first did not: the date, the place, the persons."""
    row = conn.execute(select(events).where(events.c.id == event_id)).one()
    changes = {}
    if date.value and not row.date:
        changes.update(date=date.value, date_precision=date.precision, date_how=date.how, anchor=date.value)
        for table in (event_participants, event_sides, event_pairs):
            values = {"anchor": date.value}
            if table is event_sides:
                values["month"] = date.value[:7]
            conn.execute(update(table).where(table.c.event_id == event_id).values(**values))
    if location and not row.location:
        changes["location"] = location
    if occasion and not row.occasion:
        changes["occasion"] = occasion
    if changes:
        conn.execute(update(events).where(events.c.id == event_id).values(**changes))
    present = {
        r.actor_id: r
        for r in conn.execute(select(event_participants).where(event_participants.c.event_id == event_id))
    }
    anchor = changes.get("anchor", row.anchor)
    for actor_id, side in everyone:
        if actor_id in present or actor_id == side:
            continue
        # A person now named on a side that only had its state: the person replaces the state.
        role = "recipient" if (actor_id, side) in recipient_parts else "actor"
        if side in present:
            role = present[side].role
            conn.execute(
                delete(event_participants).where(
                    event_participants.c.event_id == event_id, event_participants.c.actor_id == side
                )
            )
        conn.execute(
            event_participants.insert().values(
                event_id=event_id, actor_id=actor_id, country=side, role=role, anchor=anchor
            )
        )
        present[actor_id] = None


def side_rows(
    event_id: str, kind: str, anchor: str | None, sides: list[str]
) -> tuple[list[dict], list[dict]]:
    """The `event_sides` and `event_pairs` rows of an event (also used by bulk loaders)."""
    distinct = sorted(set(sides))
    month = anchor[:7] if anchor else None
    one = [
        {"event_id": event_id, "side": s, "kind": kind, "anchor": anchor, "month": month} for s in distinct
    ]
    two = [
        {"event_id": event_id, "side": a, "other": b, "kind": kind, "anchor": anchor}
        for a in distinct
        for b in distinct
        if a != b
    ]
    return one, two


def insert_sides(conn: Connection, event_id: str, kind: str, anchor: str | None, sides: list[str]) -> None:
    one, two = side_rows(event_id, kind, anchor, sides)
    if one:
        conn.execute(_INSERT_SIDE, one)
    if two:
        conn.execute(_INSERT_PAIR, two)


def _write_document(
    conn: Connection, sources: _Sources, resolver: merge.ActorResolver, report: Report, document
) -> None:  # noqa: ANN001
    parties = _codes(resolver, document.parties)
    title_key = merge.text_key(document.title)
    found = merge.find_document(conn, parties, title_key)
    if found is None:
        found = merge.stable_id("document", parties, title_key)
        conn.execute(
            documents.insert().values(
                id=found,
                title=document.title,
                title_key=title_key,
                parties=parties,
                status=document.status,
                date=document.date.value,
                date_precision=document.date.precision if document.date.value else None,
                date_how=document.date.how,
                evidence=document.evidence,
                source_count=0,
            )
        )
    else:
        row = conn.execute(select(documents).where(documents.c.id == found)).one()
        changes = {}
        if merge.STATUS_RANK.get(document.status, 0) > merge.STATUS_RANK.get(row.status, 0):
            changes["status"] = document.status
        if document.date.value and not row.date:
            changes.update(
                date=document.date.value,
                date_precision=document.date.precision,
                date_how=document.date.how,
            )
        if changes:
            conn.execute(update(documents).where(documents.c.id == found).values(**changes))
    sources.add("document", found, document.span, document.evidence, detail=document.status,
                rule=document.rule)


def _write_target(
    conn: Connection, sources: _Sources, resolver: merge.ActorResolver, report: Report, target
) -> None:  # noqa: ANN001
    parties = _codes(resolver, target.parties)
    metric_key = merge.text_key(target.metric)
    amount = target.amount_usd if target.amount_usd is not None else target.amount
    found = merge.find_target(conn, parties, metric_key, target.status, target.year, amount)
    if found is None:
        found = merge.stable_id("target", parties, metric_key, target.status, target.year, amount)
        conn.execute(
            targets.insert().values(
                id=found,
                parties=parties,
                metric=target.metric,
                metric_key=metric_key,
                amount_usd=target.amount_usd,
                amount=target.amount,
                currency=target.currency,
                year=target.year,
                status=target.status,
                evidence=target.evidence,
                first_published=report.published,
                source_count=0,
            )
        )
    else:
        _earliest(conn, targets, found, report.published)
    sources.add("target", found, target.span, target.evidence, rule=target.rule)


def _write_partnership(
    conn: Connection, sources: _Sources, resolver: merge.ActorResolver, report: Report, partnership
) -> None:  # noqa: ANN001
    parties = _codes(resolver, partnership.parties)
    level_key = merge.text_key(partnership.level)
    found = merge.find_partnership(conn, parties, level_key)
    if found is None:
        found = merge.stable_id("partnership", parties, level_key)
        conn.execute(
            partnerships.insert().values(
                id=found,
                parties=parties,
                level=partnership.level,
                level_key=level_key,
                change=partnership.change,
                evidence=partnership.evidence,
                first_published=report.published,
                source_count=0,
            )
        )
    else:
        row = conn.execute(select(partnerships).where(partnerships.c.id == found)).one()
        if merge.CHANGE_RANK.get(partnership.change, 0) > merge.CHANGE_RANK.get(row.change, 0):
            conn.execute(
                update(partnerships).where(partnerships.c.id == found).values(change=partnership.change)
            )
        _earliest(conn, partnerships, found, report.published)
    sources.add(
        "partnership",
        found,
        partnership.span,
        partnership.evidence,
        detail=partnership.change,
        rule=partnership.rule,
    )


def _earliest(conn: Connection, table, record_id: str, published: str | None) -> None:  # noqa: ANN001
    if not published:
        return
    current = conn.execute(select(table.c.first_published).where(table.c.id == record_id)).scalar()
    if current is None or published < current:
        conn.execute(update(table).where(table.c.id == record_id).values(first_published=published))
