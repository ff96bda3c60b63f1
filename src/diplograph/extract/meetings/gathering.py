"""meeting.gathering and meeting.summit_between: gatherings named after their
parties ("the 13th ASEAN–US Summit", "the 4th Viet Nam–Thailand Joint
Cabinet Retreat", "the first summit between the GCC and ASEAN").

Why: GUIDELINES record such a gathering as a meeting of the parties its
name gives, not when it is a purpose ("for the ... Summit", "ahead of",
"to attend"). The gathering names are `named_gatherings`, the purpose words
`gathering_future` in `data/meetings.yaml`.
"""

from __future__ import annotations

import re

from diplograph.extract.context import ReportContext, Sentence
from diplograph.extract.meetings.place import location
from diplograph.extract.meetings.vocab import Draft, Party, words
from diplograph.extract.modality import is_future
from diplograph.extract.rules import rule
from diplograph.records import ResolvedDate

GATHERING = "meeting.gathering"
SUMMIT_BETWEEN = "meeting.summit_between"

#: a dash or slash joining two parties in a name ("ASEAN–US", "Viet Nam-Thailand")
DASH_JOIN = re.compile(r"\s*[-–—/]\s*")
_ORDINAL_BEFORE = re.compile(r"(?:\b(?:the\s+)?(?:\d+(?:st|nd|rd|th)|first|second|third|fourth|fifth)\s+)?$")
_BRACKETED_SHORT_NAME = re.compile(r"\s*\([^)]{1,12}\)")
_SUMMIT_BETWEEN = re.compile(r"\b(?:summit|summit\s+meeting)\s+between\s+(?:the\s+)?$", re.IGNORECASE)
_AND = re.compile(r"\s+and\s+(?:the\s+)?")


def _dash_groups(ctx: ReportContext, mentions: list) -> list[list]:
    """The sentence's mentions in runs joined by dashes ("ASEAN-GCC-China")."""
    groups = []
    k = 0
    while k < len(mentions):
        group = [mentions[k]]
        j = k + 1
        while j < len(mentions) and DASH_JOIN.fullmatch(ctx.text[group[-1].end : mentions[j].start]):
            group.append(mentions[j])
            j += 1
        k = j
        groups.append(group)
    return groups


def _gathering_word(tail: str) -> re.Match[str] | None:
    """The gathering word right after the parties ("Summit", "Leaders'
    Retreat"), past a bracketed short name ("(GCC) Summit"); the match of
    what stands before it in `tail`, or None."""
    vocab = words()
    m = vocab.gathering.match(tail)
    if m:
        return m
    m = _BRACKETED_SHORT_NAME.match(tail)
    if not m or not vocab.gathering.match(tail[m.end() :]):
        return None
    return m


@rule(GATHERING)
def gathering_drafts(ctx: ReportContext, sent: Sentence) -> list[Draft]:
    """A gathering named after two or more parties joined by dashes: "the
    13th ASEAN–US Summit", "the first ASEAN-GCC-China Summit". Not when the
    gathering is a purpose ("for the ... Summit", "ahead of")."""
    vocab = words()
    out = []
    for group in _dash_groups(ctx, sorted(sent.mentions, key=lambda m: m.start)):
        codes = list(dict.fromkeys(m.entity.code for m in group))
        if len(codes) < 2:
            continue
        tail = ctx.text[group[-1].end : sent.end]
        m = _gathering_word(tail)
        if m is None:
            continue
        head = ctx.text[sent.start : group[0].start]
        if vocab.gathering_future.search(head):
            ctx.veto(GATHERING, "veto.purpose", sent)  # "ahead of the ASEAN-GCC Summit"
            continue
        name_start = _ORDINAL_BEFORE.search(head)
        _, span = ctx.evidence(sent)
        occasion = ctx.text[sent.start + (name_start.start() if name_start else len(head)) : group[-1].end]
        occasion = (occasion + tail[: m.end()]).strip()
        parties: list[Party] = [("state", c) for c in codes]
        out.append(Draft(parties, "gathering", "multilateral", sent, ResolvedDate(None),
                         location(ctx, sent), occasion, [span], rule=GATHERING))
    return out


@rule(SUMMIT_BETWEEN)
def summit_between_drafts(ctx: ReportContext, sent: Sentence) -> list[Draft]:
    """ "chaired the first summit between the Gulf Cooperation Council and the
    Association of Southeast Asian Nations": a gathering of the two, unless
    it is a purpose ("to attend the summit between ...")."""
    vocab = words()
    mentions = sorted(sent.mentions, key=lambda m: m.start)
    out = []
    for a, b in zip(mentions, mentions[1:], strict=False):
        lead = ctx.text[max(sent.start, a.start - 40) : a.start]
        m = _SUMMIT_BETWEEN.search(lead)
        if m is None or a.entity.code == b.entity.code or not _AND.fullmatch(ctx.text[a.end : b.start]):
            continue
        at = a.start - len(lead) + m.start()  # where "summit" stands
        span = ctx.doc.char_span(at, at + len("summit"), alignment_mode="expand")
        if vocab.gathering_future.search(ctx.text[sent.start : at]) or (
                span is not None and is_future(span.root)):
            ctx.veto(SUMMIT_BETWEEN, "veto.purpose", sent)
            continue
        _, evidence_span = ctx.evidence(sent)
        parties: list[Party] = [("state", a.entity.code), ("state", b.entity.code)]
        out.append(Draft(parties, "gathering", "multilateral", sent, ResolvedDate(None), location(ctx, sent),
                         None, [evidence_span], span.root if span is not None else None, rule=SUMMIT_BETWEEN))
    return out
