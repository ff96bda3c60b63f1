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
    actor_counts,
    actors,
    documents,
    event_counts,
    event_pairs,
    event_participants,
    event_sides,
    events,
    pair_counts,
    pair_months,
    partnerships,
    place_counts,
    reports,
    side_months,
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
                    r.report_id,
                    r.span_start,
                    r.span_end,
                    r.evidence,
                    r.url,
                    r.title,
                    r.published,
                    r.detail,
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
    ids: list[str] | None = None,
) -> list[ActorRow]:
    """Actors with their aliases and counts (kept counts: `store.counts`),
    most active first; `ids`: only these."""
    query = select(
        actors,
        func.coalesce(actor_counts.c.side_events, 0).label("side_events"),
        func.coalesce(actor_counts.c.participant_events, 0).label("participant_events"),
        func.coalesce(actor_counts.c.mentions, 0).label("mention_count"),
    ).select_from(actors.outerjoin(actor_counts, actor_counts.c.actor_id == actors.c.id))
    if ids is not None:
        query = query.where(actors.c.id.in_(sorted(set(ids))))
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
    aliases: dict[str, list[str]] = defaultdict(list)
    for chunk in _chunks([r.id for r in rows]):
        for a in conn.execute(
            select(actor_aliases.c.actor_id, actor_aliases.c.alias)
            .where(actor_aliases.c.actor_id.in_(chunk))
            .order_by(actor_aliases.c.alias)
        ):
            aliases[a.actor_id].append(a.alias)
    out = [
        ActorRow(
            r.id,
            r.name,
            r.kind,
            r.country,
            r.role,
            aliases.get(r.id, []),
            int(r.mention_count),
            int(r.participant_events if r.kind == "person" else r.side_events),
        )
        for r in rows
    ]
    out.sort(key=lambda a: (-a.events, -a.mentions, a.name))
    return out[:limit] if limit else out


def _chunks(items: list[str], size: int = 500) -> list[list[str]]:
    return [items[i : i + size] for i in range(0, len(items), size)] or [[]]


def timeline(conn: Connection, actor: str, type: str | None = None) -> list[TimelinePoint]:  # noqa: A002
    who = resolve(conn, actor)
    if who.empty:
        return []
    if who.codes and not type:
        # The kept counts per (side, month, kind): a few hundred rows per side.
        sides = side_months
        query = (
            select(
                sides.c.month,
                func.sum(sides.c.n),
                func.sum(case((sides.c.kind == "meeting", sides.c.n), else_=0)),
            )
            .where(sides.c.side.in_(sorted(who.codes)), sides.c.month != "")
            .group_by(sides.c.side, sides.c.month)
            .order_by(sides.c.month)
        )
        merged: dict[str, list[int]] = {}
        for month, n, meetings in conn.execute(query):
            counts = merged.setdefault(month, [0, 0])
            counts[0] += int(n)
            counts[1] += int(meetings or 0)
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
    read from the kept counts (`store.counts`: a few thousand rows at most)."""
    total = func.sum(event_counts.c.n)
    year = func.substr(event_counts.c.period, 1, 4)
    out = {
        "type": conn.execute(
            select(event_counts.c.type, total)
            .group_by(event_counts.c.type)
            .order_by(total.desc(), event_counts.c.type)
        ).all(),
        "country": conn.execute(
            select(actor_counts.c.actor_id, actor_counts.c.side_events)
            .where(actor_counts.c.side_events > 0)
            .order_by(actor_counts.c.side_events.desc(), actor_counts.c.actor_id)
            .limit(limit)
        ).all(),
        "year": conn.execute(
            select(year, total).where(event_counts.c.period != "").group_by(year).order_by(year.desc())
        ).all(),
        "dated": [],
    }
    by_dated = dict(conn.execute(select(event_counts.c.dated, total).group_by(event_counts.c.dated)).all())
    dated, undated = int(by_dated.get(1) or 0), int(by_dated.get(0) or 0)
    out["dated"] = [(k, n) for k, n in (("dated", dated), ("undated", undated)) if n]
    return {k: [(str(v), int(n)) for v, n in rows] for k, rows in out.items()}


def events_per_month(conn: Connection, kind: str | None = None) -> list[MonthTypeCount]:
    """Events per month and PLOVER type over the whole store, read from the
    kept counts (`store.counts`), so a dashboard need not read every event.
    The month is the anchor's (the date, else the first report's
    publication); events whose anchor is only a year are left out."""
    query = select(event_counts.c.period, event_counts.c.type, func.sum(event_counts.c.n)).where(
        func.length(event_counts.c.period) == 7
    )
    if kind:
        query = query.where(event_counts.c.kind == kind)
    rows = conn.execute(query.group_by(event_counts.c.period, event_counts.c.type))
    return [MonthTypeCount(m, t, int(n)) for m, t, n in sorted(rows)]


def places(conn: Connection) -> list[tuple[str, int]]:
    """Meeting locations with their number of meetings (kept counts), most first."""
    rows = conn.execute(
        select(place_counts.c.location, place_counts.c.n).order_by(
            place_counts.c.n.desc(), place_counts.c.location
        )
    )
    return [(loc, int(n)) for loc, n in rows]


def meeting_pairs(conn: Connection, since: str | None = None, until: str | None = None) -> list[MeetingEdge]:
    """The meeting network: each pair of states or bodies that met, with the
    number of meetings, read from the kept counts (`store.counts`); a person
    without a country is no side. `since`/`until`: ISO dates (inclusive) on
    the meetings' anchors (`meetings_between`)."""
    if since is None and until is None:
        rows = conn.execute(
            select(pair_counts.c.side, pair_counts.c.other, pair_counts.c.n).where(
                pair_counts.c.kind == "meeting", pair_counts.c.side < pair_counts.c.other
            )
        ).all()
        weights = {(a, b): int(n) for a, b, n in rows}
    else:
        weights = meetings_between(conn, since, until)
    codes = sorted({c for pair in weights for c in pair})
    known = {
        r.id: r
        for chunk in _chunks(codes)
        for r in conn.execute(
            select(actors.c.id, actors.c.name, actors.c.kind).where(
                actors.c.id.in_(chunk), actors.c.kind.in_(["state", "body"])
            )
        )
    }
    return [
        MeetingEdge(a, known[a].name, known[a].kind, b, known[b].name, known[b].kind, n)
        for (a, b), n in sorted(weights.items())
        if n and a in known and b in known
    ]


def meetings_between(conn: Connection, since: str | None, until: str | None) -> dict[tuple[str, str], int]:
    """Meetings per pair of sides (a < b) whose anchor lies in [since, until]
    (ISO text compared as text, as every date filter here). The kept counts
    per month answer every month wholly inside the range; the (at most two)
    months the bounds cut through are counted from their events, found by
    the events' anchor index."""
    months = pair_months
    query = select(months.c.side, months.c.other, months.c.month, months.c.n).where(
        months.c.kind == "meeting", months.c.side < months.c.other, months.c.month != ""
    )
    if since:
        query = query.where(months.c.month >= since[:7])
    if until:
        query = query.where(months.c.month <= until)
    weights: dict[tuple[str, str], int] = defaultdict(int)
    cut: set[tuple[str, str]] = set()
    for side, other, month, n in conn.execute(query):
        low, high = month, month + "-99" if len(month) == 7 else month  # every anchor of that month
        if (since and high < since) or (until and until < low):
            continue
        if (since and low < since) or (until and until < high):
            cut.add((max(low, since or low), min(high, until or high)))
            continue
        weights[(side, other)] += int(n)
    for low, high in cut:
        pairs = event_pairs.alias("p")
        counted = conn.execute(
            select(pairs.c.side, pairs.c.other, func.count())
            .select_from(events.join(pairs, pairs.c.event_id == events.c.id))
            .where(
                events.c.anchor >= low,
                events.c.anchor <= high,
                pairs.c.kind == "meeting",
                pairs.c.side < pairs.c.other,
            )
            .group_by(pairs.c.side, pairs.c.other)
        )
        for side, other, n in counted:
            weights[(side, other)] += int(n)
    return dict(weights)


def relations(conn: Connection, actor: str) -> list[Relation]:
    who = resolve(conn, actor)
    if who.empty:
        return []
    if who.codes:
        rows = _code_relations(conn, sorted(who.codes))
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
        rows = [(r[0], int(r[1]), int(r[2]), r[3]) for r in conn.execute(query)]
    mine = who.codes or {
        c
        for c in conn.execute(select(actors.c.country).where(actors.c.id.in_(sorted(who.persons)))).scalars()
        if c
    }
    names = {
        r.id: r
        for chunk in _chunks([r[0] for r in rows])
        for r in conn.execute(select(actors.c.id, actors.c.name, actors.c.kind).where(actors.c.id.in_(chunk)))
    }
    levels = _levels(conn, mine)
    out = []
    for r in rows:
        info = names.get(r[0])
        level = levels.get(r[0])
        out.append(
            Relation(
                partner_id=r[0],
                partner_name=info.name if info else r[0],
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


def _code_relations(conn: Connection, codes: list[str]) -> list[tuple[str, int, int, str | None]]:
    """(partner, meetings, events, last meeting) of states or bodies `codes`:
    the totals from the kept pair counts, each pair's last meeting by one
    backward step along its (side, other, anchor, kind) index, all in one query."""
    newest = event_pairs.alias("newest")
    last = (
        select(newest.c.anchor)
        .where(
            newest.c.side == pair_counts.c.side,
            newest.c.other == pair_counts.c.other,
            newest.c.kind == "meeting",
            newest.c.anchor.is_not(None),
        )
        .order_by(newest.c.anchor.desc())
        .limit(1)
        .scalar_subquery()
    )
    rows = conn.execute(
        select(
            pair_counts.c.other,
            pair_counts.c.kind,
            pair_counts.c.n,
            case((pair_counts.c.kind == "meeting", last)),
        ).where(pair_counts.c.side.in_(codes), pair_counts.c.other.not_in(codes))
    )
    totals: dict[str, list] = {}
    for other, kind, n, newest_anchor in rows:
        found = totals.setdefault(other, [0, 0, ""])
        found[0] += int(n) if kind == "meeting" else 0
        found[1] += int(n)
        found[2] = max(found[2], newest_anchor or "")
    return [(other, meetings, n, last or None) for other, (meetings, n, last) in totals.items()]


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


def stats(conn: Connection, full: bool = True) -> dict[str, int]:
    """Row counts of the main tables (and how many reports are duplicates);
    `full=False`: without the sources tables and duplicates (the dashboard's cards)."""
    out = {}
    for table in (reports, actors, documents, targets, partnerships):
        out[table.name] = conn.execute(select(func.count()).select_from(table)).scalar() or 0
    # The big tables' sizes are kept counts (`store.counts`), not scans.
    kept = conn.execute(
        select(func.sum(actor_counts.c.mentions), func.sum(actor_counts.c.participant_events))
    ).one()
    out["mentions"], out["event_participants"] = int(kept[0] or 0), int(kept[1] or 0)
    by_kind = dict(
        conn.execute(
            select(event_counts.c.kind, func.sum(event_counts.c.n)).group_by(event_counts.c.kind)
        ).all()
    )
    out["events"] = sum(int(n) for n in by_kind.values())
    if not full:
        out["meetings"] = int(by_kind.get("meeting") or 0)
        return out
    for kind, (_, table) in RECORD_TABLES.items():
        out[f"{kind}_sources"] = conn.execute(select(func.count()).select_from(table)).scalar() or 0
    out["duplicates"] = (
        conn.execute(
            select(func.count()).select_from(reports).where(reports.c.duplicate_of.is_not(None))
        ).scalar()
        or 0
    )
    out["meetings"] = int(by_kind.get("meeting") or 0)
    return out


def pair_summary(conn: Connection, a: str, b: str) -> tuple[int, int, list[tuple[str, int]]]:
    """(meetings, other events, meetings per month) of two actors together:
    for two states or bodies read from the kept pair counts; otherwise (a
    person) counted from their events, which are few."""
    first, second = resolve(conn, a), resolve(conn, b)
    if first.empty or second.empty:
        return 0, 0, []
    if first.codes and second.codes and not first.persons and not second.persons:
        where = [pair_months.c.side.in_(sorted(first.codes)), pair_months.c.other.in_(sorted(second.codes))]
        by_kind: dict[str, int] = defaultdict(int)
        months: dict[str, int] = defaultdict(int)
        for month, kind, n in conn.execute(
            select(pair_months.c.month, pair_months.c.kind, pair_months.c.n).where(*where)
        ):
            by_kind[kind] += int(n)
            if kind == "meeting" and len(month) == 7:
                months[month] += int(n)
        return by_kind["meeting"], by_kind["event"], sorted(months.items())
    together = events_query(conn, a, b, limit=None, provenance=False)
    months = defaultdict(int)
    for e in together:
        if e.kind == "meeting" and e.anchor and len(e.anchor) >= 7:
            months[e.anchor[:7]] += 1
    meetings = sum(e.kind == "meeting" for e in together)
    return meetings, len(together) - meetings, sorted(months.items())
