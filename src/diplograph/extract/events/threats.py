"""THREATEN told as what another will suffer: "(Putin) will pay a price,"
Biden said; "any such move will meet with China's firm counterattack," he
said; "they will face consequences".

Why a rule of its own: no verb of the vocabulary threatens here; the threat
is a future clause whose subject is made to suffer a consequence
(data/events/triggers.yaml `consequences`). Its actor is who says so (the
attribution's speaker) or whose the consequence is ("China's
counterattack"); the subject is threatened (recipient), the inverse of the
clause's grammar, as in the deontic requests.
"""

from __future__ import annotations

from spacy.tokens import Token

from diplograph.extract import modality
from diplograph.extract.context import ReportContext, Sentence
from diplograph.extract.events.deontic import attribution_of
from diplograph.extract.events.lemmas import lemma
from diplograph.extract.events.participants import codes_in
from diplograph.extract.events.vocabulary import Vocabulary
from diplograph.extract.rules import declare
from diplograph.extract.syntax import controlled_subject as subject_of
from diplograph.records import Event

RULE = "event.threaten.consequence"
declare(RULE, __doc__.split("\n\n")[0], "data/events/triggers.yaml")


def consequence(tok: Token, vocab: Vocabulary) -> Token | None:
    """The consequence noun a future verb of suffering takes ("will pay a
    price", "will meet with a counterattack"), if any."""
    data = vocab.consequences
    if lemma(tok) not in data["verbs"] or not {"future", "conditional"} & modality.auxiliary_kinds(tok):
        return None
    for c in tok.children:
        if c.dep_ == "dobj":
            heads = [c]
        else:
            heads = [g for g in c.children if g.dep_ == "pobj"] if c.dep_ == "prep" else []
        for noun in heads:
            if lemma(noun) in data["nouns"]:
                return noun
    return None


def consequence_threats(ctx: ReportContext, sent: Sentence, vocab: Vocabulary) -> list[Event]:
    """A THREATEN for each clause telling what its subject will suffer."""
    out: list[Event] = []
    for tok in sent.span:
        if tok.pos_ != "VERB" or any(c.dep_ == "neg" for c in tok.children):
            continue
        noun = consequence(tok, vocab)
        if noun is None:
            continue
        subject, _ = subject_of(tok)
        owner = [c for c in noun.children if c.dep_ == "poss"]
        actor = codes_in(ctx, sent, owner[0]) if owner else []
        said = attribution_of(tok, vocab)
        if not actor and said is not None:
            speaker, _ = subject_of(said)
            actor = codes_in(ctx, sent, speaker) if speaker is not None else []
        recipient = [c for c in codes_in(ctx, sent, subject) if c not in actor] if subject is not None else []
        if not actor:
            continue  # a forecast of no one's
        evidence, span = ctx.evidence(sent)
        out.append(Event("THREATEN", None, actor, recipient, ctx.date_of(sent.text), None, evidence, span,
                         rule=RULE, rules=[RULE]))
    return out
