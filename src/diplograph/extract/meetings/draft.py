"""Making drafts: the shared last step of the trigger rules (verb, noun,
call on, visit), from the two sides they found to one draft per pair."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from diplograph.extract.context import ReportContext, Sentence
from diplograph.extract.meetings.place import location, mode_of, occasion_of
from diplograph.extract.meetings.vocab import Draft, MeetingWords, Party, words
from diplograph.extract.syntax import all_persons
from diplograph.records import ResolvedDate


@dataclass
class Sides:
    """What a trigger rule found: the subject side (persons `a`, or states
    `subj_states` where no person is the subject), the object side (persons
    `b`, else states `b_states`), and whether each subject met on their own."""

    a: list[int]
    b: list[int]
    b_states: list[str]
    subj_states: list[str]
    plural: bool


def make_draft(ctx: ReportContext, sent: Sentence, parties: list[Party], kind: str, mode: str,
               date: ResolvedDate, trigger: Token | None = None, rule: str = "") -> Draft:
    """A draft with the sentence's evidence, place and occasion."""
    _, span = ctx.evidence(sent)
    return Draft(parties, kind, mode, sent, date, location(ctx, sent, trigger), occasion_of(sent), [span],
                 trigger, rule)


def country_of_person(ctx: ReportContext, p: int) -> str | None:
    """The state the indexed person serves."""
    assert ctx.persons is not None
    return ctx.persons.persons[p].country


def split_sides(ctx: ReportContext, sent: Sentence, tok: Token, a: list[int], b: list[int],
                b_states: list[str], plural: bool, vocab: MeetingWords, rule: str) -> list[Draft]:
    """One draft per object person (or per state where no person is named);
    subjects together, or one each with a plural trigger ("held meetings")."""
    mode = mode_of(sent, tok, vocab)
    date = ResolvedDate(None)
    out = []
    if not b and not b_states:
        if len(a) >= 2:
            out.append(make_draft(ctx, sent, [("person", p) for p in a], "named", mode, date, tok, rule))
        return out
    subjects = [[p] for p in a] if plural and len(a) > 1 else [a]
    others: list[Party] = [("person", p) for p in b] if b else [("state", s) for s in b_states]
    for group in subjects:
        for other in others:
            parties: list[Party] = [("person", p) for p in group] + [other]
            if len(parties) < 2:
                continue
            kind = "named" if other[0] == "person" else "partial"
            out.append(make_draft(ctx, sent, parties, kind, mode, date, tok, rule))
    return out


def sides_to_drafts(ctx: ReportContext, sent: Sentence, tok: Token, ptoks: dict, sides: Sides,
                    rule: str) -> list[Draft]:
    """The drafts of a verb's or noun's sides. States as the subject where
    no person is ("Vietnam and Laos held talks", "China held talks with the
    US"); two persons and one subject ("PM Chinh chaired ... bilateral talks
    ... in honour of PM Ishiba"): the other person is the object."""
    vocab = words()
    a, b = sides.a, sides.b
    if not a and sides.subj_states:
        others: list[Party] = [("person", p) for p in b] or [
            ("state", x) for x in sides.b_states if x not in sides.subj_states
        ]
        parties: list[Party] = [("state", x) for x in sides.subj_states] + others
        if len(parties) < 2:
            return []
        kind = "states" if all(k == "state" for k, _ in parties) else "partial"
        mode = mode_of(sent, tok, vocab)
        return [make_draft(ctx, sent, parties, kind, mode, ResolvedDate(None), tok, rule)]
    if not b and sides.b_states and len(a) == 2:
        # "A meeting between Japanese PM X and Australian PM Y took place", "X, meeting Australian PM Y,
        # said": the subject's phrase holds both persons, and the states named are theirs
        theirs = {country_of_person(ctx, p) for p in a}
        if len(theirs) == 2 and set(sides.b_states) <= theirs:
            sides = Sides(a, b, [], sides.subj_states, sides.plural)
    if not b and not sides.b_states and len(a) < 2:
        others_named = [p for p in all_persons(ptoks) if p not in a]
        if len(a) == 1 and len(others_named) == 1:
            b = others_named
    return split_sides(ctx, sent, tok, a, b, sides.b_states, sides.plural, vocab, rule)
