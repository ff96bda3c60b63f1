"""CONSULT told as a noun whose own phrase names both sides: "talks between
Israel and the Palestinians", "a telephone conversation was held between the
foreign ministers of Azerbaijan and Iran", "the first phone call of Pompeo
with Lavrov", "Russia's talks with Japan".

Why a rule of its own: no verb of the vocabulary meets here, and the
meetings extractor wants a named person on each side; the codebook codes
the encounter itself, one event with both sides as actors and no recipient.
The nouns and the prepositions that name the sides are data
(data/events/triggers.yaml `encounters`). A noun names an encounter only
with two or more sides in its own phrase ("the meeting in Beijing drew
criticism" is none); one under a negation, a condition or a future is
marked so (`status`), a planned meeting being AGREE by the codebook.
"""

from __future__ import annotations

from spacy.tokens import Token

from diplograph.extract.context import ReportContext, Sentence
from diplograph.extract.events.clauses import Clause, status
from diplograph.extract.events.lemmas import lemma
from diplograph.extract.events.participants import codes_in, group_names
from diplograph.extract.events.vocabulary import Sense, Vocabulary
from diplograph.extract.rules import declare
from diplograph.plover import contexts
from diplograph.records import Event

RULE = "event.consult.encounter"
declare(RULE, __doc__.split("\n\n")[0], "data/events/triggers.yaml")


def _side_phrases(noun: Token, preps: frozenset[str]) -> list[Token]:
    """The noun's possessor and state adjectives, the side prepositions of
    its phrase ("the first phone call of Pompeo as US Secretary of State with
    Lavrov": the parser hangs "with" lower), not inside a clause of its own;
    and those of the verb it is the subject of ("Talks are under way between
    ...", "talks were held between ...")."""
    found = [c for c in noun.children if c.dep_ in ("poss", "amod", "compound")]
    stack = list(noun.children)
    while stack:
        cur = stack.pop()
        if cur.pos_ in ("VERB", "AUX") or cur.dep_ in ("relcl", "acl", "appos", "advcl"):
            continue
        if cur.dep_ == "prep" and cur.lower_ in preps:
            found.append(cur)
        stack.extend(cur.children)
    if noun.dep_ in ("nsubj", "nsubjpass") and noun.head.pos_ in ("VERB", "AUX"):
        found += [c for c in noun.head.children if c.dep_ == "prep" and c.lower_ in ("between", "among")]
    return found


def _sides(ctx: ReportContext, sent: Sentence, noun: Token, preps: frozenset[str]) -> list[str]:
    """The states, bodies and named groups the noun's side phrases name."""
    out: list[str] = []
    for c in _side_phrases(noun, preps):
        for code in codes_in(ctx, sent, c) + group_names(sent, c, ctx=ctx):
            if code not in out:
                out.append(code)
    return out


def _light(noun: Token) -> Token | None:
    """The verb the noun is the subject or object of ("talks were held",
    "began talks"), whose auxiliaries and negation tell its status."""
    head = noun.head
    if noun.dep_ in ("nsubj", "nsubjpass", "dobj", "attr") and head.pos_ == "VERB":
        return head
    return None


def encounter_events(ctx: ReportContext, sent: Sentence, vocab: Vocabulary) -> list[Event]:
    """A CONSULT for each encounter noun whose phrase names two sides or more."""
    data = vocab.encounters
    if not data:
        return []
    out: list[Event] = []
    for tok, _, pos in sent.tagged():
        if pos != "NOUN" or lemma(tok) not in data["nouns"] or tok.dep_ == "compound":
            continue
        sides = _sides(ctx, sent, tok, data["prepositions"])
        if len(sides) < 2:
            continue
        sense = Sense(lemma(tok), "CONSULT", None, frozenset(), frozenset(), frozenset())
        clause = Clause(tok, sense, "CONSULT", None, None)
        status(clause, _light(tok), vocab)
        words = {lemma(c) for c in tok.children} | {lemma(tok)}
        mode = "phone" if clause.kind == "CONSULT" and words & data["phone"] else None
        evidence, span = ctx.evidence(sent)
        out.append(Event(clause.kind, mode, sides, [], ctx.date_of(sent.text), None, evidence, span,
                         context=contexts(sent.text) + clause.context, negated=clause.negated,
                         hypothetical=clause.hypothetical, rule=RULE, rules=[RULE]))
    return out
