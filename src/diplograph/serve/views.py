"""Cross-record views the pages need, built only from the public `Store` API.

Why here and not in the store: these are presentation aggregates (a pair's
whole story, the meeting network, events per month by type) assembled from
the Store's ordinary queries. The whole-store ones (events per month by
type, the meeting network, a pair's totals and chart) read the counts the
store keeps as reports are stored (`store.counts`), so they do not read
every event.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from itertools import combinations

from diplograph.store import (
    ActorRow,
    DocumentRow,
    EventRow,
    PartnershipRow,
    Store,
    TargetRow,
)


def facets(store: Store) -> dict[str, list[tuple[str, int]]]:
    """The store's facet counts (type, state or body, year, dated), current
    at every call: they are read from the counts the store keeps as reports
    are stored (`store.counts`), a few milliseconds on a million events, so
    no page serves counts older than the store."""
    return store.facets()


def until_inclusive(until: str | None) -> str | None:
    """An `until` of a year or a month covers all of it: the store compares ISO
    text, where "2025-03" < "2025-03-15", so it is widened to its last day."""
    if until is None:
        return None
    return until + ("-12-31" if len(until) == 4 else "-31" if len(until) == 7 else "")


def month(event: EventRow) -> str | None:
    """The month an event belongs to: its date, else its first report's publication date."""
    when = event.date or event.anchor
    return when[:7] if when and len(when) >= 7 else None


def events_by_month_and_type(events: Store | list[EventRow]) -> list[tuple[str, str, int]]:
    """(YYYY-MM, PLOVER type, count) for every month that has events: of a
    whole store, counted by the database, or of a list of events."""
    if isinstance(events, Store):
        return [(c.month, c.type, c.events) for c in events.events_per_month()]
    counts = Counter((m, e.type) for e in events if (m := month(e)))
    return sorted((m, t, n) for (m, t), n in counts.items())


def sides(event: EventRow) -> set[str]:
    """The states and bodies an event brings together (a person counts for their side)."""
    return {p.country or p.id for p in event.participants if p.kind != "person" or p.country}


@dataclass
class Network:
    nodes: dict[str, tuple[str, str]]  # code -> (name, kind)
    edges: list[tuple[str, str, int]]  # (a, b, meetings), a < b


#: Continent codes (GeoNames) and their names, for the network's region filter.
REGIONS = {
    "AS": "Asia",
    "EU": "Europe",
    "AF": "Africa",
    "NA": "North America",
    "SA": "South America",
    "OC": "Oceania",
}


def meeting_network(
    store: Store,
    events: list[EventRow] | None = None,
    since: str | None = None,
    until: str | None = None,
    region: str | None = None,
) -> Network:
    """States and bodies as nodes, meetings between them as weighted edges
    (of the whole store, counted by the database, unless `events` are given);
    `since`/`until` bound the meetings' dates, `region` (a continent code)
    keeps the meetings with at least one state of that continent."""
    if events is None:
        edges = store.meeting_pairs(since=since, until=until_inclusive(until))
        if region:
            from diplograph.serve.geo import continent

            edges = [e for e in edges if region in (continent(e.a), continent(e.b))]
        nodes = {e.a: (e.a_name, e.a_kind) for e in edges} | {e.b: (e.b_name, e.b_kind) for e in edges}
        return Network(nodes, [(e.a, e.b, e.meetings) for e in edges])
    weights: Counter[tuple[str, str]] = Counter()
    for event in events:
        if event.kind != "meeting":
            continue
        for a, b in combinations(sorted(sides(event)), 2):
            weights[(a, b)] += 1
    codes = {c for pair in weights for c in pair}
    known = {a.id: a for a in store.actors() if a.kind in ("state", "body")}
    nodes = {c: (known[c].name if c in known else c, known[c].kind if c in known else "body") for c in codes}
    return Network(nodes, sorted((a, b, n) for (a, b), n in weights.items()))


def with_sources(store: Store, kind: str, rows: list) -> list:
    """Fill each record's `sources` (report + span), so a page can link every
    evidence sentence to its highlighted place in the report."""
    for row in rows:
        if not row.sources:
            row.sources = store.sources(kind, row.id)
    return rows


def involves(parties: list[str], a: str, b: str) -> bool:
    return a in parties and b in parties


@dataclass
class Pair:
    """Everything the store knows about two parties together."""

    a: ActorRow | None
    b: ActorRow | None
    a_code: str
    b_code: str
    meetings: list[EventRow] = field(default_factory=list)
    events: list[EventRow] = field(default_factory=list)
    documents: list[DocumentRow] = field(default_factory=list)
    targets: list[TargetRow] = field(default_factory=list)
    partnerships: list[PartnershipRow] = field(default_factory=list)  # oldest first: the level history
    #: All meetings and other events of the pair (`meetings`/`events` may be one page of them).
    meetings_total: int = 0
    events_total: int = 0
    #: (YYYY-MM, meetings), from the store's kept counts.
    months: list[tuple[str, int]] = field(default_factory=list)

    def rows(self) -> list[dict]:
        """Every record of the pair as one flat row (its `record` kind first), for CSV."""
        out = []
        for kind, items in (
            ("meeting", self.meetings),
            ("event", self.events),
            ("document", self.documents),
            ("target", self.targets),
            ("partnership", self.partnerships),
        ):
            for item in items:
                row = {"record": kind, **item.to_dict()}
                if "participants" in row:
                    row["participants"] = "; ".join(p.name for p in item.participants)
                out.append(row)
        return out

    def meetings_per_month(self) -> list[tuple[str, int]]:
        return self.months


def actor(store: Store, actor_id: str) -> ActorRow | None:
    """One actor by id (code for states and bodies)."""
    return store.actor(actor_id)


def party(text: str) -> str:
    """A party as typed in a URL: three letters are an ISO code (vnm -> VNM)."""
    return text.upper() if len(text) == 3 and text.isalpha() else text


def party_code(store: Store, text: str) -> str:
    """A party as typed in a URL, resolved like every actor argument: a code
    (`vnm`), a state's or body's name (`Vietnam`, `Viet Nam`) -> its code."""
    text = party(text)
    who = store.resolve(text)
    if len(who.codes) == 1 and not who.persons:
        return next(iter(who.codes))
    return text


def pair(
    store: Store,
    a: str,
    b: str,
    limit: int | None = None,
    meetings_offset: int = 0,
    events_offset: int = 0,
) -> Pair:
    """Everything two parties did together; `limit`: one page of at most
    that many meetings (from `meetings_offset`) and other events (from
    `events_offset`), newest first, with the totals and the meetings per
    month counted by the store (None: every one of them).
    Raises ValueError for a pair of one party with itself (a 400 for the web layer)."""
    a, b = party_code(store, a), party_code(store, b)
    if a == b:
        raise ValueError(f"a pair needs two different parties, got {a!r} twice")
    out = Pair(actor(store, a), actor(store, b), a, b)
    out.meetings_total, out.events_total, out.months = store.pair_summary(a, b)
    if limit is None:
        together = store.events(actor=a, with_=b, limit=None)
        out.meetings = [e for e in together if e.kind == "meeting"]
        out.events = [e for e in together if e.kind != "meeting"]
    else:
        if out.meetings_total:
            out.meetings = store.events(actor=a, with_=b, kind="meeting", limit=limit, offset=meetings_offset)
        if out.events_total:
            out.events = store.events(actor=a, with_=b, kind="event", limit=limit, offset=events_offset)
    out.documents = with_sources(
        store, "document", [d for d in store.documents(actor=a) if involves(d.parties, a, b)]
    )
    out.targets = with_sources(
        store, "target", [t for t in store.targets(actor=a) if involves(t.parties, a, b)]
    )
    out.partnerships = with_sources(
        store,
        "partnership",
        sorted(
            (p for p in store.partnerships(actor=a) if involves(p.parties, a, b)),
            key=lambda p: (p.first_published or "", p.level),
        ),
    )
    return out
