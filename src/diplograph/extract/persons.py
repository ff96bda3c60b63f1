"""Persons records: one per person per report, from the resolved actors.

Why so thin: finding names, roles, countries and short forms is the actors
stage's job (`actors/resolve.py`), because meetings and events need the same
resolution. This module only turns each resolved person into the contract's
record, with the first sentence that names them as evidence.
"""

from __future__ import annotations

from diplograph.extract.context import ReportContext
from diplograph.records import Person


def find_persons(ctx: ReportContext) -> list[Person]:
    out: list[Person] = []
    if ctx.persons is None:
        return out
    by_index = {s.index: s for s in ctx.sentences}
    for p in ctx.persons.persons:
        sent = by_index.get(p.first_sentence)
        if sent is None:
            continue
        evidence, span = ctx.evidence(sent)
        out.append(Person(p.name, p.country, p.role, evidence, span, aliases=list(p.aliases)))
    return out
