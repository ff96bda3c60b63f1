"""The meetings' vocabulary (`data/meetings.yaml`) and their draft record."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.tokens import Token

from diplograph.actors.knowledge import load_yaml
from diplograph.extract.context import Sentence
from diplograph.extract.phrases import alternatives
from diplograph.extract.sides import two_sides
from diplograph.records import ResolvedDate, Span


@dataclass(frozen=True)
class MeetingWords:
    verbs: frozenset[str]
    nouns: frozenset[str]
    call_nouns: frozenset[str]
    topic_verbs: frozenset[str]
    joint_nouns: frozenset[str]
    light_verbs: frozenset[str]
    visit_words: frozenset[str]
    phone_words: frozenset[str]
    sent_things: frozenset[str]
    occasion_heads: frozenset[str]
    return_verbs: frozenset[str]
    two_sides: re.Pattern[str]
    gathering: re.Pattern[str]
    gathering_future: re.Pattern[str]
    joint_verbs: frozenset[str]
    representatives: frozenset[str]
    talk_verbs: frozenset[str]
    decision_verbs: frozenset[str]
    call_verbs: frozenset[str]
    separate_words: frozenset[str]
    separately_words: frozenset[str]
    attend_verbs: frozenset[str]
    paying_verbs: frozenset[str]
    visit_motion_verbs: frozenset[str]
    hosting_words: frozenset[str]
    visit_nouns: frozenset[str]
    host_verbs: frozenset[str]
    member_nouns: frozenset[str]
    occasion: re.Pattern[str]
    gathering_noun: re.Pattern[str]
    venue: re.Pattern[str]
    elsewhen: re.Pattern[str]
    prospective_lead: re.Pattern[str]
    future_time: re.Pattern[str]


def _alternatives(phrases: list[str]) -> str:
    """The phrases as a regex alternation, in the data's order."""
    return alternatives(phrases, longest_first=False)


@lru_cache(maxsize=1)
def words() -> MeetingWords:
    data = load_yaml("meetings.yaml")
    sides = "|".join(re.escape(s) for s in sorted(two_sides().meeting_subjects(), key=len, reverse=True))
    gatherings = "|".join(re.escape(g) for g in sorted(data["named_gatherings"], key=len, reverse=True))
    future = "|".join(re.escape(g) for g in sorted(data["gathering_future"], key=len, reverse=True))
    return MeetingWords(
        verbs=frozenset(data["verbs"]),
        nouns=frozenset(data["nouns"]),
        call_nouns=frozenset(data["call_nouns"]),
        topic_verbs=frozenset(data["topic_verbs"]),
        joint_nouns=frozenset(data["joint_nouns"]),
        light_verbs=frozenset(data["light_verbs"]),
        visit_words=frozenset(data["visit_words"]),
        phone_words=frozenset(data["phone_words"]),
        sent_things=frozenset(data["sent_things"]),
        occasion_heads=frozenset(data["occasion_heads"]),
        return_verbs=frozenset(data["return_verbs"]),
        two_sides=re.compile(rf"(?i)(?:^|[,;:]\s*|\b(?:and|but|as|when|while)\s+)({sides})\b"),
        gathering=re.compile(rf"\s*(?:{gatherings})\b"),
        joint_verbs=frozenset(data["joint_verbs"]),
        representatives=frozenset(data["representatives"]),
        talk_verbs=frozenset(data["talk_verbs"]),
        decision_verbs=frozenset(data["decision_verbs"]),
        call_verbs=frozenset(data["call_verbs"]),
        separate_words=frozenset(data["separate_words"]),
        separately_words=frozenset(data["separately_words"]),
        attend_verbs=frozenset(data["attend_verbs"]),
        paying_verbs=frozenset(data["paying_verbs"]),
        visit_motion_verbs=frozenset(data["visit_motion_verbs"]),
        hosting_words=frozenset(data["hosting_words"]),
        visit_nouns=frozenset(data["visit_nouns"]),
        host_verbs=frozenset(data["host_verbs"]),
        member_nouns=frozenset(data["member_nouns"]),
        occasion=re.compile(
            rf"\b(?:{_alternatives(data['occasion_leads'])})\s+"
            r"(?:the\s+)?((?:\d+(?:st|nd|rd|th)\s+|first\s+|second\s+|third\s+)?(?:[A-Z0-9][\w’'–-]*\s+){0,6}?"
            rf"(?:{_alternatives(data['occasion_nouns'])})s?"
            r"(?:\s+and\s+[Rr]elated\s+[Ss]ummits)?)"
        ),
        gathering_noun=re.compile(rf"\s+(?:(?:{_alternatives(data['gathering_owners'])})[’']?\s+)?"
                                  rf"(?:{_alternatives(data['gathering_nouns'])})s?\b"),
        venue=re.compile(rf"(?i){_alternatives(data['venue_words'])}"),
        elsewhen=re.compile(rf"(?i)\b(?:{_alternatives(data['elsewhen_words'])})\b"),
        prospective_lead=re.compile(rf"(?i)\b(?:{alternatives(data['prospective_leads'])})"
                                    r"\s+(?:(?:the|a|an|their|his|her|its|this|these)\s+)?(?:[\w-]+\s+){0,3}$"),
        future_time=re.compile(rf"(?i)\b(?:{alternatives(data['future_times'])})\b"),
        gathering_future=re.compile(rf"(?i)\b(?:{future})\s+(?:the\s+|their\s+|its\s+)?(?:\w+\s+){{0,2}}$"),
    )


# --------------------------------------------------------------------------- candidates

#: A participant inside the extractor: a person (index) or a state/body code.
Party = tuple[str, int | str]  # ("person", index) | ("state", code)


@dataclass
class Draft:
    """A meeting found in one sentence, before merging."""

    parties: list[Party]
    kind: str  # named | partial | states | gathering | visit | joint (how merging treats it)
    mode: str
    sentence: Sentence
    date: ResolvedDate
    location: str | None = None
    occasion: str | None = None
    spans: list[Span] = field(default_factory=list)
    trigger: Token | None = None  # the word that reports the encounter ("met", "talks", "visit")
    rule: str = ""  # the registered rule that found it ("meeting.verb"): the record's `rule`
    rules: list[str] = field(default_factory=list)  # every rule merged in, `rule` first
    trace: list[str] = field(default_factory=list)  # dating and merging steps, in order
    tour: bool = False  # a visit told with other states' ("visits to Russia, Norway and Sweden")

    def __post_init__(self) -> None:
        if self.rule and not self.rules:
            self.rules.append(self.rule)

    def persons(self) -> set[int]:
        return {int(v) for k, v in self.parties if k == "person"}

