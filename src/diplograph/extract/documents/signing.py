"""Whether a mentioned instrument was signed or is planned, and which rule
says so: the nearest cue before the title in the same clause
(`document.signing_verb`: sign/adopt/finalise ...; `document.planning_verb`:
negotiate/build/draft ...; `document.completion_sought`: "accelerate the
completion of"; `document.concluded_negotiations`: "concluded negotiations
on" finalises the text), else a passive after it (`document.passive`: "was
signed", "to be signed"), else a neighbouring sentence (`lists`).

Why the nearest cue: a report's sentence often signs one thing and plans
another; the cue that governs a title is the last one before it with no
other clause's verb between. Its modality (future, negated, hedged, one
side's wish) is decided by `status` for every rule alike.
"""

from __future__ import annotations

import re

from spacy.tokens import Span as SpacySpan

from diplograph.extract import rules
from diplograph.extract.context import ReportContext, Sentence
from diplograph.extract.documents.lists import carried
from diplograph.extract.documents.status import STATUS_RULES, checked, future_clause, hedged, later, negated
from diplograph.extract.documents.titles import Found, noun_modifier
from diplograph.extract.documents.vocabulary import Vocabulary, vocabulary
from diplograph.extract.rules import declare

SIGNING_VERB = "document.signing_verb"
PLANNING_VERB = "document.planning_verb"
COMPLETION_SOUGHT = "document.completion_sought"
CONCLUDED_NEGOTIATIONS = "document.concluded_negotiations"
PASSIVE = "document.passive"

declare(SIGNING_VERB, """A verb of signing before the title, in its clause: "signed a
memorandum of understanding on ...", "witnessed the signing of the ...
Agreement", "adopted the Joint Statement"; planned when a future marker,
"to" or a future auxiliary governs it ("agreed to sign", "will witness
the exchange of").""", __name__)
declare(PLANNING_VERB, """A verb of preparing a text before the title: "agreed to negotiate
a free trade agreement", "drafting the Code of Conduct": planned.""", __name__)
declare(COMPLETION_SOUGHT, """A completion pushed for: "accelerate the completion of the
Indonesia-EU CEPA", "expedite the conclusion of the agreement": planned.""", __name__)
declare(CONCLUDED_NEGOTIATIONS, """Negotiations concluded: "concluded negotiations on the upgrade of
the ACFTA" finalises the text (signed), unless the conclusion is only
pushed for ("accelerate the conclusion of negotiations").""", __name__)
declare(PASSIVE, """A passive or relative clause after the title: "the agreement on ...
was signed", "an MoU on ... signed by the two ministers", "which the two
countries signed in 2022" (signed); "to be signed", "under negotiation"
(planned).""", __name__)

#: How far before a title (characters) its status cue may stand, when no
#: other verb stands between ("signed several agreements on Monday during
#: ..., including a memorandum ... and an agreement on ...").
CUE_REACH = 220
#: how far before a cue its negation or hedge may stand
_LEAD = 40


def status_of(
    ctx: ReportContext, sent: Sentence, f: Found, titles: tuple[tuple[int, int], ...] = ()
) -> tuple[str, str] | None:
    """(signed | planned, the rule that decided it), or None (no cue, a
    negation, a hedge, or one side's proposal). `titles`: the other titles
    of the sentence, whose words ("an action plan for building ...") are no
    cue for this one."""
    cue = nearest_cue(ctx, sent, f, titles)
    if cue is None:
        return _after_title(ctx, sent, f)
    status, cue_at, rule = _concluded(ctx, sent, *cue)
    text = ctx.text
    lead = text[max(sent.start, cue_at - _LEAD) : cue_at]
    if status == "signed" and (later(lead) or future_clause(ctx, cue_at)):
        status = "planned"  # "will hold a meeting and then witness the exchange of an MoU"
    elif status == "signed" and signing_planned(lead):
        status, rule = "planned", PLANNING_VERB  # "are negotiating the signing of agreements on ..."
    if not rules.enabled(rule, STATUS_RULES):
        return None  # another rule runs alone (`rules.alone`): this cue decides nothing
    if negated(lead):
        ctx.veto(rule, "veto.negation", sent)
        return None
    if hedged(lead, text[cue_at : f.start]):
        ctx.veto(rule, "veto.hedge", sent)
        return None  # "discussed the possibility of signing": nobody agreed to sign
    decided = checked(ctx, sent, cue_at, status, rule)
    return None if decided is None else (decided, rule)


_ON = re.compile(r"\s+(?:up)?on\b", re.IGNORECASE)
_SIGNING_OBJECT = re.compile(r"\s+(?:for\s+|on\s+)?(?:the\s+)?$", re.IGNORECASE)


def signing_planned(lead: str) -> bool:
    """A planning verb whose object is the signing itself: "are negotiating
    the signing of", "working towards the signing of", "preparing for the
    signing of": the signing is still to come (planned)."""
    m = _SIGNING_OBJECT.search(lead)
    head = lead[: m.start()] if m else lead
    cues = list(vocabulary().planned.finditer(head))
    return bool(cues) and cues[-1].end() == len(head)


def nearest_cue(
    ctx: ReportContext, sent: Sentence, f: Found, titles: tuple[tuple[int, int], ...]
) -> tuple[str, int, str] | None:
    """(status, where the cue starts, rule) of the nearest cue before the
    title with no other clause's verb between, or None."""
    v = vocabulary()
    text = ctx.text
    base = max(sent.start, f.start - CUE_REACH)
    before = text[base : f.start]
    cues = [(m.end(), m.start(), "signed", SIGNING_VERB) for m in v.signed.finditer(before)]
    cues += [(m.end(), m.start(), "planned", PLANNING_VERB) for m in v.planned.finditer(before)
             if not (m.group(0).lower().startswith("build") and _ON.match(before, m.end()))]
    # "building on the Declaration of Principles": resting on an instrument, not making one
    cues += [
        (m.end(), m.start(), "planned", COMPLETION_SOUGHT)
        for m in v.completion.finditer(before) if v.forward.search(before[: m.start()])
    ]
    cues = [c for c in cues if not any(a <= base + c[1] < b for a, b in titles)]
    if not cues:
        return None
    cue_end, cue_start, status, rule = max(cues, key=lambda c: c[:3])
    between = ctx.doc.char_span(base + cue_end, f.start, alignment_mode="contract")
    if between is not None and clause_verb(between, v):
        return None  # the cue belongs to another clause
    if v.other_object.match(text, base + cue_end):
        return None  # "exchanged views on the Code of Conduct": the cue's object is not the document
    return status, base + cue_start, rule


def _concluded(
    ctx: ReportContext,
    sent: Sentence,
    status: str,
    cue_at: int,
    rule: str,
) -> tuple[str, int, str]:
    """ "concluded negotiations on the upgrade of ...": the text is finalised
    (signed, the cue moved to "concluded"), unless the conclusion is only
    pushed for ("accelerate the conclusion of negotiations")."""
    v = vocabulary()
    text = ctx.text
    if status != "planned" or not v.negotiation.match(text, cue_at):
        return status, cue_at, rule
    head = text[max(sent.start, cue_at - 60) : cue_at]
    done = v.done_negotiating.search(head)
    if done and not (done.group("noun") and v.forward.search(head[: done.start()])):
        return "signed", cue_at - len(head) + done.start(), CONCLUDED_NEGOTIATIONS
    return status, cue_at, rule


def _after_title(ctx: ReportContext, sent: Sentence, f: Found) -> tuple[str, str] | None:
    """With no cue before the title: a passive after it, else a neighbouring sentence."""
    v = vocabulary()
    after = ctx.text[f.end : sent.end]
    for pattern, status in ((v.passive_planned, "planned"), (v.passive_signed, "signed")):
        if pattern.search(after):
            if not rules.enabled(PASSIVE, STATUS_RULES):
                return None
            decided = checked(ctx, sent, f.start, status, PASSIVE)
            return None if decided is None else (decided, PASSIVE)
    return carried(ctx, sent, f)


def clause_verb(between: SpacySpan, v: Vocabulary) -> bool:
    """A verb between a cue and its title that starts another clause. After a
    linking word ("including ...") the list's own participles ("an action plan
    for building ... with a shared future, and a memorandum ...") start none."""
    listing = False
    for t in between:
        if t.lower_ in v.linking:
            listing = True
            continue
        if t.pos_ != "VERB" or t.text[:1].isupper():
            continue
        if v.signed.fullmatch(t.text) or v.planned.fullmatch(t.text):
            continue
        if listing and t.tag_ in ("VBG", "VBN"):
            continue
        if noun_modifier(t.doc, t.i):
            continue
        return True
    return False
