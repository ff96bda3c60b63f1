"""Persons records: one per person per report, from the resolved actors.

Why so thin: finding names, roles, countries and short forms is the actors
stage's job (`actors/resolve.py`), because meetings and events need the same
resolution. This module turns each resolved person into the contract's
record, with the first sentence that names them as evidence, and leaves out
persons the report only names in future events ("X will lead the
delegation"): GUIDELINES list persons who act.
"""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Token

from diplograph.actors.knowledge import load_yaml
from diplograph.actors.resolve import ResolvedPerson, rule_functions, vocabulary
from diplograph.extract.context import ReportContext
from diplograph.extract.meetings import words as meeting_words
from diplograph.extract.modality import is_future
from diplograph.extract.rules import declare, rule
from diplograph.records import Person

#: docstrings of the person rules that are branches of one function (states.sides_and_home)
_BRANCH_DOCS = {
    "person.host_side": "Whom a visitor met is of the state visited (the host's side), unless the text "
                        "says otherwise: a branch of person.home's step (actors/resolve/states.py).",
    "person.partner": "A person of no stated state, not of state A, is of the partner of A written as a "
                      "pair (\"Vietnam-US relations\"): a branch of person.home's step.",
    "person.name_origin": "A person of no stated state takes the report's state its name most likely comes "
                          "from, where one leads clearly (actors/name_origin.py, learned from the officials "
                          "table's names): a branch of person.home's step.",
}


def _register_person_rules() -> None:
    """Register the actors stage's person rules with the rule registry (actors
    does not import extract; this module is imported with every extractor)."""
    for name, function, module in rule_functions():
        if function is None:
            declare(name, _BRANCH_DOCS[name], module)
        else:
            rule(name, family="person")(function)


_register_person_rules()


def find_persons(ctx: ReportContext) -> list[Person]:
    out: list[Person] = []
    if ctx.persons is None:
        return out
    by_index = {s.index: s for s in ctx.sentences}
    for p in ctx.persons.persons:
        named = [m for m in p.mentions if m.how == "name"]
        sent = by_index.get(p.first_sentence)
        veto = _veto(ctx, named)
        if veto is not None:
            if sent is not None:
                ctx.veto(p.found_by or "person.mention", veto, sent)
            continue
        if sent is None:
            continue
        evidence, span = ctx.evidence(sent)
        out.append(Person(p.name, p.country, p.role, evidence, span, aliases=list(p.aliases),
                          country_how=p.country_how, **provenance(p)))
    return out


def provenance(p: ResolvedPerson) -> dict:
    """A person's `rule` (the step that gave its state, else the rule that
    found it), `rules` (every rule that touched it, `rule` first) and `trace`."""
    first = p.rule or p.found_by or "person.mention"
    return {"rule": first, "rules": list(dict.fromkeys([first, *p.steps])), "trace": list(p.trace)}


def _veto(ctx: ReportContext, named: list) -> str | None:
    """The check that leaves a person out, or None: "veto.future" ("will lead
    the delegation", "PM Srettha's planned visit": has not acted yet),
    "veto.honoured" ("admiration for President Ho Chi Minh": named, but not
    acting in the report), "veto.thing" ("the militant group Boko Haram",
    "the province of Khanh Hoa": the text classes the name as a thing)."""
    if named and all(_only_future(ctx, m.start, m.end) for m in named):
        return "veto.future"
    if named and all(_only_honoured(ctx, m.start, m.end) for m in named):
        return "veto.honoured"
    if any(_thing_before().search(ctx.text[max(0, m.start - 60) : m.start]) for m in named):
        return "veto.thing"
    return None


@lru_cache(maxsize=1)
def _thing_before() -> re.Pattern[str]:
    """A noun that classes the name after it as a thing (data/titles.yaml
    thing_nouns): "the militant group ", "the province of ", "a refinery, ",
    "Typhoons Ondoy and "."""
    nouns = "|".join(re.escape(n) for n in load_yaml("titles.yaml")["thing_nouns"])
    return re.compile(rf"(?i:\b(?:{nouns}))(?:\s+of|\s*,)?\s+(?:[A-Z][\w’'-]*\s+and\s+)?$")


def _only_future(ctx: ReportContext, start: int, end: int) -> bool:
    """The event a mention takes part in is future: the verb it is subject
    or object of ("will meet X"), or the noun it is possessor, "by" or
    "with" object of ("where he will hold talks with President X")."""
    span = ctx.doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    tok = _first_conjunct(_phrase_head(span.root))
    head = tok.head
    if tok.dep_ in ("nsubj", "nsubjpass") and _raising(head):
        return True  # "X is expected to open the summit", "X is scheduled to arrive"
    if tok.dep_ in ("nsubj", "nsubjpass", "poss"):
        return is_future(head)
    if tok.dep_ == "dobj" and _encounter_word(head):
        return is_future(head) and not _pleased_to(head)  # "will meet X"; not "Good to meet X"
    if tok.dep_ == "pobj" and head.lower_ == "by" and head.head.i != head.i:
        return is_future(head.head)
    if tok.dep_ == "pobj" and head.lower_ in ("with", "on") and head.head.i != head.i \
            and _encounter_word(head.head):
        return is_future(head.head)  # "will hold talks with X", "to pay a courtesy call on X"
    return False


def _pleased_to(verb: Token) -> bool:
    """ "Good to meet FM X", "Delighted to receive PM Y", "It was a pleasure to
    meet Z": an infinitive after a word of pleasure reports an encounter that
    happened (the official's own post, quoted), no plan (titles.yaml
    pleasure_words)."""
    head = verb.head
    return (any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children) and head.i != verb.i
            and head.lower_ in _vocab_set("pleasure_words"))


def _first_conjunct(tok: Token) -> Token:
    """The first of a coordination ("attended by A and B and C": C stands
    where A does), through the phrase each conjunct heads."""
    for _ in range(8):
        if tok.dep_ != "conj" or tok.head.i == tok.i:
            break
        tok = _phrase_head(tok.head)
    return tok


def _raising(tok: Token) -> bool:
    """A verb of expectation or schedule with an infinitive ("is expected
    to", "is scheduled to", "is due to", "is set to"; data/titles.yaml
    raising_verbs): its subject has not acted yet."""
    return tok.lower_ in _vocab_set("raising_verbs") and any(
        c.dep_ == "xcomp" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
        for c in tok.children
    )


@lru_cache(maxsize=4)
def _vocab_set(key: str) -> frozenset[str]:
    return frozenset(w.lower() for w in load_yaml("titles.yaml")[key])


def _encounter_word(tok: Token) -> bool:
    """A word of meeting (data/meetings.yaml), or a meal or social occasion
    one has with a person (data/titles.yaml social_nouns: "will have dinner
    with X", "a luncheon with X")."""
    vocab = meeting_words()
    return (tok.lower_ in vocab.verbs or tok.lower_ in vocab.nouns or tok.lower_ in vocab.visit_words
            or tok.lower_ in _vocab_set("social_nouns"))


#: nouns of remembrance (data/titles.yaml honouring_nouns) and of things named after persons
#: ("the Ho Chi Minh Memorial")
_HONOURING = vocabulary().honouring | {w.lower() for w in vocabulary().thing_suffixes}


def _only_honoured(ctx: ReportContext, start: int, end: int) -> bool:
    """A mention inside "admiration for X", "tribute to X", "the legacy of X":
    a figure remembered, not a person acting in the report."""
    span = ctx.doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    tok: Token = span.root
    for _ in range(5):
        if _honouring(tok, span.start):
            return True  # "the President Ho Chi Minh Mausoleum"
        if tok.dep_ not in ("compound", "appos", "flat") or tok.head.i == tok.i:
            break
        tok = tok.head
    if _honouring(tok, span.start):
        return True
    if tok.dep_ == "pobj" and tok.head.dep_ == "prep":
        owner = tok.head.head  # "admiration for X", or "expressed admiration for X" with "for" on the verb
        if owner.lower_ in ("honour", "honor") and owner.dep_ == "pobj" and owner.head.lower_ == "in":
            return False  # "a banquet in honour of President X": a guest, present
        return owner.lower_ in vocabulary().honouring or any(
            c.dep_ == "dobj" and c.lower_ in vocabulary().honouring for c in owner.children
        )
    return tok.dep_ == "compound" and _honouring(tok.head, span.start)


def _honouring(tok: Token, name_start: int) -> bool:
    """A noun of remembrance, or a thing's noun in or after the name ("the Ho
    Chi Minh Mausoleum", "the Winter Olympics"); a thing's noun before the
    name is in a title ("Chairman of the National People's Congress Zhang
    Dejiang", "Speaker of the House of Representatives X"), no thing named after them."""
    if tok.lower_ in vocabulary().honouring:
        return True
    return tok.lower_ in _HONOURING and tok.i >= name_start


def _phrase_head(tok: Token) -> Token:
    """From a name to the phrase it stands in: through compounds, appositions
    and "of" phrases ("Cuba's Deputy Minister of Higher Education Reynaldo
    Velázquez" -> "Minister")."""
    for _ in range(6):
        if tok.head.i == tok.i:
            break
        if tok.dep_ in ("compound", "appos", "flat"):
            tok = tok.head
        elif tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.i != tok.head.i:
            tok = tok.head.head
        else:
            break
    return tok
