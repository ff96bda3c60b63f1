"""The one vocabulary of "the two sides" (`data/sides.yaml` `two_sides`),
read by meetings, documents and events.

Why one list: "the two sides agreed", "both leaders", "both countries" used
to be listed three times (meetings, documents, events), with drifting
words. Each stage still decides what the phrase does (a meeting is of
persons, so its subjects are the person nouns and "sides"; a document's
proposal made by both sides is no one side's wish; an event's subject "the
two sides" stands for both actors); the words are here.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from diplograph.actors.knowledge import load_yaml


@dataclass(frozen=True)
class TwoSides:
    together: tuple[str, ...]  # "the two", "both"
    persons: tuple[str, ...]  # "leaders", "prime ministers"
    states: tuple[str, ...]  # "sides", "countries"
    plural: tuple[str, ...]  # "the leaders"
    bare: tuple[str, ...]  # "both"

    def phrases(self, persons: bool = True, states: bool = True) -> list[str]:
        """Every "the two"/"both" + party noun, with "the" ("the two sides", "both leaders")."""
        nouns = (self.persons if persons else ()) + (self.states if states else ())
        return [f"{t} {n}" for n in nouns for t in self.together]

    def meeting_subjects(self) -> list[str]:
        """The subjects that report two persons meeting: the person nouns and
        "sides" ("the two leaders", "both sides"), and the plurals alone."""
        return [f"{t} {n}" for n in (*self.persons, "sides") for t in self.together] + list(self.plural)

    def heads(self) -> frozenset[str]:
        """The head words of such subjects ("sides", "ministers", "both")."""
        return frozenset(n.split()[-1] for n in self.persons + self.states) | frozenset(self.bare)


@lru_cache(maxsize=1)
def two_sides() -> TwoSides:
    d = load_yaml("sides.yaml")["two_sides"]
    return TwoSides(*(tuple(d[k]) for k in ("together", "persons", "states", "plural", "bare")))
