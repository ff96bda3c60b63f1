"""Questions asked of the store, as parameterised SQL (SQLAlchemy Core).

Why the queries look the way they do: every event query that names an actor
starts from `event_participants` through its (country, anchor) or
(actor_id, anchor) index, which holds the event date, so "the newest events
of Vietnam" or "Vietnam with Japan since 2023" is one index range scan plus
one probe per row, whatever the size of the store. Month bucketing is
`substr(anchor, 1, 7)` on ISO text dates, which both SQLite and PostgreSQL
compute the same way.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from sqlalchemy import Connection, and_, case, func, literal, or_, select
from sqlalchemy.sql import ColumnElement

from diplograph.actors.knowledge import knowledge
from diplograph.store import merge
from diplograph.store.results import (
    ActorRef,
    ActorRow,
    DocumentRow,
    EventRow,
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
from diplograph.store.schema import (
    RECORD_TABLES,
    actor_aliases,
    actors,
    documents,
    event_pairs,
    event_participants,
    event_sides,
    events,
    mentions,
    partnerships,
    reports,
    targets,
)


@dataclass
class Who:
    """What a user's actor argument names: state/body codes and/or person ids."""

    text: str
    codes: set[str] = field(default_factory=set)
    persons: set[str] = field(default_factory=set)

    @property
    def empty(self) -> bool:
        return not self.codes and not self.persons

    def matches(self, table) -> ColumnElement[bool]:  # noqa: ANN001 - an event_participants alias
        terms = []
        if self.codes:
            terms.append(table.c.country.in_(sorted(self.codes)))
        if self.persons:
            terms.append(table.c.actor_id.in_(sorted(self.persons)))
        return or_(*terms) if terms else literal(False)


def resolve(conn: Connection, text: str) -> Who:
    """An actor id, a code, a state's or body's name, or a person's name
    (any spelling stored as an alias) -> the codes and person ids it names."""
    who = Who(text)
    row = conn.execute(select(actors.c.id, actors.c.kind).where(actors.c.id == text)).one_or_none()
    if row is not None:
        (who.persons if row.kind == "person" else who.codes).add(row.id)
        return who
    entity = knowledge().lookup(text)
    if entity is not None:
        who.codes.add(entity.code)
        return who
    rows = conn.execute(
        select(actors.c.id, actors.c.kind)
        .join(actor_aliases, actor_aliases.c.actor_id == actors.c.id)
        .where(actor_aliases.c.folded == merge.name_key(text))
    ).all()
    if not rows:
        tokens = set(merge.name_tokens(text))
        if tokens:
            candidates = conn.execute(
                select(actors.c.id, actors.c.kind, actors.c.name).where(actors.c.kind == "person")
            ).all()
            rows = [c for c in candidates if tokens <= set(merge.name_tokens(c.name))]
    for r in rows:
        (who.persons if r.kind == "person" else who.codes).add(r.id)
    return who


def _contains(column, text: str) -> ColumnElement[bool]:  # noqa: ANN001
    """Case-insensitive substring match of user text: a bound parameter with
    `%`, `_` (and the escape character) escaped (SQLAlchemy's autoescape, `ESCAPE '/'`),
    so "100%" or "a_b" match themselves, not any text."""
    return func.lower(column).contains(text.lower(), autoescape=True)


def _desc(conn: Connection, column):  # noqa: ANN001, ANN202
    """Newest first with undated rows last on both engines (SQLite sorts NULL
    lowest already, and a plain DESC keeps its index usable)."""
    return column.desc() if conn.dialect.name == "sqlite" else column.desc().nulls_last()


def _participants(conn: Connection, event_ids: list[str]) -> dict[str, list[ActorRef]]:
    out: dict[str, list[ActorRef]] = defaultdict(list)
    if not event_ids:
        return out
    rows = conn.execute(
        select(
            event_participants.c.event_id,
            event_participants.c.role,
            event_participants.c.country,
            actors.c.id,
            actors.c.name,
            actors.c.kind,
        )
        .join(actors, actors.c.id == event_participants.c.actor_id)
        .where(event_participants.c.event_id.in_(event_ids))
        .order_by(event_participants.c.event_id, event_participants.c.role, actors.c.id)
    )
    for r in rows:
        out[r.event_id].append(ActorRef(r.id, r.name, r.kind, r.country, r.role))
    return out


def _event_row(r) -> EventRow:  # noqa: ANN001
    return EventRow(
        id=r.id,
        kind=r.kind,
        type=r.type,
        mode=r.mode,
        date=r.date,
        date_precision=r.date_precision,
        date_how=r.date_how,
        location=r.location,
        occasion=r.occasion,
        evidence=r.evidence,
        source_count=r.source_count,
        anchor=r.anchor,
    )


def events_query(
    conn: Connection,
    actor: str | None = None,
    with_: str | None = None,
    type: str | None = None,  # noqa: A002 - the CLI's word
    since: str | None = None,
    until: str | None = None,
    text: str | None = None,
    kind: str | None = None,
    limit: int | None = 100,
    offset: int = 0,
    provenance: bool = True,
    dated: bool | None = None,
    location: str | None = None,
) -> list[EventRow]:
    conditions = []
    if location:
        conditions.append(events.c.location == location)
    if dated is not None:
        conditions.append(events.c.date.is_not(None) if dated else events.c.date.is_(None))
    if type:
        conditions.append(events.c.type == type.upper())
    if kind:
        conditions.append(events.c.kind == kind)
    if text:
        conditions.append(
            or_(
                _contains(events.c.evidence, text),
                _contains(events.c.occasion, text),
                _contains(events.c.location, text),
            )
        )
    if actor or with_:
        first = resolve(conn, actor or with_)  # type: ignore[arg-type]
        second = resolve(conn, with_) if (actor and with_) else None
        if first.empty or (second is not None and second.empty):
            return []
        driver, event_id, anchor, where = _driver(first, second)
        query = select(events).select_from(driver.join(events, events.c.id == event_id)).where(*where)
    else:
        anchor = events.c.anchor
        query = select(events)
    if since:
        conditions.append(anchor >= since)
    if until:
        conditions.append(anchor <= until)
    query = query.where(*conditions).order_by(_desc(conn, anchor), events.c.id.desc())
    rows: list = []
    seen: set[str] = set()
    want = None if limit is None else limit + offset
    fetch = None if want is None else max(want * 2, 20)
    fetch_offset = 0
    while True:
        batch = conn.execute(query.limit(fetch).offset(fetch_offset) if fetch else query).all()
        for r in batch:
            if r.id not in seen:  # an event with two persons of one side comes twice
                seen.add(r.id)
                rows.append(r)
        if fetch is None or len(batch) < fetch or (want is not None and len(rows) >= want):
            break
        fetch_offset += fetch
    rows = rows[offset : None if limit is None else offset + limit]
    found = [_event_row(r) for r in rows]
    parts = _participants(conn, [e.id for e in found])
    for e in found:
        e.participants = parts.get(e.id, [])
    return with_sources(conn, "event", found) if provenance else found


def _driver(first: Who, second: Who | None):  # noqa: ANN202
    """The index an actor query starts from: (from clause, event id, anchor, conditions).

    States and bodies: `event_sides` (one actor) or `event_pairs` (a pair),
    both ordered by anchor within a side. Persons: `event_participants` by
    actor id, joined to the other actor's sides or participants."""
    if first.codes and (second is None or second.codes):
        if second is None:
            s1 = event_sides.alias("s1")
            return s1, s1.c.event_id, s1.c.anchor, [s1.c.side.in_(sorted(first.codes))]
        pair = event_pairs.alias("pair")
        return (
            pair,
            pair.c.event_id,
            pair.c.anchor,
            [pair.c.side.in_(sorted(first.codes)), pair.c.other.in_(sorted(second.codes))],
        )
    a, b = first, second
    if not a.persons:  # codes first, persons second: start from the persons
        a, b = b, a  # type: ignore[assignment]
    p1 = event_participants.alias("p1")
    where = [p1.c.actor_id.in_(sorted(a.persons))]  # type: ignore[union-attr]
    driver = p1
    if b is not None:
        if b.persons:
            p2 = event_participants.alias("p2")
            driver = driver.join(p2, and_(p2.c.event_id == p1.c.event_id, p2.c.actor_id != p1.c.actor_id))
            where.append(p2.c.actor_id.in_(sorted(b.persons)))
        else:
            s2 = event_sides.alias("s2")
            driver = driver.join(s2, s2.c.event_id == p1.c.event_id)
            where.append(s2.c.side.in_(sorted(b.codes)))
    return driver, p1.c.event_id, p1.c.anchor, where


def sources(conn: Connection, kind: str, record_id: str) -> list[Source]:
    return sources_of(conn, kind, [record_id]).get(record_id, [])


def sources_of(conn: Connection, kind: str, record_ids: list[str]) -> dict[str, list[Source]]:
    """Record id -> its sources (report, span, sentence, URL), for a whole page
    of records in one query per 500 ids, so every list row carries its
    provenance at the cost of one index range scan per row."""
    _, table = RECORD_TABLES[kind]
    out: dict[str, list[Source]] = defaultdict(list)
    for chunk in _chunks(sorted(set(record_ids))):
        if not chunk:
            continue
        rows = conn.execute(
            select(table, reports.c.url, reports.c.title, reports.c.published)
            .join(reports, reports.c.id == table.c.report_id)
            .where(table.c.record_id.in_(chunk))
            .order_by(table.c.record_id, reports.c.published, table.c.report_id, table.c.span_start)
        )
        for r in rows:
            out[r.record_id].append(
                Source(
                    r.report_id, r.span_start, r.span_end, r.evidence, r.url, r.title, r.published, r.detail,
                    r.rule,
                )
            )
    return out


def with_sources(conn: Connection, kind: str, rows: list) -> list:  # noqa: ANN001
    """Fill `sources` of each row (a list of records of one kind) in place."""
    found = sources_of(conn, kind, [r.id for r in rows])
    for r in rows:
        r.sources = found.get(r.id, [])
    return rows


def event(conn: Connection, event_id: str) -> EventRow | None:
    row = conn.execute(select(events).where(events.c.id == event_id)).one_or_none()
    if row is None:
        return None
    found = _event_row(row)
    found.participants = _participants(conn, [event_id]).get(event_id, [])
    found.sources = sources(conn, "event", event_id)
    return found


def actors_query(
    conn: Connection,
    kind: str | None = None,
    country: str | None = None,
    text: str | None = None,
    limit: int | None = None,
) -> list[ActorRow]:
    query = select(actors)
    if kind:
        query = query.where(actors.c.kind == kind)
    if country:
        query = query.where(actors.c.country == country)
    if text:
        key = merge.name_key(text)
        match = _contains(actors.c.name, text)
        if key:  # text of no letters ("%") would otherwise match every alias
            alias = actor_aliases.c.folded.contains(key, autoescape=True)
            match = or_(match, actors.c.id.in_(select(actor_aliases.c.actor_id).where(alias)))
        query = query.where(match)
    rows = conn.execute(query.order_by(actors.c.kind, actors.c.name, actors.c.id)).all()
    ids = [r.id for r in rows]
    aliases: dict[str, list[str]] = defaultdict(list)
    mention_counts: dict[str, int] = {}
    by_actor: dict[str, int] = {}
    by_side: dict[str, int] = {}
    for chunk in _chunks(ids):
        for a in conn.execute(
            select(actor_aliases.c.actor_id, actor_aliases.c.alias)
            .where(actor_aliases.c.actor_id.in_(chunk))
            .order_by(actor_aliases.c.alias)
        ):
            aliases[a.actor_id].append(a.alias)
        mention_counts.update(
            conn.execute(
                select(mentions.c.actor_id, func.count())
                .where(mentions.c.actor_id.in_(chunk))
                .group_by(mentions.c.actor_id)
            ).all()
        )
        by_actor.update(
            conn.execute(
                select(
                    event_participants.c.actor_id,
                    func.count(func.distinct(event_participants.c.event_id)),
                )
                .where(event_participants.c.actor_id.in_(chunk))
                .group_by(event_participants.c.actor_id)
            ).all()
        )
        by_side.update(
            conn.execute(
                select(event_sides.c.side, func.count())
                .where(event_sides.c.side.in_(chunk))
                .group_by(event_sides.c.side)
            ).all()
        )
    out = []
    for r in rows:
        count = by_actor.get(r.id, 0) if r.kind == "person" else by_side.get(r.id, 0)
        out.append(
            ActorRow(
                r.id,
                r.name,
                r.kind,
                r.country,
                r.role,
                aliases.get(r.id, []),
                mention_counts.get(r.id, 0),
                count,
            )
        )
    out.sort(key=lambda a: (-a.events, -a.mentions, a.name))
    return out[:limit] if limit else out


def _chunks(items: list[str], size: int = 500) -> list[list[str]]:
    return [items[i : i + size] for i in range(0, len(items), size)] or [[]]


def timeline(conn: Connection, actor: str, type: str | None = None) -> list[TimelinePoint]:  # noqa: A002
    who = resolve(conn, actor)
    if who.empty:
        return []
    if who.codes and not type:
        # Index-only: (side, month, kind) holds everything counted.
        sides = event_sides.alias("s")
        query = (
            select(
                sides.c.month,
                func.count(),
                func.sum(case((sides.c.kind == "meeting", 1), else_=0)),
            )
            .where(sides.c.side.in_(sorted(who.codes)), sides.c.month.is_not(None))
            .group_by(sides.c.side, sides.c.month)
            .order_by(sides.c.month)
        )
        merged: dict[str, list[int]] = {}
        for month, n, meetings in conn.execute(query):
            counts = merged.setdefault(month, [0, 0])
            counts[0] += n
            counts[1] += meetings or 0
        return [TimelinePoint(m, n, k) for m, (n, k) in sorted(merged.items())]
    if who.codes:
        table = event_sides.alias("s")
        match = table.c.side.in_(sorted(who.codes))
    else:
        table = event_participants.alias("p")
        match = table.c.actor_id.in_(sorted(who.persons))
    month = func.substr(table.c.anchor, 1, 7).label("month")
    query = (
        select(
            month,
            func.count(func.distinct(table.c.event_id)),
            func.count(func.distinct(case((events.c.kind == "meeting", table.c.event_id)))),
        )
        .select_from(table.join(events, events.c.id == table.c.event_id))
        .where(match, table.c.anchor.is_not(None))
        .group_by(month)
        .order_by(month)
    )
    if type:
        query = query.where(events.c.type == type.upper())
    return [TimelinePoint(m, n, k) for m, n, k in conn.execute(query)]


def fingerprint(conn: Connection) -> tuple:
    """(reports, last report with an event source, last event id): a count of
    the small reports index and two index ends, so it is cheap at any size.
    A report replaced in place may keep all three; the callers' TTL covers it."""
    from diplograph.store.schema import event_sources

    return (
        conn.execute(select(func.count()).select_from(reports)).scalar(),
        conn.execute(select(func.max(event_sources.c.report_id))).scalar(),
        conn.execute(select(func.max(events.c.id))).scalar(),
    )


def facets(conn: Connection, limit: int = 30) -> dict[str, list[tuple[str, int]]]:
    """How many events of each PLOVER type, state or body (side) and year the
    store holds, most first: the counts Datasette shows beside a table,
    counted by the database along the (type, anchor) and (side, anchor) indexes."""
    year = func.substr(events.c.anchor, 1, 4)
    out = {
        "type": conn.execute(
            select(events.c.type, func.count()).group_by(events.c.type).order_by(func.count().desc())
        ).all(),
        "country": conn.execute(
            select(event_sides.c.side, func.count())
            .group_by(event_sides.c.side)
            .order_by(func.count().desc(), event_sides.c.side)
            .limit(limit)
        ).all(),
        "year": conn.execute(
            select(year, func.count())
            .where(events.c.anchor.is_not(None))
            .group_by(year)
            .order_by(year.desc())
        ).all(),
        "dated": [],
    }
    total, dated = conn.execute(select(func.count(), func.count(events.c.date))).one()
    out["dated"] = [(k, n) for k, n in (("dated", dated), ("undated", total - dated)) if n]
    return {k: [(str(v), int(n)) for v, n in rows] for k, rows in out.items()}


def events_per_month(conn: Connection, kind: str | None = None) -> list[MonthTypeCount]:
    """Events per month and PLOVER type over the whole store, counted by the
    database (one GROUP BY) so a dashboard need not read every event. The
    month is the anchor's (the date, else the first report's publication);
    events whose anchor is only a year are left out."""
    month = func.substr(events.c.anchor, 1, 7).label("month")
    query = select(month, events.c.type, func.count()).where(func.length(events.c.anchor) >= 7)
    if kind:
        query = query.where(events.c.kind == kind)
    rows = conn.execute(query.group_by(month, events.c.type))
    return [MonthTypeCount(m, t, n) for m, t, n in sorted(rows)]


def places(conn: Connection) -> list[tuple[str, int]]:
    rows = conn.execute(
        select(events.c.location, func.count())
        .where(events.c.kind == "meeting", events.c.location.is_not(None))
        .group_by(events.c.location)
        .order_by(func.count().desc(), events.c.location)
    )
    return [(loc, int(n)) for loc, n in rows]


def meeting_pairs(conn: Connection, since: str | None = None, until: str | None = None) -> list[MeetingEdge]:
    """The meeting network: each pair of states or bodies that met, with the
    number of meetings, counted by the database from `event_pairs` (index
    (side, other, anchor, kind)); a person without a country is no side.
    `since`/`until`: ISO dates (inclusive) on the meetings' anchors."""
    a, b = actors.alias("a"), actors.alias("b")
    pairs = event_pairs
    query = (
        select(pairs.c.side, a.c.name, a.c.kind, pairs.c.other, b.c.name, b.c.kind, func.count())
        .select_from(pairs.join(a, a.c.id == pairs.c.side).join(b, b.c.id == pairs.c.other))
        .where(
            pairs.c.kind == "meeting",
            a.c.kind.in_(["state", "body"]),
            b.c.kind.in_(["state", "body"]),
            *([pairs.c.anchor >= since] if since else []),
            *([pairs.c.anchor <= until] if until else []),
        )
        .group_by(pairs.c.side, a.c.name, a.c.kind, pairs.c.other, b.c.name, b.c.kind)
    )
    # Each pair is stored in both orders; keep one, ordered the same on every engine.
    return [MeetingEdge(*row) for row in sorted(conn.execute(query)) if row[0] < row[3]]


def relations(conn: Connection, actor: str) -> list[Relation]:
    who = resolve(conn, actor)
    if who.empty:
        return []
    is_meeting_pair = event_pairs.c.kind == "meeting"
    if who.codes:
        # Index-only over (side, other, anchor, kind), grouped in index order.
        query = (
            select(
                event_pairs.c.other.label("partner"),
                func.sum(case((is_meeting_pair, 1), else_=0)),
                func.count(),
                func.max(case((is_meeting_pair, event_pairs.c.anchor))),
            )
            .where(event_pairs.c.side.in_(sorted(who.codes)), event_pairs.c.other.not_in(sorted(who.codes)))
            .group_by(event_pairs.c.other)
        )
    else:
        p1 = event_participants.alias("p1")
        s2 = event_sides.alias("s2")
        is_meeting = s2.c.kind == "meeting"
        query = (
            select(
                s2.c.side.label("partner"),
                func.count(func.distinct(case((is_meeting, p1.c.event_id)))),
                func.count(func.distinct(p1.c.event_id)),
                func.max(case((is_meeting, s2.c.anchor))),
            )
            .select_from(p1.join(s2, s2.c.event_id == p1.c.event_id))
            .where(
                p1.c.actor_id.in_(sorted(who.persons)),
                s2.c.side != func.coalesce(p1.c.country, p1.c.actor_id),
            )
            .group_by(s2.c.side)
        )
    rows = conn.execute(query).all()
    mine = who.codes or {
        c
        for c in conn.execute(select(actors.c.country).where(actors.c.id.in_(sorted(who.persons)))).scalars()
        if c
    }
    names = {
        r.id: r
        for chunk in _chunks([r.partner for r in rows])
        for r in conn.execute(select(actors.c.id, actors.c.name, actors.c.kind).where(actors.c.id.in_(chunk)))
    }
    levels = _levels(conn, mine)
    out = []
    for r in rows:
        info = names.get(r.partner)
        level = levels.get(r.partner)
        out.append(
            Relation(
                partner_id=r.partner,
                partner_name=info.name if info else r.partner,
                partner_kind=info.kind if info else "unknown",
                meetings=r[1],
                events=r[2],
                last_meeting=r[3],
                level=level[0] if level else None,
                level_change=level[1] if level else None,
            )
        )
    out.sort(key=lambda x: (-x.meetings, -x.events, x.partner_name))
    return out


def _levels(conn: Connection, codes: set[str]) -> dict[str, tuple[str, str]]:
    """Partner code -> (current level, change): the latest-reported level of
    each bilateral partnership of `codes` (the highest change on a tie)."""
    out: dict[str, tuple[str, str, tuple]] = {}
    for code in codes:
        party = partnerships.c.parties.contains(f",{code},", autoescape=True)
        for r in conn.execute(select(partnerships).where(party)):
            parties = [p for p in merge.split_parties(r.parties) if p != code]
            if len(parties) != 1:
                continue
            rank = (r.first_published or "", merge.CHANGE_RANK.get(r.change, 0), r.source_count)
            if parties[0] not in out or rank > out[parties[0]][2]:
                out[parties[0]] = (r.level, r.change, rank)
    return {k: (v[0], v[1]) for k, v in out.items()}


def _party_filter(conn: Connection, table, actor: str | None):  # noqa: ANN001, ANN202
    if not actor:
        return None
    who = resolve(conn, actor)
    codes = set(who.codes)
    if who.persons:
        codes |= {
            c
            for c in conn.execute(
                select(actors.c.country).where(actors.c.id.in_(sorted(who.persons)))
            ).scalars()
            if c
        }
    if not codes:
        return literal(False)
    return or_(*[table.c.parties.contains(f",{c},", autoescape=True) for c in sorted(codes)])


def targets_query(conn: Connection, actor: str | None = None, status: str | None = None) -> list[TargetRow]:
    query = select(targets)
    where = _party_filter(conn, targets, actor)
    if where is not None:
        query = query.where(where)
    if status:
        query = query.where(targets.c.status == status)
    # NULLS FIRST: SQLite's default, said explicitly so PostgreSQL sorts the same; id breaks ties
    order = (targets.c.parties, targets.c.metric_key, targets.c.year.asc().nulls_first(), targets.c.id)
    rows = conn.execute(query.order_by(*order)).all()
    keys = {(r.parties, r.metric_key) for r in rows if r.status == "target"}
    latest: dict[tuple[str, str], object] = {}
    for parties, metric_key in keys:
        actual = conn.execute(
            select(targets)
            .where(
                targets.c.parties == parties,
                targets.c.metric_key == metric_key,
                targets.c.status == "actual",
            )
            .order_by(
                targets.c.year.desc().nulls_last()
                if conn.dialect.name != "sqlite"
                else targets.c.year.desc(),
                targets.c.first_published.desc(),
            )
            .limit(1)
        ).one_or_none()
        if actual is not None:
            latest[(parties, metric_key)] = actual
    out = []
    for r in rows:
        row = TargetRow(
            id=r.id,
            parties=merge.split_parties(r.parties),
            metric=r.metric,
            amount_usd=r.amount_usd,
            amount=r.amount,
            currency=r.currency,
            year=r.year,
            status=r.status,
            evidence=r.evidence,
            source_count=r.source_count,
        )
        actual = latest.get((r.parties, r.metric_key)) if r.status == "target" else None
        if actual is not None:
            row.latest_actual_usd = actual.amount_usd  # type: ignore[attr-defined]
            row.latest_actual_year = actual.year  # type: ignore[attr-defined]
            row.latest_actual_id = actual.id  # type: ignore[attr-defined]
            if actual.amount_usd and r.amount_usd:  # type: ignore[attr-defined]
                row.progress = round(actual.amount_usd / r.amount_usd, 4)  # type: ignore[attr-defined]
        out.append(row)
    return with_sources(conn, "target", out)


def documents_query(
    conn: Connection, actor: str | None = None, status: str | None = None
) -> list[DocumentRow]:
    query = select(documents)
    where = _party_filter(conn, documents, actor)
    if where is not None:
        query = query.where(where)
    if status:
        query = query.where(documents.c.status == status)
    order = (
        _desc(conn, documents.c.date),
        documents.c.title,
        documents.c.id,
    )  # id: ties alike everywhere
    rows = conn.execute(query.order_by(*order)).all()
    return with_sources(
        conn,
        "document",
        [
            DocumentRow(
                r.id, r.title, merge.split_parties(r.parties), r.status, r.date, r.evidence, r.source_count
            )
            for r in rows
        ],
    )


def partnerships_query(conn: Connection, actor: str | None = None) -> list[PartnershipRow]:
    query = select(partnerships)
    where = _party_filter(conn, partnerships, actor)
    if where is not None:
        query = query.where(where)
    rows = conn.execute(query.order_by(partnerships.c.parties, partnerships.c.level, partnerships.c.id)).all()
    return with_sources(
        conn,
        "partnership",
        [
            PartnershipRow(
                r.id,
                merge.split_parties(r.parties),
                r.level,
                r.change,
                r.evidence,
                r.source_count,
                r.first_published,
            )
            for r in rows
        ],
    )


def _report_row(r, text: bool = False) -> ReportRow:  # noqa: ANN001
    return ReportRow(
        r.id,
        r.url,
        r.title,
        r.published,
        r.source,
        r.content_hash,
        r.duplicate_of,
        r.similarity,
        r.ingested_at,
        r.text if text else None,
    )


def reports_query(conn: Connection, limit: int | None = None, offset: int = 0) -> list[ReportRow]:
    columns = [c for c in reports.c if c.name not in ("text", "minhash")]
    query = select(*columns).order_by(_desc(conn, reports.c.published), reports.c.id).offset(offset)
    if limit:
        query = query.limit(limit)
    return [_report_row(r) for r in conn.execute(query)]


def report(conn: Connection, report_id: str) -> ReportRow | None:
    row = conn.execute(select(reports).where(reports.c.id == report_id)).one_or_none()
    return _report_row(row, text=True) if row is not None else None


def search(
    conn: Connection, text: str, limit: int = 100, offset: int = 0, kinds: set[str] | None = None
) -> tuple[list[SearchHit], int]:
    """Records whose source sentences (and persons whose names, documents
    whose titles) hold every word of `text`, accents folded, best first,
    with the total (see `fts`)."""
    from diplograph.store import fts

    return fts.search(conn, text, kinds=kinds, limit=limit, offset=offset)


def stats(conn: Connection) -> dict[str, int]:
    """Row counts of the main tables (and how many reports are duplicates)."""
    out = {}
    for table in (
        reports,
        actors,
        mentions,
        events,
        event_participants,
        documents,
        targets,
        partnerships,
    ):
        out[table.name] = conn.execute(select(func.count()).select_from(table)).scalar() or 0
    for kind, (_, table) in RECORD_TABLES.items():
        out[f"{kind}_sources"] = conn.execute(select(func.count()).select_from(table)).scalar() or 0
    out["duplicates"] = (
        conn.execute(
            select(func.count()).select_from(reports).where(reports.c.duplicate_of.is_not(None))
        ).scalar()
        or 0
    )
    out["meetings"] = (
        conn.execute(select(func.count()).select_from(events).where(events.c.kind == "meeting")).scalar() or 0
    )
    return out
