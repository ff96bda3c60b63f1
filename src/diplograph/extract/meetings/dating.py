"""When each meeting took place."""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Token

from diplograph import dates
from diplograph.actors.knowledge import load_yaml
from diplograph.extract.context import ReportContext, Sentence
from diplograph.extract.meetings.triggers import has_trigger
from diplograph.extract.meetings.vocab import Draft, MeetingWords, words
from diplograph.extract.phrases import alternatives
from diplograph.extract.syntax import governing_verb
from diplograph.records import ResolvedDate


def date_drafts(ctx: ReportContext, drafts: list[Draft]) -> None:
    """Each draft's date from its sentence; "the same day" from the latest
    earlier dated sentence. A sentence with several dates gives each
    encounter its own: "held a call with X on Wednesday and met Y on Friday"."""
    sentence_dates, previous = _sentence_dates(ctx, drafts)
    for d in drafts:
        date = sentence_dates.get(d.sentence.index, ResolvedDate(None))
        how = "sentence"
        if d.trigger is not None:
            own = _own_date(ctx, d.sentence, d.trigger, previous.get(d.sentence.index))
            if own is not None:
                date, how = own, "own clause"
            if date.value and _only_aside(ctx, d.sentence, d.trigger):
                date, how = ResolvedDate(None), "aside only"  # "Marcos, who arrived on Monday night, ..."
            elif date.value and _before_the_return(ctx, d.sentence, d.trigger):
                # "returned on Sunday after a meeting with X": a day is told, not the encounter's
                date, how = ResolvedDate(None, "day", "the return's"), "the return's"
        if date.value and d.tour:
            # "arrived home on May 29, concluding visits to A, B and C": the day is not any one visit's
            date, how = ResolvedDate(None), "a tour's"
        if date.value and dates.is_suspect(date, ctx.published):
            # a past encounter dated after publication
            date, how = ResolvedDate(None, "day", "suspect"), "suspect"
        d.date = date if date.value else ResolvedDate(None, date.precision, date.how)
        if date.value or how != "sentence":
            d.trace.append(f"date: {how}")


def _sentence_dates(ctx: ReportContext, drafts: list[Draft]
                    ) -> tuple[dict[int, ResolvedDate], dict[int, ResolvedDate | None]]:
    """Each sentence's date, and the story's day before it (what "the same
    day" refers to): the day of the lead or of the last sentence that
    reports an encounter, not a caption's, nor a date said in passing
    ("right after attending the summit held in Melbourne from March 4 to 6")."""
    vocab = words()
    # sentences that report an encounter (a visit tells a span of days, not one: "from September 30 to
    # October 2")
    told = {d.sentence.index for d in drafts if d.kind != "visit"}
    last: ResolvedDate | None = None
    sentence_dates: dict[int, ResolvedDate] = {}
    previous: dict[int, ResolvedDate | None] = {}
    lead = True
    for sent in ctx.sentences:
        previous[sent.index] = last
        date = ctx.date_of(sent.text, previous=last)
        sentence_dates[sent.index] = date
        encounter = sent.index in told or has_trigger(sent, vocab, ctx.persons)
        if date.value and sent.zone != "caption" and (lead or encounter):
            lead = False
            # "met X on Thursday and Y on Friday morning. Earlier that day, ...": the day told last
            asides = _asides(sent)
            found = [f for f in ctx.found_dates(sent.text)
                     if (f.date.value or f.date.how in dates.ANAPHORIC)
                     and not any(a <= sent.start + f.start < b for a, b in asides)]
            if not found:
                continue  # its dates are all said in passing: the story's day stands
            latest = dates.pick(found[-1:], last)
            last = latest if latest.value else date
    return sentence_dates, previous


_CLAUSE_DEPS = frozenset({"conj", "advcl", "ccomp", "relcl", "parataxis", "xcomp"})
#: "from"/"between" right before a date: a range
@lru_cache(maxsize=1)
def _range_before() -> re.Pattern[str]:
    """A range's opening word right before a date ("from", "between": `range_leads`)."""
    return re.compile(rf"(?i)\b(?:{alternatives(load_yaml('meetings.yaml')['range_leads'])})\s+$")


def _extent(tok: Token) -> tuple[int, int]:
    return tok.left_edge.idx, tok.right_edge.idx + len(tok.right_edge)


def _own_date(ctx: ReportContext, sent: Sentence, trigger: Token,
              previous: ResolvedDate | None) -> ResolvedDate | None:
    """Where a sentence fixes more than one day, the one in the trigger's own
    clause (the subtree of its verb, less the clauses conjoined to it), else
    the one nearest the trigger. None: the sentence's date stands."""
    found = ctx.found_dates(sent.text)
    days = [f for f in found if f.date.value or f.date.how in dates.ANAPHORIC]
    if len({(f.date.value, f.date.how) for f in days}) < 2:
        return None
    own = _in_own_clause(sent, trigger, found)
    if own:
        # "arrived on Thursday, where a day earlier he held talks": counted from the sentence's own day
        base = next((f.date for f in days if f.date.value and f not in own), None) or previous
        return dates.pick(own, base)
    at = trigger.idx - sent.start
    nearest = min(days, key=lambda f: min(abs(f.start - at), abs(f.end - at)))
    return dates.pick([nearest], previous)


def _in_own_clause(sent: Sentence, trigger: Token, found: list) -> list:
    """The dates in the trigger's own clause: its verb's subtree, less the
    clauses conjoined to it and a visit's phrase ("held talks ... on Monday,
    as part of his official visit from April 14 to 18": the visit's span
    dates the visit, not the encounter told inside it)."""
    head = trigger if trigger.pos_ in ("VERB", "AUX") else (governing_verb(trigger) or trigger)
    start, end = _extent(head)
    inside = lambda t: t.left_edge.i <= trigger.i <= t.right_edge.i  # noqa: E731
    others = [_extent(t) for t in head.subtree if t.i != head.i and t.dep_ in _CLAUSE_DEPS
              and t.pos_ in ("VERB", "AUX") and not inside(t)]
    others += [_extent(t) for t in head.subtree if t.i != trigger.i and t.lower_ in words().visit_words
               and not inside(t)]
    own = [f for f in found if start <= sent.start + f.start < end
           and not any(a <= sent.start + f.start < b for a, b in others)]
    # a range after a visit word is the visit's, wherever the parser hangs it
    spans = [f for f in own if _span_range().search(sent.text[max(0, f.start - 80) : f.start])
             and _range_before().search(sent.text[max(0, f.start - 10) : f.start])]
    return [f for f in own if f not in spans] or own


def _asides(sent: Sentence, trigger: Token | None = None) -> list[tuple[int, int]]:
    """The character ranges of the sentence's relative and adjectival clauses
    (less the one holding `trigger`): what they date is said in passing."""
    return [(t.left_edge.idx, t.right_edge.idx + len(t.right_edge)) for t in sent.span
            if t.dep_ in ("relcl", "acl") and t.pos_ in ("VERB", "AUX")
            and (trigger is None or not (t.left_edge.i <= trigger.i <= t.right_edge.i))]


def _only_aside(ctx: ReportContext, sent: Sentence, trigger: Token) -> bool:
    """Every date of the sentence lies in a relative or adjectival clause that
    does not hold the trigger: the date of something said in passing ("X,
    who arrived in Hanoi on Monday night, held talks with Y"; "under the
    partnership established in September"), not of the encounter."""
    found = [f for f in ctx.found_dates(sent.text) if f.date.value]
    if not found:
        return False
    asides = _asides(sent, trigger)
    return all(any(a <= sent.start + f.start < b for a, b in asides) for f in found)


def _before_the_return(ctx: ReportContext, sent: Sentence, trigger: Token) -> bool:
    """meeting dating step: the encounter is told after "after"/"following"
    that follows a verb of coming or going back (`return_verbs`: "Xi
    returned to Beijing on Sunday after state visits to ..., as well as a
    meeting with Obama"; the parser may hang the meeting from either), and
    every date of the sentence comes before that word: they date the
    return, not the encounter before it."""
    back = next((t for t in sent.span if t.i < trigger.i and t.pos_ == "VERB"
                 and t.lower_ in words().return_verbs), None)
    if back is None:
        return False
    after = next((t for t in sent.span if back.i < t.i < trigger.i and t.lower_ in ("after", "following")),
                 None)
    if after is None:
        return False
    found = [f for f in ctx.found_dates(sent.text) if f.date.value]
    return bool(found) and all(sent.start + f.end <= after.idx for f in found)


@lru_cache(maxsize=1)
def _span_range() -> re.Pattern[str]:
    """A visit word earlier in the clause (data/meetings.yaml `visit_words`)."""
    return re.compile(rf"(?i)\b(?:{'|'.join(sorted(words().visit_words))})\b[^.;]*$")

_DATED_KINDS = ("named", "partial", "visit", "joint")
def inherit_dates(ctx: ReportContext, drafts: list[Draft], merged: list[Draft], vocab: MeetingWords) -> None:
    """Meetings their sentences leave undated take a date only where the text
    ties them to one (GUIDELINES: else null):

    - a one-day report (every day it names near its first encounter's is
      that day: "held discussions with four leaders today ... he also met"):
      the first encounter's date;
    - otherwise the date of the encounter just told, when the undated one
      continues its story: the same paragraph or the next sentences, with a
      person in common ("On Jun. 2, Zelensky visited Singapore. He also met
      PM Wong").

    Visits in passing and "the two sides" take none. `drafts` are the
    encounters before merging (a dated visit merged into a meeting still
    tells when its sentence happened)."""
    dated = _dated_encounters(ctx, drafts, vocab)
    if not dated:
        return
    lead = dated[0][1]
    one_day = _one_day(ctx, lead)
    for d in merged:
        if d.date.value or d.kind not in ("named", "partial"):
            continue
        if d.date.precision or words().elsewhen.search(d.sentence.text):
            continue  # "In September 2019, ...", "Earlier, ...": another time than the lead's
        if one_day:
            if dated[0][0].index <= d.sentence.index:
                d.date = ResolvedDate(lead.value, lead.precision, "context")
                d.trace.append("date: context (a one-day report)")
            continue
        told = [(s, date) for s, date in dated if s.index < d.sentence.index]
        if told and _continues(ctx, told[-1][0], d, drafts):
            date = told[-1][1]
            d.date = ResolvedDate(date.value, date.precision, "context")
            d.trace.append("date: context (continues the story told before)")


def _dated_encounters(ctx: ReportContext, drafts: list[Draft],
                      vocab: MeetingWords) -> list[tuple[Sentence, ResolvedDate]]:
    """The sentences that tell a dated encounter, with its date, in order."""
    dated: list[tuple[Sentence, ResolvedDate]] = []
    for sent in ctx.sentences:
        own = next((d.date for d in drafts if d.sentence is sent and d.date.value and d.kind in _DATED_KINDS),
                   None)
        if own is None and has_trigger(sent, vocab, ctx.persons):
            date = ctx.date_of(sent.text)
            own = date if date.value else None
        if own is not None:
            dated.append((sent, own))
    return dated


#: How far (days) from the first encounter a day the report names makes it a report of several days.
_SAME_STORY_DAYS = 10


def _one_day(ctx: ReportContext, lead: ResolvedDate) -> bool:
    """Every day the report names near its first encounter's is that day, and
    it tells of no visit of several days ("a three-day visit")."""
    if several_days().search(ctx.text):
        return False
    first = dates.as_date(lead.value)
    assert first is not None
    for sent in ctx.sentences:
        for found in ctx.found_dates(sent.text):
            day = dates.as_date(found.date.value)
            if day is not None and day != first and abs((day - first).days) <= _SAME_STORY_DAYS:
                return False
    return True


@lru_cache(maxsize=1)
def several_days() -> re.Pattern[str]:
    """ "a three-day visit", "for 3 days" (`number_words` of data/meetings.yaml, or digits)."""
    numbers = alternatives(load_yaml("meetings.yaml")["number_words"])
    return re.compile(rf"(?i)\b(?:{numbers}|\d+)[- ]days?\b(?![- ]old)")


def _continues(ctx: ReportContext, told: Sentence, d: Draft, drafts: list[Draft]) -> bool:
    """An undated encounter continues the story of one just told, with a
    person in common: in the same paragraph, or at most two sentences after
    a dated one-day visit ("On Jun. 2, Zelensky visited Singapore. He also
    met PM Wong"); not after another meeting in another paragraph ("... met
    Han Zheng on Friday.\n Lee also attended the Forum, where he met X")."""
    assert ctx.persons is not None
    same_paragraph = "\n" not in ctx.text[told.end : d.sentence.start]
    visit = any(x.sentence is told and x.kind == "visit" for x in drafts)
    visit = visit and not several_days().search(told.text)
    if not same_paragraph and not (visit and d.sentence.index - told.index <= 2):
        return False
    before = {m.person for m in ctx.persons.in_sentence(told.index)}
    return bool(before & d.persons())

