"""PLOVER events: who did what to whom, when, where, from each sentence.

Why on top of the other records: a meeting is a CONSULT event and a signed
document a SUPPORT event, so those come from the records already extracted
(one event per record, not per sentence). Everything else the report states
between actors comes from verbs in a lexicon (`data/events.yaml`): the
verb's subject gives the actor, its objects the recipients (persons by the
state or body they serve; "the two sides" by the report's two principal
parties). A verb under negation is not coded; a promised future meeting
("agreed to visit", "will meet") is AGREE, per the PLOVER codebook.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Token

from diplograph.actors.knowledge import _load_yaml
from diplograph.extract.context import ReportContext, Sentence
from diplograph.records import Event, Extraction, ResolvedDate


@dataclass(frozen=True)
class EventWords:
    verb_type: dict[str, str]
    call_particles: frozenset[str]
    modes: dict[str, str]


@lru_cache(maxsize=1)
def lexicon() -> EventWords:
    data = _load_yaml("events.yaml")
    verb_type = {verb: kind for kind, verbs in data["types"].items() for verb in verbs}
    return EventWords(verb_type, frozenset(data["call_particles"]), dict(data["modes"]))


_SIDES = ("two sides", "both sides", "two leaders", "both leaders", "two countries", "both countries",
          "two ministers", "both ministers", "two prime ministers", "two pms", "both pms", "they", "both")
_MEETING_VERBS = frozenset({"meet", "visit", "hold", "pay"})
#: Verbs inside another verb's complement or modifier: the content of an event, not an event.
_EMBEDDED = frozenset({"xcomp", "ccomp", "pcomp", "acl", "relcl", "advcl", "csubj", "amod"})


def _codes_in(ctx: ReportContext, sent: Sentence, tok: Token | None) -> list[str]:
    """States and bodies a phrase names: persons by their country, mentions by code."""
    if tok is None:
        return []
    start, end = tok.left_edge.idx, tok.right_edge.idx + len(tok.right_edge.text)
    out: list[str] = []
    if ctx.persons is not None:
        for m in ctx.persons.in_sentence(sent.index):
            if start <= m.start < end:
                code = ctx.persons.persons[m.person].country
                if code and code not in out:
                    out.append(code)
    for m in sent.mentions:
        if start <= m.start < end and m.how != "capital" and m.entity.code not in out:
            out.append(m.entity.code)
    return out


def _phrase(tok: Token) -> str:
    return tok.doc[tok.left_edge.i : tok.right_edge.i + 1].text.lower()


def _actor(ctx: ReportContext, sent: Sentence, verb: Token, sides: list[str]) -> list[str]:
    cur = verb
    for _ in range(4):
        subjects = [c for c in cur.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subjects:
            subj = subjects[-1]
            codes = _codes_in(ctx, sent, subj)
            if not codes and any(s in _phrase(subj) for s in _SIDES):
                codes = list(sides)
            return codes
        if cur.head.i == cur.i:
            break
        cur = cur.head
    return []


def _recipients(
    ctx: ReportContext, sent: Sentence, verb: Token, actor: list[str], sides: list[str]
) -> list[str]:
    out: list[str] = []
    for c in verb.children:
        if c.dep_ in ("dobj", "dative", "prep", "prt", "xcomp", "ccomp", "attr", "oprd"):
            out += [x for x in _codes_in(ctx, sent, c) if x not in out and x not in actor]
    if not out and len(actor) == 1:
        out = [p for p in sides if p not in actor][:1]
    return out


def _negated(tok: Token) -> bool:
    return any(c.dep_ == "neg" for c in tok.children)


def _sentence_events(ctx: ReportContext, sent: Sentence, words: EventWords, sides: list[str]) -> list[Event]:
    out: list[Event] = []
    evidence, span = ctx.evidence(sent)
    date = ctx.date_of(sent.text)
    for tok, low, pos in sent.tagged():
        kind = words.verb_type.get(low) if pos == "VERB" else None
        if kind is None or _negated(tok):
            continue
        if tok.dep_ in _EMBEDDED:
            continue  # "called on Japan to provide ODA": the request is the event, not what it asks for
        if low in ("call", "calls", "called") and not any(
            c.dep_ in ("prep", "prt") and c.lower_ in words.call_particles for c in tok.children
        ):
            continue
        mode = words.modes.get(low)
        # "agreed to visit", "pledged to meet": a promised meeting
        if kind == "AGREE" and any(c.dep_ == "xcomp" and c.lower_.rstrip("s") in _MEETING_VERBS
                                   for c in tok.children):
            mode = "meeting"
        actor = _actor(ctx, sent, tok, sides)
        if not actor:
            continue
        recipient = _recipients(ctx, sent, tok, actor, sides)
        if not recipient and len(actor) > 1:  # "the two sides agreed": each side towards the other
            actor, recipient = actor[:1], actor[1:]
        if any(c.dep_ == "aux" and c.lower_ in ("will", "would", "shall") for c in tok.children):
            mode = mode or "promised"
        out.append(Event(kind, mode, actor, recipient, date, None, evidence, span))
    return out


def find_events(ctx: ReportContext, extraction: Extraction) -> list[Event]:
    """CONSULT for each meeting, SUPPORT/AGREE for each document, and the
    lexicon's events sentence by sentence."""
    events: list[Event] = []
    for m in extraction.meetings:
        codes = [p.country for p in m.participants if p.country]
        if len(codes) < 2:
            continue
        mode = {"meeting": None}.get(m.mode, m.mode)
        events.append(Event("CONSULT", mode, codes[:1], codes[1:], m.date, m.location, m.evidence, m.span))
    for d in extraction.documents:
        parties = list(getattr(d, "parties", []) or [])
        if not parties:
            continue
        kind, mode = ("SUPPORT", "sign") if d.status == "signed" else ("AGREE", "sign")
        date = getattr(d, "date", None) or ResolvedDate(None)
        events.append(Event(kind, mode, parties[:1], parties[1:], date, None, d.evidence, d.span))
    words = lexicon()
    for sent in ctx.sentences:
        events += _sentence_events(ctx, sent, words, _sides_at(ctx, extraction, sent))
    return events


def _sides_at(ctx: ReportContext, extraction: Extraction, sent: Sentence) -> list[str]:
    """Who "the two sides" are at this sentence: the parties of the latest
    meeting described at or before it, else the report's principal parties."""
    latest = None
    for m in extraction.meetings:
        starts = [s.start for s in (m.spans or [m.span]) if s.start <= sent.start]
        if starts and (latest is None or max(starts) >= latest[0]):
            latest = (max(starts), m)
    if latest is None:
        return list(ctx.parties)
    return list(dict.fromkeys(p.country for p in latest[1].participants if p.country))
