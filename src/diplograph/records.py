"""The vocabulary every stage shares: plain dataclasses, no behaviour beyond
conversion to the JSON contract.

Why plain dataclasses: every stage (read, clean, parse, actors, extract, store,
serve, spark) passes these along, and a newcomer should be able to read the
whole data model on one screen. A record never exists without the `Span` of
the sentence behind it, and offsets always point into the ORIGINAL text of
the report (`Report.text`), so any user interface can highlight the evidence.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(frozen=True)
class Span:
    """[start, end) character offsets into `Report.text`."""

    start: int
    end: int

    def of(self, text: str) -> str:
        return text[self.start : self.end]


@dataclass
class Report:
    """One news report as read: the original text, never changed."""

    id: str
    text: str
    url: str | None = None
    title: str | None = None
    published: str | None = None  # YYYY-MM-DD
    published_how: str | None = None  # option | metadata | date-line | page-header
    source: str | None = None  # path, "path:line" for JSON Lines, or "-"
    title_derived: bool = False  # the title was taken from the text by cleaning, not given


@dataclass(frozen=True)
class Zone:
    """A stretch of the report's text and what it is.

    kind: body | caption | title | teaser | repeat | junk | header.
    Only body, caption and title zones are read by the extractors.
    """

    kind: str
    start: int
    end: int


@dataclass
class CleanReport:
    """A report with its zones: the cleaning stage's output (offsets, not copies)."""

    report: Report
    zones: list[Zone]
    #: offsets of line breaks that wrap a paragraph (clean.hard_wrap): read as spaces
    soft_breaks: tuple[int, ...] = ()

    def readable(self) -> list[Zone]:
        return [z for z in self.zones if z.kind in ("body", "caption", "title")]


@dataclass
class ResolvedDate:
    """A date and how it was found: explicit, relative (to publication), or unknown."""

    value: str | None  # YYYY-MM-DD, only when the text fixes a day
    precision: str | None = None  # day | month | year
    how: str = "unknown"  # explicit | relative | context | unknown


@dataclass
class Provenance:
    """Which rule made a record, and how (`diplograph extract --explain`).

    Why on every record: a user must be able to see why a record exists, and a
    developer where to fix a wrong one. `rule` is the dotted name of the rule
    that found it (`meeting.visit`, `document.group.named`; the registry is
    `diplograph.extract.rules`); `rules` every rule whose finding was merged
    into it, `rule` first; `trace` the steps on its way, in order ("merged
    meeting.verb from 812-903", "date: dateline", "veto …"). Keyword-only, so
    that every record class keeps its positional fields.
    """

    rule: str | None = field(default=None, kw_only=True)
    rules: list[str] = field(default_factory=list, kw_only=True)
    trace: list[str] = field(default_factory=list, kw_only=True)

    def made_by(self, rule: str, step: str | None = None):
        """Set the rule (first time only) and note it among `rules`; returns self."""
        if self.rule is None:
            self.rule = rule
        if rule not in self.rules:
            self.rules.append(rule)
        if step:
            self.trace.append(step)
        return self


#: keys of `Provenance`, printed only with `--explain` (and `rule` of events always)
PROVENANCE_KEYS = ("rule", "rules", "trace", "country_how")


@dataclass
class Veto:
    """A finding a rule made and a later check refused, kept for `--explain`:
    the rule that found it, the veto that refused it, and the sentence."""

    rule: str
    veto: str
    evidence: str
    span: Span


@dataclass
class Person(Provenance):
    name: str
    country: str | None  # ISO alpha-3, or a body's short name (ASEAN, UN, ...)
    role: str | None
    evidence: str
    span: Span
    aliases: list[str] = field(default_factory=list)
    #: how the state was found: explicit | knowledge | learned | inferred | home | unknown
    country_how: str | None = None


@dataclass
class Participant:
    name: str | None  # None where only a state or body is named
    country: str | None


@dataclass
class Meeting(Provenance):
    participants: list[Participant]
    date: ResolvedDate
    location: str | None
    occasion: str | None
    mode: str  # meeting | visit | phone | multilateral
    evidence: str
    span: Span
    spans: list[Span] = field(default_factory=list)  # every sentence describing it


@dataclass
class Document(Provenance):
    title: str
    parties: list[str]
    status: str  # signed | planned
    date: ResolvedDate
    evidence: str
    span: Span


@dataclass
class Target(Provenance):
    parties: list[str]
    metric: str
    amount_usd: float | None
    year: int | None
    status: str  # target | actual
    evidence: str
    span: Span
    amount: float | None = None
    currency: str | None = None


@dataclass
class Partnership(Provenance):
    parties: list[str]
    level: str
    change: str  # upgraded | established | existing
    evidence: str
    span: Span


@dataclass
class Event(Provenance):
    """A PLOVER event: who did what to whom, when, where."""

    type: str  # CONSULT, AGREE, SUPPORT, COOPERATE, AID, REQUEST, REJECT, ACCUSE, ...
    mode: str | None
    actor: list[str]
    recipient: list[str]
    date: ResolvedDate
    location: str | None
    evidence: str
    span: Span
    #: PLOVER contexts: the general ones the sentence is in ("military",
    #: "economic", ...) and the auxiliary ones ("future", "hypothetical", "negation").
    context: list[str] = field(default_factory=list)
    #: Reported as not happening, or only as possible: not an event that happened.
    negated: bool = False
    hypothetical: bool = False


@dataclass
class StatedActor:
    """A person whose state or body the report states explicitly ("Vietnamese
    Foreign Minister X", "X of Japan"), with the sentence that says so. Not a
    contract record: the store keeps these (`learned_officials`) so that later
    reports naming the person unqualified can be resolved against them."""

    name: str
    country: str
    role: str | None
    evidence: str
    span: Span


@dataclass
class Extraction:
    """Everything extracted from one report."""

    report: Report
    persons: list[Person] = field(default_factory=list)
    meetings: list[Meeting] = field(default_factory=list)
    documents: list[Document] = field(default_factory=list)
    targets: list[Target] = field(default_factory=list)
    partnerships: list[Partnership] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    #: persons whose state the text states (for the store's learned officials; not in the contract)
    stated: list[StatedActor] = field(default_factory=list)
    #: findings a rule made and a veto refused (printed with `--explain` only)
    vetoes: list[Veto] = field(default_factory=list)

    def to_contract(self, explain: bool = False) -> dict[str, Any]:
        """The JSON shape of ../shared/eval/GUIDELINES.md, plus spans and events.

        With `explain`, every record also carries its provenance (`rule`,
        `rules`, `trace`; persons `country_how`) and the report its `vetoes`;
        without it, only events carry `rule`, as the contract has since the
        PLOVER issue, so that plain output stays what users already parse."""
        out = {
            "doc_id": self.report.id,
            "published": self.report.published,
            "url": self.report.url,
            "title": self.report.title,
            "persons": [_plain(p, explain) for p in self.persons],
            "meetings": [_plain(m, explain) for m in self.meetings],
            "documents": [_plain(d, explain) for d in self.documents],
            "targets": [_plain(t, explain) for t in self.targets],
            "partnerships": [_plain(p, explain) for p in self.partnerships],
            "events": [_plain(e, explain, keep=("rule",)) for e in self.events],
        }
        if explain:
            out["vetoes"] = [_plain(v) for v in self.vetoes]
        return out


@dataclass
class Failure:
    """A report that could not be processed, and why. Errors are values:
    a batch never dies for one bad report, and no report vanishes."""

    id: str  # the report id, or the path when no id could be made
    source: str | None
    reason: str
    stage: str = "read"  # read | clean | extract | store

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def _plain(record: Any, explain: bool = True, keep: tuple[str, ...] = ()) -> dict[str, Any]:
    """A record as the contract's JSON object: dates flattened to their value
    (with `date_precision`/`date_how` beside), spans as [start, end], and the
    provenance keys last (all of them with `explain`, else only `keep`)."""
    out: dict[str, Any] = {}
    fields = asdict(record)
    provenance = {k: fields.pop(k) for k in PROVENANCE_KEYS if k in fields}
    for key, value in fields.items():
        if key == "date" and isinstance(value, dict):
            out["date"] = value["value"]
            out["date_precision"] = value["precision"]
            out["date_how"] = value["how"]
        elif key == "span" and isinstance(value, dict):
            out["span"] = [value["start"], value["end"]]
        elif key == "spans":
            out["spans"] = [[s["start"], s["end"]] for s in value]
        else:
            out[key] = value
    out.update((k, v) for k, v in provenance.items() if explain or k in keep)
    return out
