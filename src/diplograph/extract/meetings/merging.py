"""One record per meeting: merging the drafts of a report."""

from __future__ import annotations

import re

from diplograph.extract.context import ReportContext
from diplograph.extract.meetings.dating import several_days
from diplograph.extract.meetings.sides import is_body
from diplograph.extract.meetings.vocab import Draft, Party


def country_of(ctx: ReportContext, party: Party) -> str | None:
    """The state a party is or serves."""
    kind, value = party
    if kind == "state":
        return str(value)
    assert ctx.persons is not None
    return ctx.persons.persons[int(value)].country


def _compatible(ctx: ReportContext, partial: Draft, full: Draft) -> bool:
    """Every party of `partial` is in `full`: the same person, or a state
    that a distinct party of `full` serves."""
    if len(partial.parties) != len(full.parties):
        return False
    free = list(full.parties)
    for party in sorted(partial.parties, key=lambda p: p[0] != "person"):
        if party in free:
            free.remove(party)
            continue
        if party[0] == "state":
            match = next((f for f in free if country_of(ctx, f) == party[1]), None)
            if match is not None:
                free.remove(match)
                continue
        return False
    return True


def merge(ctx: ReportContext, drafts: list[Draft]) -> list[Draft]:
    """One record per meeting: same persons merge; a partly named draft (or a
    visit, or "the two sides") merges into a fully named one it fits;
    gatherings named after parties stay apart. In this order: named drafts,
    joint acts, then the rest in the report's order."""
    kept: list[Draft] = []
    for d in drafts:
        if d.kind == "named":
            _merge_named(kept, d)
    for d in drafts:
        if d.kind == "joint":
            _merge_joint(kept, d)
    for d in drafts:
        if d.kind in ("named", "joint"):
            continue
        if d.kind in ("partial", "visit") and _degenerate(ctx, d):
            ctx.veto(d.rule, "veto.own_state", d.sentence)  # "the PM of Timor Leste" beside its PM
            continue
        if d.kind in ("partial", "visit", "states") and _into_named(ctx, kept, d):
            continue
        if d.kind == "gathering" and _merge_gathering(ctx, kept, d):
            continue
        if d.kind == "states" and _into_states(ctx, kept, d):
            continue
        kept.append(d)
    kept.sort(key=lambda k: k.sentence.index)
    return kept


def _merge_named(kept: list[Draft], d: Draft) -> None:
    """A named draft joins the kept one of the same persons, mode (a call or
    not), time and day; else it is kept."""
    same = next(
        (k for k in kept if k.persons() == d.persons() and len(k.parties) == len(d.parties)
         and (k.mode == "phone") == (d.mode == "phone") and _another_time(k) == _another_time(d)
         and _same_day(k, d)),
        None,
    )
    if same is not None:
        _absorb(same, d)
    else:
        kept.append(d)


def _merge_joint(kept: list[Draft], d: Draft) -> None:
    """A joint act joins the kept meeting of the same persons; else it is a
    named meeting of its own."""
    same = next((k for k in kept if k.persons() == d.persons()), None)
    if same is not None:
        _absorb(same, d)
    else:
        d.kind = "named"
        kept.append(d)


def _into_named(ctx: ReportContext, kept: list[Draft], d: Draft) -> bool:
    """A partly named draft, a visit or "the two sides" joins the last named
    meeting it fits told before it (else the first after), unless it is a
    past visit dated in its own phrase by a month or year only and the
    meeting, in another sentence, is not ("following Anwar's visit to
    Manama last February": not today's meeting); a partial or visit
    without one joins the same-kind draft of the same parties."""
    past = _past_visit(ctx, d)
    targets = [k for k in kept if k.kind == "named" and _compatible(ctx, d, k)
               and (k.sentence is d.sentence or not past or _another_time(k))]
    if d.kind != "states" and not targets:
        targets = [k for k in kept if k.kind == d.kind and k.parties == d.parties]
    if not targets:
        return False
    before = [k for k in targets if k.sentence.index <= d.sentence.index]
    _absorb((before or targets)[-1], d)
    return True


#: how far (characters) after its visit word a past visit's month may be told
_VISIT_PHRASE = 60


def _past_visit(ctx: ReportContext, d: Draft) -> bool:
    """A visit dated by a month or year only, told in the visit's own phrase
    ("visit to Manama last February", "visited North Korea with a
    delegation in July") or at the head of its sentence ("In March 2023,
    Anwar made ..."), not in a clause of its own ("maiden visit since he
    was appointed in August 2023")."""
    if d.kind != "visit" or not _another_time(d) or d.trigger is None:
        return False
    sent, at = d.sentence, d.trigger.idx
    for f in ctx.found_dates(sent.text):
        start = sent.start + f.start
        if f.date.value or not f.date.precision:
            continue
        if f.start <= len("In "):
            return True  # "In March 2023, Anwar made his first official visit to Cambodia"
        if not 0 < start - at <= _VISIT_PHRASE:
            continue
        between = ctx.doc.char_span(at, start, alignment_mode="contract")
        if between is not None and not any(t.pos_ in ("VERB", "AUX") for t in between[1:]):
            return True
    return False


def _merge_gathering(ctx: ReportContext, kept: list[Draft], d: Draft) -> bool:
    """A gathering of two states whose sentence names their two leaders is
    their meeting; the same gathering told again joins the first; a
    gathering two named leaders of its states co-chaired is their meeting's
    occasion. False: the gathering is a record of its own."""
    principals = _principals(ctx, d)
    if principals:  # "X and his Singaporean counterpart Y ... at the Malaysia-Singapore Retreat"
        _merge_as_leaders(kept, d, principals)
        return True
    same = next((k for k in kept if k.kind == "gathering" and set(k.parties) == set(d.parties)
                 and _same_gathering(k.occasion, d.occasion)), None)
    if same is not None:  # the same retreat named again in a caption or a later paragraph
        _absorb(same, d)
        return True
    # "X and Y co-chaired the Malaysia-Singapore Leaders' Retreat": the two leaders met there
    leaders = next((k for k in kept if k.kind == "named" and k.sentence is d.sentence
                    and {country_of(ctx, p) for p in k.parties} == {str(c) for _, c in d.parties}
                    and len(k.parties) == len(d.parties)), None)
    if leaders is None:
        return False
    _absorb(leaders, d)
    leaders.occasion = d.occasion
    return True


def _merge_as_leaders(kept: list[Draft], d: Draft, principals: list[int]) -> None:
    """The gathering as the meeting of its two leaders: it joins their named
    meeting of the same day (giving its occasion), else it is kept as one."""
    d.parties, d.kind = [("person", p) for p in principals], "named"
    d.trace.append("sides: the gathering's two leaders")
    same = next((k for k in kept if k.kind == "named" and k.persons() == d.persons()
                 and not _another_time(k) and _same_day(k, d)), None)
    if same is not None:
        _absorb(same, d)
        same.occasion = same.occasion or d.occasion
    else:
        kept.append(d)


def _into_states(ctx: ReportContext, kept: list[Draft], d: Draft) -> bool:
    """ "The two sides" joins a kept meeting or gathering of the same states,
    or a partial draft or gathering of its own sentence that it fits."""
    same = next((k for k in kept if (k.kind in ("states", "gathering") and set(k.parties) == set(d.parties))
                 or (k.sentence is d.sentence and k.kind in ("partial", "gathering")
                     and _compatible(ctx, d, k))),
                None)
    if same is None:
        return False
    _absorb(same, d)
    return True


def _principals(ctx: ReportContext, d: Draft) -> list[int]:
    """The two leaders of a gathering named after two states, where its
    sentence names exactly one person of each: "Anwar and his Singaporean
    counterpart Wong ... at the 11th Malaysia-Singapore Leaders' Retreat".
    A summit of more parties (or a body) keeps its parties (GUIDELINES)."""
    assert ctx.persons is not None
    codes = [str(c) for _, c in d.parties]
    if len(codes) != 2 or any(is_body(c) for c in codes):
        return []
    by_state: dict[str, list[int]] = {c: [] for c in codes}
    for m in ctx.persons.in_sentence(d.sentence.index):
        country = ctx.persons.persons[m.person].country
        if m.how == "name" and country in by_state and m.person not in by_state[country]:
            by_state[country].append(m.person)
    if all(len(found) == 1 for found in by_state.values()):
        return [by_state[c][0] for c in codes]
    return []


def _same_day(a: Draft, b: Draft) -> bool:
    """Two encounters of the same persons told with two different days are
    two meetings (a dinner on Monday, the retreat on Tuesday)."""
    return not (a.date.value and b.date.value and a.date.value != b.date.value)


def _another_time(d: Draft) -> bool:
    """Dated by a month or a year only ("last met in Hanoi in September last
    year"): a past encounter, never the same as one told by its day."""
    return d.date.value is None and d.date.precision in ("month", "year")


_ORDINAL = re.compile(r"\b(\d+)(?:st|nd|rd|th)\b|\b(first|second|third|fourth|fifth|sixth|seventh|eighth|"
                      r"ninth|tenth)\b", re.IGNORECASE)


def _same_gathering(a: str | None, b: str | None) -> bool:
    """The same parties' gathering told twice ("the first summit between the
    GCC and ASEAN", "the GCC-ASEAN Summit"), unless the two say different
    ordinals ("the 13th ... Summit", "the 14th ... Summit")."""
    if _gathering_name(a) == _gathering_name(b):
        return True
    ordinals = [{(m.group(1) or m.group(2)).lower() for m in _ORDINAL.finditer(x or "")} for x in (a, b)]
    return not (ordinals[0] and ordinals[1] and ordinals[0] != ordinals[1])


def _gathering_name(occasion: str | None) -> str:
    return re.sub(r"^(?:the|a)\s+", "", (occasion or "").strip(), flags=re.IGNORECASE).lower()


def _degenerate(ctx: ReportContext, d: Draft) -> bool:
    """A person and their own state ("the PM of Timor Leste" beside Taur Matan Ruak)."""
    countries = [country_of(ctx, p) for p in d.parties]
    return len(set(countries)) < len(countries)


def _visit_of_days(draft: Draft) -> bool:
    """A visit of several days ("began a six-day visit on Sunday"): its date
    is the day it began, not the day of the talks merged with it."""
    return draft.kind == "visit" and (draft.tour or bool(several_days().search(draft.sentence.text)))


def _absorb(into: Draft, other: Draft) -> None:
    """Merge `other` into `into`: its spans, and what `into` lacks (a date,
    a place, an occasion; a call's mode; named persons for a partial one)."""
    where = f"{other.spans[0].start}-{other.spans[0].end}" if other.spans else "?"
    into.trace.append(f"merged {other.rule} from {where}")
    into.rules += [r for r in other.rules if r not in into.rules]
    for span in other.spans:
        if span not in into.spans:
            into.spans.append(span)
    if not into.date.value and other.date.value and not _visit_of_days(other):
        into.date = other.date
    into.location = into.location or other.location
    into.occasion = into.occasion or other.occasion
    if into.mode == "meeting" and other.mode == "phone":
        into.mode = "phone"
    if other.kind == "named" and into.kind != "named":
        into.parties, into.kind = other.parties, "named"

