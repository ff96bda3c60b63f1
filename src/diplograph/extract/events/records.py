"""Events from the records already extracted: a meeting is CONSULT, a
signed document SUPPORT and a planned one AGREE (the PLOVER codebook).

Why here: the meetings and documents extractors already decided who met
whom and what was signed; coding their records keeps one event per record
and the events in step with them. A visit whose record names only the
visitor is still CONSULT (mode visit) with the state visited, read from
where it took place ("Modi visited Tokyo": Japan hosts).
"""

from __future__ import annotations

import re

from diplograph.actors.knowledge import knowledge
from diplograph.extract.context import ReportContext, Sentence
from diplograph.extract.events.lemmas import lemma
from diplograph.extract.events.vocabulary import vocabulary
from diplograph.extract.rules import declare
from diplograph.plover import contexts
from diplograph.records import Event, Extraction, ResolvedDate

declare("event.consult.meeting", "Each meeting record is a CONSULT event (a visit: visitor to host).",
        __name__)
declare("event.support.document", "Each signed document record is a SUPPORT event of its parties.", __name__)
declare("event.agree.document", "Each planned, or only agreed, document record is an AGREE event.", __name__)


def _host_of(location: str | None, visitor: list[str]) -> list[str]:
    if not location:
        return []
    for m in knowledge().find(location):
        if m.entity.code not in visitor:
            return [m.entity.code]
    return []


def _only_agreed(ctx: ReportContext, start: int) -> bool:
    """Whether the sentence of a document agrees on it without signing it
    ("agreed on a defence pact", "reached a trade deal"): an agreed pact is
    AGREE by the codebook, a signed one SUPPORT."""
    sent = ctx.sentence_at(start)
    if sent is None:
        return False
    verbs = {lemma(t) for t in sent.span if t.pos_ == "VERB"}
    vocab = vocabulary()
    return bool(verbs & vocab.agreeing_verbs) and not verbs & vocab.signing_verbs


def _host_among(location: str | None, evidence: str, codes: list[str]) -> str | None:
    """The participant state whose territory the meeting's place is in, if
    exactly one is: its location's, else that of a capital or state the
    sentence puts it "in" or "at" ("at Hyderabad House in New Delhi": India)."""
    found = {m.entity.code for m in knowledge().find(location)} if location else set()
    if not found:
        found = {m.entity.code for m in knowledge().find(evidence) if m.how in ("capital", "name")
                 and evidence[: m.start].rstrip().lower().endswith((" in", " at"))}
    found &= set(codes)
    return next(iter(found)) if len(found) == 1 else None


def _consult_sides(m, codes: list[str]) -> tuple[list[str], list[str]]:  # noqa: ANN001
    """The codebook's sides of a meeting: a visitor is the actor and the host
    the recipient; a meeting held in one participant's territory is the
    others' visit to it (the host is the recipient); where no one hosts,
    every participant is the actor and there is no recipient."""
    if m.mode == "visit":
        return codes[:1], codes[1:]
    if m.mode == "meeting" and len(codes) == 2:
        host = _host_among(m.location, m.evidence, codes)
        visitor = _visitor_among(m.evidence, codes)
        if host is None and visitor is not None:
            host = next(c for c in codes if c != visitor)
        if host is not None:
            return [c for c in codes if c != host], [host]
    return codes, []


_VISITING = re.compile(r"\bvisiting\b|\bwho is (?:on a|visiting)\b", re.IGNORECASE)


def _visitor_among(evidence: str, codes: list[str]) -> str | None:
    """The participant the sentence calls visiting ("talks with visiting
    Chinese Foreign Minister Qin Gang"): the state it names within a few
    words after "visiting" (rule event.consult.meeting, the codebook's visit)."""
    for hit in _VISITING.finditer(evidence):
        window = evidence[hit.end() : hit.end() + 40]
        for found in knowledge().find(window):
            if found.entity.code in codes:
                return found.entity.code
    return None


def record_events(ctx: ReportContext, extraction: Extraction) -> list[Event]:
    events: list[Event] = []
    for m in extraction.meetings:
        codes = list(dict.fromkeys(p.country for p in m.participants if p.country))
        mode = {"meeting": None}.get(m.mode, m.mode)
        if len(codes) < 2:
            host = _host_of(m.location, codes) if m.mode == "visit" and codes else []
            if not host:
                continue
            codes = codes + host
        actor, recipient = _consult_sides(m, codes)
        events.append(
            Event("CONSULT", mode, actor, recipient, m.date, m.location, m.evidence, m.span,
                  context=contexts(m.evidence), rule="event.consult.meeting",
                  rules=["event.consult.meeting", *(m.rules or ([m.rule] if m.rule else []))],
                  trace=[f"from the meeting at {m.span.start}-{m.span.end}"])
        )
    for d in extraction.documents:
        parties = list(getattr(d, "parties", []) or [])
        if not parties:
            continue
        kind = "SUPPORT" if d.status == "signed" and not _only_agreed(ctx, d.span.start) else "AGREE"
        date = getattr(d, "date", None) or ResolvedDate(None)
        events.append(  # the parties of an instrument act together: one actor list
            Event(kind, None, parties, [], date, None, d.evidence, d.span,
                  context=contexts(d.evidence), rule=f"event.{kind.lower()}.document",
                  rules=[f"event.{kind.lower()}.document", *([d.rule] if d.rule else [])],
                  trace=[f"from the document at {d.span.start}-{d.span.end}"])
        )
    return events


def sides_at(ctx: ReportContext, extraction: Extraction, sent: Sentence) -> list[str]:
    """Who "the two sides" are at this sentence: the parties of the latest
    meeting described at or before it, else the report's principal parties."""
    latest = None
    for m in extraction.meetings:
        starts = [s.start for s in (m.spans or [m.span]) if s.start <= sent.start]
        if starts and (latest is None or max(starts) >= latest[0]):
            latest = (max(starts), m)
    if latest is None:
        return list(ctx.parties)
    return list(dict.fromkeys(p.country for p in latest[1].participants if p.country))
