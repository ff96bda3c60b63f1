"""Instruments whose status a neighbouring sentence gives: an item of a list
under a lead line that signs them (`document.list_item`: "The following
documents were signed:" then a line per title), and a member of a set a
neighbouring sentence signs (`document.carried`: "The documents include a
memorandum ...", or a capitalised name right beside "witnessed the signing
of 13 cooperative agreements").

Why neighbours: reports list what was signed line by line, and a list's
lines have no verb of their own; the lead line's cue, with its modality
(`status.later`), holds for every item.
"""

from __future__ import annotations

import re

from diplograph.extract import rules
from diplograph.extract.context import ReportContext, Sentence
from diplograph.extract.documents.status import STATUS_RULES, checked, later
from diplograph.extract.documents.titles import Found, capitalised_words
from diplograph.extract.documents.vocabulary import list_patterns, vocabulary
from diplograph.extract.rules import declare

LIST_ITEM = "document.list_item"
CARRIED = "document.carried"
LIST_AFTER_SET = "document.list_after_set"
declare(LIST_AFTER_SET, """An item of a list whose lead line only opens it ("These include:",
"They are as follows:", "Among them:") after a sentence that signs (or plans) a
set: "They signed a total of eight documents. These include: - the Plan for
... - Action Plan ...": the set's status holds for every item.""", __name__)
declare(LIST_ITEM, """An item of a list whose lead line (ending in ":") signs or plans its
items: "The following documents were signed:" then one title per line; the
lead line's modality ("to be signed next year") holds for every item.""", __name__)
declare(CARRIED, """A member of a set of documents a neighbouring sentence signs: "They
signed 13 agreements. The documents include a memorandum on ...", or a
capitalised name told right beside such a signing.""", __name__)

_BULLET = re.compile(r"^\s*(?:[-•*–·▪●○◦]\s*(?=\w)|(?:[-•*–·▪●○◦]|\(?\d{1,2}[.)]|\(?[a-z][.)])\s+)")
#: where a list's lead line ends: a colon that closes the sentence or its line
_LEAD_END = re.compile(r":[ \t]*(?:\n|$)")
#: the last clause of a lead line: "These include" in "They signed eight documents. These include"
_LAST_CLAUSE = re.compile(r"(?:(?<=[.!?])\s+|^)[^.!?]*$")
#: the longest list (in items) whose lead sentence still gives its items a status
_LIST_REACH = 40
#: how many sentences back "The agreements (further) include ..." may find the set's signing
_CARRIER_REACH = 4
#: how far before a set's plural noun its cue may stand
_SET_REACH = 60


def carried(ctx: ReportContext, sent: Sentence, f: Found) -> tuple[str, str] | None:
    """(status, rule) of an instrument listed as one of a set a neighbouring
    sentence signed (or planned), or named, capitalised, right beside that
    signing ("Lula said the Joint Action Plan will lay the foundations ...
    Hu and Lula witnessed the signing of 13 cooperative agreements")."""
    v = vocabulary()
    if v.carrying_out.search(ctx.text[max(sent.start, f.start - 60) : f.start]):
        return None  # "reviewed the implementation of the Joint Action Plan": an existing one
    listed = list_status(ctx, sent)
    if listed is not None:
        rule = LIST_AFTER_SET if listed.endswith("+set") else LIST_ITEM
        return (listed.removesuffix("+set"), rule) if rules.enabled(rule, STATUS_RULES) else None
    if v.carrier.search(ctx.text[sent.start : f.start]):
        # the nearest set told before: a credit line or other members' sentences may stand between
        neighbours = [sent.index - k for k in range(1, _CARRIER_REACH + 1)]
    elif capitalised_words(f.title) and len(f.title.split()) >= 2:
        neighbours = [sent.index - 1, sent.index + 1]
    else:
        return None
    for k in neighbours:
        if 0 <= k < len(ctx.sentences):
            status = set_status(ctx, ctx.sentences[k])
            if status is not None:
                return (status, CARRIED) if rules.enabled(CARRIED, STATUS_RULES) else None
    return None


#: an item's tail that is no part of its title: "..., and", "... respectively."
_ITEM_TAIL = re.compile(r"(?:[\s,;.]+(?:and|respectively))*[\s,;.]*$", re.IGNORECASE)


def headed_item(ctx: ReportContext, sent: Sentence) -> Found | None:
    """A bulleted list item whose head is an instrument only as a list's item
    ("- the Plan for the celebration of ...", "- Exchange of letters on ...",
    "- Programme of Cultural Exchanges for 2024-2026"): the whole line is its
    title; its status comes from the list's lead (`list_status`), so a line
    that no signing lead opens gives nothing."""
    bullet = _BULLET.match(sent.text)
    if bullet is None:
        return None
    v = vocabulary()
    at = bullet.end()
    m = list_patterns()[0].match(sent.text, at)
    # "-Agreement on ...": a kind glued to its dash, which the kinds' own pattern does not take
    kind = v.kind.match(sent.text[at:]) if m is None and sent.text[at - 1 : at] in "-–" else None
    if m is None and kind is None:
        return None
    head = m.start("head") if m is not None else at
    end = len(sent.text) - len(_ITEM_TAIL.search(sent.text).group(0))
    title = sent.text[head:end].strip()
    if len(title.split()) < 3:
        return None  # "- Plan": nothing that identifies it
    return Found(sent.start + head, sent.start + end, sent.start + head, title, False)


def is_item(sent: Sentence) -> bool:
    """A line of a list: bulleted or numbered, a line that opens with an
    instrument ("MoU on ... signed by ..."), or a bare title with no verb."""
    if _BULLET.match(sent.text) or vocabulary().kind.match(sent.text.lstrip()):
        return True
    return not any(pos in ("VERB", "AUX") for _tok, _low, pos in sent.tagged())


def list_status(ctx: ReportContext, sent: Sentence) -> str | None:
    """document.list_item: the status of an instrument that is an item of a
    list whose lead line signs (or plans) them ("The following documents were
    signed:" followed by a line per title); "<status>+set" where the lead only
    opens the list after a signed set (`opened_after_set`)."""
    if not is_item(sent):
        return None
    k = sent.index - 1
    while k >= 0 and sent.index - k <= _LIST_REACH and is_item(ctx.sentences[k]):
        k -= 1
    if k < 0:
        return None
    lead = ctx.sentences[k]
    # the lead line ends the sentence, or stands (with the first items) in the text the
    # sentences skip ("... eight documents.\n\nThese include:\n\n-the Plan ...")
    gap = ctx.text[lead.end : ctx.sentences[k + 1].start] if k + 1 < len(ctx.sentences) else ""
    gap_ends = list(_LEAD_END.finditer(gap))
    body = gap[: gap_ends[0].start()].strip() if gap_ends else lead.text
    ends = [None] if gap_ends else list(_LEAD_END.finditer(body))
    if not ends:
        return None
    head = body if gap_ends else body[: ends[-1].start()]
    v = vocabulary()
    cues = [(m.start(), "signed") for m in v.signed.finditer(head)]
    cues += [(m.start(), "planned") for m in v.planned.finditer(head)]
    opening = _LAST_CLAUSE.search(head)
    if opening is not None and list_patterns()[1].match(opening.group(0).strip() + ":"):
        cues = [c for c in cues if c[0] >= opening.start()]  # "... eight documents. These include:"
    if not cues:
        return opened_after_set(ctx, lead, opening.group(0) if opening else head)
    at, status = max(cues)
    if status == "signed" and later(lead.text[:at], to_be=True):
        status = "planned"
    return checked(ctx, lead, lead.start + at, status, LIST_ITEM)


def opened_after_set(ctx: ReportContext, lead: Sentence, opener: str) -> str | None:
    """document.list_after_set: the status of a list whose lead line only opens
    it ("These include:", "They are:", "Among them were:"), given by the
    sentence just before that signs (or plans) a set ("signed a total of
    eight documents"); a credit line or an aside may stand between."""
    if not list_patterns()[1].match(opener.strip() + ":"):
        return None
    for k in range(lead.index, max(-1, lead.index - 1 - _CARRIER_REACH), -1):
        status = set_status(ctx, ctx.sentences[k])
        if status is not None:
            return status + "+set"  # told apart by `carried`: this rule, not the lead's own cue
    return None


def set_status(ctx: ReportContext, other: Sentence) -> str | None:
    """signed | planned when the sentence signs (or plans) several documents."""
    v = vocabulary()
    ptext = ctx.text[other.start : other.end]
    for plural in v.plural_documents.finditer(ptext):
        lead = ptext[max(0, plural.start() - _SET_REACH) : plural.start()]
        cues = [(m.end(), m.start(), "signed") for m in v.signed.finditer(lead)]
        cues += [(m.end(), m.start(), "planned") for m in v.planned.finditer(lead)]
        if not cues:
            continue
        _, at, status = max(cues)
        head = ptext[: max(0, plural.start() - _SET_REACH) + at]
        if status == "signed" and later(head):
            status = "planned"
        return checked(ctx, other, other.start + len(head), status, CARRIED)
    return None
