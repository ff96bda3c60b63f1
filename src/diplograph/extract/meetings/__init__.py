"""Meetings: who met whom, when, where, on what occasion (GUIDELINES "meetings").

Why the dependency parse: the participants of "During his meeting with
Prime Minister Pham Minh Chinh, FIFA President Gianni Infantino expressed..."
are the possessor/subject on one side and the "with" object on the other,
whatever else the sentence names. So for every trigger (a verb like "met",
"received", "hosted"; a noun like "talks", "meeting", "call" under "held"/
"paid" or a preposition; a visit) one side is the subject (or possessor) and
the other the object (or the "with"/"on"/"for"/"by" object). Persons come
from `actors.resolve` (names, short forms, pronouns, "the Japanese leader");
where a side names no person, its states or bodies stand for it.

Also recorded, as the GUIDELINES decide: past visits mentioned in passing
(visitor and host state, date null unless a day is given), gatherings named
after their parties ("the 13th ASEAN-US Summit"), and "the two leaders/sides"
where the same sentence makes both states plain. Future and hypothetical
encounters ("will visit", "invited him to visit", "the upcoming visit") are
not meetings. One record per meeting: records with the same participants
(or a partly named record compatible with a fully named one) are merged,
keeping every sentence's span.

Trigger words, future markers and gathering names are data
(`data/meetings.yaml`).
"""
from __future__ import annotations

from diplograph.extract.context import ReportContext
from diplograph.extract.meetings.dating import date_drafts, inherit_dates
from diplograph.extract.meetings.hosts import (
    between_states,
    counterparts_including,
    dated_as_news,
    listed_counterparts,
    name_hosts,
    name_sides,
)
from diplograph.extract.meetings.merging import merge
from diplograph.extract.meetings.rulebook import sentence_drafts
from diplograph.extract.meetings.told_day import told_day
from diplograph.extract.meetings.triggers import has_trigger, report_occasion
from diplograph.extract.meetings.vocab import Draft, MeetingWords, words
from diplograph.extract.modality import is_future
from diplograph.records import Meeting, Participant

__all__ = ["Draft", "MeetingWords", "find_meetings", "is_future", "words"]


def find_meetings(ctx: ReportContext) -> list[Meeting]:
    """The report's meetings, one record each, every one with its evidence."""
    if ctx.persons is None:
        return []
    vocab = words()
    drafts: list[Draft] = []
    for sent in ctx.sentences:
        drafts += sentence_drafts(ctx, sent)
    date_drafts(ctx, drafts)
    merged = merge(ctx, drafts)
    inherit_dates(ctx, drafts, merged, vocab)
    lead_occasion = report_occasion(ctx)
    out = [_record(ctx, d, lead_occasion) for d in merged]
    out = listed_counterparts(ctx, name_sides(ctx, name_hosts(ctx, out)))
    out = counterparts_including(ctx, out, lambda sent: has_trigger(sent, vocab, ctx.persons))
    return dated_as_news(ctx, told_day(ctx, between_states(ctx, out)))



def _record(ctx: ReportContext, d: Draft, lead_occasion: str | None) -> Meeting:
    """A merged draft as a record: persons by name and state, states by
    code; the report's lead occasion where it names none (not for visits and
    "the two sides"); its rule, the rules merged in and its steps."""
    assert ctx.persons is not None
    participants = []
    for party in d.parties:
        if party[0] == "person":
            p = ctx.persons.persons[int(party[1])]
            participants.append(Participant(p.name, p.country))
        else:
            participants.append(Participant(None, str(party[1])))
    evidence, span = ctx.evidence(d.sentence)
    occasion = d.occasion or (lead_occasion if d.kind not in ("visit", "states") else None)
    meeting = Meeting(participants, d.date, d.location, occasion, d.mode, evidence, span, list(d.spans))
    meeting.rule = d.rule or None
    meeting.rules = list(d.rules)
    meeting.trace = list(d.trace)
    return meeting
