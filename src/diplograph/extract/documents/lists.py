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
from diplograph.extract.documents.vocabulary import vocabulary
from diplograph.extract.rules import declare

LIST_ITEM = "document.list_item"
CARRIED = "document.carried"
declare(LIST_ITEM, """An item of a list whose lead line (ending in ":") signs or plans its
items: "The following documents were signed:" then one title per line; the
lead line's modality ("to be signed next year") holds for every item.""", __name__)
declare(CARRIED, """A member of a set of documents a neighbouring sentence signs: "They
signed 13 agreements. The documents include a memorandum on ...", or a
capitalised name told right beside such a signing.""", __name__)

_BULLET = re.compile(r"^\s*(?:[-•*–·▪●○◦]|\(?\d{1,2}[.)]|\(?[a-z][.)])\s+")
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
        return (listed, LIST_ITEM) if rules.enabled(LIST_ITEM, STATUS_RULES) else None
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


def is_item(sent: Sentence) -> bool:
    """A line of a list: bulleted or numbered, a line that opens with an
    instrument ("MoU on ... signed by ..."), or a bare title with no verb."""
    if _BULLET.match(sent.text) or vocabulary().kind.match(sent.text.lstrip()):
        return True
    return not any(pos in ("VERB", "AUX") for _tok, _low, pos in sent.tagged())


def list_status(ctx: ReportContext, sent: Sentence) -> str | None:
    """document.list_item: the status of an instrument that is an item of a
    list whose lead line signs (or plans) them ("The following documents were
    signed:" followed by a line per title)."""
    if not is_item(sent):
        return None
    k = sent.index - 1
    while k >= 0 and sent.index - k <= _LIST_REACH and is_item(ctx.sentences[k]):
        k -= 1
    if k < 0 or not ctx.sentences[k].text.rstrip().endswith(":"):
        return None
    lead = ctx.sentences[k]
    v = vocabulary()
    cues = [(m.start(), "signed") for m in v.signed.finditer(lead.text)]
    cues += [(m.start(), "planned") for m in v.planned.finditer(lead.text)]
    if not cues:
        return None
    at, status = max(cues)
    if status == "signed" and later(lead.text[:at], to_be=True):
        status = "planned"
    return checked(ctx, lead, lead.start + at, status, LIST_ITEM)


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
