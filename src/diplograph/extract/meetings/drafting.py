"""The per-sentence meeting rules: verbs, nouns, visits, calls on."""

from __future__ import annotations

from spacy.tokens import Token

from diplograph.actors.resolve import PersonMention
from diplograph.extract.context import ReportContext, Sentence
from diplograph.extract.meetings.place import location, mode_of, occasion_of
from diplograph.extract.meetings.sides import (
    capitals_in,
    is_body,
    possessor,
    states_in,
    topic_person,
    with_objects,
)
from diplograph.extract.meetings.vocab import Draft, MeetingWords, Party, words
from diplograph.extract.modality import is_future
from diplograph.extract.syntax import (
    all_persons,
    clause_subjects,
    governing_verb,
    named_right_before,
    person_tokens,
    persons_in,
    verb_subject,
)
from diplograph.records import ResolvedDate

HOST_VERBS = frozenset({"host", "hosts", "hosted", "hosting"})


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
    hosting = tok.lower_ in HOST_VERBS
    for c in tok.children:
        if c.dep_ in ("dobj", "attr", "oprd") or (
            c.dep_ == "prep" and c.lower_ in ("with", "for", "to", "by", "between")
        ):
            found = persons_in(c, ptoks)
            if c.dep_ == "dobj" and c.i not in ptoks and c.lower_ not in words().representatives and all(
                t.dep_ == "poss" for t in c.children if t.i in ptoks or any(x.i in ptoks for x in t.subtree)
            ) and c.lower_ not in words().nouns:
                found = []  # "welcomed X's planned visit": the object is the visit, not X
                continue
            if c.dep_ == "prep" and c.lower_ == "by" and passive:
                a, found = found, a  # "was welcomed by Hu": Hu hosts
            b += [p for p in found if p not in b]
            b_states += [x for x in states_in(c, sent) if not (hosting and is_body(x))]
        elif c.dep_ == "agent":
            found = persons_in(c, ptoks)
            a, b = (a + b), found if not b else b + found
    b = [p for p in b if p not in a]
    if not b and not b_states:
        # a parse that lost the object ("he also met PM Wong and ..."): the persons named after the verb
        owners = {m.person for i, m in ptoks.items() if tok.doc[i].dep_ == "poss"}  # "X's planned visit"
        b = [m.person for i, m in sorted(ptoks.items()) if i > tok.i and m.how in ("name", "nominal")
             and m.person not in a and m.person not in owners]
        b = list(dict.fromkeys(b))
    return a, b, b_states



def drafts_in(ctx: ReportContext, sent: Sentence, vocab: MeetingWords) -> list[Draft]:
    index = ctx.persons
    assert index is not None
    ptoks = person_tokens(sent, index)
    out: list[Draft] = []
    used_nouns: set[int] = set()
    for tok, low, pos in sent.tagged():
        is_verb = pos == "VERB" and (low in vocab.verbs or low in ("call", "calls", "called"))
        is_noun = pos in ("NOUN", "PROPN") and low in vocab.nouns and tok.i not in used_nouns
        is_visit = low in vocab.visit_words
        if not (is_verb or is_noun or is_visit):
            continue
        if is_future(tok):
            continue
        if is_visit:
            draft = visit(ctx, sent, tok, ptoks)
            if draft is not None:
                out.append(draft)
            continue
        if low in ("call", "calls", "called") and tok.pos_ == "VERB":
            out += call_on(ctx, sent, tok, ptoks, vocab)
            continue
        a: list[int]
        b: list[int]
        b_states: list[str] = []
        plural = (low.endswith("s") and is_noun) or any(
            c.lower_ in ("separate", "respective", "separately", "respectively") for c in tok.children
        )
        subj_states: list[str] = []
        if is_verb:
            if low in ("talks",) and tok.dep_ in ("dobj", "pobj"):
                continue
            a, b, b_states = sides_for_verb(tok, sent, ptoks)
            subj_states = states_in(verb_subject(tok)[0], sent)
            objects = [c for c in tok.children if c.dep_ == "dobj"]
            if objects and not b and not b_states and not any(c.lower_ in vocab.nouns for c in objects):
                continue  # "hosting APEC 2027", "welcomed the completion": not an encounter
            for c in tok.children:
                if c.dep_ == "dobj" and c.lower_ in vocab.nouns:
                    used_nouns.add(c.i)
                    more, states = with_objects(c, ptoks, sent)
                    b += [p for p in more if p not in b and p not in a]
                    b_states += states
                    plural = plural or c.lower_.endswith("s") or any(
                        x.lower_ in ("separate", "respective") for x in c.children
                    )
        else:
            b, b_states = with_objects(tok, ptoks, sent)
            owner, their = possessor(tok, ptoks)
            comma = next((t.i for t in sent.span if t.text == ","), None)
            fronted_main: list[int] = []
            if comma is not None and tok.i < comma and sent.span[0].pos_ in ("ADP", "VERB"):
                # "During the meeting with X, Y said": the phrase's persons stop at the comma (the parser
                # sometimes runs it into the main clause)
                fronted_main = [m.person for k, m in sorted(ptoks.items())
                                if comma < k <= comma + 4 and m.how in ("name", "nominal")]
                named_before = {m.person for k, m in ptoks.items() if k < comma and m.how == "name"}
                b = [p for p in b if p in named_before or p not in fronted_main]
            verb = governing_verb(tok)
            if verb is not None and verb.lower_ in vocab.light_verbs and tok.dep_ == "dobj":
                # "held talks ... with X": the "with" may hang from the verb
                more, states = with_objects(verb, ptoks, sent, ("with", "between"))
                b += [p for p in more if p not in b]
                b_states += [x for x in states if x not in b_states]
            if verb is not None and verb.lower_ in vocab.light_verbs and is_future(verb):
                continue
            if verb is not None and verb.lower_ in ATTEND_VERBS and not b and not owner:
                continue  # "the ambassadors attended the meeting as observers": attending, not meeting
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
            if tok.dep_ == "pobj" and tok.head.lower_ == "in" and not (b or b_states or owner or their):
                continue  # "in meetings" with nobody named
            b = [p for p in b if p not in a]
            if not a and (b or b_states) and not subj_states:
                topic = topic_person(ctx, sent)
                if topic is not None and topic not in b:
                    a = [topic]
        if not a and subj_states:
            # "Vietnam and Laos held talks", "China held talks with the US": the states are the sides
            others: list[Party] = [("person", p) for p in b] or [
                ("state", x) for x in b_states if x not in subj_states
            ]
            parties: list[Party] = [("state", x) for x in subj_states] + others
            if len(parties) >= 2:
                kind = "states" if all(k == "state" for k, _ in parties) else "partial"
                mode = mode_of(sent, tok, vocab)
                out.append(make_draft(ctx, sent, parties, kind, mode, ResolvedDate(None), tok))
            continue
        if not b and not b_states and len(a) < 2:
            # "PM Chinh chaired ... bilateral talks ... in honour of PM Ishiba": two persons, one subject
            others = [p for p in all_persons(ptoks) if p not in a]
            if len(a) == 1 and len(others) == 1:
                b = others
        out += split_sides(ctx, sent, tok, a, b, b_states, plural, vocab)
    return out


def call_on(ctx: ReportContext, sent: Sentence, tok: Token, ptoks: dict[int, PersonMention],
             vocab: MeetingWords) -> list[Draft]:
    """ "The Malaysian leader also called on Vice President Gibran": a
    courtesy call on a person (not "called on ASEAN to act": a request)."""
    if any(c.dep_ in ("xcomp", "ccomp") for c in tok.children):
        return []
    b: list[int] = []
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in ("on", "upon"):
            if any(t.dep_ in ("xcomp", "acl", "relcl") and t.pos_ == "VERB" for t in c.subtree):
                return []
            b += persons_in(c, ptoks)
    subj, _ = verb_subject(tok)
    a = clause_subjects(persons_in(subj, ptoks), subj, ptoks, sent.span.start)
    b = [p for p in b if p not in a]
    if not a or not b:
        return []
    return split_sides(ctx, sent, tok, a, b, [], False, vocab)



def split_sides(ctx: ReportContext, sent: Sentence, tok: Token, a: list[int], b: list[int],
                b_states: list[str], plural: bool, vocab: MeetingWords) -> list[Draft]:
    """One draft per object person (or per state where no person is named);
    subjects together, or one each with a plural trigger ("held meetings")."""
    mode = mode_of(sent, tok, vocab)
    date = ResolvedDate(None)
    out = []
    if not b and not b_states:
        if len(a) >= 2:
            out.append(make_draft(ctx, sent, [("person", p) for p in a], "named", mode, date, tok))
        return out
    subjects = [[p] for p in a] if plural and len(a) > 1 else [a]
    others: list[Party] = [("person", p) for p in b] if b else [("state", s) for s in b_states]
    for group in subjects:
        for other in others:
            parties: list[Party] = [("person", p) for p in group] + [other]
            if len(parties) < 2:
                continue
            kind = "named" if other[0] == "person" else "partial"
            out.append(make_draft(ctx, sent, parties, kind, mode, date, tok))
    return out


def make_draft(ctx: ReportContext, sent: Sentence, parties: list[Party], kind: str, mode: str,
           date: ResolvedDate, trigger: Token | None = None) -> Draft:
    _, span = ctx.evidence(sent)
    return Draft(parties, kind, mode, sent, date, location(ctx, sent, trigger), occasion_of(sent), [span],
                 trigger)


ATTEND_VERBS = frozenset({"attend", "attends", "attended", "attending"})
_PAYING = frozenset({"paid", "pay", "pays", "paying", "made", "make", "makes", "making"})
_HOSTING = frozenset({"invitation", "invited", "hosted", "host", "received", "welcomed", "greeted", "guest"})


def visit(ctx: ReportContext, sent: Sentence, tok: Token, ptoks: dict[int, PersonMention]) -> Draft | None:
    """A visit reported as past: "Ishiba's official visit to Viet Nam", "the
    visit to Vietnam by Xi Jinping", "Zelensky visited Singapore". The
    visitor and the host state, or a named host in the same sentence."""
    visitors: list[int] = []
    hosts: list[str] = []
    if tok.pos_ == "VERB":
        if tok.lower_ == "visiting":
            return None  # "his visiting counterparts": an adjective here
        subj, _ = verb_subject(tok)
        visitors = persons_in(subj, ptoks)
        for c in tok.children:
            if c.dep_ == "dobj":
                hosts = states_in(c, sent)
    else:
        owner, _ = possessor(tok, ptoks)
        visitors = owner
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ == "by":
                visitors = visitors or persons_in(c, ptoks)
            elif c.dep_ == "prep" and c.lower_ == "to":
                hosts = states_in(c, sent) or capitals_in(c, sent)  # "visit to Seoul": to Korea
            elif c.dep_ == "compound":
                hosts = hosts or states_in(c, sent)
        if not visitors:
            for c in tok.children:
                if c.dep_ == "prep" and c.lower_ == "of":
                    visitors = persons_in(c, ptoks)
        if not visitors and tok.dep_ == "dobj" and tok.head.lower_ in _PAYING:
            subj, _ = verb_subject(tok.head)  # "X paid a courtesy visit to ..."
            visitors = persons_in(subj, ptoks)
    index = ctx.persons
    assert index is not None
    if visitors and not hosts and tok.pos_ != "VERB":
        # "paid a courtesy visit to Prime Minister X": a visit to a person is a meeting with them
        to = [c for c in tok.children if c.dep_ == "prep" and c.lower_ == "to"]
        called = [p for c in to for p in persons_in(c, ptoks) if p not in visitors]
        if called:
            return make_draft(ctx, sent, [("person", visitors[0]), ("person", called[0])], "named", "meeting",
                          ResolvedDate(None), tok)
    if not visitors or not hosts:
        return None
    assert index is not None
    host = hosts[0]
    visitor = visitors[0]
    if index.persons[visitor].country == host:
        return None
    visitors_here = {
        p for t in tok.sent if t.lower_ in ("visit", "visits", "trip") for c in t.children if c.dep_ == "poss"
        for p in persons_in(c, ptoks)
    }
    # a host is named only in the visit's own phrase or as the one who invited, hosted, received
    host_phrases = [tok] + [t for t in tok.sent if t.lower_ in _HOSTING]
    in_phrases = {p for t in host_phrases for p in persons_in(t, ptoks)}
    named_hosts = [p for p in all_persons(ptoks) if p != visitor and p not in visitors_here
                   and p in in_phrases and index.persons[p].country == host]
    if named_hosts:
        parties: list[Party] = [("person", visitor), ("person", named_hosts[0])]
        kind = "named"
    else:
        parties = [("person", visitor), ("state", host)]
        kind = "visit"
    draft = make_draft(ctx, sent, parties, kind, "visit", ResolvedDate(None), tok)
    draft.location = draft.location or None
    return draft

