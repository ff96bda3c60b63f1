"""Who the sides of an encounter are: states and bodies in a phrase, the
possessor of a noun, the persons of its "with" phrase, the topic person."""

from __future__ import annotations

from spacy.tokens import Token

from diplograph.actors.knowledge import knowledge
from diplograph.actors.resolve import PersonMention
from diplograph.extract.context import ReportContext, Sentence
from diplograph.extract.meetings.vocab import words
from diplograph.extract.syntax import persons_in


def states_in(tok: Token | None, sent: Sentence) -> list[str]:
    if tok is None:
        return []
    start, end = tok.left_edge.idx, tok.right_edge.idx + len(tok.right_edge.text)
    out: list[str] = []
    doc = tok.doc
    for m in sent.mentions:
        if not (start <= m.start < end) or m.entity.code in out or m.how == "capital":
            continue
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is not None and in_place_phrase(span.root, tok):
            continue  # "counterparts in Kuala Lumpur, Malaysia": a place, not a party
        if span is not None and in_occasion_phrase(span.root, tok):
            continue  # "on the sidelines of the BIMSTEC Ministerial meeting": the occasion, not a party
        if m.entity.kind == "body" and span is not None and span.root.head.lower_ in words().member_nouns:
            continue  # "four Asean leaders": leaders of member states, not the body
        if m.how == "demonym" and span is not None and not for_representative(span.root):
            continue  # "Vietnamese businesses", "Thai fruit": not a state's side in an encounter
        at = m.end - sent.start  # the sentence's own text: `Doc.text` rebuilds the whole text per call
        if words().gathering.match(sent.text, at) or words().gathering_noun.match(sent.text, at):
            continue  # "on the sidelines of the 43rd ASEAN Summit": the occasion, not a party
        out.append(m.entity.code)
    return out


def capitals_in(tok: Token, sent: Sentence) -> list[str]:
    """The states whose capitals a phrase names ("to Hanoi")."""
    start, end = tok.left_edge.idx, tok.right_edge.idx + len(tok.right_edge.text)
    return list(dict.fromkeys(m.entity.code for m in sent.mentions
                              if start <= m.start < end and m.how == "capital"))


def for_representative(tok: Token) -> bool:
    """A demonym that qualifies someone who stands for the state ("his Thai
    counterpart", "the Cambodian, Thai and Japanese counterparts", "Japanese
    leaders"), climbing coordinations to the noun."""
    cur = tok
    for _ in range(6):
        chained = cur.dep_ in ("amod", "compound", "nmod") and cur.head.pos_ in ("ADJ", "PROPN")
        if cur.dep_ == "conj" or (chained and cur.head.lower_ not in words().representatives):
            cur = cur.head
            continue
        break
    head = cur.head if cur.head.i != cur.i else cur
    return head.lower_ in words().representatives or cur.lower_ in words().representatives


def in_setting(tok: Token) -> bool:
    """A mention in the place phrase of a verb ("met in Bali, Indonesia"),
    not in a phrase about something else ("Viettel in Timor Leste")."""
    cur = tok
    for _ in range(8):
        if cur.head.i == cur.i:
            return False
        if cur.dep_ == "pobj":
            prep = cur.head
            return prep.lower_ in ("in", "at", "near", "within") and prep.head.pos_ in ("VERB", "AUX")
        if cur.dep_ not in ("compound", "appos", "conj", "nmod", "amod", "poss", "cc", "punct"):
            return False
        cur = cur.head
    return False


def in_occasion_phrase(tok: Token, limit: Token) -> bool:
    """A mention in the "of" phrase of an occasion word below `limit` ("on
    the sidelines of the BIMSTEC Ministerial meeting", `occasion_heads`)."""
    cur = tok
    for _ in range(8):
        if cur.i == limit.i or cur.head.i == cur.i:
            return False
        if cur.dep_ == "pobj" and cur.head.lower_ == "of" and cur.head.head.lower_ in words().occasion_heads:
            return True
        cur = cur.head
    return False


def in_place_phrase(tok: Token, limit: Token) -> bool:
    cur = tok
    for _ in range(6):
        if cur.i == limit.i or cur.head.i == cur.i:
            return False
        if cur.dep_ == "pobj" and cur.head.lower_ in ("in", "at", "near", "within", "across", "inside"):
            return True
        cur = cur.head
    return False


# --------------------------------------------------------------------------- topic person


def topic_person(ctx: ReportContext, sent: Sentence) -> int | None:
    """The person the report was last talking about: the first person of the
    nearest earlier sentence that names one."""
    index = ctx.persons
    assert index is not None
    for k in range(sent.index - 1, max(-1, sent.index - 6), -1):
        mentions = [m for m in index.in_sentence(k) if m.how in ("name", "nominal")]
        if mentions:
            return min(mentions, key=lambda m: m.start).person
    return None


# --------------------------------------------------------------------------- triggers


def is_body(code: str) -> bool:
    entity = knowledge().entities.get(code)
    return entity is not None and entity.kind == "body"


def with_objects(
    noun: Token, ptoks: dict[int, PersonMention], sent: Sentence,
    preps: tuple[str, ...] = ("with", "between", "on", "for", "from", "by", "among"),
) -> tuple[list[int], list[str]]:
    """Persons and states in a noun's "with"/"between"/"on" (a courtesy call
    on)/"from"/"by" phrases."""
    persons: list[int] = []
    states: list[str] = []
    for c in noun.children:
        if c.dep_ == "prep" and c.lower_ in preps:
            persons += [p for p in persons_in(c, ptoks) if p not in persons]
            states += [s for s in states_in(c, sent) if s not in states]
    return persons, states


def possessor(noun: Token, ptoks: dict[int, PersonMention]) -> tuple[list[int], bool]:
    """The possessor of a noun ("his meeting", "Ishiba's visit", "their talks")."""
    for c in noun.children:
        if c.dep_ == "poss":
            if c.lower_ == "their":
                return [], True
            return persons_in(c, ptoks), False
    return [], False

