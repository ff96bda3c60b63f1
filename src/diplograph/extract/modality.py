"""Whether a word's event is future or hypothetical: the one place that decides.

Why one place: "will visit", "invited him to visit", "the upcoming visit",
"looks forward to the meeting" are not meetings, and no stage may count
them as happened. The decision walks the parse (an auxiliary, an
infinitive, a modifier, a governing verb of planning, hoping, inviting or
wishing), with its words in `data/meetings.yaml` (`future_modifiers`,
`future_governors`, `future_auxiliaries`, `setting_prepositions`), so every
stage that asks (meetings, persons; the other extractors are to switch to it)
agrees.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Token

from diplograph.actors.knowledge import load_yaml


@dataclass(frozen=True)
class ModalityWords:
    modifiers: frozenset[str]  # "upcoming", "planned", "next"
    governors: frozenset[str]  # "invite", "plan", "hope", "agree"
    auxiliaries: frozenset[str]  # "will", "would", "could"
    #: prepositions that make an event the setting of what the clause above reports ("during talks")
    settings: frozenset[str]


@lru_cache(maxsize=1)
def modality_words() -> ModalityWords:
    data = load_yaml("meetings.yaml")
    return ModalityWords(
        modifiers=frozenset(data["future_modifiers"]),
        governors=frozenset(data["future_governors"]),
        auxiliaries=frozenset(data["future_auxiliaries"]),
        settings=frozenset(data["setting_prepositions"]),
    )


def is_future(tok: Token) -> bool:
    """A word whose event is future or hypothetical: an auxiliary
    "will"/"would", an infinitive ("to visit") under "invite", "plan",
    "agree", "hope"..., a modifier ("upcoming", "planned", "next"), or a
    governing verb of that kind ("invited him to visit", "looks forward to
    the meeting")."""
    vocab = modality_words()
    return _marked_on_word(tok, vocab) or _marked_above(tok, vocab) or _modifier_before(tok, vocab)


def _marked_on_word(tok: Token, vocab: ModalityWords) -> bool:
    """The word's own auxiliary, modifier or infinitive "to"."""
    for c in tok.children:
        if c.dep_ in ("aux", "auxpass") and c.lower_ in vocab.auxiliaries:
            return True
        if c.dep_ in ("amod", "compound", "advmod", "nmod") and c.lower_ in vocab.modifiers:
            return True
        if c.dep_ == "aux" and c.lower_ == "to":
            return True  # "to visit", "to meet": purpose, plan, invitation
    return False


def _marked_above(tok: Token, vocab: ModalityWords) -> bool:
    """A governing word of planning or wishing, or a future auxiliary or a
    purpose infinitive on a verb above it (four steps up at most)."""
    cur = tok
    for _ in range(4):
        head = cur.head
        if head.i == cur.i:
            break
        if cur.dep_ == "pobj" and head.lower_ in vocab.settings:
            # "X and Y agreed to elevate ties during talks": the talks are where they agreed, not what
            break
        if head.lower_ in vocab.governors and head.i < tok.i:
            return True
        if any(c.dep_ == "aux" and c.lower_ in vocab.auxiliaries for c in head.children) and (
            cur.dep_ in ("dobj", "xcomp", "conj", "pobj", "prep")
        ):
            return True
        if head.pos_ == "VERB" and head.dep_ in ("xcomp", "advcl", "acl") and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in head.children
        ) and cur.dep_ in ("dobj", "pobj", "prep"):
            return True  # "to participate in a meeting between ...": a purpose, not an event
        cur = head
    return False


def _modifier_before(tok: Token, vocab: ModalityWords) -> bool:
    """A future modifier among the three words before ("the planned official visit")."""
    before = tok.doc[max(tok.sent.start, tok.i - 3) : tok.i]
    return any(t.lower_ in vocab.modifiers for t in before)
