"""meeting.verb: a meeting verb's subject met its object ("X met Y", "X
received Y", "X was welcomed by Y", "Meeting his counterpart Y, X said").

Why the parse: the sides are the verb's subject and its object or its
"with"/"for"/"to"/"by"/"between" phrase, whatever else the sentence names;
the helpers below repair what the parser gets wrong (a lost object, a
passive, a dateline taken for a subject). The verbs are `verbs` in
`data/meetings.yaml`.
"""

from __future__ import annotations

from spacy.tokens import Token

from diplograph.actors.resolve import PersonMention
from diplograph.extract.context import ReportContext, Sentence
from diplograph.extract.meetings.draft import Sides, sides_to_drafts
from diplograph.extract.meetings.sides import is_body, states_in, with_objects
from diplograph.extract.meetings.vocab import Draft, words
from diplograph.extract.rules import rule
from diplograph.extract.syntax import clause_subjects, named_right_before, persons_in, verb_subject

RULE = "meeting.verb"
#: the dependents of a meeting verb that name its other side
_OBJECT_DEPS = ("dobj", "attr", "oprd")
_OBJECT_PREPS = ("with", "for", "to", "by", "between")


@rule(RULE)
def verb_drafts(ctx: ReportContext, sent: Sentence, tok: Token, ptoks: dict[int, PersonMention],
                used_nouns: set[int]) -> list[Draft]:
    """A meeting verb ("met", "received", "hosted", "talked with") whose
    subject and object are persons, states or bodies: a meeting between
    them. Marks the encounter nouns it holds ("held talks" is the noun's;
    "met for talks with X" is the verb's) as used, so meeting.noun does not
    count them again."""
    vocab = words()
    if tok.lower_ == "talks" and tok.dep_ in ("dobj", "pobj"):
        ctx.veto(RULE, "veto.noun_tagged_verb", sent)  # "held talks" tagged a verb: the noun's
        return []
    a, b, b_states = sides_for_verb(tok, sent, ptoks)
    subj_states = states_in(verb_subject(tok)[0], sent)
    objects = [c for c in tok.children if c.dep_ == "dobj"]
    if objects and not b and not b_states and not any(c.lower_ in vocab.nouns for c in objects):
        ctx.veto(RULE, "veto.object_not_party", sent)  # "hosting APEC 2027", "welcomed the completion"
        return []
    plural = any(c.lower_ in vocab.separate_words | vocab.separately_words for c in tok.children)
    for c in objects:
        if c.lower_ not in vocab.nouns:
            continue
        used_nouns.add(c.i)
        more, states = with_objects(c, ptoks, sent)
        b += [p for p in more if p not in b and p not in a]
        b_states += states
        plural = plural or c.lower_.endswith("s") or any(x.lower_ in vocab.separate_words for x in c.children)
    return sides_to_drafts(ctx, sent, tok, ptoks, Sides(a, b, b_states, subj_states, plural), RULE)


def sides_for_verb(
    tok: Token, sent: Sentence, ptoks: dict[int, PersonMention]
) -> tuple[list[int], list[int], list[str]]:
    """Subject side and object side of a meeting verb ("X met Y", "X was
    welcomed by Y", "Meeting his counterpart Y, X said")."""
    subj, passive = verb_subject(tok)
    a = clause_subjects(persons_in(subj, ptoks), subj, ptoks, sent.span.start)
    if subj is None:
        a = named_right_before(tok, ptoks)  # "To Lam met ...": the parser took "To" for a preposition
    b: list[int] = []
    b_states: list[str] = []
    hosting = tok.lower_ in words().host_verbs
    thing = tok.lower_ in words().topic_verbs
    for c in _side_phrases(tok):
        if c.dep_ in _OBJECT_DEPS or (c.dep_ == "prep" and c.lower_ in _OBJECT_PREPS):
            if _senders(c, ptoks) is not None:
                thing = True
                continue  # "received a letter from X": X sent it, X is not met
            if _object_is_a_thing(c, ptoks):
                continue  # "welcomed X's planned visit": the object is the visit, not X
            found = persons_in(c, ptoks, _told_aside(c))
            if c.dep_ == "prep" and c.lower_ == "by" and passive:
                a, found = found, a  # "was welcomed by Hu": Hu hosts
            b += [p for p in found if p not in b]
            b_states += [x for x in states_in(c, sent) if not (hosting and is_body(x))]
        elif c.dep_ == "agent":
            found = persons_in(c, ptoks)
            a, b = (a + b), found if not b else b + found
    b = [p for p in b if p not in a]
    if not b and not b_states and not thing:
        b = _named_after(tok, ptoks, a)
    return a, b, b_states


def _side_phrases(tok: Token) -> list[Token]:
    """The verb's dependents that may name its other side: all of them, but
    for a verb whose object is a topic (`topic_verbs`: "discussed the
    upcoming visit of the Thai King with reporters", "discussed border trade
    with Hun Manet") only the "with" phrases, on the verb or on its object."""
    if tok.lower_ not in words().topic_verbs:
        return list(tok.children)
    heads = [tok] + [c for c in tok.children if c.dep_ == "dobj"]
    return [c for h in heads for c in h.children if c.dep_ == "prep" and c.lower_ == "with"]


def _told_aside(c: Token) -> set[int]:
    """meeting.verb step: the tokens of the relative clauses in an object
    ("received X, who delivered a letter from Y"): the persons they name
    are told about, not met."""
    return {t.i for r in c.subtree if r.dep_ == "relcl" and r.i != c.i for t in r.subtree}


def _senders(c: Token, ptoks: dict[int, PersonMention]) -> list[int] | None:
    """meeting.verb step: a direct object that is a thing sent (`sent_things`
    in data/meetings.yaml: "received a written letter from X", "a message
    of congratulations from Y"): the persons it names, who sent it and are
    not met (the messenger who hands it over is, where the text names him
    as the object: "received X, who delivered a letter"). None: the object
    is no such thing."""
    if c.dep_ != "dobj" or c.i in ptoks or c.lower_ not in words().sent_things:
        return None
    return persons_in(c, ptoks)


def _object_is_a_thing(c: Token, ptoks: dict[int, PersonMention]) -> bool:
    """A direct object that is no person, representative or encounter, whose
    only persons are its possessors ("welcomed X's planned visit")."""
    vocab = words()
    if c.dep_ != "dobj" or c.i in ptoks or c.lower_ in vocab.representatives or c.lower_ in vocab.nouns:
        return False
    return all(t.dep_ == "poss" for t in c.children if t.i in ptoks or any(x.i in ptoks for x in t.subtree))


def _named_after(tok: Token, ptoks: dict[int, PersonMention], a: list[int]) -> list[int]:
    """A parse that lost the object ("he also met PM Wong and ..."): the
    persons named after the verb, less possessors ("X's planned visit")."""
    owners = {m.person for i, m in ptoks.items() if tok.doc[i].dep_ == "poss"}
    b = [m.person for i, m in sorted(ptoks.items()) if i > tok.i and m.how in ("name", "nominal")
         and m.person not in a and m.person not in owners]
    return list(dict.fromkeys(b))
