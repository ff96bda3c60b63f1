"""Meetings: who met whom, when, where, on what occasion (GUIDELINES "meetings").

Why the dependency parse: the participants of "During his meeting with
Prime Minister Pham Minh Chinh, FIFA President Gianni Infantino expressed..."
are the possessor/subject on one side and the "with" object on the other,
whatever else the sentence names. So for every trigger (a verb like "met",
"received", "hosted"; a noun like "talks", "meeting", "call" under "held"/
"paid" or a preposition; a visit) one side is the subject (or possessor) and
the other the object (or the "with"/"on"/"for"/"by" object). Persons come
from `actors.resolve` (names, short forms, pronouns, "the Japanese leader");
where a side names no person, its states or bodies stand for it.

Also recorded, as the GUIDELINES decide: past visits mentioned in passing
(visitor and host state, date null unless a day is given), gatherings named
after their parties ("the 13th ASEAN-US Summit"), and "the two leaders/sides"
where the same sentence makes both states plain. Future and hypothetical
encounters ("will visit", "invited him to visit", "the upcoming visit") are
not meetings. One record per meeting: records with the same participants
(or a partly named record compatible with a fully named one) are merged,
keeping every sentence's span.

Trigger words, future markers and gathering names are data
(`data/meetings.yaml`).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.tokens import Token

from diplograph import dates
from diplograph.actors.knowledge import knowledge, load_yaml
from diplograph.actors.resolve import PersonIndex, PersonMention, vocabulary
from diplograph.extract.context import ReportContext, Sentence
from diplograph.extract.meeting_hosts import (
    between_states,
    counterparts_including,
    dated_as_news,
    listed_counterparts,
    listed_visits,
    name_hosts,
)
from diplograph.records import Meeting, Participant, ResolvedDate, Span

# --------------------------------------------------------------------------- vocabulary


@dataclass(frozen=True)
class MeetingWords:
    verbs: frozenset[str]
    nouns: frozenset[str]
    light_verbs: frozenset[str]
    visit_words: frozenset[str]
    phone_words: frozenset[str]
    future_modifiers: frozenset[str]
    future_governors: frozenset[str]
    future_auxiliaries: frozenset[str]
    two_sides: re.Pattern[str]
    gathering: re.Pattern[str]
    gathering_future: re.Pattern[str]
    joint_verbs: frozenset[str]
    representatives: frozenset[str]
    talk_verbs: frozenset[str]
    decision_verbs: frozenset[str]


@lru_cache(maxsize=1)
def words() -> MeetingWords:
    data = load_yaml("meetings.yaml")
    sides = "|".join(re.escape(s) for s in sorted(data["two_sides"], key=len, reverse=True))
    gatherings = "|".join(re.escape(g) for g in sorted(data["named_gatherings"], key=len, reverse=True))
    future = "|".join(re.escape(g) for g in sorted(data["gathering_future"], key=len, reverse=True))
    return MeetingWords(
        verbs=frozenset(data["verbs"]),
        nouns=frozenset(data["nouns"]),
        light_verbs=frozenset(data["light_verbs"]),
        visit_words=frozenset(data["visit_words"]),
        phone_words=frozenset(data["phone_words"]),
        future_modifiers=frozenset(data["future_modifiers"]),
        future_governors=frozenset(data["future_governors"]),
        future_auxiliaries=frozenset(data["future_auxiliaries"]),
        two_sides=re.compile(rf"(?i)(?:^|[,;:]\s*|\b(?:and|but|as|when|while)\s+)({sides})\b"),
        gathering=re.compile(rf"\s*(?:{gatherings})\b"),
        joint_verbs=frozenset(data["joint_verbs"]),
        representatives=frozenset(data["representatives"]),
        talk_verbs=frozenset(data["talk_verbs"]),
        decision_verbs=frozenset(data["decision_verbs"]),
        gathering_future=re.compile(rf"(?i)\b(?:{future})\s+(?:the\s+|their\s+|its\s+)?(?:\w+\s+){{0,2}}$"),
    )


# --------------------------------------------------------------------------- candidates

#: A participant inside the extractor: a person (index) or a state/body code.
Party = tuple[str, int | str]  # ("person", index) | ("state", code)


@dataclass
class Draft:
    """A meeting found in one sentence, before merging."""

    parties: list[Party]
    kind: str  # named | partial | states | gathering | visit
    mode: str
    sentence: Sentence
    date: ResolvedDate
    location: str | None = None
    occasion: str | None = None
    spans: list[Span] = field(default_factory=list)
    trigger: Token | None = None  # the word that reports the encounter ("met", "talks", "visit")

    def persons(self) -> set[int]:
        return {int(v) for k, v in self.parties if k == "person"}


def _person_tokens(sent: Sentence, index: PersonIndex) -> dict[int, PersonMention]:
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


def _persons_in(
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
    # "with General Secretary To Lam": the parser takes "To" for a preposition and hangs the name
    # outside the phrase its title ends; a name right after a phrase that ends in a title is its
    edge = tok.right_edge
    after = ptoks.get(edge.i + 1)
    if (after is not None and after.person not in out and (skip is None or edge.i + 1 not in skip)
            and vocabulary().is_title_word(edge.text) and after.start == edge.doc[edge.i + 1].idx):
        out.append(after.person)
    return out


def _states_in(tok: Token | None, sent: Sentence) -> list[str]:
    if tok is None:
        return []
    start, end = tok.left_edge.idx, tok.right_edge.idx + len(tok.right_edge.text)
    out: list[str] = []
    doc = tok.doc
    for m in sent.mentions:
        if not (start <= m.start < end) or m.entity.code in out or m.how == "capital":
            continue
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is not None and _in_place_phrase(span.root, tok):
            continue  # "counterparts in Kuala Lumpur, Malaysia": a place, not a party
        if m.entity.kind == "body" and span is not None and span.root.head.lower_ in _MEMBER_NOUNS:
            continue  # "four Asean leaders": leaders of member states, not the body
        if m.how == "demonym" and span is not None and not _for_representative(span.root):
            continue  # "Vietnamese businesses", "Thai fruit": not a state's side in an encounter
        at = m.end - sent.start  # the sentence's own text: `Doc.text` rebuilds the whole text per call
        if words().gathering.match(sent.text, at) or _GATHERING_NOUN.match(sent.text, at):
            continue  # "on the sidelines of the 43rd ASEAN Summit": the occasion, not a party
        out.append(m.entity.code)
    return out


#: A gathering's own noun right after a state or body ("ASEAN Summit", "G20 Leaders' Meeting").
_GATHERING_NOUN = re.compile(r"\s+(?:(?:Leaders|Foreign\s+Ministers|Ministers)[’']?\s+)?"
                             r"(?:Summit|Meeting|Retreat|Forum|Conference|Dialogue|Session|Congress)s?\b")


def _capitals_in(tok: Token, sent: Sentence) -> list[str]:
    """The states whose capitals a phrase names ("to Hanoi")."""
    start, end = tok.left_edge.idx, tok.right_edge.idx + len(tok.right_edge.text)
    return list(dict.fromkeys(m.entity.code for m in sent.mentions
                              if start <= m.start < end and m.how == "capital"))


def _for_representative(tok: Token) -> bool:
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


_MEMBER_NOUNS = frozenset({"leaders", "members", "countries", "nations", "states", "partners"})


def _in_setting(tok: Token) -> bool:
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


def _in_place_phrase(tok: Token, limit: Token) -> bool:
    cur = tok
    for _ in range(6):
        if cur.i == limit.i or cur.head.i == cur.i:
            return False
        if cur.dep_ == "pobj" and cur.head.lower_ in ("in", "at", "near", "within", "across", "inside"):
            return True
        cur = cur.head
    return False


_BOUNDARY = frozenset({",", ";", ":", "while", "whereas", "when", "as", "after", "before", "—", "–"})


def _clause_subjects(
    found: list[int], subj: Token | None, ptoks: dict[int, PersonMention], start: int
) -> list[int]:
    """The subject's persons, with those the parser left out of a coordination
    ("President Luong Cuong and Chairman Tran Thanh Man also held meetings"):
    every person named between the clause's start and the subject."""
    if subj is None or not found:
        return found
    i = subj.left_edge.i - 1
    while i >= start and subj.doc[i].lower_ not in _BOUNDARY and subj.doc[i].pos_ not in ("VERB", "AUX"):
        i -= 1
    extra = [m.person for k, m in sorted(ptoks.items()) if i < k < subj.left_edge.i
             and m.how in ("name", "nominal") and m.person not in found]
    return list(dict.fromkeys(extra)) + found


def _subject(verb: Token) -> tuple[Token | None, bool]:
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


def _governing_verb(tok: Token) -> Token | None:
    """The verb a noun hangs from ("held talks", "in a meeting with ... said")."""
    cur = tok
    for _ in range(5):
        if cur.head.i == cur.i:
            return cur if cur.pos_ in ("VERB", "AUX") else None
        cur = cur.head
        if cur.pos_ in ("VERB", "AUX"):
            return cur
    return None


def _is_future(tok: Token, vocab: MeetingWords) -> bool:
    """A trigger that is future or hypothetical: an auxiliary "will"/"would",
    an infinitive ("to visit") under "invite", "plan", "agree", "hope"...,
    a modifier ("upcoming", "planned", "next"), or a governing verb of that
    kind ("invited him to visit", "looks forward to the meeting")."""
    for c in tok.children:
        if c.dep_ in ("aux", "auxpass") and c.lower_ in vocab.future_auxiliaries:
            return True
        if c.dep_ in ("amod", "compound", "advmod", "nmod") and c.lower_ in vocab.future_modifiers:
            return True
        if c.dep_ == "aux" and c.lower_ == "to":
            return True  # "to visit", "to meet": purpose, plan, invitation
    cur = tok
    for _ in range(4):
        head = cur.head
        if head.i == cur.i:
            break
        if cur.dep_ == "pobj" and head.lower_ in _SETTING_PREPOSITIONS:
            # "X and Y agreed to elevate ties during talks": the talks are where they agreed, not what
            break
        if head.lower_ in vocab.future_governors and head.i < tok.i:
            return True
        if any(c.dep_ == "aux" and c.lower_ in vocab.future_auxiliaries for c in head.children) and (
            cur.dep_ in ("dobj", "xcomp", "conj", "pobj", "prep")
        ):
            return True
        if head.pos_ == "VERB" and head.dep_ in ("xcomp", "advcl", "acl") and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in head.children
        ) and cur.dep_ in ("dobj", "pobj", "prep"):
            return True  # "to participate in a meeting between ...": a purpose, not an event
        cur = head
    before = tok.doc[max(tok.sent.start, tok.i - 3) : tok.i]
    return any(t.lower_ in vocab.future_modifiers for t in before)


#: Prepositions that make a meeting the setting of what the clause above reports.
_SETTING_PREPOSITIONS = frozenset({"during", "at", "in", "after", "following", "amid", "throughout"})


def is_future(tok: Token) -> bool:
    """A word's event is future or hypothetical (see `_is_future`)."""
    return _is_future(tok, words())


def _mode(sent: Sentence, tok: Token, vocab: MeetingWords) -> str:
    window = tok.doc[max(tok.sent.start, tok.i - 3) : min(tok.sent.end, tok.i + 3)]
    words_near = {t.lower_ for t in window}
    if words_near & (vocab.phone_words - {"call", "calls"}) or (
        tok.lower_ in ("call", "calls") and not any(t.lower_ == "courtesy" for t in window)
    ):
        return "phone"
    if tok.lower_ in vocab.visit_words:
        return "visit"
    return "meeting"


_LOCATION = re.compile(
    r"\b(?:in|at)\s+(?:the\s+)?((?:[A-ZÀ-Ỹ][\w’'-]*\s?){1,4}?)(?=[\s,.;]|$)(?:,\s*((?:[A-ZÀ-Ỹ][\w-]*\s?){1,3}))?"
)
_OCCASION = re.compile(
    r"\b(?:on\s+the\s+sidelines\s+of|within\s+the\s+framework\s+of|at|during|on\s+the\s+occasion\s+of)\s+"
    r"(?:the\s+)?((?:\d+(?:st|nd|rd|th)\s+|first\s+|second\s+|third\s+)?(?:[A-Z0-9][\w’'–-]*\s+){0,6}?"
    r"(?:Summit|Dialogue|Conference|Forum|Meeting|Retreat|Congress|Expo|Games|Session|Week)s?"
    r"(?:\s+and\s+[Rr]elated\s+[Ss]ummits)?)"
)


_VENUE = re.compile(r"(?i)palace|house|hall|hotel|centre|center|building|office|headquarters")


def _is_place(ent) -> bool:
    """A place entity, or an organisation-labelled venue ("Merdeka Palace")."""
    return ent.label_ in ("GPE", "FAC", "LOC") or (ent.label_ == "ORG" and bool(_VENUE.search(ent.text)))


def _location(ctx: ReportContext, sent: Sentence, tok: Token | None = None) -> str | None:
    """Where the encounter took place ("met ... in Kuala Lumpur", "talks at
    Government House in Bangkok"): a place entity in an in/at phrase of the
    trigger or the verb it hangs from. Without a trigger (a gathering), the
    first place after in/at in the sentence."""
    if tok is not None:
        heads = [tok]
        verb = _governing_verb(tok) if tok.pos_ != "VERB" else None
        if verb is not None:
            heads.append(verb)
        heads += [c for h in list(heads) for c in h.children if c.dep_ in ("dobj", "pobj")]
        heads += [c for h in list(heads) for c in h.children if c.dep_ == "pobj"]
        for head in heads:
            for c in head.children:
                if c.dep_ != "prep" or c.lower_ not in ("in", "at"):
                    continue
                for ent in sent.ents:
                    if ent.root.head.i == c.i and _is_place(ent):
                        return ent.text
        return None
    for ent in sent.ents:
        if ent.label_ not in ("GPE", "FAC", "LOC"):
            continue
        before = ctx.text[max(sent.start, ent.start_char - 8) : ent.start_char].lower()
        if re.search(r"\b(?:in|at)\s+(?:the\s+)?$", before):
            return ent.text
    return None


def _occasion(sent: Sentence) -> str | None:
    m = _OCCASION.search(sent.text)
    return m.group(1).strip() if m else None


# --------------------------------------------------------------------------- topic person


def _topic_person(ctx: ReportContext, sent: Sentence) -> int | None:
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


_HOST_VERBS = frozenset({"host", "hosts", "hosted", "hosting"})


def _is_body(code: str) -> bool:
    entity = knowledge().entities.get(code)
    return entity is not None and entity.kind == "body"


def _sides_for_verb(
    tok: Token, sent: Sentence, ptoks: dict[int, PersonMention]
) -> tuple[list[int], list[int], list[str]]:
    """Subject side and object side of a meeting verb ("X met Y", "X was
    welcomed by Y", "Meeting his counterpart Y, X said")."""
    subj, passive = _subject(tok)
    a = _clause_subjects(_persons_in(subj, ptoks), subj, ptoks, sent.span.start)
    if subj is None:
        a = _named_right_before(tok, ptoks)  # "To Lam met ...": the parser took "To" for a preposition
    b: list[int] = []
    b_states: list[str] = []
    hosting = tok.lower_ in _HOST_VERBS
    for c in tok.children:
        if c.dep_ in ("dobj", "attr", "oprd") or (
            c.dep_ == "prep" and c.lower_ in ("with", "for", "to", "by", "between")
        ):
            found = _persons_in(c, ptoks)
            if c.dep_ == "dobj" and c.i not in ptoks and c.lower_ not in words().representatives and all(
                t.dep_ == "poss" for t in c.children if t.i in ptoks or any(x.i in ptoks for x in t.subtree)
            ) and c.lower_ not in words().nouns:
                found = []  # "welcomed X's planned visit": the object is the visit, not X
                continue
            if c.dep_ == "prep" and c.lower_ == "by" and passive:
                a, found = found, a  # "was welcomed by Hu": Hu hosts
            b += [p for p in found if p not in b]
            b_states += [x for x in _states_in(c, sent) if not (hosting and _is_body(x))]
        elif c.dep_ == "agent":
            found = _persons_in(c, ptoks)
            a, b = (a + b), found if not b else b + found
    b = [p for p in b if p not in a]
    if not b and not b_states:
        # a parse that lost the object ("he also met PM Wong and ..."): the persons named after the verb
        owners = {m.person for i, m in ptoks.items() if tok.doc[i].dep_ == "poss"}  # "X's planned visit"
        b = [m.person for i, m in sorted(ptoks.items()) if i > tok.i and m.how in ("name", "nominal")
             and m.person not in a and m.person not in owners]
        b = list(dict.fromkeys(b))
    return a, b, b_states


def _named_right_before(tok: Token, ptoks: dict[int, PersonMention]) -> list[int]:
    """The person named right before a verb that has no subject in the parse
    ("Later on Monday, To Lam also met ..."), adverbs allowed between."""
    i = tok.i - 1
    while i >= tok.sent.start and tok.doc[i].pos_ in ("ADV", "AUX", "PART"):
        i -= 1
    m = ptoks.get(i) if i >= tok.sent.start else None
    return [m.person] if m is not None else []


def _with_objects(
    noun: Token, ptoks: dict[int, PersonMention], sent: Sentence,
    preps: tuple[str, ...] = ("with", "between", "on", "for", "from", "by", "among"),
) -> tuple[list[int], list[str]]:
    """Persons and states in a noun's "with"/"between"/"on" (a courtesy call
    on)/"from"/"by" phrases."""
    persons: list[int] = []
    states: list[str] = []
    for c in noun.children:
        if c.dep_ == "prep" and c.lower_ in preps:
            persons += [p for p in _persons_in(c, ptoks) if p not in persons]
            states += [s for s in _states_in(c, sent) if s not in states]
    return persons, states


def _poss(noun: Token, ptoks: dict[int, PersonMention]) -> tuple[list[int], bool]:
    """The possessor of a noun ("his meeting", "Ishiba's visit", "their talks")."""
    for c in noun.children:
        if c.dep_ == "poss":
            if c.lower_ == "their":
                return [], True
            return _persons_in(c, ptoks), False
    return [], False


def _drafts_in(ctx: ReportContext, sent: Sentence, vocab: MeetingWords) -> list[Draft]:
    index = ctx.persons
    assert index is not None
    ptoks = _person_tokens(sent, index)
    out: list[Draft] = []
    used_nouns: set[int] = set()
    for tok, low, pos in sent.tagged():
        is_verb = pos == "VERB" and (low in vocab.verbs or low in ("call", "calls", "called"))
        is_noun = pos in ("NOUN", "PROPN") and low in vocab.nouns and tok.i not in used_nouns
        is_visit = low in vocab.visit_words
        if not (is_verb or is_noun or is_visit):
            continue
        if _is_future(tok, vocab):
            continue
        if is_visit:
            draft = _visit(ctx, sent, tok, ptoks)
            if draft is not None:
                out.append(draft)
            continue
        if low in ("call", "calls", "called") and tok.pos_ == "VERB":
            out += _call_on(ctx, sent, tok, ptoks, vocab)
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
            a, b, b_states = _sides_for_verb(tok, sent, ptoks)
            subj_states = _states_in(_subject(tok)[0], sent)
            objects = [c for c in tok.children if c.dep_ == "dobj"]
            if objects and not b and not b_states and not any(c.lower_ in vocab.nouns for c in objects):
                continue  # "hosting APEC 2027", "welcomed the completion": not an encounter
            for c in tok.children:
                if c.dep_ == "dobj" and c.lower_ in vocab.nouns:
                    used_nouns.add(c.i)
                    more, states = _with_objects(c, ptoks, sent)
                    b += [p for p in more if p not in b and p not in a]
                    b_states += states
                    plural = plural or c.lower_.endswith("s") or any(
                        x.lower_ in ("separate", "respective") for x in c.children
                    )
        else:
            b, b_states = _with_objects(tok, ptoks, sent)
            owner, their = _poss(tok, ptoks)
            comma = next((t.i for t in sent.span if t.text == ","), None)
            fronted_main: list[int] = []
            if comma is not None and tok.i < comma and sent.span[0].pos_ in ("ADP", "VERB"):
                # "During the meeting with X, Y said": the phrase's persons stop at the comma (the parser
                # sometimes runs it into the main clause)
                fronted_main = [m.person for k, m in sorted(ptoks.items())
                                if comma < k <= comma + 4 and m.how in ("name", "nominal")]
                named_before = {m.person for k, m in ptoks.items() if k < comma and m.how == "name"}
                b = [p for p in b if p in named_before or p not in fronted_main]
            verb = _governing_verb(tok)
            if verb is not None and verb.lower_ in vocab.light_verbs and tok.dep_ == "dobj":
                # "held talks ... with X": the "with" may hang from the verb
                more, states = _with_objects(verb, ptoks, sent, ("with", "between"))
                b += [p for p in more if p not in b]
                b_states += [x for x in states if x not in b_states]
            if verb is not None and verb.lower_ in vocab.light_verbs and _is_future(verb, vocab):
                continue
            if verb is not None and verb.lower_ in _ATTEND and not b and not owner:
                continue  # "the ambassadors attended the meeting as observers": attending, not meeting
            subj, _ = _subject(verb) if verb is not None else (None, False)
            subject_persons = _clause_subjects(_persons_in(subj, ptoks), subj, ptoks, sent.span.start)
            subj_states = _states_in(subj, sent) if not owner and not fronted_main else []
            if not subject_persons and fronted_main:
                subject_persons = [p for p in dict.fromkeys(fronted_main) if p not in b][:1]
            if owner:
                a = owner
            elif their:
                a = subject_persons or [p for p in _all_persons(ptoks) if p not in b]
            else:
                a = subject_persons
            if tok.dep_ == "pobj" and tok.head.lower_ == "in" and not (b or b_states or owner or their):
                continue  # "in meetings" with nobody named
            b = [p for p in b if p not in a]
            if not a and (b or b_states) and not subj_states:
                topic = _topic_person(ctx, sent)
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
                out.append(_draft(ctx, sent, parties, kind, _mode(sent, tok, vocab), ResolvedDate(None), tok))
            continue
        if not b and not b_states and len(a) < 2:
            # "PM Chinh chaired ... bilateral talks ... in honour of PM Ishiba": two persons, one subject
            others = [p for p in _all_persons(ptoks) if p not in a]
            if len(a) == 1 and len(others) == 1:
                b = others
        out += _split(ctx, sent, tok, a, b, b_states, plural, vocab)
    return out


def _call_on(ctx: ReportContext, sent: Sentence, tok: Token, ptoks: dict[int, PersonMention],
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
            b += _persons_in(c, ptoks)
    subj, _ = _subject(tok)
    a = _clause_subjects(_persons_in(subj, ptoks), subj, ptoks, sent.span.start)
    b = [p for p in b if p not in a]
    if not a or not b:
        return []
    return _split(ctx, sent, tok, a, b, [], False, vocab)


def _all_persons(ptoks: dict[int, PersonMention]) -> list[int]:
    out: list[int] = []
    for i in sorted(ptoks):
        if ptoks[i].person not in out:
            out.append(ptoks[i].person)
    return out


def _split(ctx: ReportContext, sent: Sentence, tok: Token, a: list[int], b: list[int], b_states: list[str],
           plural: bool, vocab: MeetingWords) -> list[Draft]:
    """One draft per object person (or per state where no person is named);
    subjects together, or one each with a plural trigger ("held meetings")."""
    mode = _mode(sent, tok, vocab)
    date = ResolvedDate(None)
    out = []
    if not b and not b_states:
        if len(a) >= 2:
            out.append(_draft(ctx, sent, [("person", p) for p in a], "named", mode, date, tok))
        return out
    subjects = [[p] for p in a] if plural and len(a) > 1 else [a]
    others: list[Party] = [("person", p) for p in b] if b else [("state", s) for s in b_states]
    for group in subjects:
        for other in others:
            parties: list[Party] = [("person", p) for p in group] + [other]
            if len(parties) < 2:
                continue
            kind = "named" if other[0] == "person" else "partial"
            out.append(_draft(ctx, sent, parties, kind, mode, date, tok))
    return out


def _draft(ctx: ReportContext, sent: Sentence, parties: list[Party], kind: str, mode: str,
           date: ResolvedDate, trigger: Token | None = None) -> Draft:
    _, span = ctx.evidence(sent)
    return Draft(parties, kind, mode, sent, date, _location(ctx, sent, trigger), _occasion(sent), [span],
                 trigger)


_ATTEND = frozenset({"attend", "attends", "attended", "attending"})
_PAYING = frozenset({"paid", "pay", "pays", "paying", "made", "make", "makes", "making"})
_HOSTING = frozenset({"invitation", "invited", "hosted", "host", "received", "welcomed", "greeted", "guest"})


def _visit(ctx: ReportContext, sent: Sentence, tok: Token, ptoks: dict[int, PersonMention]) -> Draft | None:
    """A visit reported as past: "Ishiba's official visit to Viet Nam", "the
    visit to Vietnam by Xi Jinping", "Zelensky visited Singapore". The
    visitor and the host state, or a named host in the same sentence."""
    visitors: list[int] = []
    hosts: list[str] = []
    if tok.pos_ == "VERB":
        if tok.lower_ == "visiting":
            return None  # "his visiting counterparts": an adjective here
        subj, _ = _subject(tok)
        visitors = _persons_in(subj, ptoks)
        for c in tok.children:
            if c.dep_ == "dobj":
                hosts = _states_in(c, sent)
    else:
        owner, _ = _poss(tok, ptoks)
        visitors = owner
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ == "by":
                visitors = visitors or _persons_in(c, ptoks)
            elif c.dep_ == "prep" and c.lower_ == "to":
                hosts = _states_in(c, sent) or _capitals_in(c, sent)  # "visit to Seoul": to Korea
            elif c.dep_ == "compound":
                hosts = hosts or _states_in(c, sent)
        if not visitors:
            for c in tok.children:
                if c.dep_ == "prep" and c.lower_ == "of":
                    visitors = _persons_in(c, ptoks)
        if not visitors and tok.dep_ == "dobj" and tok.head.lower_ in _PAYING:
            subj, _ = _subject(tok.head)  # "X paid a courtesy visit to ..."
            visitors = _persons_in(subj, ptoks)
    index = ctx.persons
    assert index is not None
    if visitors and not hosts and tok.pos_ != "VERB":
        # "paid a courtesy visit to Prime Minister X": a visit to a person is a meeting with them
        to = [c for c in tok.children if c.dep_ == "prep" and c.lower_ == "to"]
        called = [p for c in to for p in _persons_in(c, ptoks) if p not in visitors]
        if called:
            return _draft(ctx, sent, [("person", visitors[0]), ("person", called[0])], "named", "meeting",
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
        for p in _persons_in(c, ptoks)
    }
    # a host is named only in the visit's own phrase or as the one who invited, hosted, received
    host_phrases = [tok] + [t for t in tok.sent if t.lower_ in _HOSTING]
    in_phrases = {p for t in host_phrases for p in _persons_in(t, ptoks)}
    named_hosts = [p for p in _all_persons(ptoks) if p != visitor and p not in visitors_here
                   and p in in_phrases and index.persons[p].country == host]
    if named_hosts:
        parties: list[Party] = [("person", visitor), ("person", named_hosts[0])]
        kind = "named"
    else:
        parties = [("person", visitor), ("state", host)]
        kind = "visit"
    draft = _draft(ctx, sent, parties, kind, "visit", ResolvedDate(None), tok)
    draft.location = draft.location or None
    return draft


_JOIN = re.compile(r"\s*[-–—/]\s*")
_ORDINAL_BEFORE = re.compile(r"(?:\b(?:the\s+)?(?:\d+(?:st|nd|rd|th)|first|second|third|fourth|fifth)\s+)?$")


def _gatherings(ctx: ReportContext, sent: Sentence, vocab: MeetingWords) -> list[Draft]:
    """Gatherings named after their parties: "the 13th ASEAN–US Summit",
    "the first ASEAN-GCC-China Summit", "the 4th Viet Nam–Thailand Joint
    Cabinet Retreat". Not when the gathering is a purpose ("for the ...
    Summit", "ahead of")."""
    out = []
    mentions = sorted(sent.mentions, key=lambda m: m.start)
    k = 0
    while k < len(mentions):
        group = [mentions[k]]
        j = k + 1
        while j < len(mentions) and _JOIN.fullmatch(ctx.text[group[-1].end : mentions[j].start]):
            group.append(mentions[j])
            j += 1
        k = j
        codes = list(dict.fromkeys(m.entity.code for m in group))
        if len(codes) < 2:
            continue
        tail = ctx.text[group[-1].end : sent.end]
        m = vocab.gathering.match(tail)
        if not m:
            # "(GCC) Summit": a bracketed short name between
            m = re.match(r"\s*\([^)]{1,12}\)", tail)
            if not m or not vocab.gathering.match(tail[m.end() :]):
                continue
        head = ctx.text[sent.start : group[0].start]
        if vocab.gathering_future.search(head):
            continue
        name_start = _ORDINAL_BEFORE.search(head)
        _, span = ctx.evidence(sent)
        occasion = ctx.text[sent.start + (name_start.start() if name_start else len(head)) : group[-1].end]
        occasion = (occasion + tail[: (m.end() if m else 0)]).strip()
        parties: list[Party] = [("state", c) for c in codes]
        out.append(Draft(parties, "gathering", "multilateral", sent, ResolvedDate(None),
                         _location(ctx, sent), occasion, [span]))
    out += _summits_between(ctx, sent, vocab, mentions)
    return out


_SUMMIT_BETWEEN = re.compile(r"\b(?:summit|summit\s+meeting)\s+between\s+(?:the\s+)?$", re.IGNORECASE)


def _summits_between(ctx: ReportContext, sent: Sentence, vocab: MeetingWords, mentions: list) -> list[Draft]:
    """ "chaired the first summit between the Gulf Cooperation Council and the
    Association of Southeast Asian Nations": a gathering of the two, unless
    it is a purpose ("to attend the summit between ...")."""
    out = []
    for a, b in zip(mentions, mentions[1:], strict=False):
        lead = ctx.text[max(sent.start, a.start - 40) : a.start]
        m = _SUMMIT_BETWEEN.search(lead)
        if (m is None or a.entity.code == b.entity.code
                or not re.fullmatch(r"\s+and\s+(?:the\s+)?", ctx.text[a.end : b.start])):
            continue
        at = a.start - len(lead) + m.start()  # where "summit" stands
        if vocab.gathering_future.search(ctx.text[sent.start : at]):
            continue
        span = ctx.doc.char_span(at, at + len("summit"), alignment_mode="expand")
        if span is not None and is_future(span.root):
            continue
        _, evidence_span = ctx.evidence(sent)
        parties: list[Party] = [("state", a.entity.code), ("state", b.entity.code)]
        out.append(Draft(parties, "gathering", "multilateral", sent, ResolvedDate(None), _location(ctx, sent),
                         None, [evidence_span], span.root if span is not None else None))
    return out


def _joint(ctx: ReportContext, sent: Sentence, vocab: MeetingWords) -> list[Draft]:
    """ "X and his/her counterpart Y agreed ...", "Prabowo and Anwar
    discussed ...": two persons of two states acting together report an
    encounter."""
    index = ctx.persons
    assert index is not None
    ptoks = _person_tokens(sent, index)
    out = []
    for tok, low, pos in sent.tagged():
        if pos != "VERB" or low not in vocab.joint_verbs or _is_future(tok, vocab):
            continue
        subj, _ = _subject(tok)
        if subj is None or subj.head.i != tok.i:
            continue
        decided = low in vocab.decision_verbs and any(c.dep_ == "xcomp" and c.pos_ == "VERB"
                                                      for c in tok.children)
        if tok.lower_ not in vocab.talk_verbs and "counterpart" not in _text(subj) and not decided:
            continue  # "X and Y agreed with Z's proposals": acting together is not meeting each other
        persons = _persons_in(subj, ptoks)
        countries = {index.persons[p].country for p in persons}
        if len(persons) == 2 and len(countries) == 2 and None not in countries:
            out.append(_draft(ctx, sent, [("person", p) for p in persons], "joint", "meeting",
                              ResolvedDate(None), tok))
    if not out:
        out += _joint_by_text(ctx, sent, vocab)
    return out


_JOINED = re.compile(r"\s*(?:,\s*)?and\s+(?:(?:his|her)\s+)?(?:[A-Z][\w-]*\s+|counterpart\s+){0,4}")


def _joint_by_text(ctx: ReportContext, sent: Sentence, vocab: MeetingWords) -> list[Draft]:
    """"X and Y co-chaired the Leaders' Retreat" where the parse is lost
    (the tagger splits "co-chaired" and makes "co" the verb): two named
    persons of two states joined by "and", right before a talk verb."""
    index = ctx.persons
    assert index is not None
    mentions = [m for m in index.in_sentence(sent.index) if m.how in ("name", "nominal")]
    verbs = "|".join(re.escape(v) for v in sorted(vocab.talk_verbs, key=len, reverse=True))
    act = re.compile(rf"\s*(?:also\s+|jointly\s+)?(?:{verbs})\b", re.IGNORECASE)
    out = []
    for a, b in zip(mentions, mentions[1:], strict=False):
        between = ctx.text[a.end : b.start]
        after = act.match(ctx.text, b.end, sent.end)
        if a.person == b.person or not _JOINED.fullmatch(between) or after is None:
            continue
        countries = {index.persons[a.person].country, index.persons[b.person].country}
        if len(countries) != 2 or None in countries:
            continue
        span = ctx.doc.char_span(after.end() - 1, after.end(), alignment_mode="expand")
        trigger = span.root if span is not None else None
        if trigger is not None and _is_future(trigger, vocab):
            continue
        out.append(_draft(ctx, sent, [("person", a.person), ("person", b.person)], "joint", "meeting",
                          ResolvedDate(None), trigger))
    return out


def _text(tok: Token) -> str:
    return tok.doc[tok.left_edge.i : tok.right_edge.i + 1].text.lower()


def _in_proper_name(ctx: ReportContext, sent: Sentence, mention) -> bool:
    """A state written inside a dash-joined proper name ("the China-ASEAN Free
    Trade Area"): every mention of its code there is joined by a dash to
    another and followed by a capitalised word."""
    ms = sorted(sent.mentions, key=lambda m: m.start)
    for n, m in enumerate(ms):
        if m.entity.code != mention.entity.code:
            continue
        joined = (n + 1 < len(ms) and _JOIN.fullmatch(ctx.text[m.end : ms[n + 1].start])) or (
            n > 0 and _JOIN.fullmatch(ctx.text[ms[n - 1].end : m.start]))
        last = ms[n + 1] if n + 1 < len(ms) and joined and ms[n + 1].start > m.start else m
        if not joined or not re.match(r"\s+[A-Z][a-z]", ctx.text[last.end : last.end + 3]):
            return False
    return True


def _two_sides(ctx: ReportContext, sent: Sentence, vocab: MeetingWords) -> list[Draft]:
    """ "The two leaders/sides ..." where the same sentence names exactly two
    states or bodies: a meeting between them."""
    said = vocab.two_sides.search(sent.text[:60])
    if not said:
        return []
    doc = sent.span.doc
    codes = []
    for m in sent.mentions:
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if m.how == "capital" or (span is not None and _in_setting(span.root)):
            continue  # "met in Bali, Indonesia, on the sidelines of the G20 summit": setting, not sides
        if span is not None and (span.root.head.lower_ in _MEMBER_NOUNS or any(
                t.lower_ in _MEMBER_NOUNS for t in span.root.head.children if t.i > span.root.i)):
            continue  # "other ASEAN member states": its members, not the body
        codes.append(m.entity.code)
    codes = list(dict.fromkeys(codes))
    if len(codes) != 2:
        return []
    if "two" not in said.group(1).lower() and "both" not in said.group(1).lower() and (
            ctx.parties[:2] and set(codes) != set(ctx.parties[:2])):
        return []  # "the ministers" of a multilateral meeting are not two sides of the states they name
    named = {m.entity.code for m in sent.mentions if _in_proper_name(ctx, sent, m)}
    if ctx.parties[:2] and not set(codes) <= set(ctx.parties[:2]) and named & set(codes):
        return []  # "the two sides agreed to conclude the China-ASEAN Free Trade Area" (China and Indonesia)
    _, span = ctx.evidence(sent)
    return [Draft([("state", c) for c in codes], "states", "meeting", sent, ResolvedDate(None),
                  None, _occasion(sent), [span])]


# --------------------------------------------------------------------------- merging


def _country(ctx: ReportContext, party: Party) -> str | None:
    kind, value = party
    if kind == "state":
        return str(value)
    assert ctx.persons is not None
    return ctx.persons.persons[int(value)].country


def _compatible(ctx: ReportContext, partial: Draft, full: Draft) -> bool:
    """Every party of `partial` is in `full`: the same person, or a state
    that a distinct party of `full` serves."""
    if len(partial.parties) != len(full.parties):
        return False
    free = list(full.parties)
    for party in sorted(partial.parties, key=lambda p: p[0] != "person"):
        if party in free:
            free.remove(party)
            continue
        if party[0] == "state":
            match = next((f for f in free if _country(ctx, f) == party[1]), None)
            if match is not None:
                free.remove(match)
                continue
        return False
    return True


def _merge(ctx: ReportContext, drafts: list[Draft]) -> list[Draft]:
    """One record per meeting: same persons merge; a partly named draft (or a
    visit, or "the two sides") merges into a fully named one it fits;
    gatherings named after parties stay apart."""
    kept: list[Draft] = []
    named = [d for d in drafts if d.kind == "named"]
    for d in named:
        same = next(
            (k for k in kept if k.persons() == d.persons() and len(k.parties) == len(d.parties)
             and (k.mode == "phone") == (d.mode == "phone") and _another_time(k) == _another_time(d)
             and _same_day(k, d)),
            None,
        )
        if same is not None:
            _absorb(same, d)
        else:
            kept.append(d)
    for d in drafts:
        if d.kind != "joint":
            continue
        same = next((k for k in kept if k.persons() == d.persons()), None)
        if same is not None:
            _absorb(same, d)
        else:
            d.kind = "named"
            kept.append(d)
    for d in drafts:
        if d.kind in ("named", "joint"):
            continue
        if d.kind in ("partial", "visit") and _degenerate(ctx, d):
            continue
        if d.kind in ("partial", "visit", "states"):
            targets = [k for k in kept if k.kind == "named" and _compatible(ctx, d, k)]
            if d.kind != "states" and not targets:
                targets = [k for k in kept if k.kind == d.kind and k.parties == d.parties]
            if targets:
                before = [k for k in targets if k.sentence.index <= d.sentence.index]
                _absorb((before or targets)[-1], d)
                continue
        if d.kind == "gathering":
            principals = _principals(ctx, d)
            if principals:  # "X and his Singaporean counterpart Y ... at the Malaysia-Singapore Retreat"
                d.parties, d.kind = [("person", p) for p in principals], "named"
                same = next((k for k in kept if k.kind == "named" and k.persons() == d.persons()
                             and not _another_time(k) and _same_day(k, d)), None)
                if same is not None:
                    _absorb(same, d)
                    same.occasion = same.occasion or d.occasion
                else:
                    kept.append(d)
                continue
            same = next((k for k in kept if k.kind == "gathering" and set(k.parties) == set(d.parties)
                         and _same_gathering(k.occasion, d.occasion)), None)
            if same is not None:  # the same retreat named again in a caption or a later paragraph
                _absorb(same, d)
                continue
            # "X and Y co-chaired the Malaysia-Singapore Leaders' Retreat": the two leaders met there
            leaders = next((k for k in kept if k.kind == "named" and k.sentence is d.sentence
                            and {_country(ctx, p) for p in k.parties} == {str(c) for _, c in d.parties}
                            and len(k.parties) == len(d.parties)), None)
            if leaders is not None:
                _absorb(leaders, d)
                leaders.occasion = d.occasion
                continue
        if d.kind == "states":
            same = next((k for k in kept if (k.kind in ("states", "gathering")
                                             and set(k.parties) == set(d.parties))
                         or (k.sentence is d.sentence and k.kind in ("partial", "gathering")
                             and _compatible(ctx, d, k))),
                        None)
            if same is not None:
                _absorb(same, d)
                continue
        kept.append(d)
    kept.sort(key=lambda k: k.sentence.index)
    return kept


def _principals(ctx: ReportContext, d: Draft) -> list[int]:
    """The two leaders of a gathering named after two states, where its
    sentence names exactly one person of each: "Anwar and his Singaporean
    counterpart Wong ... at the 11th Malaysia-Singapore Leaders' Retreat".
    A summit of more parties (or a body) keeps its parties (GUIDELINES)."""
    assert ctx.persons is not None
    codes = [str(c) for _, c in d.parties]
    if len(codes) != 2 or any(_is_body(c) for c in codes):
        return []
    by_state: dict[str, list[int]] = {c: [] for c in codes}
    for m in ctx.persons.in_sentence(d.sentence.index):
        country = ctx.persons.persons[m.person].country
        if m.how == "name" and country in by_state and m.person not in by_state[country]:
            by_state[country].append(m.person)
    if all(len(found) == 1 for found in by_state.values()):
        return [by_state[c][0] for c in codes]
    return []


def _same_day(a: Draft, b: Draft) -> bool:
    """Two encounters of the same persons told with two different days are
    two meetings (a dinner on Monday, the retreat on Tuesday)."""
    return not (a.date.value and b.date.value and a.date.value != b.date.value)


def _another_time(d: Draft) -> bool:
    """Dated by a month or a year only ("last met in Hanoi in September last
    year"): a past encounter, never the same as one told by its day."""
    return d.date.value is None and d.date.precision in ("month", "year")


_ORDINAL = re.compile(r"\b(\d+)(?:st|nd|rd|th)\b|\b(first|second|third|fourth|fifth|sixth|seventh|eighth|"
                      r"ninth|tenth)\b", re.IGNORECASE)


def _same_gathering(a: str | None, b: str | None) -> bool:
    """The same parties' gathering told twice ("the first summit between the
    GCC and ASEAN", "the GCC-ASEAN Summit"), unless the two say different
    ordinals ("the 13th ... Summit", "the 14th ... Summit")."""
    if _gathering_name(a) == _gathering_name(b):
        return True
    ordinals = [{(m.group(1) or m.group(2)).lower() for m in _ORDINAL.finditer(x or "")} for x in (a, b)]
    return not (ordinals[0] and ordinals[1] and ordinals[0] != ordinals[1])


def _gathering_name(occasion: str | None) -> str:
    return re.sub(r"^(?:the|a)\s+", "", (occasion or "").strip(), flags=re.IGNORECASE).lower()


def _degenerate(ctx: ReportContext, d: Draft) -> bool:
    """A person and their own state ("the PM of Timor Leste" beside Taur Matan Ruak)."""
    countries = [_country(ctx, p) for p in d.parties]
    return len(set(countries)) < len(countries)


def _absorb(into: Draft, other: Draft) -> None:
    for span in other.spans:
        if span not in into.spans:
            into.spans.append(span)
    if not into.date.value and other.date.value:
        into.date = other.date
    into.location = into.location or other.location
    into.occasion = into.occasion or other.occasion
    if into.mode == "meeting" and other.mode == "phone":
        into.mode = "phone"
    if other.kind == "named" and into.kind != "named":
        into.parties, into.kind = other.parties, "named"


# --------------------------------------------------------------------------- dates


def _dates(ctx: ReportContext, drafts: list[Draft]) -> None:
    """Each draft's date from its sentence; "the same day" from the latest
    earlier dated sentence. A sentence with several dates gives each
    encounter its own: "held a call with X on Wednesday and met Y on Friday"."""
    vocab = words()
    # sentences that report an encounter (a visit tells a span of days, not one: "from September 30 to
    # October 2")
    told = {d.sentence.index for d in drafts if d.kind != "visit"}
    last: ResolvedDate | None = None
    sentence_dates: dict[int, ResolvedDate] = {}
    previous: dict[int, ResolvedDate | None] = {}
    lead = True
    for sent in ctx.sentences:
        previous[sent.index] = last
        date = ctx.date_of(sent.text, previous=last)
        sentence_dates[sent.index] = date
        # the day "the same day" / "earlier the day" refers to is an encounter's, told in the lead or
        # in a sentence that reports one; not a caption's, nor a date said in passing ("right after
        # attending the summit held in Melbourne from March 4 to 6")
        encounter = sent.index in told or _has_trigger(sent, vocab, ctx.persons)
        if date.value and sent.zone != "caption" and (lead or encounter):
            lead = False
            # "met X on Thursday and Y on Friday morning. Earlier that day, ...": the day told last
            asides = _asides(sent)
            found = [f for f in ctx.found_dates(sent.text)
                     if (f.date.value or f.date.how in dates.ANAPHORIC)
                     and not any(a <= sent.start + f.start < b for a, b in asides)]
            if not found:
                continue  # its dates are all said in passing: the story's day stands
            latest = dates.pick(found[-1:], last)
            last = latest if latest.value else date
    for d in drafts:
        date = sentence_dates.get(d.sentence.index, ResolvedDate(None))
        if d.trigger is not None:
            date = _own_date(ctx, d.sentence, d.trigger, previous.get(d.sentence.index)) or date
            if date.value and _only_aside(ctx, d.sentence, d.trigger):
                date = ResolvedDate(None)  # "Marcos, who arrived on Monday night, held a meeting with ..."
        if date.value and dates.is_suspect(date, ctx.published):
            date = ResolvedDate(None, "day", "suspect")  # a past encounter dated after publication
        d.date = date if date.value else ResolvedDate(None, date.precision, date.how)


_CLAUSE_DEPS = frozenset({"conj", "advcl", "ccomp", "relcl", "parataxis", "xcomp"})


def _own_date(ctx: ReportContext, sent: Sentence, trigger: Token,
              previous: ResolvedDate | None) -> ResolvedDate | None:
    """Where a sentence fixes more than one day, the one in the trigger's own
    clause (the subtree of its verb, less the clauses conjoined to it), else
    the one nearest the trigger. None: the sentence's date stands."""
    found = ctx.found_dates(sent.text)
    days = [f for f in found if f.date.value or f.date.how in dates.ANAPHORIC]
    if len({(f.date.value, f.date.how) for f in days}) < 2:
        return None
    head = trigger if trigger.pos_ in ("VERB", "AUX") else (_governing_verb(trigger) or trigger)

    def extent(tok: Token) -> tuple[int, int]:
        return tok.left_edge.idx, tok.right_edge.idx + len(tok.right_edge)

    start, end = extent(head)
    others = [extent(t) for t in head.subtree if t.i != head.i and t.dep_ in _CLAUSE_DEPS
              and t.pos_ in ("VERB", "AUX") and not (t.left_edge.i <= trigger.i <= t.right_edge.i)]
    # "held talks ... on Monday, as part of his official visit from April 14 to 18": a visit's
    # span dates the visit, not the encounter told inside it
    others += [extent(t) for t in head.subtree if t.i != trigger.i and t.lower_ in words().visit_words
               and not (t.left_edge.i <= trigger.i <= t.right_edge.i)]
    own = [f for f in found if start <= sent.start + f.start < end
           and not any(a <= sent.start + f.start < b for a, b in others)]
    # "... on Monday, as part of his official visit from April 14 to 18": a range after a visit word
    # is the visit's, wherever the parser hangs it
    spans = [f for f in own if _span_range().search(sent.text[max(0, f.start - 80) : f.start])
             and re.search(r"(?i)\b(?:from|between)\s+$", sent.text[max(0, f.start - 10) : f.start])]
    own = [f for f in own if f not in spans] or own
    if own:
        # "arrived on Thursday, where a day earlier he held talks": counted from the sentence's own day
        base = next((f.date for f in days if f.date.value and f not in own), None) or previous
        return dates.pick(own, base)
    at = trigger.idx - sent.start
    nearest = min(days, key=lambda f: min(abs(f.start - at), abs(f.end - at)))
    return dates.pick([nearest], previous)


def _asides(sent: Sentence, trigger: Token | None = None) -> list[tuple[int, int]]:
    """The character ranges of the sentence's relative and adjectival clauses
    (less the one holding `trigger`): what they date is said in passing."""
    return [(t.left_edge.idx, t.right_edge.idx + len(t.right_edge)) for t in sent.span
            if t.dep_ in ("relcl", "acl") and t.pos_ in ("VERB", "AUX")
            and (trigger is None or not (t.left_edge.i <= trigger.i <= t.right_edge.i))]


def _only_aside(ctx: ReportContext, sent: Sentence, trigger: Token) -> bool:
    """Every date of the sentence lies in a relative or adjectival clause that
    does not hold the trigger: the date of something said in passing ("X,
    who arrived in Hanoi on Monday night, held talks with Y"; "under the
    partnership established in September"), not of the encounter."""
    found = [f for f in ctx.found_dates(sent.text) if f.date.value]
    if not found:
        return False
    asides = _asides(sent, trigger)
    return all(any(a <= sent.start + f.start < b for a, b in asides) for f in found)


@lru_cache(maxsize=1)
def _span_range() -> re.Pattern[str]:
    """A visit word earlier in the clause (data/meetings.yaml `visit_words`)."""
    return re.compile(rf"(?i)\b(?:{'|'.join(sorted(words().visit_words))})\b[^.;]*$")

_DATED_KINDS = ("named", "partial", "visit", "joint")
_ELSEWHEN = re.compile(r"(?i)\b(?:earlier|previously|ago|recently|formerly|last\s+(?:week|month|year)|"
                       r"in\s+the\s+past|had\s+(?:met|held|visited|talked))\b")


def _inherit_dates(ctx: ReportContext, drafts: list[Draft], merged: list[Draft], vocab: MeetingWords) -> None:
    """Meetings their sentences leave undated take a date only where the text
    ties them to one (GUIDELINES: else null):

    - a one-day report (every day it names near its first encounter's is
      that day: "held discussions with four leaders today ... he also met"):
      the first encounter's date;
    - otherwise the date of the encounter just told, when the undated one
      continues its story: the same paragraph or the next sentences, with a
      person in common ("On Jun. 2, Zelensky visited Singapore. He also met
      PM Wong").

    Visits in passing and "the two sides" take none. `drafts` are the
    encounters before merging (a dated visit merged into a meeting still
    tells when its sentence happened)."""
    dated: list[tuple[Sentence, ResolvedDate]] = []
    for sent in ctx.sentences:
        own = next((d.date for d in drafts if d.sentence is sent and d.date.value and d.kind in _DATED_KINDS),
                   None)
        if own is None and _has_trigger(sent, vocab, ctx.persons):
            date = ctx.date_of(sent.text)
            own = date if date.value else None
        if own is not None:
            dated.append((sent, own))
    if not dated:
        return
    lead = dated[0][1]
    one_day = _one_day(ctx, lead)
    for d in merged:
        if d.date.value or d.kind not in ("named", "partial"):
            continue
        if d.date.precision or _ELSEWHEN.search(d.sentence.text):
            continue  # "In September 2019, ...", "Earlier, ...": another time than the lead's
        if one_day:
            if dated[0][0].index <= d.sentence.index:
                d.date = ResolvedDate(lead.value, lead.precision, "context")
            continue
        told = [(s, date) for s, date in dated if s.index < d.sentence.index]
        if told and _continues(ctx, told[-1][0], d, drafts):
            date = told[-1][1]
            d.date = ResolvedDate(date.value, date.precision, "context")


#: How far (days) from the first encounter a day the report names makes it a report of several days.
_SAME_STORY_DAYS = 10


def _one_day(ctx: ReportContext, lead: ResolvedDate) -> bool:
    """Every day the report names near its first encounter's is that day, and
    it tells of no visit of several days ("a three-day visit")."""
    if _SEVERAL_DAYS.search(ctx.text):
        return False
    first = dates.as_date(lead.value)
    assert first is not None
    for sent in ctx.sentences:
        for found in ctx.found_dates(sent.text):
            day = dates.as_date(found.date.value)
            if day is not None and day != first and abs((day - first).days) <= _SAME_STORY_DAYS:
                return False
    return True


_SEVERAL_DAYS = re.compile(
    r"(?i)\b(?:two|three|four|five|six|seven|eight|nine|ten|\d+)[- ]days?\b(?![- ]old)"
)


def _continues(ctx: ReportContext, told: Sentence, d: Draft, drafts: list[Draft]) -> bool:
    """An undated encounter continues the story of one just told, with a
    person in common: in the same paragraph, or at most two sentences after
    a dated one-day visit ("On Jun. 2, Zelensky visited Singapore. He also
    met PM Wong"); not after another meeting in another paragraph ("... met
    Han Zheng on Friday.\n Lee also attended the Forum, where he met X")."""
    assert ctx.persons is not None
    same_paragraph = "\n" not in ctx.text[told.end : d.sentence.start]
    visit = any(x.sentence is told and x.kind == "visit" for x in drafts)
    visit = visit and not _SEVERAL_DAYS.search(told.text)
    if not same_paragraph and not (visit and d.sentence.index - told.index <= 2):
        return False
    before = {m.person for m in ctx.persons.in_sentence(told.index)}
    return bool(before & d.persons())


def _has_trigger(sent: Sentence, vocab: MeetingWords, persons: PersonIndex | None = None) -> bool:
    """The sentence reports an encounter, named parties or not ("hosted the
    Dialogue" is an event, not an encounter: a verb's object must be a
    person, a party or a meeting)."""
    people = [(m.start, m.end) for m in persons.in_sentence(sent.index)] if persons else []
    for tok, low, pos in sent.tagged():
        is_noun = pos == "NOUN" and low in vocab.nouns
        is_verb = pos == "VERB" and low in vocab.verbs
        # the cheap word test first: `_is_future` walks the parse
        if not (is_noun or is_verb) or _is_future(tok, vocab):
            continue
        if is_noun:
            return True
        if is_verb:
            objects = [c for c in tok.children if c.dep_ == "dobj"]
            if not objects or any(
                c.lower_ in vocab.nouns or _states_in(c, sent)
                or any(c.left_edge.idx <= a < c.right_edge.idx + len(c.right_edge) for a, _ in people)
                for c in objects
            ):
                return True
    return False


# --------------------------------------------------------------------------- entry point


def find_meetings(ctx: ReportContext) -> list[Meeting]:
    """The report's meetings, one record each, every one with its evidence."""
    if ctx.persons is None:
        return []
    vocab = words()
    drafts: list[Draft] = []
    for sent in ctx.sentences:
        drafts += _drafts_in(ctx, sent, vocab)
        drafts += _gatherings(ctx, sent, vocab)
        drafts += _two_sides(ctx, sent, vocab)
        drafts += _joint(ctx, sent, vocab)
    _dates(ctx, drafts)
    merged = _merge(ctx, drafts)
    _inherit_dates(ctx, drafts, merged, vocab)
    lead_occasion = _report_occasion(ctx)
    out = []
    for d in merged:
        participants = []
        for party in d.parties:
            if party[0] == "person":
                p = ctx.persons.persons[int(party[1])]
                participants.append(Participant(p.name, p.country))
            else:
                participants.append(Participant(None, str(party[1])))
        evidence, span = ctx.evidence(d.sentence)
        occasion = d.occasion or (lead_occasion if d.kind not in ("visit", "states") else None)
        out.append(Meeting(participants, d.date, d.location, occasion, d.mode, evidence, span, list(d.spans)))
    out = listed_counterparts(ctx, name_hosts(ctx, listed_visits(ctx, out)))
    out = counterparts_including(ctx, out, lambda sent: _has_trigger(sent, vocab, ctx.persons))
    return dated_as_news(ctx, between_states(out))


def _report_occasion(ctx: ReportContext) -> str | None:
    """The occasion of the report's lead encounter ("held separate meetings
    ... on the sidelines of the 47th ASEAN Summit"), for meetings that name none."""
    vocab = words()
    for sent in ctx.sentences[:4]:
        occasion = _occasion(sent)
        if occasion and _has_trigger(sent, vocab, ctx.persons):
            return occasion
    return None

