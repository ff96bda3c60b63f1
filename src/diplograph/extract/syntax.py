"""Parse helpers every extractor needs: a verb's subject, the verb a noun
hangs from, the persons a phrase names.

Why one module: the same questions ("who is the subject of *met*?", "which
verb holds *talks*?", "whom does *with his counterpart Y* name?") were
answered twice (meetings and events), and the copies drifted. Each helper
here repairs the parse the same way for every stage that asks. They take
spaCy tokens and the report's person mentions (`actors.resolve`), and know
no rule's vocabulary.
"""

from __future__ import annotations

from bisect import bisect_left

from spacy.tokens import Token

from diplograph.actors.resolve import PersonIndex, PersonMention, vocabulary
from diplograph.extract.context import Sentence

#: Where a clause's subject phrase starts, looking left: punctuation and conjunctions that open a clause.
CLAUSE_BOUNDARY = frozenset({",", ";", ":", "while", "whereas", "when", "as", "after", "before", "—", "–"})


def person_tokens(sent: Sentence, index: PersonIndex) -> dict[int, PersonMention]:
    """Token index -> the person mention covering it."""
    out: dict[int, PersonMention] = {}
    mentions = index.in_sentence(sent.index)
    if not mentions:
        return out
    first = sent.span.start
    starts = [tok.idx for tok in sent.span]  # ascending: bisect, not a scan per mention
    for m in mentions:
        for n in range(bisect_left(starts, m.start), bisect_left(starts, m.end)):
            out[first + n] = m
    return out


def persons_in(
    tok: Token | None, ptoks: dict[int, PersonMention], skip: set[int] | None = None
) -> list[int]:
    """Persons mentioned in a token's subtree, in order, without repeats."""
    if tok is None:
        return []
    out: list[int] = []
    for t in tok.subtree:
        if skip and t.i in skip:
            continue
        m = ptoks.get(t.i)
        if m is None or m.person in out:
            continue
        if t.i != tok.i and t.dep_ == "poss" and m.how.startswith("pronoun"):
            continue  # "with his counterparts": "his" is the other side
        out.append(m.person)
    after = _name_after_title(tok, ptoks, out, skip)
    if after is not None:
        out.append(after)
    return out


def _name_after_title(tok: Token, ptoks: dict[int, PersonMention], found: list[int],
                      skip: set[int] | None) -> int | None:
    """ "with General Secretary To Lam": the parser takes "To" for a
    preposition and hangs the name outside the phrase its title ends; a name
    right after a phrase that ends in a title is its."""
    edge = tok.right_edge
    after = ptoks.get(edge.i + 1)
    if (after is not None and after.person not in found and (skip is None or edge.i + 1 not in skip)
            and vocabulary().is_title_word(edge.text) and after.start == edge.doc[edge.i + 1].idx):
        return after.person
    return None


def all_persons(ptoks: dict[int, PersonMention]) -> list[int]:
    """Every person the sentence names, in order, without repeats."""
    out: list[int] = []
    for i in sorted(ptoks):
        if ptoks[i].person not in out:
            out.append(ptoks[i].person)
    return out


def clause_subjects(
    found: list[int], subj: Token | None, ptoks: dict[int, PersonMention], start: int
) -> list[int]:
    """The subject's persons, with those the parser left out of a coordination
    ("President Luong Cuong and Chairman Tran Thanh Man also held meetings"):
    every person named between the clause's start and the subject."""
    if subj is None or not found:
        return found
    i = subj.left_edge.i - 1
    doc = subj.doc
    while i >= start and doc[i].lower_ not in CLAUSE_BOUNDARY and doc[i].pos_ not in ("VERB", "AUX"):
        i -= 1
    extra = [m.person for k, m in sorted(ptoks.items()) if i < k < subj.left_edge.i
             and m.how in ("name", "nominal") and m.person not in found]
    return list(dict.fromkeys(extra)) + found


def verb_subject(verb: Token) -> tuple[Token | None, bool]:
    """The subject of a verb (climbing through participles, conjoined verbs and
    clauses that have none), and whether the verb is passive."""
    seen = 0
    tok = verb
    while tok is not None and seen < 5:
        passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in tok.children)
        subjects = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass", "csubj")]
        if subjects:
            # the parser sometimes makes a dateline a second subject: prefer the one nearest the verb
            return subjects[-1], passive
        if tok.dep_ in ("ROOT",) or tok.head.i == tok.i:
            return None, passive
        tok = tok.head
        seen += 1
    return None, False


def governing_verb(tok: Token) -> Token | None:
    """The verb a noun hangs from ("held talks", "in a meeting with ... said")."""
    cur = tok
    for _ in range(5):
        if cur.head.i == cur.i:
            return cur if cur.pos_ in ("VERB", "AUX") else None
        cur = cur.head
        if cur.pos_ in ("VERB", "AUX"):
            return cur
    return None


def named_right_before(tok: Token, ptoks: dict[int, PersonMention]) -> list[int]:
    """The person named right before a verb that has no subject in the parse
    ("Later on Monday, To Lam also met ..."), adverbs allowed between."""
    i = tok.i - 1
    while i >= tok.sent.start and tok.doc[i].pos_ in ("ADV", "AUX", "PART"):
        i -= 1
    m = ptoks.get(i) if i >= tok.sent.start else None
    return [m.person] if m is not None else []


def subtree_text(tok: Token) -> str:
    """The words of a token's subtree, lower case."""
    return tok.doc[tok.left_edge.i : tok.right_edge.i + 1].text.lower()


def controlled_subject(verb: Token) -> tuple[Token | None, bool]:
    """A verb's subject climbing only through conjoined, controlled and
    adverbial verbs ("agreed to sign": the subject of "agreed"), and whether
    it is the subject of a passive. Why not `verb_subject`: the events engine
    codes one event per clause, and a clause embedded under a noun or another
    clause ("the decision to impose sanctions") has no actor of its own; the
    meetings rules climb further because a meeting's sides are the
    sentence's."""
    cur = verb
    for _ in range(4):
        subjects = [c for c in cur.children if c.dep_ in ("nsubj", "nsubjpass", "csubj")]
        if subjects:
            return subjects[-1], subjects[-1].dep_ == "nsubjpass"
        if cur.dep_ not in ("conj", "xcomp", "advcl") or cur.head.i == cur.i:
            break
        cur = cur.head
    return None, False


def agent_of(verb: Token) -> Token | None:
    """The "by" phrase of a passive verb."""
    for c in verb.children:
        if c.dep_ == "agent":
            for g in c.children:
                if g.dep_ == "pobj":
                    return g
    return None
