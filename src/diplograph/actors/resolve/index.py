"""What the resolver makes: the persons of one report, their mentions, and
the candidates the finding rules propose before coreference ties them.

Provenance (issue 13): a person keeps `found_by` (the finding rule of its
first, longest name), `rule` (the step that gave its state), `steps` (every
step that touched it, in order) and `trace` (what each step did), which
extract/persons.py copies into the Person record for `--explain`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from diplograph.actors.resolve.words import Word


@dataclass
class PersonMention:
    start: int
    end: int
    person: int  # index into PersonIndex.persons
    sentence: int
    how: str  # name | pronoun | pronoun-local | nominal


@dataclass
class ResolvedPerson:
    name: str
    role: str | None
    country: str | None
    country_how: str  # explicit | knowledge | inferred | home | unknown
    first_sentence: int
    first_start: int
    aliases: list[str] = field(default_factory=list)
    tokens: tuple[str, ...] = ()  # folded name words (no honorifics)
    mentions: list[PersonMention] = field(default_factory=list)
    #: the state is written before the title or as a counterpart's demonym ("Vietnamese President",
    #: "his Thai counterpart"), as news marks foreign officials; not "President of Viet Nam"
    marked: bool = False
    #: the state the finding rules read beside a name, set as the state by person.explicit
    stated: str | None = None
    found_by: str | None = None  # the finding rule of the first name: person.title, person.entity, ...
    rule: str | None = None  # the step that gave the state
    steps: list[str] = field(default_factory=list)  # every step that touched the person, in order
    trace: list[str] = field(default_factory=list)

    def give(self, country: str, how: str, step: str) -> None:
        """Set the state, as `how` (country_how), by the step named `step`."""
        self.country, self.country_how, self.rule = country, how, step
        self.touched(step, f"{step}: {country}")

    def touched(self, step: str, note: str | None = None) -> None:
        if step not in self.steps:
            self.steps.append(step)
        if note and note not in self.trace:
            self.trace.append(note)


@dataclass
class PersonIndex:
    """The persons of one report and where each is mentioned."""

    persons: list[ResolvedPerson]
    by_sentence: dict[int, list[PersonMention]]
    home: list[str]  # candidate home states, most likely first
    visitors: set[int] = field(default_factory=set)  # persons the report says visit a state

    def in_sentence(self, index: int) -> list[PersonMention]:
        return self.by_sentence.get(index, [])

    def at(self, start: int, end: int) -> ResolvedPerson | None:
        for mentions in self.by_sentence.values():
            for m in mentions:
                if m.start < end and start < m.end:
                    return self.persons[m.person]
        return None

    def names_in(self, index: int) -> list[PersonMention]:
        """The sentence's mentions by name (not pronouns or nominals), in order."""
        return [m for m in self.in_sentence(index) if m.how == "name"]


@dataclass
class Candidate:
    """A name a finding rule proposes, with what the words around it say."""

    name_words: list[Word]
    role: str | None
    country: str | None
    sentence: int
    how: str  # the finding rule's short name: title | counterpart | entity | known | subject
    alias: str | None = None
    marked: bool = False  # see ResolvedPerson.marked

    @property
    def start(self) -> int:
        return self.name_words[0].start

    @property
    def end(self) -> int:
        return self.name_words[-1].end

    @property
    def rule(self) -> str:
        return FINDING_RULES[self.how]


#: Candidate.how -> the finding rule's registered name
FINDING_RULES = {"title": "person.title", "counterpart": "person.counterpart_name", "entity": "person.entity",
                 "known": "person.known_name", "subject": "person.subject", "apposed": "person.apposed_title"}
