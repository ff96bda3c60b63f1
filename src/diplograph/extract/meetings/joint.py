"""meeting.joint and meeting.joint_by_text: two persons of two states acting
together report an encounter ("X and his counterpart Y agreed ...",
"Prabowo and Anwar discussed ...", "X and Y co-chaired the Retreat").

Why: a joint act is told of two leaders who met, though no meeting word is
said. Not when they merely act alike ("X and Y agreed with Z's proposals").
The verbs are `joint_verbs`, `talk_verbs` and `decision_verbs` in
`data/meetings.yaml`.
"""

from __future__ import annotations

import re
from functools import lru_cache

from diplograph.extract.context import ReportContext, Sentence
from diplograph.extract.meetings.draft import make_draft
from diplograph.extract.meetings.vocab import Draft, words
from diplograph.extract.modality import is_future
from diplograph.extract.rules import rule
from diplograph.extract.syntax import person_tokens, persons_in, subtree_text, verb_subject
from diplograph.records import ResolvedDate

JOINT = "meeting.joint"
JOINT_BY_TEXT = "meeting.joint_by_text"

#: what may stand between two joined persons: "and", "his/her", titles, "counterpart"
_JOINED = re.compile(r"\s*(?:,\s*)?and\s+(?:(?:his|her)\s+)?(?:[A-Z][\w-]*\s+|counterpart\s+){0,4}")


@rule(JOINT)
def joint_drafts(ctx: ReportContext, sent: Sentence) -> list[Draft]:
    """ "X and his/her counterpart Y agreed ...", "Prabowo and Anwar
    discussed ...": the subject of a joint verb is two persons of two
    states; a talk verb, a "counterpart" or a decision with an infinitive
    makes it an encounter."""
    index = ctx.persons
    assert index is not None
    vocab = words()
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
        subjects = [c for c in tok.children if c.dep_ == "nsubj"]
        persons = list(dict.fromkeys(p for c in subjects for p in persons_in(c, ptoks)))
        # the parser may split "X and visiting Y" into two subjects of the verb: both are its subject
        countries = {index.persons[p].country for p in persons}
        if len(persons) == 2 and len(countries) == 2 and None not in countries:
            out.append(make_draft(ctx, sent, [("person", p) for p in persons], "joint", "meeting",
                                  ResolvedDate(None), tok, JOINT))
    return out


@lru_cache(maxsize=1)
def _talk_act() -> re.Pattern[str]:
    """A talk verb right after the second person ("also co-chaired")."""
    verbs = "|".join(re.escape(v) for v in sorted(words().talk_verbs, key=len, reverse=True))
    return re.compile(rf"\s*(?:also\s+|jointly\s+)?(?:{verbs})\b", re.IGNORECASE)


@rule(JOINT_BY_TEXT)
def joint_by_text_drafts(ctx: ReportContext, sent: Sentence) -> list[Draft]:
    """ "X and Y co-chaired the Leaders' Retreat" where the parse is lost
    (the tagger splits "co-chaired" and makes "co" the verb): two named
    persons of two states joined by "and", right before a talk verb. Run
    only where meeting.joint found nothing in the sentence."""
    index = ctx.persons
    assert index is not None
    mentions = [m for m in index.in_sentence(sent.index) if m.how in ("name", "nominal")]
    act = _talk_act()
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
            ctx.veto(JOINT_BY_TEXT, "veto.future", sent)
            continue
        out.append(make_draft(ctx, sent, [("person", a.person), ("person", b.person)], "joint", "meeting",
                              ResolvedDate(None), trigger, JOINT_BY_TEXT))
    return out
