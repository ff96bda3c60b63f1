"""Gatherings named after their parties, summits between two, "the two sides", joint acts."""

from __future__ import annotations

import re

from diplograph.extract.context import ReportContext, Sentence
from diplograph.extract.meetings.drafting import make_draft
from diplograph.extract.meetings.place import location, occasion_of
from diplograph.extract.meetings.sides import MEMBER_NOUNS, in_setting
from diplograph.extract.meetings.vocab import Draft, MeetingWords, Party
from diplograph.extract.modality import is_future
from diplograph.extract.syntax import person_tokens, persons_in, subtree_text, verb_subject
from diplograph.records import ResolvedDate

DASH_JOIN = re.compile(r"\s*[-–—/]\s*")
_ORDINAL_BEFORE = re.compile(r"(?:\b(?:the\s+)?(?:\d+(?:st|nd|rd|th)|first|second|third|fourth|fifth)\s+)?$")


def gatherings(ctx: ReportContext, sent: Sentence, vocab: MeetingWords) -> list[Draft]:
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
        while j < len(mentions) and DASH_JOIN.fullmatch(ctx.text[group[-1].end : mentions[j].start]):
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
                         location(ctx, sent), occasion, [span]))
    out += summits_between(ctx, sent, vocab, mentions)
    return out


_SUMMIT_BETWEEN = re.compile(r"\b(?:summit|summit\s+meeting)\s+between\s+(?:the\s+)?$", re.IGNORECASE)


def summits_between(ctx: ReportContext, sent: Sentence, vocab: MeetingWords, mentions: list) -> list[Draft]:
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
        out.append(Draft(parties, "gathering", "multilateral", sent, ResolvedDate(None), location(ctx, sent),
                         None, [evidence_span], span.root if span is not None else None))
    return out


def joint(ctx: ReportContext, sent: Sentence, vocab: MeetingWords) -> list[Draft]:
    """ "X and his/her counterpart Y agreed ...", "Prabowo and Anwar
    discussed ...": two persons of two states acting together report an
    encounter."""
    index = ctx.persons
    assert index is not None
    ptoks = person_tokens(sent, index)
    out = []
    for tok, low, pos in sent.tagged():
        if pos != "VERB" or low not in vocab.joint_verbs or is_future(tok):
            continue
        subj, _ = verb_subject(tok)
        if subj is None or subj.head.i != tok.i:
            continue
        decided = low in vocab.decision_verbs and any(c.dep_ == "xcomp" and c.pos_ == "VERB"
                                                      for c in tok.children)
        if tok.lower_ not in vocab.talk_verbs and "counterpart" not in subtree_text(subj) and not decided:
            continue  # "X and Y agreed with Z's proposals": acting together is not meeting each other
        persons = persons_in(subj, ptoks)
        countries = {index.persons[p].country for p in persons}
        if len(persons) == 2 and len(countries) == 2 and None not in countries:
            out.append(make_draft(ctx, sent, [("person", p) for p in persons], "joint", "meeting",
                              ResolvedDate(None), tok))
    if not out:
        out += joint_by_text(ctx, sent, vocab)
    return out


_JOINED = re.compile(r"\s*(?:,\s*)?and\s+(?:(?:his|her)\s+)?(?:[A-Z][\w-]*\s+|counterpart\s+){0,4}")


def joint_by_text(ctx: ReportContext, sent: Sentence, vocab: MeetingWords) -> list[Draft]:
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
        if trigger is not None and is_future(trigger):
            continue
        out.append(make_draft(ctx, sent, [("person", a.person), ("person", b.person)], "joint", "meeting",
                          ResolvedDate(None), trigger))
    return out


def in_proper_name(ctx: ReportContext, sent: Sentence, mention) -> bool:
    """A state written inside a dash-joined proper name ("the China-ASEAN Free
    Trade Area"): every mention of its code there is joined by a dash to
    another and followed by a capitalised word."""
    ms = sorted(sent.mentions, key=lambda m: m.start)
    for n, m in enumerate(ms):
        if m.entity.code != mention.entity.code:
            continue
        joined = (n + 1 < len(ms) and DASH_JOIN.fullmatch(ctx.text[m.end : ms[n + 1].start])) or (
            n > 0 and DASH_JOIN.fullmatch(ctx.text[ms[n - 1].end : m.start]))
        last = ms[n + 1] if n + 1 < len(ms) and joined and ms[n + 1].start > m.start else m
        if not joined or not re.match(r"\s+[A-Z][a-z]", ctx.text[last.end : last.end + 3]):
            return False
    return True


def two_sides(ctx: ReportContext, sent: Sentence, vocab: MeetingWords) -> list[Draft]:
    """ "The two leaders/sides ..." where the same sentence names exactly two
    states or bodies: a meeting between them."""
    said = vocab.two_sides.search(sent.text[:60])
    if not said:
        return []
    doc = sent.span.doc
    codes = []
    for m in sent.mentions:
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if m.how == "capital" or (span is not None and in_setting(span.root)):
            continue  # "met in Bali, Indonesia, on the sidelines of the G20 summit": setting, not sides
        if span is not None and (span.root.head.lower_ in MEMBER_NOUNS or any(
                t.lower_ in MEMBER_NOUNS for t in span.root.head.children if t.i > span.root.i)):
            continue  # "other ASEAN member states": its members, not the body
        codes.append(m.entity.code)
    codes = list(dict.fromkeys(codes))
    if len(codes) != 2:
        return []
    if "two" not in said.group(1).lower() and "both" not in said.group(1).lower() and (
            ctx.parties[:2] and set(codes) != set(ctx.parties[:2])):
        return []  # "the ministers" of a multilateral meeting are not two sides of the states they name
    named = {m.entity.code for m in sent.mentions if in_proper_name(ctx, sent, m)}
    if ctx.parties[:2] and not set(codes) <= set(ctx.parties[:2]) and named & set(codes):
        return []  # "the two sides agreed to conclude the China-ASEAN Free Trade Area" (China and Indonesia)
    _, span = ctx.evidence(sent)
    return [Draft([("state", c) for c in codes], "states", "meeting", sent, ResolvedDate(None),
                  None, occasion_of(sent), [span])]

