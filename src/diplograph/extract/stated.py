"""The persons whose state a report states explicitly, for the store to learn.

Why: a report that says "New Zealand's Foreign Minister X" tells whom X
serves; a later report that names X unqualified, datelined elsewhere, does
not. The store keeps these statements (`store/learned.py`) and the resolver
asks them, through `officials.register_source`, when it meets the name
again. Only what the resolver found in the text itself (`country_how ==
"explicit"`) is kept: a state guessed from knowledge, a dateline or the
home states is never learned, so nothing learned feeds on its own guesses.

The evidence is the first sentence that mentions the person together with
that state (the statement itself), else the first sentence naming them.
"""

from __future__ import annotations

from diplograph.extract.context import ReportContext
from diplograph.records import Person, StatedActor


def stated_actors(ctx: ReportContext, persons: list[Person]) -> list[StatedActor]:
    """One `StatedActor` per person of `persons` (the report's person records)
    whose state the text states; persons the records leave out are not learned."""
    if ctx.persons is None:
        return []
    kept = {(p.name, p.country) for p in persons}
    by_index = {s.index: s for s in ctx.sentences}
    out: list[StatedActor] = []
    for p in ctx.persons.persons:
        if p.country_how != "explicit" or not p.country or (p.name, p.country) not in kept:
            continue
        sent = None
        for m in sorted(p.mentions, key=lambda m: m.start):
            candidate = by_index.get(m.sentence)
            if candidate is not None and any(x.entity.code == p.country for x in candidate.mentions):
                sent = candidate
                break
        sent = sent or by_index.get(p.first_sentence)
        if sent is None:
            continue
        evidence, span = ctx.evidence(sent)
        out.append(StatedActor(p.name, p.country, p.role, evidence, span))
    return out
