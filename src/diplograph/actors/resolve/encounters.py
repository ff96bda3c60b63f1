"""The evidence steps: what the report says a person's state is NOT, and
whom they met and which states they visit, for the state steps after them
(states.py: person.host_side, person.partner, person.home).

Why negative evidence: news rarely qualifies its own officials ("Prime
Minister Pham Minh Chinh" in a Vietnamese report), but it says who visits
whom and who met whom; a visitor is not of the state visited, and the two
sides of an encounter are not of one state. Each step reads every sentence
and only adds to `Evidence` (sets), so their order does not matter; they
run after the explicit steps (whose states they read) and before the
guesses.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING

from diplograph.actors.knowledge import knowledge, load_yaml
from diplograph.actors.resolve.index import PersonIndex, PersonMention, ResolvedPerson
from diplograph.actors.resolve.vocabulary import (
    JOINED,
    JOINED_TITLE,
    VISITING,
    counterpart_joined,
    cues,
    encounter_words,
    nominal_pattern,
)

if TYPE_CHECKING:
    from diplograph.extract.context import ReportContext, Sentence

#: "Prime Ministers A and Peru's B": "and" then a state's possessive
POSSESSIVE_JOIN = re.compile(r"\s*(?:,\s*)?and\s+[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?(?:’s|'s)\s+")
#: "his Lao counterpart": the possessive right before a demonym
HIS_HER = re.compile(r"\b(?:his|her)\s+$")


@dataclass
class Evidence:
    """What the evidence steps found, per person (index into PersonIndex.persons)."""

    persons: list[ResolvedPerson]
    excluded: dict[int, set[str]] = field(default_factory=dict)  # states a person is not of
    visited: dict[int, set[str]] = field(default_factory=dict)  # visitor -> the states they visit
    together: dict[int, set[int]] = field(default_factory=dict)  # persons who met

    def __post_init__(self) -> None:
        self.excluded = {n: set() for n in range(len(self.persons))}
        self.together = {n: set() for n in range(len(self.persons))}

    def exclude(self, n: int, code: str, step: str) -> None:
        self.excluded[n].add(code)
        self.persons[n].touched(step, f"{step}: not {code}")

    def visit(self, n: int, code: str, step: str) -> None:
        self.exclude(n, code, step)
        self.visited.setdefault(n, set()).add(code)


def _between(sent: Sentence, a: PersonMention, b: PersonMention) -> str:
    return sent.text[a.end - sent.start : b.start - sent.start]


def _after(sent: Sentence, m: PersonMention, n: int) -> str:
    return sent.text[m.end - sent.start : m.end - sent.start + n]


def encounter_pairs(sent: Sentence,
                    mentions: list[PersonMention]) -> list[tuple[PersonMention, PersonMention]]:
    """The two sides of an encounter: "X and Y co-chaired", and the
    sentence's first person with each later one an encounter word right
    before leads to ("X held talks with Y ... and met Z"); "Yoon met with
    Prime Minister Chinh and National Assembly Chairman Hue": both are met.
    A first name right before a verb of reporting ("X said the talks with Y
    ...") reports the encounter: the sentence's first person is the next one."""
    c = cues()
    if mentions and mentions[0].how == "name" and c.reporting.match(_after(sent, mentions[0], 30)):
        mentions = mentions[1:]  # "Press Secretary X said the meeting included A, B": X reports, did not meet
    adjacent = list(zip(mentions, mentions[1:], strict=False))
    pairs = [(a, b) for a, b in adjacent
             if JOINED.fullmatch(_between(sent, a, b)) and c.joint_act.match(_after(sent, b, 40))]
    if not mentions:
        return pairs
    met = [b for a, b in adjacent
           if encounter_words().search(_between(sent, a, b)) and not reporter(sent, a, b)]
    for a, b in adjacent:
        between = _between(sent, a, b)
        joined = JOINED.fullmatch(between) or JOINED_TITLE.fullmatch(between)
        if a in met and b not in met and joined and not c.one_side.match(_after(sent, b, 160)):
            met.append(b)
    return pairs + [(mentions[0], b) for b in met]


def reporter(sent: Sentence, a: PersonMention, b: PersonMention) -> bool:
    """ "Yoon and Li met in Seoul to boost trade, National Security Adviser Kim
    said": a name after a comma, right before a verb of reporting, is the
    source of the account, not a side of the encounter before it."""
    return "," in _between(sent, a, b) and cues().reporting.match(_after(sent, b, 30)) is not None


def _exclude_explicit(ev: Evidence, apart: set[tuple[int, int]], step: str) -> None:
    """Persons written apart are not of each other's explicit state."""
    persons = ev.persons
    for p, q in apart | {(q, p) for p, q in apart}:
        if p != q and persons[q].country and persons[q].country_how == "explicit":
            ev.exclude(p, persons[q].country, step)


def encounters(ctx: ReportContext, index: PersonIndex, ev: Evidence) -> None:
    """person.encounter: the two sides of an encounter ("X held talks with
    Y") met, and neither is of the other's explicit state."""
    for sent in ctx.sentences:
        pairs = encounter_pairs(sent, index.in_sentence(sent.index))
        for a, b in pairs:
            if a.person != b.person:
                ev.together[a.person].add(b.person)
                ev.together[b.person].add(a.person)
        _exclude_explicit(ev, {(a.person, b.person) for a, b in pairs}, "person.encounter")


def coordinations(ctx: ReportContext, index: PersonIndex, ev: Evidence) -> None:
    """person.coordination: "X and Japanese PM Y witnessed the signing": X is
    not Japanese; "X and his counterpart Y" are the two sides of one act.
    Only persons written side by side count, unless they act together on a
    third ("Chinese Premier Li Qiang and Zhao Leji met with Prabowo": one
    side). "X met Y, and invited Z" says nothing of Y and Z."""
    one_side = cues().one_side
    for sent in ctx.sentences:
        mentions = index.in_sentence(sent.index)
        adjacent = list(zip(mentions, mentions[1:], strict=False))
        # "King X and Queen Y of Lesotho": a state written after the pair is both's, not Y's alone
        apart = {(a.person, b.person) for a, b in adjacent
                 if JOINED.fullmatch(_between(sent, a, b)) and not one_side.match(_after(sent, b, 160))
                 and index.persons[b.person].rule != "person.postposed_state"}
        # "Agriculture Minister X and his counterpart Mr Y signed ...": the two sides, whatever follows
        names = index.names_in(sent.index)
        sides = {(a.person, b.person) for a, b in zip(names, names[1:], strict=False)
                 if a.person != b.person and counterpart_joined().fullmatch(_between(sent, a, b))}
        for p, q in sides:
            ev.together[p].add(q)
            ev.together[q].add(p)
        _exclude_explicit(ev, apart | sides, "person.coordination")


def role_state(persons: list[ResolvedPerson], who: str | None, noun: str) -> str | None:
    """ "the Sultan", "the Crown Prince": the state of the one person with
    that role whose state the text gives ("Phuc met the Sultan": Phuc is
    not of the Sultan's state)."""
    if who:
        return None
    role = noun.lower()
    holders = {p.country for p in persons if (p.role or "").lower() == role and p.country_how == "explicit"}
    return holders.pop() if len(holders) == 1 else None


def nominal_state(who: str | None) -> str | None:
    """The state of a nominal's qualifier ("Egyptian", "Japanese Prime"), if any."""
    if not who or not who[0].isupper():
        return None
    kb = knowledge()
    entity = kb.lookup(who) or kb.lookup(who.split(" ", 1)[0])
    return entity.code if entity is not None and entity.kind == "state" else None


def nominal_encounters(ctx: ReportContext, index: PersonIndex, ev: Evidence) -> None:
    """person.nominal_encounter: "X hosted a banquet for the Egyptian
    leader": X is not Egyptian; "the Vietnamese leader met Liberal Party
    leader Peter Dutton": nor is the one after."""
    step = "person.nominal_encounter"
    for sent in ctx.sentences:
        names = index.names_in(sent.index)
        text = sent.text
        for nominal in nominal_pattern().finditer(text):
            who = nominal.group("who")
            entity = nominal_state(who) or role_state(ev.persons, who, nominal.group("noun"))
            if entity is None:
                continue
            start = sent.start + nominal.start()
            # the nearest person before, on the other side of an encounter word
            host = max((m for m in names if m.end <= start), key=lambda m: m.end, default=None)
            between = text[host.end - sent.start : nominal.start()] if host else ""
            if host is not None and len(between) < 80 and encounter_words().search(between):
                ev.exclude(host.person, entity, step)
            guest = min((m for m in names if m.start >= sent.start + nominal.end()),
                        key=lambda m: m.start, default=None)
            between = text[nominal.end() : guest.start - sent.start] if guest else ""
            if guest is not None and len(between) < 80 and encounter_words().search(between):
                ev.exclude(guest.person, entity, step)


class _Relatives:
    """The relative clauses of a sentence, found only when asked (one pass over its tokens)."""

    def __init__(self, sent: Sentence) -> None:
        self.sent = sent
        self.spans: list[tuple[int, int]] | None = None

    def holds(self, start: int) -> bool:
        if self.spans is None:
            self.spans = [(t.left_edge.idx, t.right_edge.idx + len(t.right_edge)) for t in self.sent.span
                          if t.dep_ == "relcl"]
        return any(a <= start < b for a, b in self.spans)


def _own_mentions(sent: Sentence, mentions: list[PersonMention]) -> list[PersonMention]:
    """The mentions strong enough to say where a person goes: a pronoun from
    another sentence is too weak, and one in a relative clause is the
    clause's antecedent's ("Y, who said ... during his visit to Vietnam": Y's)."""
    relatives = _Relatives(sent)
    return [m for m in mentions
            if not (m.how == "pronoun" or (m.how.startswith("pronoun") and relatives.holds(m.start)))]


def visits(ctx: ReportContext, index: PersonIndex, ev: Evidence) -> None:
    """person.visit: "Ishiba's official visit to Viet Nam", "concluding his
    three-day visit to Viet Nam": the person visits that state, and is not of it."""
    pattern = cues().visits
    for sent in ctx.sentences:
        for m in _own_mentions(sent, index.in_sentence(sent.index)):
            visit = pattern.match(_after(sent, m, 90))
            if not visit:
                continue
            rest_start = m.end + visit.end()
            for mention in sent.mentions:
                if 0 <= mention.start - rest_start <= 12 and mention.entity.kind == "state":
                    ev.visit(m.person, mention.entity.code, "person.visit")


def visiting(ctx: ReportContext, index: PersonIndex, ev: Evidence) -> None:
    """person.visiting: "the visiting Prime Minister X" is not of the report's first home state."""
    if not index.home:
        return
    for sent in ctx.sentences:
        for m in _own_mentions(sent, index.in_sentence(sent.index)):
            before = sent.text[max(0, m.start - sent.start - 60) : m.start - sent.start]
            if VISITING.search(before):
                ev.exclude(m.person, index.home[0], "person.visiting")


def arrivals_in(sent: Sentence, mentions: list[PersonMention]) -> list[tuple[int, str]]:
    """(person, state) for each arrival the parse shows in the sentence: the
    verb "arrive" whose subject (or, for "who arrived" / "upon arriving", the
    noun or clause it hangs on) is a person, and whose own words name a state
    or a capital."""
    out = []
    for token, lower, _pos in sent.tagged():
        if lower not in cues().arrive:
            continue
        first, last = token.idx, token.right_edge.idx + len(token.right_edge)
        place = next((m for m in sent.mentions if m.entity.kind == "state" and first < m.start < last), None)
        if place is None:
            continue
        for head in _arrival_subjects(token):
            for m in mentions:  # the subject's word is in the name, or the name in the subject's phrase
                inside = head.left_edge.idx <= m.start and m.end <= head.idx + len(head)
                if m.start <= head.idx < m.end or inside:
                    out.append((m.person, place.entity.code))
                    break
    return out


def _arrival_subjects(token) -> list:
    """Who arrives: "upon arriving in Vientiane, the leader paid": the
    governing clause's subject (but "X welcomed delegates as they arrived":
    the arriving clause has its own); "Marcos, who arrived in Hanoi": the noun."""
    verb = token
    while (verb.dep_ in ("advcl", "pcomp", "pobj", "prep", "xcomp") and verb.head is not verb
           and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)):
        verb = verb.head
    if verb.dep_ == "relcl":
        heads = [verb.head]
    else:
        heads = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    return heads + [c for h in heads for c in h.conjuncts]


def arrivals(ctx: ReportContext, index: PersonIndex, ev: Evidence) -> None:
    """person.arrival: "X, who arrived in Hanoi on Monday night for a state
    visit", "upon arriving in Vientiane, X paid a courtesy call": X visits that state."""
    for sent in ctx.sentences:
        for p, code in arrivals_in(sent, index.in_sentence(sent.index)):
            ev.visit(p, code, "person.arrival")


def counterpart_demonyms(ctx: ReportContext, index: PersonIndex, ev: Evidence) -> None:
    """person.counterpart_demonym: "X met his Lao counterpart Y": X (the
    owner of "his", else the sentence's first person) is not Lao."""
    for sent in ctx.sentences:
        mentions = index.in_sentence(sent.index)
        text = sent.text
        for mention in sent.mentions:
            tail = text[mention.end - sent.start : mention.end - sent.start + 14].lower()
            head = text[max(0, mention.start - sent.start - 5) : mention.start - sent.start].lower()
            if not (tail.lstrip().startswith("counterpart") and HIS_HER.search(head)):
                continue
            owner = [m for m in mentions if m.end <= mention.start and m.start >= mention.start - 5]
            first = owner[0] if owner else min(mentions, key=lambda m: m.start, default=None)
            if first is not None and first.start < mention.start:
                ev.exclude(first.person, mention.entity.code, "person.counterpart_demonym")


@lru_cache(maxsize=1)
def counterpart_titles() -> re.Pattern[str]:
    """A plural title of the offices each state has one of, right before a
    name ("Prime Ministers ", "former Presidents "; data/resolve.yaml
    counterpart_plurals), with the word before it."""
    plurals = load_yaml("resolve.yaml")["counterpart_plurals"]
    titles = "|".join(re.escape(t).replace(r"\ ", r"\s+") for t in plurals)
    return re.compile(rf"(?:(?P<before>[\w’'.-]+)\s+)?(?:former\s+|then\s+|then-)?(?i:{titles})\s+$")


@lru_cache(maxsize=1)
def plural_ranks() -> frozenset[str]:
    """data/resolve.yaml plural_rank_words: "Deputy Prime Ministers", "two presidents"."""
    return frozenset(load_yaml("resolve.yaml")["plural_rank_words"])


def plural_counterparts(ctx: ReportContext, index: PersonIndex, ev: Evidence) -> None:
    """person.plural_title: "Prime Ministers A and B", "former Presidents A
    and B": one office each state has one of, written once for two names, is
    two states' holders: the two are the two sides. Not where a state or a
    rank comes before it ("Malaysian Presidents", "Deputy Prime Ministers",
    "the two deputy prime ministers": one state's)."""
    pattern = counterpart_titles()
    ranks = plural_ranks()
    for sent in ctx.sentences:
        names = index.names_in(sent.index)
        for a, b in zip(names, names[1:], strict=False):
            between = _between(sent, a, b)
            if a.person == b.person or not (JOINED.fullmatch(between) or POSSESSIVE_JOIN.fullmatch(between)):
                continue
            base = max(sent.start, a.start - 60)
            found = pattern.search(ctx.text[base : a.start])
            before = (found.group("before") or "").lower() if found else ""
            if found is None or before in ranks or any(
                    m.end > base + found.start() and m.start < a.start for m in sent.mentions):
                continue  # "Malaysian Presidents A and B", "Malaysia's Presidents": one state's
            ev.together[a.person].add(b.person)
            ev.together[b.person].add(a.person)
            _exclude_explicit(ev, {(a.person, b.person)}, "person.plural_title")


#: the evidence steps in their order (any order gives the same evidence)
EVIDENCE_STEPS = (
    ("person.encounter", encounters),
    ("person.nominal_encounter", nominal_encounters),
    ("person.coordination", coordinations),
    ("person.visit", visits),
    ("person.visiting", visiting),
    ("person.arrival", arrivals),
    ("person.counterpart_demonym", counterpart_demonyms),
    ("person.plural_title", plural_counterparts),
)
