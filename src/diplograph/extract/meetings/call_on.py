"""meeting.call_on: "The Malaysian leader also called on Vice President
Gibran": a courtesy call on a person (not "called on ASEAN to act": a
request). The verbs are `call_verbs` in `data/meetings.yaml`."""

from __future__ import annotations

from spacy.tokens import Token

from diplograph.actors.resolve import PersonMention
from diplograph.extract.context import ReportContext, Sentence
from diplograph.extract.meetings.draft import split_sides
from diplograph.extract.meetings.vocab import Draft, words
from diplograph.extract.rules import rule
from diplograph.extract.syntax import clause_subjects, persons_in, verb_subject

RULE = "meeting.call_on"


@rule(RULE)
def call_on_drafts(ctx: ReportContext, sent: Sentence, tok: Token, ptoks: dict[int, PersonMention],
                   used_nouns: set[int]) -> list[Draft]:
    """A courtesy call: the subject "called on" a person; a call on someone
    to do something (an infinitive, a clause) is an appeal, no meeting."""
    if any(c.dep_ in ("xcomp", "ccomp") for c in tok.children):
        ctx.veto(RULE, "veto.appeal", sent)
        return []
    b: list[int] = []
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in ("on", "upon"):
            if any(t.dep_ in ("xcomp", "acl", "relcl") and t.pos_ == "VERB" for t in c.subtree):
                ctx.veto(RULE, "veto.appeal", sent)
                return []
            b += persons_in(c, ptoks)
    subj, _ = verb_subject(tok)
    a = clause_subjects(persons_in(subj, ptoks), subj, ptoks, sent.span.start)
    b = [p for p in b if p not in a]
    if not a or not b:
        return []
    return split_sides(ctx, sent, tok, a, b, [], False, words(), RULE)
