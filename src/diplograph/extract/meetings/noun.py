"""meeting.noun: an encounter noun and its sides ("held talks with X",
"During his meeting with X, Y said", "their bilateral meeting").

Why a rule of its own: a noun's sides are its possessor or the subject of
the verb that holds it, on one side, and its "with"/"between"/"on" phrase
on the other; a fronted phrase ("During the meeting with X, Y ...") and a
light verb ("held talks ... with X") need their own repairs. The nouns and
light verbs are `nouns` and `light_verbs` in `data/meetings.yaml`.
"""

from __future__ import annotations

from spacy.tokens import Token

from diplograph.actors.resolve import PersonMention
from diplograph.extract.context import ReportContext, Sentence
from diplograph.extract.meetings.draft import Sides, sides_to_drafts
from diplograph.extract.meetings.sides import possessor, states_in, topic_person, with_objects
from diplograph.extract.meetings.vocab import Draft, words
from diplograph.extract.modality import is_future
from diplograph.extract.rules import rule
from diplograph.extract.syntax import all_persons, clause_subjects, governing_verb, persons_in, verb_subject

RULE = "meeting.noun"


@rule(RULE)
def noun_drafts(ctx: ReportContext, sent: Sentence, tok: Token, ptoks: dict[int, PersonMention],
                used_nouns: set[int]) -> list[Draft]:
    """An encounter noun ("talks", "meeting", "call", "audience") whose
    possessor or governing verb's subject is one side and whose "with"
    phrase is the other: a meeting between them."""
    vocab = words()
    plural = tok.lower_.endswith("s") or any(
        c.lower_ in vocab.separate_words | vocab.separately_words for c in tok.children)
    b, b_states = with_objects(tok, ptoks, sent)
    owner, their = possessor(tok, ptoks)
    fronted_main, b = _fronted(sent, tok, ptoks, b)
    verb = governing_verb(tok)
    if verb is not None and verb.lower_ in vocab.light_verbs and tok.dep_ == "dobj":
        # "held talks ... with X": the "with" may hang from the verb
        more, states = with_objects(verb, ptoks, sent, ("with", "between"))
        b += [p for p in more if p not in b]
        b_states += [x for x in states if x not in b_states]
    joined = not (b or b_states or owner or their) and _joined_subject(ctx, sent, verb, ptoks)
    veto = _veto(tok, verb, bool(b), bool(b or b_states or owner or their or joined), bool(owner))
    if veto is None and vocab.prospective_lead.search(sent.text[: tok.idx - sent.start]):
        veto = "veto.future"  # "ahead of talks with X", "en route for talks": still to come
    if veto is not None:
        ctx.veto(RULE, veto, sent)
        return []
    a, b, subj_states = _subject_side(ctx, sent, ptoks, verb, (owner, their), fronted_main, b, b_states)
    if not a and not subj_states:
        a, b = _between(ctx, tok, ptoks, b)
    return sides_to_drafts(ctx, sent, tok, ptoks, Sides(a, b, b_states, subj_states, plural), RULE)


def _subject_side(ctx: ReportContext, sent: Sentence, ptoks: dict[int, PersonMention], verb: Token | None,
                  possessed: tuple[list[int], bool], fronted_main: list[int], b: list[int],
                  b_states: list[str]) -> tuple[list[int], list[int], list[str]]:
    """The noun's own side: its possessor ("his meeting with"), the subject
    of the verb that holds it, the main clause's person after a fronted
    phrase, everyone else for "their talks", or the topic person; with the
    object side less the subject's persons, and the subject's states."""
    owner, their = possessed
    subj, _ = verb_subject(verb) if verb is not None else (None, False)
    subject_persons = clause_subjects(persons_in(subj, ptoks), subj, ptoks, sent.span.start)
    subj_states = states_in(subj, sent) if not owner and not fronted_main else []
    if not subject_persons and fronted_main:
        subject_persons = [p for p in dict.fromkeys(fronted_main) if p not in b][:1]
    if owner:
        a = owner
    elif their:
        a = subject_persons or [p for p in all_persons(ptoks) if p not in b]
    else:
        a = subject_persons
    b = [p for p in b if p not in a]
    if not a and (b or b_states) and not subj_states:
        topic = topic_person(ctx, sent)
        if topic is not None and topic not in b:
            a = [topic]
    return a, b, subj_states


def _between(ctx: ReportContext, tok: Token, ptoks: dict[int, PersonMention],
             b: list[int]) -> tuple[list[int], list[int]]:
    """ "it was heard from the talks between FM X and Mozambican FM Y": with no
    subject of its own, the noun's "between" phrase holds both sides (two
    persons of two states)."""
    assert ctx.persons is not None
    between = [c for c in tok.children if c.dep_ == "prep" and c.lower_ == "between"]
    inside = list(dict.fromkeys(p for c in between for p in persons_in(c, ptoks)))
    countries = {ctx.persons.persons[p].country for p in inside}
    if len(inside) == 2 and len(countries) == 2 and None not in countries:
        return inside[:1], inside[1:]
    return [], b


def _joined_subject(ctx: ReportContext, sent: Sentence, verb: Token | None,
                    ptoks: dict[int, PersonMention]) -> bool:
    """ "X and his Mexican counterpart Y warned ... in a call Friday", "X and Y,
    during their talks, agreed": the verb the noun's phrase hangs from has two
    persons of two states for its subject, who are the noun's two sides."""
    if verb is None or is_future(verb):
        return False  # "X and Y are expected to discuss trade in a call on Friday"
    assert ctx.persons is not None
    subj, _ = verb_subject(verb)
    persons = clause_subjects(persons_in(subj, ptoks), subj, ptoks, sent.span.start)
    countries = {ctx.persons.persons[p].country for p in persons}
    return len(persons) == 2 and len(countries) == 2 and None not in countries


def _veto(tok: Token, verb: Token | None, other_person: bool, anyone: bool, owner: bool) -> str | None:
    """Why the noun reports no encounter, in the order checked: a future
    light verb ("will hold talks"), attending ("the ambassadors attended the
    meeting as observers"), "in meetings" with nobody named; None: it may."""
    vocab = words()
    if verb is not None and verb.lower_ in vocab.light_verbs and is_future(verb):
        return "veto.future"
    if verb is not None and verb.lower_ in vocab.attend_verbs and not other_person and not owner:
        return "veto.attendance"
    if tok.dep_ == "pobj" and tok.head.lower_ == "in" and not anyone:
        return "veto.nobody_named"
    return None


def _fronted(sent: Sentence, tok: Token, ptoks: dict[int, PersonMention],
             b: list[int]) -> tuple[list[int], list[int]]:
    """ "During the meeting with X, Y said": the persons right after the
    comma (the main clause's), and the noun's persons cut at the comma (the
    parser sometimes runs the phrase into the main clause)."""
    comma = next((t.i for t in sent.span if t.text == ","), None)
    if comma is None or tok.i >= comma or sent.span[0].pos_ not in ("ADP", "VERB"):
        return [], b
    fronted_main = [m.person for k, m in sorted(ptoks.items())
                    if comma < k <= comma + 4 and m.how in ("name", "nominal")]
    named_before = {m.person for k, m in ptoks.items() if k < comma and m.how == "name"}
    return fronted_main, [p for p in b if p in named_before or p not in fronted_main]
