"""meeting.visit: a visit reported as past ("Ishiba's official visit to Viet
Nam", "the visit to Vietnam by Xi Jinping", "Zelensky visited Singapore").

Why: GUIDELINES count a visit as a meeting of the visitor and the host
state, unless the host is named (then with the host); a visit to a person
("paid a courtesy visit to Prime Minister X") is a meeting with them. The
visit words are `visit_words` in `data/meetings.yaml`; who may name a host
is `hosting_words`.
"""

from __future__ import annotations

from spacy.tokens import Token

from diplograph.actors.resolve import PersonMention
from diplograph.extract.context import ReportContext, Sentence
from diplograph.extract.meetings.draft import make_draft
from diplograph.extract.meetings.hosts import listed_after
from diplograph.extract.meetings.sides import capitals_in, possessor, states_in
from diplograph.extract.meetings.vocab import Draft, Party, words
from diplograph.extract.rules import rule
from diplograph.extract.syntax import all_persons, governing_verb, persons_in, verb_subject
from diplograph.records import ResolvedDate

RULE = "meeting.visit"


@rule(RULE)
def visit_drafts(ctx: ReportContext, sent: Sentence, tok: Token, ptoks: dict[int, PersonMention],
                 used_nouns: set[int]) -> list[Draft]:
    """A past visit: the visitor and the host state, or a named host in the
    same sentence; a visit to a person is a meeting with them."""
    if tok.pos_ == "VERB" and tok.lower_ == "visiting":
        ctx.veto(RULE, "veto.adjective", sent)  # "his visiting counterparts": an adjective here
        return []
    visitors, hosts = _visitor_and_hosts(tok, sent, ptoks)
    if visitors and not hosts and tok.pos_ != "VERB":
        called = _called_on(tok, ptoks, visitors)
        if called:
            parties: list[Party] = [("person", visitors[0]), ("person", called[0])]
            return [make_draft(ctx, sent, parties, "named", "meeting", ResolvedDate(None), tok, RULE)]
    if not visitors or not hosts:
        return []
    index = ctx.persons
    assert index is not None
    host, visitor = hosts[0], visitors[0]
    if index.persons[visitor].country == host:
        ctx.veto(RULE, "veto.own_state", sent)  # a person "visiting" their own state
        return []
    named_hosts = _named_hosts(ctx, tok, ptoks, visitor, host)
    if named_hosts:
        parties, kind = [("person", visitor), ("person", named_hosts[0])], "named"
    else:
        parties, kind = [("person", visitor), ("state", host)], "visit"
    first = make_draft(ctx, sent, parties, kind, "visit", ResolvedDate(None), tok, RULE)
    tour = [code for code in listed_after(ctx, sent, host) if code != index.persons[visitor].country]
    if not tour:
        return [first]
    # "concluding visits to Russia, Norway and Sweden": a tour, a visit to each state; its days are the
    # tour's, not those of talks told in another sentence
    others = [code for code in dict.fromkeys(tour) if code != host]
    out = [first] + [make_draft(ctx, sent, [("person", visitor), ("state", code)], "visit", "visit",
                                ResolvedDate(None), tok, RULE) for code in others]
    for d in out:
        d.tour = True
        d.trace.append("a tour of several states")
    return out


def _visitor_and_hosts(tok: Token, sent: Sentence,
                       ptoks: dict[int, PersonMention]) -> tuple[list[int], list[str]]:
    """The visitors (the verb's subject; the noun's possessor, "by" or "of"
    phrase, or the subject of "paid") and the host states (the verb's
    object; the noun's "to" phrase, a capital standing for its state, or a
    compound: "the Vietnam visit")."""
    if tok.pos_ == "VERB":
        return _verb_sides(tok, sent, ptoks)
    visitors, _ = possessor(tok, ptoks)
    hosts = []
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
    if not hosts:
        hosts = _trailing_destination(tok, sent)
    if not visitors and tok.dep_ == "dobj" and tok.head.lower_ in words().paying_verbs:
        subj, _ = verb_subject(tok.head)  # "X paid a courtesy visit to ..."
        visitors = persons_in(subj, ptoks)
    motion = _motion_verb(tok)
    if motion is not None:
        if not visitors:
            visitors = persons_in(verb_subject(motion)[0], ptoks)
        hosts = hosts or _motion_places(motion, sent)
    return visitors, hosts


def _trailing_destination(tok: Token, sent: Sentence) -> list[str]:
    """ "the recent visit of Sheikh Sabah to China", "visits by Rice and Blair
    to Jakarta": a "to" phrase right after the visit's own phrase is its
    destination, wherever the parser hung it (often on the verb)."""
    after = tok.right_edge.i + 1
    if after >= len(tok.doc) or after >= sent.span.end:
        return []
    nxt = tok.doc[after]
    if nxt.lower_ != "to" or nxt.pos_ != "ADP" or nxt.dep_ != "prep":
        return []
    return states_in(nxt, sent) or capitals_in(nxt, sent)


def _verb_sides(tok: Token, sent: Sentence, ptoks: dict[int, PersonMention]) -> tuple[list[int], list[str]]:
    """A visit verb's visitors (its subject; a relative clause's antecedent:
    "Shoigu, who visited North Korea in July") and host states (its object)."""
    subj, _ = verb_subject(tok)
    hosts: list[str] = []
    for c in tok.children:
        if c.dep_ == "dobj":
            hosts = states_in(c, sent) or capitals_in(c, sent)  # "visited Colombo": Sri Lanka
    if subj is not None and subj.lower_ in ("who", "that") and tok.dep_ == "relcl":
        return _antecedent(tok.head, ptoks), hosts
    return persons_in(subj, ptoks), hosts


def _antecedent(noun: Token, ptoks: dict[int, PersonMention]) -> list[int]:
    """The person a relative clause hangs from, less the persons of the
    clause itself (its subtree holds them)."""
    clause = {t.i for c in noun.children if c.dep_ == "relcl" for t in c.subtree}
    return persons_in(noun, ptoks, clause)


def _motion_verb(tok: Token) -> Token | None:
    """The verb of going, starting or ending that a visit noun hangs from:
    "arrived in China for a visit", "began an official visit", "concluding
    visits to Russia and Sweden" (`visit_motion_verbs`); or "to be" there
    on one ("was in Moscow on a working visit")."""
    head = tok.head
    being = False
    if any(c.dep_ in ("compound", "amod") and c.lower_ in words().visit_motion_verbs for c in tok.children):
        # "arrived in Hanoi, concluding visits to Russia and Sweden" parsed as a noun "concluding visits":
        # the clause's verb stands for the motion
        return governing_verb(tok)
    if tok.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ in ("for", "on"):
        being = head.lower_ == "on"
        head = head.head
    elif tok.dep_ != "dobj":
        return None
    if being and head.lemma_ == "be":
        return head  # "Babloyan was in Moscow on a working visit": being there on a visit
    return head if head.pos_ == "VERB" and head.lower_ in words().visit_motion_verbs else None


def _motion_places(verb: Token, sent: Sentence) -> list[str]:
    """The state a motion verb goes to or arrives in: "arrived in China",
    "travelled to Hanoi" (a capital stands for its state)."""
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ in ("in", "to", "at"):
            start, end = c.left_edge.idx, c.right_edge.idx + len(c.right_edge.text)
            found = [m.entity.code for m in sent.mentions if start <= m.start < end
                     and m.entity.kind == "state" and m.how in ("name", "alias", "capital")]
            if found:
                return list(dict.fromkeys(found))[:1]
    return []


def _called_on(tok: Token, ptoks: dict[int, PersonMention], visitors: list[int]) -> list[int]:
    """ "paid a courtesy visit to Prime Minister X": the persons visited."""
    to = [c for c in tok.children if c.dep_ == "prep" and c.lower_ == "to"]
    return [p for c in to for p in persons_in(c, ptoks) if p not in visitors]


def _named_hosts(ctx: ReportContext, tok: Token, ptoks: dict[int, PersonMention], visitor: int,
                 host: str) -> list[int]:
    """Persons of the host state named in the visit's own phrase or as the
    one who invited, hosted, received (not another visitor: "his visit")."""
    index = ctx.persons
    assert index is not None
    vocab = words()
    visitors_here = {
        p for t in tok.sent if t.lower_ in vocab.visit_nouns for c in t.children if c.dep_ == "poss"
        for p in persons_in(c, ptoks)
    }
    host_phrases = [tok] + [t for t in tok.sent if t.lower_ in vocab.hosting_words]
    # "visited Santiago de Cuba, where he paid tribute to Jose Marti": a clause told of the place names
    # no host
    aside = {t.i for r in tok.subtree if r.dep_ in ("relcl", "advcl", "conj") and r.i != tok.i
             and r.pos_ in ("VERB", "AUX") for t in r.subtree}
    in_phrases = {p for t in host_phrases for p in persons_in(t, ptoks, aside if t is tok else set())}
    return [p for p in all_persons(ptoks) if p != visitor and p not in visitors_here
            and p in in_phrases and index.persons[p].country == host]
