"""Instruments named in the plural: "signed agreements on trade, energy and
education", "two agreements, one on investment and the other on customs",
"15 agreements", "a series of cooperation agreements in the fields of ...".

Why a module of its own: the singular finder (`documents.py`) drops plurals,
since "the agreements" names no one document. The GUIDELINES decide what a
plural is instead (Hard cases): instruments named one by one are a record
each, and a group named only as a group is one record, titled as the report
names it. This module only finds such mentions and their titles; whether
each was signed or planned, and between whom, is decided by `documents.py`
exactly as for a singular instrument.

Three readings, in this order (vocabulary in `data/documents.yaml`, key
`groups`):

- `document.group.one_each`: "two agreements, one on A and the other on B":
  a record per "one on ..." phrase;
- `document.group.topics`: a plural with no count before it and a topic list
  after it ("agreements on A, B and C"): a record per topic, titled with the
  singular kind ("agreement on A");
- `document.group.named`: any other plural that is counted ("15 agreements",
  "a series of ..."), premodified ("cooperation documents") or followed by
  its fields ("in the fields of A, B and C"): one record titled with the
  whole phrase. An anaphor ("the agreements", "these documents") is none.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files

import yaml
from spacy.tokens import Doc

from diplograph.actors.knowledge import load_yaml
from diplograph.extract import modality
from diplograph.extract.context import Sentence
from diplograph.extract.phrases import alternatives
from diplograph.extract.rules import declare

ONE_EACH = "document.group.one_each"
TOPICS = "document.group.topics"
NAMED = "document.group.named"
COUNTED = "document.group.counted_topics"
COUNTED_HEAD = "document.group.counted_head"
declare(COUNTED_HEAD, """A counted plural whose head the topics right after it share, as many
topics as its count: "Two memorandums of understanding, on political
consultations and on diplomatic training, were signed"; "signed three
agreements on trade, energy and tourism": a record per topic.""", __name__)
declare(COUNTED, """A counted plural followed by as many topics as its count, after a
participle: "two memorandums were signed with the investment fund,
focusing on new cities and hotel construction" gives a record per topic.""", __name__)
declare(ONE_EACH, """A counted plural with one phrase per member: "two agreements, one on
investment protection and the other on customs cooperation" gives a record
per "one on ..." phrase.""", __name__)
declare(TOPICS, """An uncounted plural with a list of topics after it: "signed agreements
on trade, energy and education" gives a record per topic ("agreement on
trade", ...); "agreements to prevent incidents at sea and to boost trade" a
record per purpose.""", __name__)
declare(NAMED, """A plural the report names only as a group: counted ("15 agreements",
"a series of ..."), premodified ("cooperation documents") or followed by its
fields ("in the fields of A, B and C"): one record titled with the whole
phrase. An anaphor ("the agreements") is none.""", __name__)


@dataclass(frozen=True)
class GroupMention:
    """A plural instrument mention: the phrase's bounds (absolute offsets) and
    the titles of the records it stands for (one for a group)."""

    start: int
    end: int
    titles: tuple[str, ...]
    rule: str
    #: the status a passive inside the phrase gives ("Letters of Intent were signed for ...")
    passive: str | None = None



class _Vocabulary:
    def __init__(self) -> None:
        whole = yaml.safe_load(files("diplograph.data").joinpath("documents.yaml").read_text("utf-8"))
        data = whole["groups"]
        self.singular = {k.lower(): v for k, v in data["plural_kinds"].items()}
        self.vague = {k.lower() for k in data["vague"]}
        kinds = alternatives(data["plural_kinds"])
        self.plural = re.compile(rf"(?<![\w-])(?P<kind>{kinds})(?![\w-])", re.IGNORECASE)
        self.quantifier = re.compile(
            rf"(?<![\w-])(?:an?\s+)?(?P<q>{alternatives(data['quantifiers'])}|\d[\d,]*)\s+"
            r"$",
            re.IGNORECASE,
        )
        self.anaphor = re.compile(
            rf"(?<![\w-])(?:{alternatives(data['anaphors'])})\s+(?:(?:two|three|four|five|\d+|[\w-]+)\s+){{0,2}}$",
            re.IGNORECASE,
        )
        self.fields = re.compile(rf"\s*,?\s*(?:{alternatives(data['field_phrases'])})\b", re.IGNORECASE)
        self.topic_start = re.compile(  # never a date: "signed two agreements on Monday"
            r"\s+(?P<prep>on|in|for|regarding|concerning|to(?=\s+[a-z]+\b))\s+"
            r"(?!(?:the\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|"
            r"April|May|June|July|August|September|October|November|December|today|yesterday|\d))",
            re.IGNORECASE,
        )
        singulars = [v.lower() for v in data["plural_kinds"].values()]
        self.ordinal_member = re.compile(
            r"\s*(?:(?:finally|and|also|meanwhile|lastly),?\s+)?"
            rf"the\s+(?:{alternatives(data['ordinals'])})"
            rf"\s+(?:(?:one|document|instrument|{alternatives(singulars)})\s+)?"
            rf"(?:{alternatives(whole['member_verbs'])})\s+",
            re.IGNORECASE,
        )
        self.ordinal_kind = re.compile(
            r"\s*(?:(?:finally|and|also|meanwhile|lastly),?\s+)?"
            rf"the\s+(?:{alternatives(data['ordinals'])})\s+(?:document|instrument|{alternatives(singulars)})\b",
            re.IGNORECASE,
        )
        self.numbers = {str(k).lower(): int(v) for k, v in data["numbers"].items()}
        #: a counted group's topics after a participle: "two MoUs were signed with X, focusing on A and B"
        self.focusing = re.compile(
            r"[^.;:]{0,80}?,\s*(?:focusing|focused|centred|centered|centring|centering)\s+on\s+",
            re.IGNORECASE,
        )
        self.one_each = re.compile(
            r"(?:^|(?<=\s)(?=one\b)|,|\band\b|;)\s*(?:(?:the\s+)?(?:other|first|second|third|fourth|last)|another|a\s+(?:second|third)"
            r"|one)\s+(?P<prep>on|for|in|regarding|concerning|to)\s+",
            re.IGNORECASE,
        )


@lru_cache(maxsize=1)
def _vocabulary() -> _Vocabulary:
    return _Vocabulary()


#: where a topic phrase ends: a clause's punctuation, a verb's preposition, a date
_TOPIC_STOP = re.compile(
    r"\s*[;:()]|\s*,\s*(?=(?:which|that|who|while|as|when|where|with|during|at|in\s+the\s+presence|witnessed|"
    r"according|said|signed|exchanged|inked|aiming|seeking|designed|intended|paving|marking|officials|"
    r"particularly|especially|notably|mainly|primarily|chiefly|"  # an aside: ", particularly in the area of"
    r"the\s+two|both|and\s+(?:the\s+two|both|they|he|she|it|agreed|signed|discussed|"
    r"held|also|will|to)\b))|\.(?:\s|$)|\s+(?:during|between|at|after|following|before|under|within|amid|with|"
    r"by|from|among|as|in\s+the\s+presence|witnessed|which|that|who|while|when|were|was|are|is|will|would|"
    r"have|has|had|valued|worth|totalling|totaling|to\s+(?!the\b)\w+|on\s+(?:the\s+sidelines|behalf|the\s+occasion|this\s+occasion|"
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|"
    r"August|September|October|November|December)\b))\b",
    re.IGNORECASE,
)
_LIST_SPLIT = re.compile(
    r"\s*,\s*(?:and\s+|as\s+well\s+as\s+)?|\s+(?:and|as\s+well\s+as|&)\s+", re.IGNORECASE
)
_MAX_TOPIC = 120


def _topic_end(text: str, start: int, limit: int) -> int:
    m = _TOPIC_STOP.search(text, start, min(limit, start + _MAX_TOPIC))
    end = m.start() if m else min(limit, start + _MAX_TOPIC)
    while end > start and not text[end - 1].isalnum() and text[end - 1] not in ")”’\"'":
        end -= 1
    return end


def _topics(text: str, start: int, end: int) -> list[str]:
    """The items of a coordinated topic phrase: "trade, energy and education";
    one item where the phrase is a capitalised name ("Cooperation in Planning,
    Development and Promotion of Industrial Parks"), and verbal nouns that
    share one "of" phrase ("the upgrading and refurbishment of X") are one item."""
    phrase = text[start:end]
    if _NAME_PHRASE.fullmatch(" ".join(phrase.split())):
        return [" ".join(phrase.split())]
    pieces = [p.strip() for p in _LIST_SPLIT.split(phrase)]
    pieces = [p for p in pieces if p and any(c.isalpha() for c in p)]
    # "MoUs on palm oil and on border security": a later item repeats the preposition
    pieces = [pieces[0], *(_REPEATED_PREP.sub("", p) for p in pieces[1:])] if pieces else pieces
    return _shared_complement(phrase, pieces)


#: a preposition that opens a later item of a topic list, the group's own repeated
_REPEATED_PREP = re.compile(r"^(?:on|for|in|regarding|concerning|about)\s+(?=\w)", re.IGNORECASE)


#: a topic phrase that is a name: capitalised words (small words between), one comma-and list inside
_NAME_PHRASE = re.compile(
    r"[A-Z][\w'’-]*(?:,?\s+(?:(?:of|in|on|for|and|the|to|&)\s+)*[A-Z][\w'’-]*)+"
)
#: a verbal noun: "upgrading", "refurbishment", "promotion", "development"
_VERBAL_NOUN = re.compile(r"(?:\w+(?:ing|tion|sion|ment|ance|ence))$", re.IGNORECASE)


def _shared_complement(phrase: str, pieces: list[str]) -> list[str]:
    """ "the upgrading and refurbishment of X", "the development of new cities
    and the construction and enhancement of hotels": verbal nouns alone
    before a verbal noun with its "of" phrase share it (one item), and a
    capitalised name after such an item is its object's ("of Tshwane North
    and the Tshwane South Colleges")."""
    spans, pos = [], 0
    for p in pieces:
        at = phrase.find(p, pos)
        spans.append((at, at + len(p)))
        pos = at + len(p)
    out: list[tuple[int, int]] = []
    run: list[tuple[int, int]] = []  # bare verbal nouns waiting for their "of" phrase
    named_object = False
    for p, span in zip(pieces, spans, strict=True):
        head, _, complement = p.partition(" of ")
        head = re.sub(r"^the\s+", "", head.strip(), flags=re.I)
        verbal = " " not in head and _VERBAL_NOUN.search(head) is not None
        if not complement and verbal:
            run.append(span)
            continue
        if complement and verbal and run:
            out.append((run[0][0], span[1]))
            named_object = any(w[:1].isupper() for w in complement.split())
        elif named_object and re.match(r"(?:the\s+)?[A-Z]", p) and not run:
            out[-1] = (out[-1][0], span[1])
        else:
            out += run + [span]
            named_object = False
        run = []
    out += run
    return [" ".join(phrase[a:b].split()) for a, b in out]


#: what may stand between a plural and its "one on ...": a short name in
#: brackets, a comma, a linking word ("four MoUs, including one on ...")
_EACH_LEAD = re.compile(
    r"\s*(?:\([^()]{1,20}\)\s*)?[,:(–—-]?\s*(?:(?:including|namely|such\s+as|of\s+which)\s+)?one\b",
    re.IGNORECASE,
)


_GROUP_WORDS = load_yaml("documents.yaml")["groups"]
_PASSIVE = re.compile(
    rf"\s+(?:{alternatives(_GROUP_WORDS['passive_auxiliaries'])})\s+"
    rf"(?:(?:{alternatives(_GROUP_WORDS['passive_adverbs'])})\s+)?"
    rf"(?:{alternatives(_GROUP_WORDS['passive_participles'])})"
    rf"(?=\s+(?:{alternatives(_GROUP_WORDS['passive_topic_prepositions'])})\s)",
    re.IGNORECASE,
)
#: a named party between a plural and its topic: "with the Chinese Embassy", "with China"
_WITH_PARTY = re.compile(
    r"\s+with\s+(?:the\s+)?[A-Z][\w'’.&-]*(?:\s+[A-Z][\w'’.&-]*){0,5}?(?=\s+(?:on|for|regarding|concerning)\s)"
)
_AND_TO = re.compile(r"\s*,?\s*(?:and\s+)?to\s+(?=[a-z])")
_NEXT_TO = re.compile(r"[^,;:.]{1,40}?(?P<and>\s*,?\s*and\s+)to\s+(?=[a-z])")


def _purposes(text: str, start: int, limit: int) -> tuple[int, list[str]]:
    """The infinitives of "agreements to prevent incidents ... and to boost
    cooperation ...": each purpose phrase, and where the last ends."""
    items: list[str] = []
    pos, end = start, start
    while pos < limit and len(items) < 8:
        end = _topic_end(text, pos, limit)
        piece = re.sub(r"\s+(?:and|or)$", "", text[pos:end].strip())
        if not piece:
            break
        items.append(" ".join(piece.split()))
        nxt = _AND_TO.match(text, end, limit)
        if nxt is None:  # "to prevent incidents at sea and to ...": a place inside the purpose
            later = _NEXT_TO.match(text, end, limit)
            if later is None:
                break
            items[-1] = " ".join(text[pos : later.start("and")].split())
            nxt = later
        pos = nxt.end()
    return end, items


def _one_each(text: str, after: int, limit: int, kind: str) -> tuple[int, tuple[str, ...]] | None:
    """ "..., one on A and the other on B": the end of the phrase and a title per item."""
    v = _vocabulary()
    lead = _EACH_LEAD.match(text, after, limit)
    if lead is None:
        return None
    pos = lead.end() - len("one")
    titles: list[str] = []
    marks = list(v.one_each.finditer(text, pos, limit))
    end = pos
    for n, mark in enumerate(marks):
        stop = marks[n + 1].start() if n + 1 < len(marks) else _topic_end(text, mark.end(), limit)
        piece = re.sub(r"[\s,]+$", "", text[mark.end() : stop])
        if not piece:
            break
        piece = " ".join(piece.split())
        titles.append(f"{kind} {mark.group('prep').lower()} {piece}")
        end = mark.end() + len(piece)
    return (end, tuple(titles)) if len(titles) >= 2 else None


def _premodifiers(doc: Doc, char: int, lowest: int) -> int:
    """Where the plural's premodifiers start ("bilateral cooperation
    agreements"): the nouns and adjectives right before it, never a verb."""
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    if span is None or not len(span):
        return char
    start = char
    j = span[0].i - 1
    while j >= 0 and doc[j].idx >= lowest and j > span[0].i - 4:
        t = doc[j]
        if t.text in ("-", "–") and not t.whitespace_ and j > 0 and not doc[j - 1].whitespace_:
            j -= 1  # "high-level agreements": a hyphenated modifier
            continue
        compound = j > 1 and doc[j - 1].text in ("-", "–") and not doc[j - 1].whitespace_
        if compound and t.pos_ in ("VERB", "ADJ", "NOUN"):
            start = t.idx  # "energy-related memorandums": the participle of a hyphenated modifier
            j -= 1
            continue
        if t.pos_ not in ("NOUN", "PROPN", "ADJ") or t.tag_ in ("VBN", "VBD") or t.lower_ in _NOT_MODIFIERS:
            break
        start = t.idx
        j -= 1
    return start


#: "key agreements", "several documents": words before a plural that modify no title
_NOT_MODIFIERS = frozenset(
    yaml.safe_load(files("diplograph.data").joinpath("documents.yaml").read_text("utf-8"))["groups"]["not_modifiers"]
)


def group_mentions(doc: Doc, text: str, sent: Sentence) -> list[GroupMention]:
    """The plural instrument mentions of a sentence, with their titles."""
    out: list[GroupMention] = []
    for m in _vocabulary().plural.finditer(text, sent.start, sent.end):
        mention = _group_at(doc, text, sent, m, out)
        if mention is not None:
            out.append(mention)
    return out


_ANAPHOR_COUNT = re.compile(r"\b(?:the|these|those|such|both|all)\s+$")


def _told_before(doc: Doc, text: str, sent: Sentence, m: re.Match[str], q: re.Match[str] | None,
                 before: str, out: list[GroupMention]) -> bool:
    """A plural that is no new group: an anaphor ("the agreements", "the 15
    agreements"), a modifier ("MoUs-related"), the previous group's
    abbreviation ("four memoranda of understanding (MoUs)") or inside its phrase."""
    lead = max(sent.start, m.start() - 60)
    anaphor = _vocabulary().anaphor.search(text[lead : m.start()])
    if q is None and anaphor and determines(doc, lead + anaphor.start(), m.start()):
        return True  # "the agreements", "these documents": told before
    if q is not None and _ANAPHOR_COUNT.search(before[: q.start()]):
        return True  # "the 15 agreements": the group told before
    if m.start() > sent.start and text[m.start() - 1 : m.start()] in "-–":
        return True  # "MoUs-related": not a mention
    if text[m.start() - 1 : m.start()] == "(" and out and out[-1].end >= m.start() - 2:
        return True  # "four memoranda of understanding (MoUs)": the same group, abbreviated
    return bool(out and out[-1].start <= m.start() < out[-1].end)  # inside the previous group's phrase


def determines(doc: Doc, start: int, end: int) -> bool:
    """Whether the determiner at `start` determines the plural at `end`: no
    preposition or finite verb stands between ("the signing of agreements on
    A, B and C", "both sides signed agreements on ...": the plural is bare, a
    new group; "the two agreements", "the signed agreements": told before)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return True
    for t in span[1:]:
        if t.idx >= end:
            break
        if t.pos_ in ("ADP", "AUX", "SCONJ") or (t.pos_ == "VERB" and t.tag_ not in ("VBN", "VBG")):
            return False
    return True


def _singular(kind: str, at: int, sent: Sentence) -> str:
    """The singular kind, capitalised as the report capitalises the plural."""
    singular = _vocabulary().singular[kind.lower()]
    if kind[:1].isupper() and not kind.isupper() and at > sent.start:
        singular = singular[:1].upper() + singular[1:]
    return singular


def _group_at(
    doc: Doc,
    text: str,
    sent: Sentence,
    m: re.Match[str],
    out: list[GroupMention],
) -> GroupMention | None:
    """The group a plural kind opens: one record per "one on ..." phrase
    (one_each), per topic (topics), or the whole phrase (named); None for no group."""
    v = _vocabulary()
    kind = m.group("kind")
    start = _premodifiers(doc, m.start(), sent.start)
    modifiers = text[start : m.start()]
    before = text[max(sent.start, start - 60) : start]
    q = v.quantifier.search(before)
    if _told_before(doc, text, sent, m, q, before, out):
        return None
    singular = _singular(kind, m.start(), sent)
    if q is not None:
        start = start - len(before) + q.start()
        if text[start : start + 2].lower() in ("a ", "an"):
            start += text[start:].find(" ") + 1
    each = _one_each(text, m.end(), sent.end, singular)
    if each is not None:
        return GroupMention(start, each[0], each[1], ONE_EACH)
    after = m.end()
    passive = _PASSIVE.match(text, after, sent.end)
    said = None
    if passive:  # "Letters of Intent were signed for workshops on A and B"
        after = passive.end()
        said = _passive_status(passive)
    fields = v.fields.match(text, after, sent.end)
    topic = v.topic_start.match(text, after, sent.end)
    party = _WITH_PARTY.match(text, after, sent.end) if fields is None and topic is None else None
    if party is not None and v.topic_start.match(text, party.end(), sent.end):
        # "exchanged letters of commitment with the Chinese Embassy on ...": the topic after the party
        after, passive = party.end(), passive or party
        topic = v.topic_start.match(text, after, sent.end)
    if q is None and fields is None and topic is not None:
        listed = _topic_group(text, sent, topic, (start, modifiers + singular), said)
        if listed is not None:
            return listed
    head = (start, after, modifiers + singular)
    counted = _counted(text, sent, q, head, said, fields is None) if q else None
    if counted is not None:
        return counted
    tail = fields or topic
    named = topic is not None and _NAME_PHRASE.match(text, topic.end(), sent.end) is not None
    if q is None and not modifiers.strip() and ((kind.lower() in v.vague and not named) or tail is None):
        return None  # "signed MOUs", "documents" alone: no group the report names
    return _named_group(text, sent, (start, m.end(), after), tail, passive is not None, said)


def _counted(text: str, sent: Sentence, q: re.Match[str], head: tuple[int, int, str], said: str | None,
             no_fields: bool) -> GroupMention | None:
    """A counted plural's members by their topics: after a participle ("focusing on A and B"),
    else right after the shared head ("Two MoUs, on A and B")."""
    counted = _counted_topics(text, sent, q, head, said)
    if counted is None and no_fields:
        counted = counted_head(text, sent, q, head, said)
    return counted


def _counted_topics(text: str, sent: Sentence, q: re.Match[str], head: tuple[int, int, str],
                    said: str | None) -> GroupMention | None:
    """document.group.counted_topics: a counted plural whose topics, as many
    as its count, follow it ("two memorandums were signed with X, focusing on
    the development of new cities and the construction of hotels"): a record
    per topic, as the members are named one by one."""
    v = _vocabulary()
    start, after, kind = head
    n = v.numbers.get(q.group("q").lower()) or (int(q.group("q")) if q.group("q").isdigit() else 0)
    m = v.focusing.match(text, after, sent.end)
    if n < 2 or m is None:
        return None
    t_end = _topic_end(text, m.end(), sent.end)
    items = _topics(text, m.end(), t_end)
    if len(items) != n:
        return None
    passive = _PASSIVE_BEFORE_PARTY.match(text, after, m.end())  # "were signed with X, focusing on"
    if passive is not None and said is None:
        said = _passive_status(passive)
    return GroupMention(start, t_end, tuple(f"{kind.strip()} on {item}" for item in items), COUNTED, said)


#: a counted plural's own topic, right after it or set off by a comma: "Two MoUs, on A and B, were ..."
_HEAD_TOPIC = re.compile(
    r"\s*,?\s+(?P<prep>on|for|regarding|concerning)\s+(?!(?:the\s+)?(?:sidelines|behalf|occasion)\b)",
    re.IGNORECASE,
)


def counted_head(text: str, sent: Sentence, q: re.Match[str], head: tuple[int, int, str],
                 said: str | None) -> GroupMention | None:
    """document.group.counted_head: a counted plural whose topics, as many as
    its count, share its head ("Two memorandums of understanding, on political
    consultations and collaboration in diplomatic training, were signed";
    "three agreements on trade, energy and tourism"): a record per topic, as
    GUIDELINES asks of instruments named one by one."""
    v = _vocabulary()
    start, after, kind = head
    n = v.numbers.get(q.group("q").lower()) or (int(q.group("q")) if q.group("q").isdigit() else 0)
    m = _HEAD_TOPIC.match(text, after, sent.end)
    if n < 2 or m is None or not v.topic_start.match(" " + text[m.start("prep") :]):
        return None
    t_end = _topic_end(text, m.end(), sent.end)
    items = _topics(text, m.end(), t_end)
    if len(items) != n:
        return None
    prep = m.group("prep").lower()
    titles = tuple(f"{kind.strip()} {prep} {item}" for item in items)
    return GroupMention(start, t_end, titles, COUNTED_HEAD, said)


def _passive_status(passive: re.Match[str]) -> str:
    """ "were signed": signed; "will be signed": planned (a future auxiliary of
    data/modality.yaml)."""
    future = set(modality.auxiliary_words("future", "conditional"))
    return "planned" if future & set(passive.group(0).lower().split()) else "signed"


_PASSIVE_BEFORE_PARTY = re.compile(
    rf"\s+(?:{alternatives(_GROUP_WORDS['passive_before_party_auxiliaries'])})\s+"
    rf"(?:(?:{alternatives(_GROUP_WORDS['passive_adverbs'])})\s+)?"
    rf"(?:{alternatives(_GROUP_WORDS['passive_before_party_participles'])})\b",
    re.IGNORECASE,
)


def _topic_group(text: str, sent: Sentence, topic: re.Match[str], head: tuple[int, str],
                 said: str | None) -> GroupMention | None:
    """ "agreements on A, B and C", "agreements to prevent A and to boost B":
    a record per topic (two at least), titled with the singular kind."""
    start, kind = head
    if topic.group("prep").lower() == "to":
        t_end, items = _purposes(text, topic.end(), sent.end)
    else:
        t_end = _topic_end(text, topic.end(), sent.end)
        items = _topics(text, topic.end(), t_end)
    if len(items) < 2:
        return None
    prep = topic.group("prep").lower()
    kind = kind.strip()
    return GroupMention(start, t_end, tuple(f"{kind} {prep} {item}" for item in items), TOPICS, said)


def _named_group(text: str, sent: Sentence, bounds: tuple[int, int, int], tail: re.Match[str] | None,
                 passive: bool, said: str | None) -> GroupMention:
    """One record titled with the whole phrase: "15 agreements", "a series of
    cooperation agreements in the fields of A, B and C"; "Agreements were also
    signed to protect investments": the title without the passive."""
    start, kind_end, after = bounds
    end = kind_end
    if tail is not None:
        end = _topic_end(text, tail.end(), sent.end) if tail.end() < sent.end else end
        end = max(end, kind_end)
    phrase = text[start:kind_end] + (text[after:end] if passive and end > after else text[kind_end:end])
    title = re.sub(r"\s+", " ", phrase).strip(" ,")
    return GroupMention(start, end, (title,), NAMED, said)


#: a plural's short name in brackets right after it: " (MOUs)", " (MoCs)"
_SHORT_PLURAL = re.compile(r"\s*\((?P<short>[A-Z][A-Za-z]{1,5})s\)")


def short_singular(text: str, end: int) -> str | None:
    """The singular of a plural's short name in brackets right after it: "four Memorandums of
    Understanding (MOUs)" -> "MOU", the word its members are titled with ("MOU on culture")."""
    m = _SHORT_PLURAL.match(text, end)
    return m.group("short") if m else None


def ordinal_members(text: str, sent: Sentence, singular: str, start: int | None = None) -> list[str]:
    """document.group.ordinal: "The second MOU focuses on culture" after a
    counted group: each member's title ("MOU on culture"), where such a
    phrase opens the sentence or follows a full stop inside it (the parser
    does not always cut "... with China. The first concerns ...")."""
    out: list[str] = []
    pos = sent.start if start is None else start
    starts = [pos] if start is None else []
    starts += [o.end() for o in _OPENING.finditer(text, pos, sent.end)]
    for at in starts:
        m = _vocabulary().ordinal_member.match(text, at, sent.end)
        if m is None:
            m = _ordinal_with_topic(text, at, sent.end)
        if m is None:
            continue
        end = _topic_end(text, m.end(), sent.end)
        comma = text.find(",", m.end(), end)
        end = comma if comma != -1 else end  # "focuses on culture, and its purpose is ...": the topic alone
        topic = " ".join(text[m.end() : end].split())
        named = _KIND_AFTER_ORDINAL.search(text[at : m.end()])  # "The second MOU focuses on ..."
        kind = named.group("kind") if named and named.group("kind").lower() in _member_kinds() else singular
        if topic:
            out.append(f"{kind} on {topic}")
    return out


def _ordinal_with_topic(text: str, at: int, limit: int) -> re.Match[str] | None:
    """ "The third document was signed by X and Y for the export of dried
    chillies": an ordinal member whose topic is its sentence's last
    topic phrase (the signers come first), a match ending where it starts."""
    opening = _vocabulary().ordinal_kind.match(text, at, limit)
    if opening is None:
        return None
    stop = text.find(". ", opening.end(), limit)
    stop = limit if stop == -1 else stop
    topics = list(_TOPIC_PHRASE.finditer(text, opening.end(), stop))
    return topics[-1] if topics else None


@lru_cache(maxsize=1)
def _member_kinds() -> frozenset[str]:
    """The one-word kinds an ordinal member may name itself by ("the second MOU"), lower case."""
    kinds = {k.lower() for k in _vocabulary().singular.values() if " " not in k}
    return frozenset(kinds | {"document", "instrument"})


_KIND_AFTER_ORDINAL = re.compile(
    r"\b(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|last|other)\s+(?P<kind>[A-Za-z]+)",
    re.IGNORECASE,
)
_TOPIC_PHRASE = re.compile(
    r"\b(?:related\s+to|relating\s+to|concerning|regarding|about|on|for)\s+(?=(?:the\s+)?\w+\s+\w)"
)


#: where a sentence (or a sentence the parser left unsplit) opens
_OPENING = re.compile(r"(?<=[.!?])\s+(?=\S)")


def singular_of(title: str) -> str | None:
    """The singular kind of a group's title ("four MoUs" -> "MoU")."""
    kinds = list(_vocabulary().plural.finditer(title))
    return _vocabulary().singular[kinds[-1].group("kind").lower()] if kinds else None
