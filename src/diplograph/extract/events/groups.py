"""Sub-state and non-state actors: groups of people and named armed or
political groups, coded "<state>:<label>" as the PLOVER gold convention does
("PAK:civilians", "HKG:protesters", "AFG:taliban").

Why a module of its own: PLOVER codes who acted and who was acted on even
when it is no state ("police fired tear gas at protesters": the state
against its protesters; "Boko Haram attacked a village": the group against
civilians). A phrase headed by such a group is the group, not the state its
adjective names ("Pakistani civilians" is PAK:civilians, not Pakistan).
The vocabulary is data (data/events/groups.yaml).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Token

from diplograph.actors.knowledge import load_yaml
from diplograph.extract.events.lemmas import lemma
from diplograph.extract.rules import declare

declare("event.actor.substate", "A phrase headed by a group of people (protesters, civilians, journalists, "
        "the opposition, rebels) or naming an armed or political group is coded <state>:<label>.",
        "data/events/groups.yaml")


@dataclass(frozen=True)
class Groups:
    nouns: dict[str, str]
    opposition: frozenset[str]
    named: dict[str, str]
    pattern: re.Pattern[str] | None
    quantities: frozenset[str] = frozenset()
    protest_verbs: frozenset[str] = frozenset()
    protest_classes: frozenset[str] = frozenset()
    opposition_heads: frozenset[str] = frozenset()
    armed_heads: frozenset[str] = frozenset()


@lru_cache(maxsize=1)
def groups() -> Groups:
    data = load_yaml("events/groups.yaml")
    named = {k.lower(): v for k, v in (data.get("named") or {}).items()}
    alternatives = "|".join(re.escape(n) for n in sorted(named, key=len, reverse=True))
    pattern = re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE) if named else None
    opposition = frozenset(data.get("opposition_words") or ())
    return Groups(dict(data.get("nouns") or {}), opposition, named, pattern,
                  frozenset(data.get("quantities") or ()), frozenset(data.get("protest_verbs") or ()),
                  frozenset(data.get("protest_classes") or ()), frozenset(data.get("opposition_heads") or ()),
                  frozenset(data.get("armed_heads") or ()))


def _pobj(tok: Token) -> Token | None:
    for c in tok.children:
        if c.dep_ == "pobj":
            return c
    return None


def _head(tok: Token) -> Token:
    """The noun a phrase is about: a preposition's object ("at protesters"),
    the "of" phrase of a number ("hundreds of people")."""
    if tok.dep_ in ("prep", "agent"):
        tok = _pobj(tok) or tok
    if lemma(tok) in groups().quantities:
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ == "of":
                return _pobj(c) or tok
    return tok


def named_group(text: str) -> str | None:
    """The code or label of a named group in a text ("the Taliban"), if any."""
    g = groups()
    m = g.pattern.search(text) if g.pattern is not None else None
    return g.named[m.group().lower()] if m else None


def _label(head: Token) -> str | None:
    g = groups()
    if head.pos_ not in ("NOUN", "PROPN"):
        return None
    text = head.doc[head.left_edge.i : head.i + 1].text
    found = named_group(text)
    if found is not None:
        return found
    label = g.nouns.get(lemma(head)) or g.nouns.get(head.lower_)
    if label is None:
        return _title_label(head)
    if lemma(head) in g.armed_heads:
        for c in head.children:  # "gunmen suspected to be members of Boko Haram"
            if c.dep_ in ("acl", "relcl"):
                named = named_group(head.doc[c.left_edge.i : c.right_edge.i + 1].text)
                if named is not None:
                    return named
    if any(c.lower_ in g.opposition for c in head.children if c.dep_ in ("compound", "amod", "nmod")):
        return "opposition"
    if label == "civilians" and any(c.dep_ in ("acl", "relcl") and lemma(c) in g.protest_verbs
                                    for c in head.children):
        return "protesters"  # "people protesting against the regime"
    return label


def _title_label(head: Token) -> str | None:
    """The group of a phrase no group noun heads: "an opposition party",
    "opposition BJP supporters"; a person by a title that names a group
    ("opposition leader Juan Guaido", "journalist Alfred Angasi", "Mohammad
    Akhtaruzzaman, a district correspondent")."""
    g = groups()
    mods = [c for c in head.children if c.dep_ in ("compound", "amod", "nmod")]
    if lemma(head) in g.opposition_heads and any(c.lower_ in g.opposition for c in mods):
        return "opposition"
    if head.pos_ != "PROPN" or head.ent_type_ not in ("PERSON", ""):
        return None
    for c in head.children:
        if c.dep_ in ("compound", "appos") and c.pos_ == "NOUN":
            found = g.nouns.get(lemma(c)) or g.nouns.get(c.lower_)
            if found is None and lemma(c) in g.opposition_heads and any(
                    m.lower_ in g.opposition for m in c.children if m.dep_ in ("compound", "amod")):
                found = "opposition"  # "opposition leader Juan Guaido": "leader" hangs on the name
            if found is not None:
                return "opposition" if any(m.lower_ in g.opposition for m in c.children) else found
    if any(c.lower_ in g.opposition for c in head.children if c.dep_ == "compound"):
        return "opposition"
    return None


def as_protesters(codes: list[str]) -> list[str]:
    """A protest's civilian actors are its protesters ("thousands of people rallied")."""
    return [c[: -len("civilians")] + "protesters" if c.endswith(":civilians") else c for c in codes]


def substate(tok: Token | None, home: Callable[[Token], list[str]]) -> list[str]:
    """The group a phrase is headed by, coded "<state>:<label>" (`home` gives
    the state of a head: the one its phrase, place or sentence names), or []."""
    if tok is None:
        return []
    head = _head(tok)
    label = _label(head)
    if label is None:
        return []
    if ":" in label or label.isupper():
        return [label]  # "AFG:taliban"; a body by its acronym ("HRW")
    state = home(head)
    return [f"{state[0]}:{label}"] if state else []
