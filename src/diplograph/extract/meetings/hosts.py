"""The meetings' last steps over the report's finished records and persons.

meeting.named_host: a visit whose record names only the host state
("Xi Jinping paid a state visit to Russia") takes the host the report names
elsewhere ("Russian President Vladimir Putin praised ..."), as GUIDELINES
says: the visitor and the host state are the participants *unless the host
is named*.

Why after merging: the visit and the host's name are usually told in
different sentences, so only the report's finished meetings and persons show
both. Two readings, in this order:

- the visitor already has a meeting with a named person of the host state:
  the visit is that encounter told again, and its nameless record goes;
- otherwise, unless the visit is a past one told in passing with its month
  or year, the host state's leader named in the report (the most senior
  role in `data/meetings.yaml` `host_roles`, then the first named) takes the
  nameless place.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib.resources import files

import yaml

from diplograph.extract import modality
from diplograph.extract.context import ReportContext
from diplograph.extract.phrases import alternatives
from diplograph.extract.rules import rule
from diplograph.records import Meeting, Participant, ResolvedDate

#: how a person's state must be known to make them a host
_KNOWN = ("explicit", "knowledge", "inferred")


@lru_cache(maxsize=1)
def _host_roles() -> tuple[str, ...]:
    data = yaml.safe_load(files("diplograph.data").joinpath("meetings.yaml").read_text("utf-8"))
    return tuple(data["host_roles"])


def _rank(role: str | None) -> int:
    roles = _host_roles()
    low = (role or "").lower()
    return next(
        (n for n, r in enumerate(roles) if r in low and "vice" not in low and "deputy" not in low), len(roles)
    )


@rule("meeting.named_host")
def name_hosts(ctx: ReportContext, meetings: list[Meeting]) -> list[Meeting]:
    """meeting.named_host: the meetings with each nameless host state named
    where the report names its leader; a visit whose encounter is already a
    record of its own goes."""
    if ctx.persons is None:
        return meetings
    out: list[Meeting] = []
    for m in meetings:
        named = [p for p in m.participants if p.name]
        nameless = [p for p in m.participants if not p.name]
        if len(m.participants) != 2 or len(named) != 1 or len(nameless) != 1:
            out.append(m)
            continue
        visitor, host_state = named[0], nameless[0].country
        if m.date.precision in ("month", "year"):
            out.append(m)  # "following X's visit to Malaysia in November 2024": a past visit in passing
            continue
        if host_state is None or host_state == visitor.country:
            out.append(m)
            continue
        if _told_elsewhere(m, meetings, visitor, host_state):
            _veto(ctx, m, "meeting.named_host", "veto.told_again")
            continue  # the visit's encounter is already a record of its own
        host = _leader_of(ctx, host_state, visitor)
        if host is not None:
            m.participants = (
                [visitor, Participant(host.name, host_state)]
                if m.participants[0] is visitor
                else [Participant(host.name, host_state), visitor]
            )
            m.made_by("meeting.named_host", f"host named: {host.name}")
        out.append(m)
    return out


@rule("meeting.named_sides")
def name_sides(ctx: ReportContext, meetings: list[Meeting]) -> list[Meeting]:
    """meeting.named_sides: an encounter told between two states only ("The
    presidents of China and Kazakhstan held talks", "the two leaders agreed
    that India and Japan ...") is between the persons who stand for them
    where the report names them (GUIDELINES: states only "where no person
    is named"). Told again where another record already has a named person
    of each state: it goes. Else each state's most senior leader the report
    names (`host_roles`), or the one person it names of that state, takes
    its place; where either state has none, or the encounter is a past one
    ("the last Leaders' Consultation": the leaders named now may not be
    those of then), the record stays as it is."""
    if ctx.persons is None:
        return meetings
    out: list[Meeting] = []
    for m in meetings:
        codes = [p.country for p in m.participants]
        if len(codes) != 2 or any(p.name for p in m.participants) or None in codes or codes[0] == codes[1]:
            out.append(m)
            continue
        if any(_names_both(other, codes) for other in meetings if other is not m):
            _veto(ctx, m, "meeting.named_sides", "veto.told_again")
            continue
        sent = ctx.sentence_at(m.span.start)
        if sent is None or _news_day_words()[1].search(sent.text):
            out.append(m)  # "the last Malaysia-Brunei Leaders' Consultation": who stood for them then?
            continue
        persons = [_standing_for(ctx, code) for code in codes]
        if all(p is not None for p in persons):
            m.participants = [Participant(p.name, code) for p, code in zip(persons, codes, strict=True)]
            m.made_by("meeting.named_sides", "sides named: " + ", ".join(p.name for p in persons))
        out.append(m)
    return out


def _names_both(m: Meeting, codes: list[str]) -> bool:
    """The record has a named person of each of the two states."""
    return all(any(p.name and p.country == code for p in m.participants) for code in codes)


def _standing_for(ctx: ReportContext, code: str):
    """The state's most senior leader the report names, else the one person
    of that state it names; None when it names none or several unranked."""
    assert ctx.persons is not None
    known = [p for p in ctx.persons.persons if p.country == code and p.country_how in _KNOWN]
    ranked = [p for p in known if _rank(p.role) < len(_host_roles())]
    if ranked:
        return min(ranked, key=lambda p: (_rank(p.role), p.first_start))
    return known[0] if len(known) == 1 else None


def _told_elsewhere(m: Meeting, meetings: list[Meeting], visitor: Participant, host_state: str) -> bool:
    """The visitor has another record with a named person of the host state."""
    return any(
        other is not m
        and any(p.name == visitor.name for p in other.participants)
        and any(p.name and p.country == host_state for p in other.participants)
        for other in meetings
    )


def _leader_of(ctx: ReportContext, host_state: str, visitor: Participant):
    """The host state's most senior leader the report names (`host_roles`),
    the first named among equals; None when it names none."""
    assert ctx.persons is not None
    hosts = [
        p
        for p in ctx.persons.persons
        if p.country == host_state
        and p.country_how in _KNOWN
        and p.name != visitor.name
        and _rank(p.role) < len(_host_roles())
    ]
    if not hosts:
        return None
    return min(hosts, key=lambda p: (_rank(p.role), p.first_start))


def _veto(ctx: ReportContext, m: Meeting, rule_name: str, veto: str) -> None:
    """Note that a finished record was dropped (`--explain`)."""
    sent = ctx.sentence_at(m.span.start)
    if sent is not None:
        ctx.veto(m.rule or rule_name, veto, sent)


@rule("meeting.between_states")
def between_states(ctx: ReportContext, meetings: list[Meeting]) -> list[Meeting]:
    """meeting.between_states: a diplomatic meeting is between states or
    bodies; one whose participants all serve the same state ("the PM met
    his deputy") is no record of the report's (in real reports such a
    record is nearly always a person given the wrong state)."""
    out = []
    for m in meetings:
        codes = {p.country for p in m.participants}
        if len(codes) == 1 and None not in codes and len(m.participants) >= 2:
            _veto(ctx, m, "meeting.between_states", "veto.same_state")
            continue
        out.append(m)
    return out


#: the longest gap (characters) between two persons of one list of counterparts
_LIST_GAP = 140


@lru_cache(maxsize=1)
def _abbreviations() -> re.Pattern[str]:
    """The honorifics and titles written with a stop that may stand in a list
    of persons ("HE Mr. X; H.E Mr. Y", "Hon. Z"): `list_abbreviations`. A
    written stop may be left off the last letter ("H.E Mr."), or spaced."""
    data = yaml.safe_load(files("diplograph.data").joinpath("meetings.yaml").read_text("utf-8"))
    forms = sorted(data["list_abbreviations"], key=len, reverse=True)
    pattern = "|".join(r"\.?\s?".join(re.escape(part) for part in form.split(".") if part) for form in forms)
    return re.compile(rf"\b(?:{pattern})\.?(?=\s|$)")
_SEPARATOR = re.compile(r"[,;]|\band\b|\bas\s+well\s+as\b")


@rule("meeting.listed_counterparts")
def listed_counterparts(ctx: ReportContext, meetings: list[Meeting]) -> list[Meeting]:
    """meeting.listed_counterparts: "he held talks with PM Modi, President
    Droupadi Murmu, Vice President Jagdeep Dhankhar and Speaker Om Birla":
    each person listed after the one met, joined by commas or "and" with
    nothing but titles between (no verb), is met too, a meeting each."""
    if ctx.persons is None:
        return meetings
    out = list(meetings)
    met = {(p.name, q.name) for m in meetings for p in m.participants for q in m.participants}
    for m in meetings:
        if len(m.participants) != 2 or not all(p.name for p in m.participants):
            continue
        for n, mentions in enumerate(_told_mentions(ctx, m)):
            _add_listed(ctx, m, mentions, met, out, hosts_only=n > 0)
    return out


def _told_mentions(ctx: ReportContext, m: Meeting) -> list[list]:
    """For each sentence that tells the record (a merged record tells its
    encounter in several), the persons it names in order, run on into the
    next sentence where the parser cut a list short ("... the Upper House
    (Rajya Sabha) | Jagdeep Dhankhar and Speaker Om Birla": no stop between).
    Pronouns stand for the visitor ("He held talks with PM Modi, President
    Droupadi Murmu, ..."), never for one listed. The record's own sentence
    comes first."""
    assert ctx.persons is not None
    index = ctx.persons
    out = []
    seen: set[int] = set()
    for span in m.spans or [m.span]:
        sent = ctx.sentence_at(span.start)
        if sent is None or sent.index in seen:
            continue
        seen.add(sent.index)
        told = [sent.index]
        while told[-1] + 1 < len(ctx.sentences) and not _STOP.search(ctx.sentences[told[-1]].text):
            told.append(told[-1] + 1)
        mentions = [x for i in told for x in index.in_sentence(i)]
        out.append(sorted(mentions, key=lambda x: x.start))
    return out


#: how a sentence that ends where its writer ended it ends
_STOP = re.compile(r"[.!?;:]['\"’”)]*\s*$")


def _add_listed(ctx: ReportContext, m: Meeting, mentions: list, met: set, out: list[Meeting],
                hosts_only: bool) -> None:
    """The records of the persons listed after the one `m`'s visitor met;
    `hosts_only` (a sentence merged into the record, which may tell another
    encounter: "to attend a trilateral summit with Yoon and Kishida"): only
    persons of the state of the one met, the hosts told in a list."""
    assert ctx.persons is not None
    index = ctx.persons
    names = [index.persons[x.person].name for x in mentions]
    for visitor, other in (m.participants, m.participants[::-1]):
        named = [i for i, x in enumerate(mentions) if names[i] == other.name and x.how != "pronoun"]
        if not named or visitor.name not in names:
            continue
        k = named[0]
        if names.index(visitor.name) > k:
            continue  # the one met comes after the visitor
        while k + 1 < len(mentions) and _listed(ctx, mentions[k].end, mentions[k + 1].start):
            k += 1
            person = index.persons[mentions[k].person]
            if person.name in (visitor.name, other.name) or (visitor.name, person.name) in met:
                continue
            if person.country is not None and person.country == visitor.country:
                continue
            if hosts_only and person.country != other.country:
                continue
            met.add((visitor.name, person.name))
            out.append(
                _told_like(
                    m,
                    [
                        Participant(visitor.name, visitor.country),
                        Participant(person.name, person.country),
                    ],
                    "meeting.listed_counterparts",
                )
            )


_COUNTERPARTS = re.compile(
    r"\b(?P<who>his|her)\s+(?:[\w-]+\s+){0,2}?counterparts\s*(?:,\s*)?(?:including|namely|such\s+as|:)\s*",
    re.IGNORECASE,
)


@rule("meeting.counterparts_including")
def counterparts_including(ctx: ReportContext, meetings: list[Meeting], trigger) -> list[Meeting]:
    """meeting.counterparts_including: "the Minister had bilateral meetings
    with several of his counterparts, including X, Foreign Minister of A; Y,
    ...": each person of the list after "his counterparts, including" meets
    the one "his" stands for, a meeting each, in a sentence that tells an
    encounter (`trigger`: whether the sentence holds an encounter word)."""
    if ctx.persons is None:
        return meetings
    index = ctx.persons
    out = list(meetings)
    met = {(p.name, q.name) for m in meetings for p in m.participants for q in m.participants}
    for sent in ctx.sentences:
        m = _COUNTERPARTS.search(sent.text)
        if m is None or not trigger(sent):
            continue
        at = sent.start + m.start("who")
        mentions = sorted(index.in_sentence(sent.index), key=lambda x: x.start)
        owner = next((x for x in mentions if x.start == at), None)
        names = [x for x in mentions if x.how == "name" and x.start >= sent.start + m.end()]
        if owner is None or not names:
            continue
        listed = _joined_list(ctx, names)
        owner = _owner_of(owner, listed, [x for x in mentions if x.how == "name" and x.end <= at])
        if owner is None:
            continue
        subject = index.persons[owner.person]
        date = ctx.date_of(sent.text)
        evidence, span = ctx.evidence(sent)
        for x in listed:
            person = index.persons[x.person]
            if person is subject or (subject.name, person.name) in met:
                continue
            if person.country is not None and person.country == subject.country:
                continue
            met.add((subject.name, person.name))
            out.append(
                Meeting(
                    [Participant(subject.name, subject.country), Participant(person.name, person.country)],
                    date,
                    None,
                    None,
                    "meeting",
                    evidence,
                    span,
                    [span],
                ).made_by("meeting.counterparts_including", f"listed after {subject.name}")
            )
    return out


def _owner_of(owner, listed: list, named_before: list):
    """The person "his counterparts" stands for: the pronoun's, unless it was
    read as one of the listed ones; then the named person before it."""
    if not any(x.person == owner.person for x in listed):
        return owner
    return named_before[-1] if named_before else None


def _joined_list(ctx: ReportContext, names: list) -> list:
    """The first of the names and those joined to it in one list."""
    listed = [names[0]]
    for a, b in zip(names, names[1:], strict=False):
        if not _listed(ctx, a.end, b.start):
            break
        listed.append(b)
    return listed


def _listed(ctx: ReportContext, start: int, end: int) -> bool:
    """Whether the text between two persons joins them in one list: a comma,
    semicolon or "and", titles, and no verb."""
    gap = ctx.text[start:end]
    if not gap or len(gap) > _LIST_GAP or not _SEPARATOR.search(gap) or "." in _abbreviations().sub("", gap):
        return False
    span = ctx.doc.char_span(start, end, alignment_mode="contract")
    return span is None or not any(t.pos_ in ("VERB", "AUX") for t in span)


_STATE_LIST_GAP = re.compile(r"^\s*(?:,\s*(?:and\s+)?|and\s+|as\s+well\s+as\s+)(?:the\s+)?$")


def listed_after(ctx: ReportContext, sent, code: str) -> list[str]:
    """The states listed right after the state `code` in the sentence ("to
    Trinidad and Tobago, Costa Rica and Mexico"), joined by commas or "and"."""
    mentions = [x for x in sent.mentions if x.entity.kind == "state"]
    k = next((i for i, x in enumerate(mentions) if x.entity.code == code), None)
    out: list[str] = []
    while k is not None and k + 1 < len(mentions):
        a, b = mentions[k], mentions[k + 1]
        if not _STATE_LIST_GAP.match(ctx.text[a.end : b.start]):
            break
        k += 1
        out.append(b.entity.code)
    return out


#: how many readable sentences from the top the report's lead news may be told in
_LEAD_SENTENCES = 3
#: the fewest words of a lead sentence: shorter lines are credits and photo bylines
_LEAD_MIN_WORDS = 4


@rule("meeting.news_day")
def dated_as_news(ctx: ReportContext, meetings: list[Meeting]) -> list[Meeting]:
    """meeting.news_day: an encounter the report tells as its news and whose
    sentence names no time of its own took place on the report's news day
    (GUIDELINES: "on Monday", "today" resolved against the publication day).
    Two readings:

    - the lead (its first sentences) names a day ("India and China Tuesday
      signed ...", "PUTRAJAYA, July 11 -- ... today held", "visited Ashgabat
      on Nov. 27"): that day is the news day, and every encounter told
      after it with no time of its own, until the report names another day,
      took place on it (how="lead"), even in a visit of several days: the
      lead says which day the report is about;
    - else an encounter the lead itself tells took place on the publication
      day (a dateline's day when there is one), unless the report tells a
      visit of several days (how="publication").

    Visits in passing, anything with a month or year or a past word of its
    own keep no date."""
    # a credit line ("— PID", "Photo: VNA") is no sentence of the lead
    lead = [s for s in ctx.sentences if s.zone not in ("title", "caption")
            and len(s.text.split()) >= _LEAD_MIN_WORDS][:_LEAD_SENTENCES]
    day, told_at = _lead_day(ctx, lead)
    if day is not None:
        until = _another_day(ctx, told_at, day)
        for m in meetings:
            sent = ctx.sentence_at(m.span.start)
            if sent is not None and sent.index < until and _timeless(ctx, m, sent):
                m.date = ResolvedDate(day, "day", "lead")
                m.made_by("meeting.news_day", "date: news_day (the lead's day)")
        return meetings
    if not ctx.published or _news_day_words()[0].search(ctx.text):
        return meetings  # "a six-day official visit": the text does not fix which day
    indices = {s.index for s in lead}
    for m in meetings:
        sent = ctx.sentence_at(m.span.start)
        if sent is not None and sent.index in indices and _timeless(ctx, m, sent):
            m.date = ResolvedDate(ctx.published, "day", "publication")
            m.made_by("meeting.news_day", "date: news_day")
    return meetings


def _timeless(ctx: ReportContext, m: Meeting, sent) -> bool:
    """The record has no date, and its sentence no time of its own ("last
    month", "in 2019", "earlier", "will")."""
    if m.date.value or m.date.precision:
        return False
    return not (ctx.found_dates(sent.text) or _news_day_words()[1].search(sent.text))


def _lead_day(ctx: ReportContext, lead: list) -> tuple[str | None, int]:
    """The day the first lead sentence that names one tells (the dateline's
    when it leads), and the index of that sentence. None when that sentence
    tells no single news day: a past or a future one ("last Monday", "a
    summit set for Monday", "scheduled on Friday"), a range ("from
    March 4 to 6"), the start of a visit of several days ("began a six-day
    visit on Sunday"), or several days ("on Thursday ... on Friday")."""
    for sent in lead:
        text = sent.text
        found = [f for f in ctx.found_dates(text) if f.date.value and f.date.precision == "day"]
        if not found:
            continue
        if _news_day_words()[0].search(text) or len({f.date.value for f in found}) > 1:
            return None, -1
        f = found[0]
        before = text[max(0, f.start - 30) : f.start].lower().split()
        if (_news_day_words()[1].search(text[max(0, f.start - 30) : f.end + 12])
                or any(w in modality.words().modifiers or w == "set" for w in before[-3:])
                or _RANGE_START.search(text[max(0, f.start - 10) : f.start])
                or _RANGE_END.match(text[f.end : f.end + 10])):
            return None, -1
        return f.date.value, sent.index
    return None, -1


#: a day that opens a range ("between July 21 and 25", "from March 4 to 6"): a span, not the news day
_RANGE_START = re.compile(r"\b(?:from|between)\s+$", re.IGNORECASE)
_RANGE_END = re.compile(r"\s*(?:to|and|-|–|until|till)\s*\d", re.IGNORECASE)


def _another_day(ctx: ReportContext, after: int, day: str) -> int:
    """The index of the first body sentence after the lead's that names a
    day other than `day`: there the report's story moves on."""
    for sent in ctx.sentences:
        if sent.index <= after or sent.zone == "caption":
            continue
        if any(f.date.value and f.date.precision == "day" and f.date.value != day
               for f in ctx.found_dates(sent.text)):
            return sent.index
    return len(ctx.sentences)


@lru_cache(maxsize=1)
def _news_day_words() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """ "a six-day visit", "from May 12 to 14" (`number_words`); "last month", "will visit"
    (`not_news_words`): of data/meetings.yaml."""
    data = yaml.safe_load(files("diplograph.data").joinpath("meetings.yaml").read_text("utf-8"))
    numbers = alternatives(data["number_words"])
    several = re.compile(rf"\b(?:{numbers}|\d{{1,2}})[-\s]day\b|\bfrom\s+\w+\s+\d{{1,2}}\s+to\s+\d{{1,2}}\b",
                         re.IGNORECASE)
    # and a future or conditional auxiliary ("will", "would": data/modality.yaml)
    past = data["not_news_words"] + modality.auxiliary_words("future", "conditional")
    return several, re.compile(rf"\b(?:{alternatives(past)})\b", re.IGNORECASE)


def _told_like(m: Meeting, participants: list[Participant], rule_name: str) -> Meeting:
    """A meeting of other participants told in the same words as `m` (a
    list's further counterparts or states): its date, place, occasion, mode
    and evidence; made by `rule_name` from `m`'s rule."""
    told = Meeting(participants, m.date, m.location, m.occasion, m.mode, m.evidence, m.span, list(m.spans))
    return told.made_by(rule_name, f"listed after a {m.rule} record")
