"""REQUEST told as what another must do: "South Sudanese authorities should
immediately release journalist X, the Committee to Protect Journalists
said", "Myanmar authorities must release all journalists, CPJ said".

Why a rule of its own: no verb of the vocabulary says "demand" here; the
demand is the modal (`must`, `should`: data/events/triggers.yaml `deontic`)
of a clause an attribution reports. The speaker requests (actor), the
subject of the clause is asked (recipient), and the event is the speaker's:
a report saying that a state "must" do something in its own voice is
commentary, not an event, so the attribution is required; a first-person
subject ("we must act") is a resolve, not a request of another.
"""

from __future__ import annotations

from spacy.tokens import Token

from diplograph.extract.context import ReportContext, Sentence
from diplograph.extract.events.lemmas import lemma
from diplograph.extract.events.participants import codes_in, group_names, is_pronoun
from diplograph.extract.events.vocabulary import Vocabulary
from diplograph.extract.rules import declare
from diplograph.extract.syntax import controlled_subject as subject_of
from diplograph.records import Event

RULE = "event.request.deontic"
declare(RULE, __doc__.split("\n\n")[0], __name__)

#: subjects that ask of themselves, not of another
_FIRST_PERSON = frozenset({"we", "i", "us"})


def attribution_of(tok: Token, vocab: Vocabulary) -> Token | None:
    """The attribution verb reporting this clause: its head ("X said that Y
    must ..."), or an attribution hung on it ("Y must ..., X said")."""
    if tok.dep_ in ("ccomp", "parataxis") and lemma(tok.head) in vocab.attribution:
        return tok.head
    for c in tok.children:
        if c.dep_ in ("parataxis", "ccomp", "advcl") and lemma(c) in vocab.attribution:
            return c
    return None


def deontic_requests(ctx: ReportContext, sent: Sentence, vocab: Vocabulary) -> list[Event]:
    """A REQUEST for each reported clause whose verb is under must/should."""
    out: list[Event] = []
    for tok in sent.span:
        if tok.pos_ != "VERB" or not any(c.dep_ == "aux" and c.lower_ in vocab.deontic for c in tok.children):
            continue
        if any(c.dep_ == "neg" for c in tok.children):
            continue
        said = attribution_of(tok, vocab)
        subject, _ = subject_of(tok)
        if said is None or subject is None or subject.lower_ in _FIRST_PERSON:
            continue
        speaker, _ = subject_of(said)
        if speaker is None or is_pronoun(speaker) and speaker.lower_ in _FIRST_PERSON:
            continue
        actor = codes_in(ctx, sent, speaker) or group_names(sent, speaker, ctx=ctx)
        for c in speaker.children if not actor else ():
            if c.dep_ == "appos":  # "Ahmed Ali, a spokesman for the UN, said"; "..., the Committee ... said"
                actor = actor or codes_in(ctx, sent, c) or group_names(sent, c, ctx=ctx)
        recipient = [c for c in codes_in(ctx, sent, subject) if c not in actor]
        if not recipient:
            continue  # asked of no one a code stands for
        evidence, span = ctx.evidence(sent)
        out.append(Event("REQUEST", None, actor, recipient, ctx.date_of(sent.text), None, evidence, span,
                         rule=RULE, rules=[RULE]))
    return out
