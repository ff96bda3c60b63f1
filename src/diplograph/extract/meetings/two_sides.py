"""meeting.two_sides: "The two leaders/sides ..." where the same sentence
names exactly two states or bodies: a meeting between them.

Why: reports often tell the talks' content with "the two sides agreed ..."
and name the states in the same sentence; GUIDELINES record the meeting of
the two. Not the states of a setting ("met in Bali, Indonesia"), a body's
members ("other ASEAN member states"), nor a state inside a proper name
("the China-ASEAN Free Trade Area"). The subjects are `two_sides` in
`data/meetings.yaml`.
"""

from __future__ import annotations

import re

from diplograph.extract.context import ReportContext, Sentence
from diplograph.extract.meetings.gathering import DASH_JOIN
from diplograph.extract.meetings.place import occasion_of
from diplograph.extract.meetings.sides import in_setting
from diplograph.extract.meetings.vocab import Draft, words
from diplograph.extract.rules import rule
from diplograph.records import ResolvedDate

RULE = "meeting.two_sides"
#: how far into the sentence "the two sides" may stand
_SUBJECT_WITHIN = 60
_CAPITALISED_WORD = re.compile(r"\s+[A-Z][a-z]")


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
        if not joined or not _CAPITALISED_WORD.match(ctx.text[last.end : last.end + 3]):
            return False
    return True


def _side_codes(sent: Sentence) -> list[str]:
    """The states and bodies the sentence names as sides: not capitals, not
    the place of a setting, not a body standing for its members."""
    member_nouns = words().member_nouns
    doc = sent.span.doc
    codes = []
    for m in sent.mentions:
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if m.how == "capital" or (span is not None and in_setting(span.root)):
            continue  # "met in Bali, Indonesia, on the sidelines of the G20 summit": setting, not sides
        if span is not None and (span.root.head.lower_ in member_nouns or any(
                t.lower_ in member_nouns for t in span.root.head.children if t.i > span.root.i)):
            continue  # "other ASEAN member states": its members, not the body
        codes.append(m.entity.code)
    return list(dict.fromkeys(codes))


@rule(RULE)
def two_sides_drafts(ctx: ReportContext, sent: Sentence) -> list[Draft]:
    """ "The two leaders/sides ..." where the same sentence names exactly two
    states or bodies (of the report's principal parties, unless the subject
    says "two" or "both"): a meeting between them."""
    said = words().two_sides.search(sent.text[:_SUBJECT_WITHIN])
    if not said:
        return []
    codes = _side_codes(sent)
    if len(codes) != 2:
        return []
    principal = set(ctx.parties[:2])
    subject = said.group(1).lower()
    if "two" not in subject and "both" not in subject and (principal and set(codes) != principal):
        ctx.veto(RULE, "veto.multilateral", sent)  # "the ministers" of a multilateral meeting
        return []
    named = {m.entity.code for m in sent.mentions if in_proper_name(ctx, sent, m)}
    if principal and not set(codes) <= principal and named & set(codes):
        ctx.veto(RULE, "veto.proper_name", sent)  # "the two sides agreed to conclude the China-ASEAN FTA"
        return []
    _, span = ctx.evidence(sent)
    return [Draft([("state", c) for c in codes], "states", "meeting", sent, ResolvedDate(None),
                  None, occasion_of(sent), [span], rule=RULE)]
