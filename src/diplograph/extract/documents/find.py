"""The documents of a report: every sentence's singular mentions (`titles`)
and plural groups (`document_groups`), each given a status (`signing`,
`lists`) and parties (`parties`), merged into one record per document.

Why merging here: the same document told in several sentences is one
record (signed wins over planned); a counted group whose members are told
one by one after it ("two MoUs. The first concerns ... The second ...") is
its members; a headline's group gives way to the body's documents.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from diplograph.extract import rules
from diplograph.extract.context import ReportContext, Sentence
from diplograph.extract.document_groups import (
    GroupMention,
    group_mentions,
    ordinal_members,
    short_singular,
    singular_of,
)
from diplograph.extract.documents.lists import headed_item
from diplograph.extract.documents.parties import parties
from diplograph.extract.documents.signing import PASSIVE, status_of
from diplograph.extract.documents.status import GROUP_RULES, STATUS_RULES, checked
from diplograph.extract.documents.titles import Found, capitalised_words, mentions, trim
from diplograph.extract.documents.vocabulary import vocabulary
from diplograph.extract.rules import declare
from diplograph.records import Document, ResolvedDate, Veto

ORDINAL = "document.group.ordinal"
declare(ORDINAL, """The members of a counted group told one by one after it: "Canada signed
two MoUs with China. The first concerns climate change. The second MOU
focuses on culture." gives an MoU on each, with the group's status and
parties.""", "diplograph.extract.document_groups")

REPORT_IS_INSTRUMENT = "document.report_is_instrument"
declare(REPORT_IS_INSTRUMENT, """A report whose title line is an instrument's name ("Joint Statement
on the Official Visit to Chile of the Minister of Foreign Affairs of
Colombia", "Exchange of Notes for Japanese ODA Loan ...") is that
instrument, issued (signed), with the report's parties.""", __name__)

#: how many sentences after a counted group its ordinal members may be told
ORDINAL_REACH = 8
#: the longest sentence that is an aside between a group and the sentence naming its members
ASIDE = 80
_WORD = re.compile(r"[a-z0-9]+")


@dataclass
class _Candidate:
    """A title to give a status: a singular mention, or one title of a group
    (`group`: the group's rule; `passive`: the status its own passive gives)."""

    found: Found
    group: str | None = None
    passive: str | None = None


@dataclass
class _Records:
    """The report's records so far, and what merging them needs to know."""

    out: list[Document] = field(default_factory=list)
    told_in: list[int] = field(default_factory=list)  # the sentence each record was first told in
    headline_groups: list[Document] = field(default_factory=list)  # groups told in the headline
    counted: tuple[int, Document, int] | None = None  # the last counted group: sentence, record, count
    members: dict[int, int] = field(default_factory=dict)  # id of a counted group -> members told after it
    shorts: dict[int, str] = field(default_factory=dict)  # id of a counted group -> its members' short kind

    def extend(self, records: list[Document], sentence: int) -> None:
        self.out += records
        self.told_in += [sentence] * len(records)

    def add(self, record: Document, sentence: int, bare: bool) -> None:
        """One record per document: a title told before (a bare kind only
        with the same parties) is that document; signed replaces planned."""
        words = title_words(record.title)
        same = next((d for d, told in zip(self.out, self.told_in, strict=True) if told != sentence
                     and same_title(title_words(d.title), words)
                     and (not bare or set(d.parties) == set(record.parties))), None)
        if same is None:
            self.out.append(record)
            self.told_in.append(sentence)
        elif same.status == "planned" and record.status == "signed":
            for rule in same.rules:
                record.made_by(rule)
            told = self.told_in[self.out.index(same)]
            record.trace.append(f"replaced the planned record told in sentence {told}")
            self.out[self.out.index(same)] = record
        else:
            same.made_by(record.rule or "", f"told again in sentence {sentence}")


def find_documents(ctx: ReportContext) -> list[Document]:
    """Every signed or planned document in the report, once each."""
    records = _Records()
    screen = vocabulary().screen
    for sent in ctx.sentences:
        if _ordinal_sentence(ctx, sent, records):
            continue
        groups = group_mentions(ctx.doc, ctx.text, sent)
        screened = screen.search(ctx.text[sent.start : sent.end]) or headed_item(ctx, sent)
        if not groups and not screened:
            continue
        _sentence_documents(ctx, sent, groups, records)
    the_report = _report_is_instrument(ctx, records)
    if the_report is not None:
        records.add(the_report[0], the_report[1], False)
    out = records.out
    for d in out:
        if id(d) in records.members and counted_all(d, records.members):
            ctx.vetoes.append(Veto(d.rule or "", "veto.members_told", d.evidence, d.span))
    out = [d for d in out if not (id(d) in records.members and counted_all(d, records.members))]
    out = _without_itemised_groups(ctx, out, records)
    return _without_headline_groups(ctx, out, records.headline_groups)


#: A veto of `document.group.named` ("veto.members_told"): a group whose members the next
#: sentences name one by one is its members (GUIDELINES: instruments named one by one are a record
#: each): "Canada and China signed a number of agreements. ... an MoU on A ... an MoU on B" drops
#: the group record when its count is reached ("three MoUs" and three told), or, uncounted
#: ("several", "a number of"), when two or more are told; a group with more than it names ("four
#: agreements", two told), or with its own topic ("two agreements on the bridge"), stays.
#: how many sentences after a group its members may be told one by one
MEMBERS_REACH = 8


def _without_itemised_groups(ctx: ReportContext, out: list[Document], records: _Records) -> list[Document]:
    """The records without the groups whose members the sentences after them name."""
    told_in = {id(d): told for d, told in zip(records.out, records.told_in, strict=True)}
    # a group with its own topic ("four agreements on the construction of X") is not the one
    # the documents after it belong to: only a group named by its count or purpose is itemised
    groups = [d for d in out if _a_group(d)]
    itemised = [g for g in groups if not _OWN_TOPIC.search(g.title)]
    dropped = []
    for g in itemised:
        start = told_in.get(id(g), -1)
        later = [told_in[id(o)] for o in groups if told_in.get(id(o), -1) > start]
        end = min([start + MEMBERS_REACH, *later])
        members = [d for d in out if not _a_group(d) and start < told_in.get(id(d), -1) <= end
                   and d.status == g.status and set(d.parties) & set(g.parties)]
        n = count(g.title)
        if len(members) >= (n if n is not None else 2):
            ctx.vetoes.append(Veto(NAMED_GROUP, "veto.members_told", g.evidence, g.span))
            dropped.append(g)
    return [d for d in out if not any(d is g for g in dropped)]


#: a group's own topic in its title: "agreements on the construction of ..."
_OWN_TOPIC = re.compile(r"\s(?:on|regarding|concerning)\s", re.IGNORECASE)
#: the group rule whose record is a group named as a group ("15 agreements"); the others
#: (topics, one_each, counted_topics, ordinal) make its members
NAMED_GROUP = "document.group.named"


def _a_group(d: Document) -> bool:
    """A record of a group named as a group ("15 agreements"), not one of its members."""
    return NAMED_GROUP in d.rules


def _report_is_instrument(ctx: ReportContext, records: _Records) -> tuple[Document, int] | None:
    """document.report_is_instrument: a report whose title line is an
    instrument's name ("Joint Statement on the Official Visit to Chile of the
    Minister of Foreign Affairs of Colombia", "Exchange of Notes for Japanese
    ODA Loan ...", a ministry's page of the text itself) is that instrument,
    issued: signed, dated the publication date."""
    if not rules.enabled(REPORT_IS_INSTRUMENT):
        return None
    v = vocabulary()
    for sent in ctx.sentences[:3]:
        line = sent.text.strip()
        m = v.kind.match(line)
        if m is None or m.group("plural") or not capitalised_words(m.group("kind")) or line[-1:] in ".!?":
            continue
        told = any(pos in ("VERB", "AUX") and t.text[:1].islower() for t, _l, pos in sent.tagged())
        if len(line.split()) < 3 or told:
            continue  # "Joint Statement" alone, or a headline that tells news ("Joint Statement issued ...")
        f = Found(sent.start, sent.end, sent.start, trim(" ".join(line.split())), False)
        evidence, span = ctx.evidence(sent)
        date = ctx.date_of(ctx.published) if ctx.published else ResolvedDate(None)
        record = Document(f.title, parties(ctx, sent, f), "signed", date, evidence, span)
        return record.made_by(REPORT_IS_INSTRUMENT, "the report's title names the instrument"), sent.index
    return None


def _ordinal_sentence(ctx: ReportContext, sent: Sentence, records: _Records) -> bool:
    """Whether the sentence tells members of the last counted group one by one
    ("The second MOU focuses on culture"); they are recorded."""
    counted = records.counted
    if counted is None or not 0 < sent.index - counted[0] <= ORDINAL_REACH:
        return False
    told = _ordinal_members(ctx, sent, counted[1], singular=records.shorts.get(id(counted[1])))
    if not told:
        return False
    records.extend(told, sent.index)
    records.members[id(counted[1])] = records.members.get(id(counted[1]), 0) + len(told)
    return True


def _candidates(ctx: ReportContext, sent: Sentence, groups: list[GroupMention]) -> list[_Candidate]:
    """The sentence's titles to decide: its singular mentions outside its
    groups, and each group's titles, in order."""
    found = [f for f in mentions(ctx, sent) if not any(g.start <= f.start < g.end for g in groups)]
    item = headed_item(ctx, sent) if not groups else None
    if item is not None and (not found or found[0].start > item.start):
        found = [item]  # "-the Plan for ...", "-Protocol ... on implementation of the X Agreement": the line
    candidates = [] if rules.alone_in(GROUP_RULES) else [_Candidate(f) for f in found]
    carrying_out = vocabulary().carrying_out
    for g in groups:
        if g.rule == "document.group.named" and _members_named(ctx, sent, g, found):
            ctx.veto(g.rule, "veto.members_named", sent)
            continue  # "several documents, including an agreement on ...": the members are the records
        if carrying_out.search(ctx.text[max(sent.start, g.start - 60) : g.start]):
            ctx.veto(g.rule, "veto.existing", sent)
            continue  # "implement signed high-level agreements": existing ones
        candidates += [_Candidate(Found(g.start, g.end, g.start, title, False), g.rule, g.passive)
                       for title in g.titles]
    candidates.sort(key=lambda c: c.found.start)
    return candidates


def _decide(
    ctx: ReportContext, sent: Sentence, c: _Candidate, titles: tuple[tuple[int, int], ...]
) -> tuple[str, str] | None:
    """(status, rule) of a candidate: its cue, else its group's own passive."""
    decided = status_of(ctx, sent, c.found, titles)
    if decided is None and c.passive is not None and rules.enabled(PASSIVE, STATUS_RULES):
        status = checked(ctx, sent, c.found.start, c.passive, PASSIVE)
        decided = None if status is None else (status, PASSIVE)
    return decided


def _sentence_documents(
    ctx: ReportContext,
    sent: Sentence,
    groups: list[GroupMention],
    records: _Records,
) -> None:
    """The records of one sentence's titles, merged into `records`."""
    candidates = _candidates(ctx, sent, groups)
    group_starts = {g.start for g in groups}
    reached = vocabulary().reached
    pending: list[Document] = []  # ordinal members told in the group's own sentence
    for c in candidates:
        f = c.found
        titles = tuple((o.found.start, o.found.end) for o in candidates if o.found.start != f.start)
        decided = _decide(ctx, sent, c, titles)
        if decided is None:
            continue
        status, rule = decided
        if cited_as_basis(ctx, sent, f):
            ctx.veto(rule, "veto.basis", sent)
            continue  # "in line with international law, including UNCLOS": a basis, not their document
        if f.bare and f.title.lower() == "agreement" and reached.search(
            ctx.text[max(sent.start, f.start - 25) : f.start]
        ):
            ctx.veto(rule, "veto.consensus", sent)
            continue  # "reached an agreement to boost trade": a consensus, not an instrument
        record = _record(ctx, sent, f, status)
        if c.group is not None:
            record.made_by(c.group)
        record.made_by(rule)
        if headline(sent) and f.start in group_starts:
            records.headline_groups.append(record)
        elif f.start in group_starts and count(f.title):
            records.counted = (sent.index, record, count(f.title) or 0)
            short = short_singular(ctx.text, f.end)  # "four Memorandums of Understanding (MOUs)"
            if short is not None:
                records.shorts[id(record)] = short
            told = _ordinal_members(ctx, sent, record, f.end, short)  # "... with China. The first ..."
            records.members[id(record)] = len(told)
            pending += told
        if c.group is None or rules.enabled(c.group, GROUP_RULES):
            records.add(record, sent.index, f.bare)
    records.extend(pending, sent.index)


def cited_as_basis(ctx: ReportContext, sent: Sentence, f: Found) -> bool:
    """An instrument cited as the basis or background of a position ("in line
    with international law, including the UNCLOS", "the 45th anniversary of
    the Treaty of Amity"): a basis phrase shortly before the title in its
    clause, and no signing or planning cue between."""
    v = vocabulary()
    m = v.basis.search(ctx.text[max(sent.start, f.start - 100) : f.start])
    if m is None:
        return False
    rest = m.group("rest")
    return not (v.signed.search(rest) or v.planned.search(rest))


def _record(ctx: ReportContext, sent: Sentence, f: Found, status: str) -> Document:
    evidence, span = ctx.evidence(sent)
    date = ctx.date_of(ctx.text[sent.start : sent.end]) if status == "signed" else ResolvedDate(None)
    return Document(f.title, parties(ctx, sent, f), status, date, evidence, span)


def _ordinal_members(
    ctx: ReportContext, sent: Sentence, group: Document, start: int | None = None, singular: str | None = None
) -> list[Document]:
    """The members of a counted group told one by one after it ("The
    second MOU focuses on culture"), with the group's status and parties;
    `singular`: the group's short name, where it gives one ("(MOUs)")."""
    singular = singular or singular_of(group.title)
    if singular is None or not rules.enabled(ORDINAL, GROUP_RULES):
        return []
    evidence, span = ctx.evidence(sent)
    return [Document(title, list(group.parties), group.status, group.date, evidence, span)
            .made_by(ORDINAL, f"member of the group '{group.title}'")
            for title in ordinal_members(ctx.text, sent, singular, start)]


def counted_all(group: Document, members: dict[int, int]) -> bool:
    """Whether a counted group's members were all told one by one."""
    n = count(group.title)
    return n is not None and members.get(id(group), 0) >= n


def headline(sent: Sentence) -> bool:
    """The report's title, or a first line that reads as one (no full stop)."""
    return sent.zone == "title" or (sent.index == 0 and sent.text.rstrip()[-1:] not in ".!?\"”")


def _without_headline_groups(
    ctx: ReportContext,
    out: list[Document],
    heads: list[Document],
) -> list[Document]:
    """A headline's group ("Malaysia, Singapore sign agreements on ...")
    summarises what the body tells one by one: dropped when the body has
    any document of its own."""
    if not heads or all(any(d is h for h in heads) for d in out):
        return out
    for h in heads:
        if any(d is h for d in out):
            ctx.vetoes.append(Veto(h.rule or "", "veto.headline_summary", h.evidence, h.span))
    return [d for d in out if not any(d is h for h in heads)]


def _members_named(ctx: ReportContext, sent: Sentence, group: GroupMention, found: list[Found]) -> bool:
    """A group whose members the report names right after it: in the same
    sentence ("..., including A and B"), in a list its sentence opens ("...
    signed the following documents:"), or in the next sentence ("The
    documents include ..."). A counted group with more members than it
    names ("14 documents, including A and B") stays a record beside them."""
    named = sum(1 for f in found if f.start >= group.end)
    n = count(group.titles[0])
    if named and (n is None or n <= named):
        return True
    if named:
        return False
    if sent.text.rstrip().endswith(":"):
        return True
    # the next sentence, or the one after a short aside ("As quoted from the Cabinet Secretariat release.")
    opens = vocabulary().carrier_opens
    nxt = sent.index + 1
    reach = (nxt, nxt + 1) if nxt < len(ctx.sentences) and len(ctx.sentences[nxt].text) <= ASIDE else (nxt,)
    return any(k < len(ctx.sentences) and opens.match(ctx.sentences[k].text) is not None for k in reach)


def count(title: str) -> int | None:
    """The number a group's title gives ("14 documents", "five MoUs"), if any."""
    first = title.split()[0].lower() if title.split() else ""
    if first.isdigit():
        return int(first)
    return vocabulary().numbers.get(first)


def title_words(title: str) -> frozenset[str]:
    """A title's words, lower case, without articles: what two mentions of one document share."""
    return frozenset(w for w in _WORD.findall(title.lower()) if w not in {"the", "a", "an", "of"})


def same_title(a: frozenset[str], b: frozenset[str]) -> bool:
    """The same document: the same words, or one's (two or more) within the other's."""
    if not a or not b:
        return False
    if a == b:
        return True
    small, large = sorted((a, b), key=len)
    return len(small) >= 2 and small <= large
