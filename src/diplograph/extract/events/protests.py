"""PROTEST and arrests told in passing: a demonstration or strike a sentence names while
it reports something else ("police arrested 400 people protesting against
the regime", "activists who were holding a protest", "detained during a
rally", "a general strike called by the opposition paralysed the country").

Why a rule of its own: the clause rules code one event per asserted clause,
and these protests are in a relative clause, a participle or a noun, never
the sentence's main verb; yet they happened, and the PLOVER codebook codes
them (PROTEST by the protesters against their government). The protesters
are the group the clause hangs on, or the "by" phrase or "opposition"
modifier of the noun; the recipient is the state the protest is against:
the one its "against" phrase names, else the protesters' own. The
vocabulary is data (data/events/triggers.yaml `embedded_protests`).

Arrests likewise (rule event.coerce.embedded): "the release of
demonstrators who were arrested", "journalists arrested for covering the
protests", "detained opposition members" tell that the state (of the place
or report) arrested that group: COERCE, arrest.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from spacy.tokens import Token

from diplograph.extract.context import ReportContext, Sentence
from diplograph.extract.events.groups import as_protesters, substate
from diplograph.extract.events.lemmas import lemma
from diplograph.extract.events.participants import codes_in
from diplograph.extract.events.vocabulary import Vocabulary
from diplograph.extract.rules import declare
from diplograph.records import Event

RULE = "event.protest.embedded"
declare(RULE, __doc__.split("\n\n")[0], "data/events/triggers.yaml")
ARREST_RULE = "event.coerce.embedded"
declare(ARREST_RULE, "A group told arrested in passing (\"demonstrators who were arrested\", \"detained "
        "journalists\"): COERCE by the state of the place or report.", "data/events/triggers.yaml")


def _protest_token(tok: Token, vocab: Vocabulary) -> tuple[Token, str] | None:
    """The word a protest told in passing hangs on (the group protesting, or
    the noun itself), and its mode; None if the word tells no such protest."""
    data = vocab.embedded_protests
    lem = lemma(tok)
    if tok.pos_ == "VERB" and tok.dep_ in ("acl", "relcl"):
        if lem in data["verbs"]:
            return tok.head, "demo"  # "people protesting against the regime"
        held = any(c.dep_ == "dobj" and lemma(c) in data["nouns"] for c in tok.children)
        if lem in data["holding"] and held:
            return tok.head, "demo"  # "activists who were holding a protest"
        return None
    if tok.pos_ != "NOUN":
        return None
    modifiers = {c.lower_ for c in tok.children if c.dep_ in ("amod", "compound", "nmod")}
    if lem in data["strikes"] or lem == "strike" and modifiers & data["strike_modifiers"]:
        return tok, "strike"  # "a general strike", "a work stoppage"
    if lem in data["nouns"] and tok.dep_ == "pobj" and tok.head.lower_ in data["during"]:
        # "demonstrators who were arrested during a protest": the demonstrators protested
        return _held_by(tok.head.head) or tok, "demo"
    return None


def _held_by(verb: Token) -> Token | None:
    """The subject of the verb a protest noun hangs on ("activists who had
    been detained during a rally": the activists), through a relative pronoun."""
    if verb.pos_ != "VERB":
        return None
    for c in verb.children:
        if c.dep_ in ("nsubj", "nsubjpass"):
            if c.lower_ in ("who", "that", "which") and verb.dep_ == "relcl":
                return verb.head
            return c
    return None


def _noun_protesters(tok: Token, home: Callable[[Token], list[str]], vocab: Vocabulary) -> list[str]:
    """Who holds a protest told as a noun: its "by" phrase ("called by
    students"), an "opposition" word in its phrase ("an opposition-sponsored
    strike", "called by opposition parties"), else no one named."""
    by = [g for c in tok.children if c.dep_ == "acl" for g in c.children if g.dep_ == "agent"]
    by += [c for c in tok.children if c.dep_ == "prep" and c.lower_ == "by"]
    holder = _held_by(tok.head) if tok.dep_ == "dobj" else None
    by += [holder] if holder is not None else []  # "the opposition alliance enforced a stoppage"
    for phrase in by:
        found = substate(phrase, home)
        if found:
            return found
    words = {w.lower_ for w in tok.subtree} | {w.lower_ for phrase in by for w in phrase.subtree}
    if words & vocab.embedded_protests["opposition"]:
        state = home(tok)
        return [f"{state[0]}:opposition"] if state else []
    return []


def _against(ctx: ReportContext, sent: Sentence, tok: Token) -> list[str]:
    """The state an "against" phrase of the protest names, if any."""
    for c in tok.subtree:
        if c.dep_ == "prep" and c.lower_ == "against":
            return codes_in(ctx, sent, c, places=True)
    return []


#: A sentence without one of these stems tells no protest or arrest in passing (a lookup, not a token loop).
_STEMS = re.compile(r"protest|demonstrat|rall|march|riot|strike|stoppage|walkout|shutdown|arrest|detain|jail|"
                    r"imprison", re.IGNORECASE)


def embedded_protests(ctx: ReportContext, sent: Sentence, vocab: Vocabulary,
                      home_of: Callable[[Token], Callable[[Token], list[str]]]) -> list[Event]:
    """A PROTEST for each protest a sentence tells in passing (`home_of(tok)`
    gives the function that finds the state of a group at a token)."""
    out: list[Event] = []
    if _STEMS.search(sent.text) is None:
        return out
    for tok, _, pos in sent.tagged():
        if pos not in ("VERB", "NOUN"):
            continue
        found = _protest_token(tok, vocab)
        if found is None:
            continue
        anchor, mode = found
        home = home_of(tok)
        if anchor.i != tok.i:
            actor = as_protesters(substate(anchor, home))
        else:
            actor = _noun_protesters(tok, home, vocab)
        if not actor and mode == "demo":
            continue  # "the minister spoke during a rally": no one is told protesting
        state = [a.split(":")[0] for a in actor if ":" in a] or home(tok)
        recipient = [c for c in (_against(ctx, sent, tok) or state[:1]) if c not in actor]
        evidence, span = ctx.evidence(sent)
        out.append(Event("PROTEST", mode, actor, recipient, ctx.date_of(sent.text), None, evidence, span,
                         rule=RULE, rules=[RULE]))
    return out


def _arrested_group(tok: Token, vocab: Vocabulary) -> Token | None:
    """The group an arrest told in passing is of: the noun a passive relative
    clause or participle of arrest hangs on, or that "detained" modifies."""
    arrests = vocab.embedded_protests["arrests"]
    if lemma(tok) not in arrests and tok.lower_ not in arrests:
        return None
    if tok.dep_ == "relcl" and any(c.dep_ == "auxpass" for c in tok.children):
        return tok.head  # "demonstrators who were arrested"
    if tok.dep_ == "acl" and tok.tag_ == "VBN":
        return tok.head  # "journalists arrested for covering"
    if tok.dep_ == "amod":
        return tok.head  # "detained opposition members"
    return None


def embedded_arrests(ctx: ReportContext, sent: Sentence, vocab: Vocabulary,
                     home_of: Callable[[Token], Callable[[Token], list[str]]],
                     home_state: Callable[[], list[str]]) -> list[Event]:
    """A COERCE for each group a sentence tells arrested in passing."""
    out: list[Event] = []
    if _STEMS.search(sent.text) is None:
        return out
    for tok, _, pos in sent.tagged():
        if pos not in ("VERB", "ADJ"):
            continue
        group = _arrested_group(tok, vocab)
        if group is None:
            continue
        recipient = substate(group, home_of(tok))
        if not recipient:
            continue  # a group of people, not "the detained sailors' ship"
        state = [r.split(":")[0] for r in recipient if ":" in r][:1] or home_state()
        evidence, span = ctx.evidence(sent)
        out.append(Event("COERCE", "arrest", state, recipient, ctx.date_of(sent.text), None, evidence, span,
                         rule=ARREST_RULE, rules=[ARREST_RULE]))
    return out
