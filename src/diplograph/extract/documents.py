"""Documents: named or clearly identified written instruments that are signed
(adopted, issued, finalised) or planned (to be signed, negotiated, built):
"witnessed the signing of the Ukraine-Singapore Air Services Agreement",
"both sides agreed to sign a Memorandum of Understanding on publishing
cooperation", "accelerate the completion of the Indonesia-EU CEPA".

How: one regular expression finds every kind of instrument (data,
`data/documents.yaml`); plurals ("signed 13 agreements") and anaphors ("the
agreement", "the declaration") are dropped, since they identify no one
document. The title grows from the kind over the words that identify it
(names, numbers, quoted titles, a short "on/for/to ..." phrase) and sheds
words of praise. The status comes from the nearest cue before it in the same
clause (sign/adopt/finalise ... -> signed, unless a modal or "to" puts it in
the future; negotiate/build/draft -> planned), or from a passive after it
("was signed", "to be signed"), or from a neighbouring sentence that signs
several documents when this one lists it among them ("The documents include
...") or names it beside that signing. One side's call or proposal is not a
document unless both sides are its subject ("looked forward to the early
conclusion of", "is ready to sign" are one side's wishes). Concluding
negotiations finalises the text (signed); a cue whose object is something
else ("exchanged views on") says nothing about the document. The same
document mentioned in several sentences is one record (signed wins over
planned).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files

import yaml
from spacy.tokens import Doc

from diplograph.extract.context import ReportContext, Sentence
from diplograph.extract.document_groups import group_mentions, ordinal_members, singular_of
from diplograph.extract.local_pair import codes_of, complete_pair, party_mentions, person_codes
from diplograph.records import Document, ResolvedDate


def _alt(items: list[str]) -> str:
    return "|".join(
        r"\s+".join(re.escape(w) for w in i.split()) for i in sorted(set(items), key=len, reverse=True)
    )


def _word_re(items: list[str], flags: int = re.IGNORECASE) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w-])(?:{_alt(items)})(?![\w-])", flags)


class _Data:
    def __init__(self) -> None:
        d = yaml.safe_load(files("diplograph.data").joinpath("documents.yaml").read_text("utf-8"))
        kinds = d["kinds"]
        self.weak = {k.lower() for k in kinds["weak"]} | {k.lower() for k in kinds["capitalised"]}
        self.kind = re.compile(
            rf"(?<![\w-])(?P<kind>{_alt(kinds['strong'] + kinds['weak'])})(?P<plural>e?s)?(?![\w-])",
            re.IGNORECASE,
        )
        self.kind_capitalised = re.compile(rf"(?<![\w-])(?P<kind>{_alt(kinds['capitalised'])})(?![\w-])")
        self.plural = _word_re(d["plurals"])
        self.signed = _word_re(d["signed_cues"])
        self.planned = _word_re(d["planned_cues"])
        self.completion = _word_re(d["completion_nouns"])
        self.forward = re.compile(rf"(?<![\w-])(?:{_alt(d['forward_words'])})(?![\w-])[^,;.]{{0,25}}$", re.I)
        self.future = re.compile(
            rf"(?<![\w-])(?:{_alt(d['future_markers'])})(?![\w-])[^,;.]{{0,30}}$", re.IGNORECASE
        )
        self.to_before = re.compile(r"\bto\s+(?:be\s+)?(?:\w+ly\s+)?$", re.IGNORECASE)
        self.proposal = _word_re(d["proposal_words"])
        self.both = re.compile(rf"(?<![\w-])(?:{_alt(d['both_sides'])})(?![\w-])[^,;.]{{0,40}}$", re.I)
        self.negation = re.compile(rf"(?<![\w-])(?:{_alt(d['negations'])})(?![\w-])\s+(?:\w+\s+)?$", re.I)
        self.evaluative = {w.lower() for w in d["evaluative"]}
        self.names = set(d.get("names") or [])
        self.expansions = dict(d.get("expansions") or {})
        self.linking = {w.lower() for w in d["linking_verbs"]}
        self.hedge = _word_re(d["hedges"])
        self.other_object = re.compile(
            rf"\s*(?:(?:their|its|his|her|the|some|many)\s+)?(?:\w+\s+)?(?:{_alt(d['cue_objects_not_documents'])})\b",
            re.IGNORECASE,
        )
        self.carrying_out = re.compile(
            rf"(?<![\w-])(?:{_alt(d['carrying_out'])})\s+(?:(?:the|this|that|its|their)\s+)?$", re.IGNORECASE
        )
        self.screen = re.compile(
            rf"(?:{_alt(kinds['strong'] + kinds['weak'] + kinds['capitalised'])})", re.IGNORECASE
        )
        cues = d["signed_cues"] + ["signed", "adopted", "issued", "inked", "finalised", "finalized"]
        self.passive_signed = re.compile(
            rf"^[^.;]{{0,60}}?\b(?:was|were|has\s+been|have\s+been|had\s+been|is|are|being)\s+"
            rf"(?:\w+ly\s+)?(?:{_alt(cues)})\b|^\s*,?\s*(?:signed|adopted|inked|concluded|issued|released)\s+"
            r"(?:in|on|last|by|after|at|during|following)\b"
            # "..., which the two countries signed in December 2022"
            r"|^\s*,?\s*(?:which|that)\s+(?:(?!will\b|would\b|to\b)\w+\s+){0,4}?"
            r"(?:signed|adopted|inked|concluded|issued)\b"
            # "MoU on ... (JWG) on trade and investment signed by the Finance Minister and ..."
            r"|^[^.;]{0,80}?\s(?:signed|inked)\s+by\b",
            re.IGNORECASE,
        )
        self.passive_planned = re.compile(
            r"^[^.;]{0,60}?\b(?:(?:will|would|shall|is\s+to|are\s+to|to)\s+be\s+(?:\w+ly\s+)?"
            r"(?:signed|adopted|issued|inked|finalised|finalized|concluded|negotiated|built|drafted)"
            r"|set\s+for\s+(?:\w+\s+)?signing|under\s+negotiation|being\s+negotiated)\b",
            re.IGNORECASE,
        )


@lru_cache(maxsize=1)
def _data() -> _Data:
    return _Data()


_QUOTES = {"”": "“", "’": "‘", '"': '"', "'": "'", "»": "«"}
_PP_START = {"on", "for", "of", "to", "between", "regarding", "concerning"}
_PP_STOP = {
    "during", "by", "at", "with", "within", "under", "as", "after", "before", "until", "which", "that",
    "who", "while", "when", "where", "in", "into", "including", "such", "was", "were", "is", "are",
    "will", "would", "has", "have", "had", "amid", "since", "through", "via", "following",
}
#: "a joint statement on Wednesday": a date after "on" is not part of a title
_WHEN = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today",
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december",
}
_NOT_TITLE = ("on the sidelines", "on the occasion", "on behalf", "on this occasion", "on that occasion")
_DANGLING = {"the", "a", "an", "of", "on", "for", "to", "and", "in", "with", "its", "their"}
_THE_SIDES = {"the two", "both countries", "both sides", "both nations", "the countries", "the sides"}
_RELATIVE_WHEN = {"last", "next", "this", "earlier", "later", "early", "late", "previous"}
_IN_AFTER = {"cooperation", "collaboration", "partnership", "investment", "trade", "exchange", "exchanges"}
_POSSESSIVE = {"its", "their", "his", "her", "our", "my", "your"}
_ANAPHOR_DET = {"the", "this", "that", "these", "those", "such", "said"}
_MAX_PP = 14
#: How far before a title (characters) its status cue may stand, when no
#: other verb stands between ("signed several agreements on Monday during
#: ..., including a memorandum ... and an agreement on ...").
_CUE_REACH = 220
_REACHED = re.compile(r"\breach(?:ed|es|ing)?\s+(?:an?\s+)?(?:\w+\s+)?$", re.IGNORECASE)


@dataclass
class _Found:
    start: int  # absolute char offsets of the title
    end: int
    kind_start: int
    title: str
    bare: bool  # the kind alone, nothing identifying


_PAIRS = {"“": "”", "‘": "’", '"': '"', "'": "'"}


def _trim(title: str) -> str:
    """Punctuation off the ends, but a quote only when its partner is not in
    the title ("‘Jute for Wheat’ agreement" keeps both)."""
    title = title.strip(" ,;:")
    changed = True
    while changed and title:
        changed = False
        first, last = title[0], title[-1]
        if first in _PAIRS and _PAIRS[first] not in title[1:]:
            title, changed = title[1:].strip(), True
        elif last in _PAIRS.values() and not any(o in title[:-1] for o, c in _PAIRS.items() if c == last):
            title, changed = title[:-1].strip(), True
    return title


def _capitalised_words(kind: str) -> bool:
    """"Code of Conduct", "Joint Statement": every content word capitalised (a name)."""
    return all(w[:1].isupper() for w in kind.split() if w.lower() not in {"of", "on", "for", "and"})


def _token_at(doc: Doc, char: int):
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


def _left_edge(doc: Doc, sent: Sentence, kind_start: int, text: str) -> int:
    """Where the title starts: the kind's identifying premodifiers (names,
    numbers, nouns, a quoted name), praise words dropped."""
    data = _data()
    start = kind_start
    tok = _token_at(doc, kind_start)
    if tok is None:
        return start
    j = tok.i - 1
    lowest = sent.span.start
    taken: list = []
    while j >= lowest:
        t = doc[j]
        if t.text in ("'", "’") and doc[j - 1].lower_.endswith("s") and _inner_possessive(doc, j, lowest):
            taken.append(t)  # "Joint Leaders' Statement": a plural possessive, not a closing quote
            j -= 1
            continue
        if t.text in _QUOTES:  # a quoted name before the kind: ‘Jute for Wheat’ agreement
            opening = _QUOTES[t.text]
            k = j - 1
            while k >= lowest and j - k <= 12 and doc[k].text != opening:
                k -= 1
            if k >= lowest and doc[k].text == opening:
                taken.append(doc[k])
                j = k - 1
                continue
            if not _inner_possessive(doc, j, lowest):
                break
        elif t.tag_ == "POS" and not _inner_possessive(doc, j, lowest):
            break
        if t.tag_ == "POS" or t.text in ("'", "’"):
            taken.append(t)  # "Joint Leaders' Statement": a possessive inside a name
            j -= 1
            continue
        if t.lower_ in _NAME_LINKS and t.text.islower() and _inside_name(doc, j, lowest):
            taken.append(t)  # "ASEAN Trade in Goods Agreement": a small word inside a name
            j -= 1
            continue
        stop = t.lower_ in _ANAPHOR_DET or t.lower_ in _POSSESSIVE
        stop = stop or t.pos_ in ("DET", "PRON", "ADP", "VERB", "AUX")
        if stop and not (t.pos_ == "VERB" and t.text[:1].isupper() and t.i > lowest):
            break
        if t.tag_ == "POS" or t.text in (",", ";", ":", "(", ")", "."):
            break
        if t.lower_ == "and":
            if not (j - 1 >= lowest and doc[j - 1].text[:1].isupper() and doc[j + 1].text[:1].isupper()):
                break
        elif t.pos_ not in ("PROPN", "NOUN", "ADJ", "NUM", "X", "SYM", "PUNCT") and not t.like_num:
            break
        if t.pos_ == "PUNCT" and t.text not in ("-", "–", "—", "/"):
            break
        taken.append(t)
        j -= 1
    # drop praise words and dangling connectors at the left edge
    taken.reverse()
    while taken and (
        (taken[0].lower_ in data.evaluative and not taken[0].text[:1].isupper())
        or taken[0].text in ("-", "–", "—", "/")
        or taken[0].lower_ == "and"
    ):
        taken.pop(0)
    if taken:
        start = taken[0].idx
    return start


_NAME_LINKS = {"in", "of", "for", "on", "and", "&"}


def _inside_name(doc: Doc, j: int, lowest: int) -> bool:
    """A small word between two capitalised words of one name, the left one a
    name's word (not a verb or the sentence's first word)."""
    if j - 1 <= lowest or j + 1 >= len(doc):
        return False
    left, right = doc[j - 1], doc[j + 1]
    return (
        left.text[:1].isupper() and right.text[:1].isupper() and left.pos_ in ("PROPN", "NOUN", "ADJ")
    )


def _inner_possessive(doc: Doc, j: int, lowest: int) -> bool:
    """A possessive between two capitalised words of one name ("Leaders' Statement")."""
    inside = j - 1 >= lowest and j + 1 < len(doc)
    return inside and doc[j - 1].text[:1].isupper() and doc[j + 1].text[:1].isupper()


def _right_edge(doc: Doc, sent: Sentence, kind_end: int, text: str) -> int:
    """Where the title ends: a parenthesised short name, a quoted title after
    "entitled", and one short identifying phrase (on/for/to/between ...)."""
    end = kind_end
    rest = text[end : sent.end]
    m = re.match(r"\s*\(([^()]{1,25})\)", rest)
    if m:
        end += m.end()
        rest = text[end : sent.end]
    m = re.match(r"\s*,?\s*(?:entitled|titled|named|called)\s+([\"“‘'])", rest)
    if m:
        close = {"“": "”", "‘": "’"}.get(m.group(1), m.group(1))
        q = rest.find(close, m.end())
        if q != -1:
            return end + q + 1
    m = re.match(r"\s+((?:19|20)\d\d(?:\s*[-–]\s*\d{2,4})?|\d{1,2}\.\d)\b", text[end : sent.end])
    if m:  # "ASEAN Community Vision 2045", "Action Plan 2021-2025", "ACFTA 3.0"
        end += m.end()
    nxt = end
    while nxt < sent.end and text[nxt].isspace():
        nxt += 1
    tok = _token_at(doc, nxt) if nxt < sent.end else None
    participle = (
        tok is not None and tok.tag_ in ("VBG", "VBN") and text[kind_end - 1 : kind_end].isalpha()
        and _token_at(doc, kind_end - 1) is not None and _token_at(doc, kind_end - 1).text[:1].isupper()
    )  # "the Protocol amending the Agreement on ..."
    if tok is None or (tok.lower_ not in _PP_START and not participle) or tok.idx >= sent.end:
        return end
    obj = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    if tok.lower_ == "on" and obj is not None and (obj.ent_type_ in ("DATE", "TIME") or obj.lower_ in _WHEN):
        return end  # "a joint statement on Wednesday": a date, not part of the title
    last = None
    count = 0
    i = tok.i
    sent_end_tok = sent.span.end
    while i < sent_end_tok and count < _MAX_PP:
        t = doc[i]
        if t.idx >= sent.end:
            break
        between_adjectives = (t.text == "," and count and doc[i - 1].pos_ == "ADJ" and i + 1 < len(doc)
                              and doc[i + 1].pos_ == "ADJ")  # "a reciprocal, fair and balanced ... agreement"
        if (t.text in (",", ";", ":", ".", "(", ")", "—", "–") and not (t.text == "–" and last is not None)
                and not between_adjectives):
            break
        if t.lower_ in _POSSESSIVE:
            return end  # "on its outcomes": a description, not an identifying name
        if count and text[t.idx : t.idx + 24].lower().startswith(_NOT_TITLE):
            break  # "... cooperation on the sidelines": where it was signed, not what it is
        if t.lower_ == "between" and " ".join(x.lower_ for x in doc[i + 1 : i + 3]) in _THE_SIDES:
            break  # "between the two countries": the parties, not the title
        if count and t.ent_type_ == "DATE" and t.lower_ in _RELATIVE_WHEN:
            break  # "... Agreement signed last year": a date, not the title
        nxt_tok = doc[i + 1] if i + 1 < len(doc) else None
        if count and t.pos_ == "ADP" and nxt_tok is not None and (
            nxt_tok.lower_ in _WHEN or (nxt_tok.ent_type_ in ("DATE", "TIME") and not nxt_tok.like_num)
        ):
            break  # "... for 2025-2030 on Monday": the date is not part of the title
        if count and t.lower_ in _PP_STOP and not (t.lower_ == "in" and doc[i - 1].lower_ in _IN_AFTER):
            break  # but "cooperation in the energy sector" stays whole
        if (t.lower_ == "and" and i + 1 < sent_end_tok and doc[i + 1].pos_ in ("DET", "PRON", "VERB", "AUX")
                and not _noun_modifier(doc, i + 1)):
            break
        gerund = t.tag_ == "VBG" and (doc[i - 1].lower_ in _PP_START or doc[i - 1].pos_ == "ADV")
        # "on the upgraded partnership": a participle modifying the next noun
        modifier = t.tag_ in ("VBN", "VBG") and t.dep_ == "amod" and t.head.i == i + 1
        if count and t.pos_ in ("VERB", "AUX") and not (gerund or modifier or _noun_modifier(doc, i)):
            break
        last = t
        count += 1
        i += 1
    while last is not None and last.i > tok.i and last.lower_ in _DANGLING:
        last = doc[last.i - 1]  # "a joint statement on the": no dangling function word
    if last is not None and last.i > tok.i:
        end = last.idx + len(last.text)
    return end


_BETWEEN_PARTIES = re.compile(
    r"\s+between\s+[^;.]{3,160}?\s+and\s+[^;.]{3,160}?(?=\s+(?:on|for|regarding|concerning)\s)"
)


def _topic_after_parties(
    ctx: ReportContext, sent: Sentence, kind_end: int, end: int
) -> tuple[int, int] | None:
    """An instrument named by its parties before its topic: "a memorandum of
    understanding between Seoul's Ministry of Trade, Industry and Energy and
    Vietnam's Ministry of Industry and Trade on setting up a joint center":
    the "on ..." phrase after the parties, as (start, end), where the title
    would otherwise stop inside the parties."""
    m = _BETWEEN_PARTIES.match(ctx.text, kind_end, sent.end)
    if m is None or m.end() < end:
        return None
    topic_end = _right_edge(ctx.doc, sent, m.end(), ctx.text)
    return (m.end(), topic_end) if topic_end > m.end() else None


#: "the upgrade of the China-Singapore FTA", "the ACFTA upgrade": a revision
#: of an instrument is an instrument of its own, and its title says so.
_REVISION_BEFORE = re.compile(
    r"\b(?:(?:upgrade|upgrading|review|revision)\s+(?:of|to)\s+(?:the\s+)?|upgraded\s+)$", re.IGNORECASE
)
_REVISION_AFTER = re.compile(r"^\s+(?:upgrade|upgrading|review|revision)\b(?!\s+(?:of|to)\b)", re.IGNORECASE)


def _revision(text: str, sent: Sentence, start: int, end: int) -> tuple[int, int]:
    """The title's bounds grown over a word saying it revises the instrument."""
    m = _REVISION_BEFORE.search(text[max(sent.start, start - 30) : start])
    if m:
        start -= len(m.group(0))
    m = _REVISION_AFTER.match(text[end : sent.end])
    if m:
        end += m.end()
    return start, end


def _mentions(ctx: ReportContext, sent: Sentence) -> list[_Found]:
    data = _data()
    text = ctx.text
    stext = text[sent.start : sent.end]
    plural_spans = [(m.start(), m.end()) for m in data.plural.finditer(stext)]
    raw = []
    for m in data.kind.finditer(stext):
        if m.group("plural") or any(a <= m.start() < b for a, b in plural_spans):
            continue
        raw.append((sent.start + m.start(), sent.start + m.end(), m.group("kind")))
    for m in data.kind_capitalised.finditer(stext):
        raw.append((sent.start + m.start(), sent.start + m.end(), m.group("kind")))
    raw.sort()
    found: list[_Found] = []
    for ks, ke, kind in raw:
        if found and ks < found[-1].end:
            continue  # inside the previous title: "addendum to a cooperation agreement"
        head = _token_at(ctx.doc, ke - 1)
        if kind.lower() == "deal" and (
            (head is not None and head.pos_ not in ("NOUN", "PROPN", "X"))
            or re.search(r"\b(?:great|good)\s+$", text[max(sent.start, ks - 8) : ks], re.IGNORECASE)
        ):
            continue  # "to deal with", "a great deal of"
        start = _left_edge(ctx.doc, sent, ks, text)
        end = _right_edge(ctx.doc, sent, ke, text)
        if (start, end) != (ks, ke) or kind in data.names or kind.isupper():
            start, end = _revision(text, sent, start, end)  # not for a bare "the agreement"
        title = _trim(re.sub(r"\s+", " ", text[start:end]))
        topic = _topic_after_parties(ctx, sent, ke, end)
        if topic is not None:  # "an MoU between ministry A and ministry B on X" -> "MoU on X"
            title = _trim(re.sub(r"\s+", " ", text[start:ke] + text[topic[0] : topic[1]]))
            end = topic[1]
        if title in data.expansions:
            title = f"{data.expansions[title]} ({title})"
        bare = start == ks and end == ke
        before = text[max(sent.start, start - 12) : start].lower()
        capitalised = kind[:1].isupper()
        named = kind in data.names or (" " in kind.strip() and _capitalised_words(kind))
        if bare and not named and re.search(r"\b(?:the|this|that|such|said)\s+$", before):
            continue  # "the agreement", "the declaration": an anaphor, not a new document
        if bare and not named and not (
            re.search(r"\b(?:a|an)\s+$", before)
            or (capitalised and re.search(r"\b(?:their|its|his|her|our)\s+$", before))
        ):
            continue  # "reached agreement": consensus, not an instrument
        if start == ks and not capitalised and not re.search(
            r"(?:\b(?:a|an|the|this|that|their|its|his|her|our|new)|[\"“‘'(])\s*$", before
        ):
            continue  # "reached agreement on many issues": consensus again
        if kind.lower() in data.weak:
            words = title.split()
            named = any(w[:1].isupper() for w in words) or "joint" in title.lower()
            qualified = end > ke or any(c.isdigit() for c in title)
            if " " not in kind.strip() and (bare or not (named or qualified)):
                continue  # "a statement", "a press statement": not an instrument
        while found and start <= found[-1].start:
            found.pop()  # "Joint Vision" grown into "Joint Vision Statement": keep the whole
        found.append(_Found(start, end, ks, title, bare))
    return found


def _status(
    ctx: ReportContext, sent: Sentence, f: _Found, titles: tuple[tuple[int, int], ...] = ()
) -> str | None:
    """signed | planned | None (no cue, a negation, or one side's proposal).
    `titles`: the other titles of the sentence, whose words ("an action plan
    for building ...") are no cue for this one."""
    data = _data()
    text = ctx.text
    base = max(sent.start, f.start - _CUE_REACH)
    before = text[base : f.start]
    # the nearest cue before the title, with no other verb between them
    cues = []
    for pattern, status in ((data.signed, "signed"), (data.planned, "planned")):
        for m in pattern.finditer(before):
            cues.append((m.end(), m.start(), status))
    for m in data.completion.finditer(before):
        if data.forward.search(before[: m.start()]):
            cues.append((m.end(), m.start(), "planned"))
    cues = [c for c in cues if not any(a <= base + c[1] < b for a, b in titles)]
    status = None
    cue_at = None
    if cues:
        cue_end, cue_start, status = max(cues)
        between = ctx.doc.char_span(base + cue_end, f.start, alignment_mode="contract")
        if between is not None and _clause_verb(between, data):
            status = None  # the cue belongs to another clause
        elif data.other_object.match(text, base + cue_end):
            status = None  # "exchanged views on the Code of Conduct": the cue's object is not the document
        else:
            cue_at = base + cue_start
    if status is None:
        after = text[f.end : sent.end]
        if data.passive_planned.search(after):
            return _checked(ctx, sent, f.start, "planned")
        if data.passive_signed.search(after):
            return _checked(ctx, sent, f.start, "signed")
        return _carried(ctx, sent, f)
    assert cue_at is not None
    if status == "planned" and _NEGOTIATION.match(text, cue_at):
        # "concluded negotiations on the upgrade of ...": the text is finalised, unless
        # the conclusion is only pushed for ("accelerate the conclusion of negotiations")
        head = text[max(sent.start, cue_at - 60) : cue_at]
        done = _DONE_NEGOTIATING.search(head)
        if done and not (done.group("noun") and data.forward.search(head[: done.start()])):
            status, cue_at = "signed", cue_at - len(head) + done.start()
    lead = text[max(sent.start, cue_at - 40) : cue_at]
    if data.negation.search(lead):
        return None
    if data.hedge.search(lead) or data.hedge.search(text[cue_at : f.start]):
        return None  # "discussed the possibility of signing": nobody agreed to sign
    if status == "signed" and (data.future.search(lead) or data.to_before.search(lead)):
        status = "planned"
    if status == "signed" and _future_cue(ctx, cue_at):
        status = "planned"  # "will hold a meeting and then witness the exchange of an MoU"
    return _checked(ctx, sent, cue_at, status)


def _future_cue(ctx: ReportContext, cue_at: int) -> bool:
    """Whether the signing cue's clause is future ("will ... witness the
    exchange of"), by the parse: the one modality test the meetings use."""
    tok = _token_at(ctx.doc, cue_at)
    if tok is None:
        return False
    verb = tok if tok.pos_ == "VERB" else tok.head if tok.head.pos_ == "VERB" else None
    if verb is None:
        verb = next((t for t in tok.ancestors if t.pos_ == "VERB"), None)
    if verb is None:
        return False
    auxiliaries = {"will", "would", "shall", "'ll", "wo"}
    chain = [verb] + ([verb.head] if verb.dep_ == "conj" else [])
    return any(c.dep_ in ("aux", "auxpass") and c.lower_ in auxiliaries for v in chain for c in v.children)


_NEGOTIATION = re.compile(r"negotiat(?:ions?|ing)\b", re.IGNORECASE)
_DONE_NEGOTIATING = re.compile(
    r"\b(?:conclud(?:e|es|ed|ing)|finali[sz](?:e|es|ed|ing)|complet(?:e|es|ed|ing)|wrap(?:s|ped|ping)?\s+up"
    r"|(?P<noun>(?:substantial\s+)?(?:conclusion|completion|finali[sz]ation))\s+of)"
    r"\s+(?:(?:the|its|their)\s+)?(?:[\w-]+\s+){0,2}?$",
    re.IGNORECASE,
)


def _noun_modifier(doc: Doc, i: int) -> bool:
    """A word the tagger calls a verb that modifies a noun in a coordination:
    "on marine and fisheries cooperation" ("fisheries" tagged VBZ)."""
    t = doc[i]
    return (t.tag_ == "VBZ" and 1 < i < len(doc) - 1 and doc[i - 1].lower_ == "and"
            and doc[i - 2].pos_ in ("NOUN", "ADJ", "PROPN") and doc[i + 1].pos_ == "NOUN")


def _clause_verb(between, data: _Data) -> bool:
    """A verb between a cue and its title that starts another clause. After a
    linking word ("including ...") the list's own participles ("an action plan
    for building ... with a shared future, and a memorandum ...") start none."""
    listing = False
    for t in between:
        if t.lower_ in data.linking:
            listing = True
            continue
        if t.pos_ != "VERB" or t.text[:1].isupper():
            continue
        if data.signed.fullmatch(t.text) or data.planned.fullmatch(t.text):
            continue
        if listing and t.tag_ in ("VBG", "VBN"):
            continue
        if _noun_modifier(t.doc, t.i):
            continue
        return True
    return False


#: "The documents include a memorandum ...": the instrument is one of a set
#: whose signing the sentence before reports.
_CARRIER = re.compile(
    r"\b(?:documents|agreements|deals|MoUs|memoranda|instruments|pacts|accords|contracts)\b[^.;]{0,40}?"
    r"\b(?:include|included|includes|including|are|were|such\s+as|namely|comprising|comprised)\b[^.;]*$",
    re.IGNORECASE,
)
#: a sentence that opens by listing a group told before: "The documents include ..."
_CARRIER_OPENS = re.compile(
    r"^(?:(?:the|these|those|such)\s+)?(?:[\w-]+\s+){0,2}?(?:documents|agreements|deals|MoUs|memoranda|"
    r"instruments|pacts|accords|contracts)\b[^.;]{0,40}?\b(?:include|included|includes|including|are|were|"
    r"cover|covered|comprise|comprised)\b",
    re.IGNORECASE,
)
_PLURAL_DOCUMENTS = re.compile(
    r"\b(?:documents|agreements|deals|MoUs|memoranda|instruments|pacts|accords|contracts)\b", re.IGNORECASE
)


def _carried(ctx: ReportContext, sent: Sentence, f: _Found) -> str | None:
    """The status of a set of documents a neighbouring sentence signed (or
    planned), for an instrument listed as one of them ("The documents include
    a memorandum ...") or named, capitalised, right beside that signing
    ("Lula said the Joint Action Plan will lay the foundations ... Hu and Lula
    witnessed the signing of 13 cooperative agreements")."""
    if _data().carrying_out.search(ctx.text[max(sent.start, f.start - 60) : f.start]):
        return None  # "reviewed the implementation of the Joint Action Plan": an existing one
    listed = _list_status(ctx, sent)
    if listed is not None:
        return listed
    if _CARRIER.search(ctx.text[sent.start : f.start]):
        neighbours = [sent.index - 1, sent.index - 2]  # a credit line may stand between
    elif _capitalised_words(f.title) and len(f.title.split()) >= 2:
        neighbours = [sent.index - 1, sent.index + 1]
    else:
        return None
    for k in neighbours:
        if 0 <= k < len(ctx.sentences):
            status = _set_status(ctx, ctx.sentences[k])
            if status is not None:
                return status
    return None


_BULLET = re.compile(r"^\s*(?:[-•*–·▪●○◦]|\(?\d{1,2}[.)]|\(?[a-z][.)])\s+")
_TO_BE = re.compile(r"\b(?:will|to)\s+be\s+$")
#: the longest list (in items) whose lead sentence still gives its items a status
_LIST_REACH = 40


def _is_item(sent: Sentence) -> bool:
    """A line of a list: bulleted or numbered, a line that opens with an
    instrument ("MoU on ... signed by ..."), or a bare title with no verb."""
    if _BULLET.match(sent.text) or _data().kind.match(sent.text.lstrip()):
        return True
    return not any(pos in ("VERB", "AUX") for _tok, _low, pos in sent.tagged())


def _list_status(ctx: ReportContext, sent: Sentence) -> str | None:
    """document.list_item: the status of an instrument that is an item of a
    list whose lead line signs (or plans) them ("The following documents were
    signed:" followed by a line per title)."""
    if not _is_item(sent):
        return None
    k = sent.index - 1
    while k >= 0 and sent.index - k <= _LIST_REACH and _is_item(ctx.sentences[k]):
        k -= 1
    if k < 0 or not ctx.sentences[k].text.rstrip().endswith(":"):
        return None
    lead = ctx.sentences[k]
    data = _data()
    cues = [(m.start(), "signed") for m in data.signed.finditer(lead.text)]
    cues += [(m.start(), "planned") for m in data.planned.finditer(lead.text)]
    if not cues:
        return None
    at, status = max(cues)
    head = lead.text[:at]
    later = data.future.search(head[-40:]) or data.to_before.search(head) or _TO_BE.search(head)
    if status == "signed" and later:
        status = "planned"
    return _checked(ctx, lead, lead.start + at, status)


def _set_status(ctx: ReportContext, other: Sentence) -> str | None:
    """signed | planned when the sentence signs (or plans) several documents."""
    data = _data()
    ptext = ctx.text[other.start : other.end]
    for plural in _PLURAL_DOCUMENTS.finditer(ptext):
        lead = ptext[max(0, plural.start() - 60) : plural.start()]
        cues = [(m.end(), m.start(), "signed") for m in data.signed.finditer(lead)]
        cues += [(m.end(), m.start(), "planned") for m in data.planned.finditer(lead)]
        if not cues:
            continue
        _, at, status = max(cues)
        head = ptext[: max(0, plural.start() - 60) + at]
        if status == "signed" and (data.future.search(head[-40:]) or data.to_before.search(head)):
            status = "planned"
        return _checked(ctx, other, other.start + len(head), status)
    return None


_BE_BEFORE = re.compile(r"\b(?:is|are|was|were|be|been|being)\s+$", re.IGNORECASE)


def _checked(ctx: ReportContext, sent: Sentence, cue_at: int, status: str) -> str | None:
    """None when the cue sits under one side's call or proposal."""
    data = _data()
    lead = ctx.text[sent.start : cue_at]
    proposals = [
        p for p in data.proposal.finditer(lead)
        # "are expected to sign": a plan reported, not anyone's wish
        if not (p.group(0).lower() in ("expected", "anticipated") and _BE_BEFORE.search(lead[: p.start()]))
    ]
    if not proposals:
        return status
    p = proposals[-1]
    return status if data.both.search(lead[: p.start()]) else None


#: "The two prime ministers signed": the parties are the pair the report is about.
_PAIR_SUBJECT = re.compile(
    r"\b(?:the\s+two|both)\s+(?:[\w-]+\s+){0,2}?(?:sides|countries|leaders|ministers|presidents|premiers|"
    r"governments|nations|parties|delegations|heads|officials|PMs|FMs)\b",
    re.IGNORECASE,
)
_WITNESS = re.compile(
    r"\b(?:witnessed\s+by|in\s+the\s+presence\s+of|with\s+the\s+witness\s+of|attended\s+by)\b[^,;]*$",
    re.IGNORECASE,
)


def _parties(ctx: ReportContext, sent: Sentence, f: _Found) -> list[str]:
    """States/bodies named in the title, then in the sentence, made up to a
    pair from the context (one party in common is what identifies it)."""
    text = ctx.text
    in_title = [
        m for m in sent.mentions
        if f.start <= m.start < f.end and m.how != "capital" and text[m.end : m.end + 1] != "$"
    ]
    codes = codes_of(in_title)
    if len(codes) >= 2:
        return codes
    pair_subject = _PAIR_SUBJECT.search(text[sent.start : f.start])
    witnessed = pair_subject is not None and _WITNESS.search(text[f.end : sent.end]) is not None
    witnesses: set[str] = set()
    for m in party_mentions(sent, text, keep_modifiers=True):
        if m.how == "capital" and f.start <= m.start < f.end:
            continue  # "the Kuala Lumpur Peace Accord": a place in the name, not a party
        if witnessed and _WITNESS.search(text[max(sent.start, m.start - 40) : m.start]):
            witnesses.add(m.entity.code)  # "the two PMs signed ..., witnessed by US President X"
            continue
        if m.entity.code not in codes:
            codes.append(m.entity.code)
    if witnessed:  # the persons such a sentence names watched: they are no guide to the pair
        witnesses |= {c for c in person_codes(ctx, sent) if c not in codes}
    return complete_pair(ctx, sent, codes, frozenset(witnesses)) if len(codes) < 2 else codes


def _words(title: str) -> frozenset[str]:
    return frozenset(w for w in re.findall(r"[a-z0-9]+", title.lower()) if w not in {"the", "a", "an", "of"})


def find_documents(ctx: ReportContext) -> list[Document]:
    """Every signed or planned document in the report, once each."""
    data = _data()
    out: list[Document] = []
    told_in: list[int] = []  # the sentence each record was first told in
    headline_groups: list[Document] = []  # groups told in the headline
    counted: tuple[int, Document, int] | None = None  # the last counted group: sentence, record, count
    members: dict[int, int] = {}  # id of a counted group's record -> members told one by one after it
    for sent in ctx.sentences:
        stext = ctx.text[sent.start : sent.end]
        if counted is not None and 0 < sent.index - counted[0] <= _ORDINAL_REACH:
            told = _ordinal_members(ctx, sent, counted[1])
            if told:
                out += told
                told_in += [sent.index] * len(told)
                members[id(counted[1])] = members.get(id(counted[1]), 0) + len(told)
                continue
        groups = group_mentions(ctx.doc, ctx.text, sent)
        if not groups and not data.screen.search(stext):
            continue
        found = _mentions(ctx, sent)
        found = [f for f in found if not any(g.start <= f.start < g.end for g in groups)]
        candidates = [(f, f.title) for f in found]
        passives: dict[tuple[int, str], str] = {}  # group items whose own passive gives their status
        for g in groups:
            if g.rule == "document.group.named" and _members_named(ctx, sent, g, found):
                continue  # "several documents, including an agreement on ...": the members are the records
            if data.carrying_out.search(ctx.text[max(sent.start, g.start - 60) : g.start]):
                continue  # "implement signed high-level agreements": existing ones
            candidates += [(_Found(g.start, g.end, g.start, title, False), title) for title in g.titles]
            if g.passive:
                passives.update({(g.start, title): g.passive for title in g.titles})
        candidates.sort(key=lambda c: c[0].start)
        group_starts = {g.start for g in groups}
        pending: list[Document] = []  # ordinal members told in the group's own sentence
        for f, _title in candidates:
            titles = tuple((g.start, g.end) for g, _ in candidates if g.start != f.start)
            status = _status(ctx, sent, f, titles)
            if status is None and (f.start, f.title) in passives:
                status = _checked(ctx, sent, f.start, passives[(f.start, f.title)])
            if status is None:
                continue
            if f.bare and f.title.lower() == "agreement" and _REACHED.search(
                ctx.text[max(sent.start, f.start - 25) : f.start]
            ):
                continue  # "reached an agreement to boost trade": a consensus, not an instrument
            parties = _parties(ctx, sent, f)
            evidence, span = ctx.evidence(sent)
            date = ctx.date_of(stext) if status == "signed" else ResolvedDate(None)
            record = Document(f.title, parties, status, date, evidence, span)
            if _headline(sent) and f.start in group_starts:
                headline_groups.append(record)
            elif f.start in group_starts and _count(f.title):
                counted = (sent.index, record, _count(f.title) or 0)
                told = _ordinal_members(ctx, sent, record, f.end)  # "... with China. The first concerns ..."
                members[id(record)] = len(told)
                pending += told
            words = _words(f.title)
            # two instruments listed in one sentence are two ("an MoU on cooperation and an MoU on
            # marine and fisheries cooperation"); a bare kind is a named one only with its parties
            same = next((d for d, told in zip(out, told_in, strict=True) if told != sent.index
                         and _same_title(_words(d.title), words)
                         and (not f.bare or set(d.parties) == set(parties))), None)
            if same is None:
                out.append(record)
                told_in.append(sent.index)
            elif same.status == "planned" and status == "signed":
                out[out.index(same)] = record
        out += pending
        told_in += [sent.index] * len(pending)
    out = [d for d in out if not (id(d) in members and counted_all(d, members))]
    return _without_headline_groups(out, headline_groups)


#: how many sentences after a counted group its ordinal members may be told
_ORDINAL_REACH = 8


def _ordinal_members(
    ctx: ReportContext, sent: Sentence, group: Document, start: int | None = None
) -> list[Document]:
    """The members of a counted group told one by one after it ("The
    second MOU focuses on culture"), with the group's status and parties."""
    singular = singular_of(group.title)
    if singular is None:
        return []
    evidence, span = ctx.evidence(sent)
    return [Document(title, list(group.parties), group.status, group.date, evidence, span)
            for title in ordinal_members(ctx.text, sent, singular, start)]


def counted_all(group: Document, members: dict[int, int]) -> bool:
    """Whether a counted group's members were all told one by one."""
    count = _count(group.title)
    return count is not None and members.get(id(group), 0) >= count


def _headline(sent: Sentence) -> bool:
    """The report's title, or a first line that reads as one (no full stop)."""
    return sent.zone == "title" or (sent.index == 0 and sent.text.rstrip()[-1:] not in ".!?\"”")


def _without_headline_groups(out: list[Document], headline: list[Document]) -> list[Document]:
    """A headline's group ("Malaysia, Singapore sign agreements on ...")
    summarises what the body tells one by one: dropped when the body has
    any document of its own."""
    if not headline or all(any(d is h for h in headline) for d in out):
        return out
    return [d for d in out if not any(d is h for h in headline)]


def _members_named(ctx: ReportContext, sent: Sentence, group, found: list[_Found]) -> bool:
    """A group whose members the report names right after it: in the same
    sentence ("..., including A and B"), in a list its sentence opens ("...
    signed the following documents:"), or in the next sentence ("The
    documents include ..."). A counted group with more members than it
    names ("14 documents, including A and B") stays a record beside them."""
    named = sum(1 for f in found if f.start >= group.end)
    count = _count(group.titles[0])
    if named and (count is None or count <= named):
        return True
    if named:
        return False
    if sent.text.rstrip().endswith(":"):
        return True
    # the next sentence, or the one after a short aside ("As quoted from the Cabinet Secretariat release.")
    return any(
        k < len(ctx.sentences) and _CARRIER_OPENS.match(ctx.sentences[k].text) is not None
        for k in (sent.index + 1, sent.index + 2)
    )


def _count(title: str) -> int | None:
    """The number a group's title gives ("14 documents", "five MoUs"), if any."""
    first = title.split()[0].lower() if title.split() else ""
    if first.isdigit():
        return int(first)
    return _numbers().get(first)


@lru_cache(maxsize=1)
def _numbers() -> dict[str, int]:
    groups = yaml.safe_load(files("diplograph.data").joinpath("documents.yaml").read_text("utf-8"))["groups"]
    return {str(k).lower(): int(v) for k, v in groups["numbers"].items()}


def _same_title(a: frozenset[str], b: frozenset[str]) -> bool:
    if not a or not b:
        return False
    if a == b:
        return True
    small, large = sorted((a, b), key=len)
    return len(small) >= 2 and small <= large
