"""What store queries return: plain dataclasses, one screen of them.

Why separate from `records.py`: records are what ONE report says (with spans
into that report); these are the merged, cross-report view, where each record
carries its sources (report + span + sentence) and how many reports gave it.
The CLI, the web app and the Python API all hand these out unchanged; `to_dict`
is their JSON shape.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


class _Plain:
    def to_dict(self) -> dict[str, Any]:
        return asdict(self)  # type: ignore[call-overload]


@dataclass
class Source(_Plain):
    """One sentence behind a record: [start, end) into the report's original text."""

    report_id: str
    start: int
    end: int
    evidence: str
    url: str | None = None
    title: str | None = None
    published: str | None = None
    detail: str | None = None  # what this source said where it differs (status, change, mode)
    rule: str | None = None  # the extraction rule that found the record in this sentence


@dataclass
class ActorRef(_Plain):
    """An actor as it takes part in an event."""

    id: str
    name: str
    kind: str  # state | body | person
    country: str | None  # the side the actor stands for (its own code for states/bodies)
    role: str = "actor"  # actor | recipient


@dataclass
class EventRow(_Plain):
    """One event (meeting or other PLOVER event) merged across reports."""

    id: str
    kind: str  # meeting | event
    type: str  # PLOVER type: CONSULT, AGREE, ...
    mode: str | None
    date: str | None
    date_precision: str | None
    date_how: str | None
    location: str | None
    occasion: str | None
    evidence: str
    source_count: int
    participants: list[ActorRef] = field(default_factory=list)
    sources: list[Source] = field(default_factory=list)  # filled by Store.event(id)
    anchor: str | None = None  # the date used for ordering (date, else first publication)

    @property
    def actors(self) -> list[ActorRef]:
        return [p for p in self.participants if p.role == "actor"]

    @property
    def recipients(self) -> list[ActorRef]:
        return [p for p in self.participants if p.role == "recipient"]


@dataclass
class ActorRow(_Plain):
    id: str
    name: str
    kind: str
    country: str | None
    role: str | None
    aliases: list[str] = field(default_factory=list)
    mentions: int = 0
    events: int = 0


@dataclass
class TimelinePoint(_Plain):
    month: str  # YYYY-MM
    events: int
    meetings: int


@dataclass
class Relation(_Plain):
    """A partner of an actor: how often they met, when last, and the named level."""

    partner_id: str
    partner_name: str
    partner_kind: str
    meetings: int
    events: int
    last_meeting: str | None
    level: str | None = None
    level_change: str | None = None


@dataclass
class DocumentRow(_Plain):
    id: str
    title: str
    parties: list[str]
    status: str
    date: str | None
    evidence: str
    source_count: int
    sources: list[Source] = field(default_factory=list)


@dataclass
class TargetRow(_Plain):
    """A target (or actual figure) and, for a target, the latest actual figure
    reported for the same parties and metric: the progress towards it."""

    id: str
    parties: list[str]
    metric: str
    amount_usd: float | None
    amount: float | None
    currency: str | None
    year: int | None
    status: str
    evidence: str
    source_count: int
    latest_actual_usd: float | None = None
    latest_actual_year: int | None = None
    latest_actual_id: str | None = None
    progress: float | None = None  # latest actual / target, when both are in USD
    sources: list[Source] = field(default_factory=list)


@dataclass
class PartnershipRow(_Plain):
    id: str
    parties: list[str]
    level: str
    change: str
    evidence: str
    source_count: int
    first_published: str | None = None
    sources: list[Source] = field(default_factory=list)


@dataclass
class ReportRow(_Plain):
    id: str
    url: str | None
    title: str | None
    published: str | None
    source: str | None
    content_hash: str
    duplicate_of: str | None
    similarity: float | None
    ingested_at: str
    text: str | None = None  # filled by Store.report(id)


@dataclass
class MonthTypeCount(_Plain):
    """Events of one PLOVER type in one month (YYYY-MM), over the whole store."""

    month: str
    type: str
    events: int


@dataclass
class MeetingEdge(_Plain):
    """Two states or bodies (a < b) and the number of meetings between them."""

    a: str
    a_name: str
    a_kind: str
    b: str
    b_name: str
    b_kind: str
    meetings: int


@dataclass
class SearchHit(_Plain):
    """A record whose evidence sentence contains the searched words."""

    kind: str  # event | document | target | partnership | actor
    id: str
    evidence: str  # the sentence (a document's title, an actor's name)
    report_id: str
    start: int
    end: int
    url: str | None = None  # the report's
    title: str | None = None  # the report's
    published: str | None = None  # the report's
    date: str | None = None  # the record's (an event's date, a target's year)
    type: str | None = None  # the record's PLOVER type, status or change, or an actor's kind


@dataclass
class IngestResult(_Plain):
    """What writing one report did."""

    report_id: str
    status: str  # added | replaced | unchanged | duplicate | failed
    duplicate_of: str | None = None
    records: int = 0
    reason: str | None = None


@dataclass
class IngestSummary(_Plain):
    added: int = 0
    replaced: int = 0
    unchanged: int = 0
    duplicate: int = 0
    failed: int = 0
    failures: list[IngestResult] = field(default_factory=list)

    def count(self, result: IngestResult) -> None:
        setattr(self, result.status, getattr(self, result.status) + 1)
        if result.status == "failed":
            self.failures.append(result)
