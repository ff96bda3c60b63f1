"""A singular instrument's mention and its title: the kind ("memorandum of
understanding", "Joint Statement"), grown left over the words that identify
it (names, numbers, a quoted name) and right over a short name in brackets,
a quoted title after "entitled", a year, and one short identifying phrase
("on/for/to/between ..."), with words of praise shed.

Why edges by the parse and not one regex: what belongs to a title is a noun
phrase ("the ASEAN Trade in Goods Agreement", "the Protocol amending the
Agreement on ..."), and the parser's tags tell a name's small word from a
verb's preposition; the regexes left here are punctuation (mechanics).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from diplograph.actors.knowledge import load_yaml
from diplograph.extract.context import ReportContext, Sentence
from diplograph.extract.documents.vocabulary import vocabulary

_QUOTES = {"”": "“", "’": "‘", '"': '"', "'": "'", "»": "«"}
_EDGES = load_yaml("documents.yaml")["title_edges"]
_PP_START = frozenset(_EDGES["phrase_starts"])
_PP_STOP = frozenset(_EDGES["phrase_stops"])
_WHEN = frozenset(_EDGES["dates"])
_NOT_TITLE = tuple(_EDGES["not_title"])
_DANGLING = frozenset(_EDGES["dangling"])
_THE_SIDES = frozenset(_EDGES["the_sides"])
_RELATIVE_WHEN = frozenset(_EDGES["relative_dates"])
_IN_AFTER = frozenset(_EDGES["in_after"])
_POSSESSIVE = frozenset(_EDGES["possessives"])
_ANAPHOR_DET = frozenset(_EDGES["anaphor_determiners"])
_NAME_LINKS = frozenset(_EDGES["name_links"])
_DASHES = ("-", "–", "—", "/")
_BREAKS = (",", ";", ":", "(", ")", ".")
_PHRASE_BREAKS = (",", ";", ":", ".", "(", ")", "—", "–")
_APOSTROPHES = ("'", "’")
_MAX_PP = 14
_PAIRS = {"“": "”", "‘": "’", '"': '"', "'": "'"}

#: mechanics of a title's right edge: "(JWG)", 'entitled "..."', "2045", "2021-2025", "3.0"
_SHORT_NAME = re.compile(r"\s*\(([^()]{1,25})\)")
_ABBREVIATION = re.compile(r"[A-Z][A-Za-z0-9&.-]{1,11}")
_ENTITLED = re.compile(r"\s*,?\s*(?:entitled|titled|named|called)\s+([\"“‘'])")
_EDITION = re.compile(r"\s+((?:19|20)\d\d(?:\s*[-–]\s*\d{2,4})?|\d{1,2}\.\d)\b")
_BETWEEN_PARTIES = re.compile(
    r"\s+between\s+[^;.]{3,160}?\s+and\s+[^;.]{3,160}?(?=\s+(?:on|for|regarding|concerning)\s)"
)
_SPACES = re.compile(r"\s+")
_GREAT_DEAL = re.compile(r"\b(?:great|good)\s+$", re.IGNORECASE)
_ANAPHOR_BEFORE = re.compile(r"\b(?:the|this|that|such|said)\s+$")
_ARTICLE_BEFORE = re.compile(r"\b(?:a|an)\s+$")
_OWNER_BEFORE = re.compile(r"\b(?:their|its|his|her|our)\s+$")
_DETERMINED = re.compile(r"(?:\b(?:a|an|the|this|that|their|its|his|her|our|new)|[\"“‘'(])\s*$")


@dataclass
class Found:
    """A singular instrument mention: its title's bounds (absolute offsets)."""

    start: int
    end: int
    kind_start: int
    title: str
    bare: bool  # the kind alone, nothing identifying


def trim(title: str) -> str:
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


def capitalised_words(kind: str) -> bool:
    """"Code of Conduct", "Joint Statement": every content word capitalised (a name)."""
    return all(w[:1].isupper() for w in kind.split() if w.lower() not in {"of", "on", "for", "and"})


def token_at(doc: Doc, char: int) -> Token | None:
    """The token covering a character offset, if any."""
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


# --- the left edge --------------------------------------------------------


def left_edge(doc: Doc, sent: Sentence, kind_start: int, text: str) -> int:
    """Where the title starts: the kind's identifying premodifiers (names,
    numbers, nouns, a quoted name), praise words dropped."""
    tok = token_at(doc, kind_start)
    if tok is None:
        return kind_start
    taken = _premodifiers(doc, tok.i - 1, sent.span.start)
    taken.reverse()
    taken = _without_praise(taken)
    return taken[0].idx if taken else kind_start


def _premodifiers(doc: Doc, j: int, lowest: int) -> list[Token]:
    """The tokens of the title left of its kind, right to left."""
    taken: list[Token] = []
    while j >= lowest:
        step = _left_step(doc, j, lowest)
        if step is None:
            break
        token, j = step
        taken.append(token)
    return taken


def _left_step(doc: Doc, j: int, lowest: int) -> tuple[Token, int] | None:
    """The token at `j` taken into the title (for a quoted name, its opening
    quote) and the next index to look at; None where the title starts after `j`."""
    t = doc[j]
    if t.text in _APOSTROPHES and doc[j - 1].lower_.endswith("s") and inner_possessive(doc, j, lowest):
        return t, j - 1  # "Joint Leaders' Statement": a plural possessive, not a closing quote
    if t.text in _QUOTES:  # a quoted name before the kind: ‘Jute for Wheat’ agreement
        opening = _opening_quote(doc, j, lowest)
        if opening is not None:
            return doc[opening], opening - 1
        if not inner_possessive(doc, j, lowest):
            return None
    elif t.tag_ == "POS" and not inner_possessive(doc, j, lowest):
        return None
    if t.tag_ == "POS" or t.text in _APOSTROPHES:
        return t, j - 1  # "Joint Leaders' Statement": a possessive inside a name
    if t.lower_ in _NAME_LINKS and t.text.islower() and inside_name(doc, j, lowest):
        return t, j - 1  # "ASEAN Trade in Goods Agreement": a small word inside a name
    return (t, j - 1) if _name_word(doc, t, j, lowest) else None


def _opening_quote(doc: Doc, j: int, lowest: int) -> int | None:
    """The index of the quote that opens the one closing at `j` (12 tokens at most)."""
    opening = _QUOTES[doc[j].text]
    k = j - 1
    while k >= lowest and j - k <= 12 and doc[k].text != opening:
        k -= 1
    return k if k >= lowest and doc[k].text == opening else None


def _name_word(doc: Doc, t: Token, j: int, lowest: int) -> bool:
    """A word that may premodify a title: a noun, name, adjective or number
    (a capitalised word the tagger calls a verb is a name's word), a dash, or
    "and" between two capitalised words; never a determiner or a verb."""
    stop = t.lower_ in _ANAPHOR_DET or t.lower_ in _POSSESSIVE
    stop = stop or t.pos_ in ("DET", "PRON", "ADP", "VERB", "AUX")
    if stop and not (t.pos_ == "VERB" and t.text[:1].isupper() and t.i > lowest):
        return False
    if t.tag_ == "POS" or t.text in _BREAKS:
        return False
    if t.lower_ == "and":
        if not (j - 1 >= lowest and doc[j - 1].text[:1].isupper() and doc[j + 1].text[:1].isupper()):
            return False
    elif t.pos_ not in ("PROPN", "NOUN", "ADJ", "NUM", "X", "SYM", "PUNCT") and not t.like_num:
        return False
    return not (t.pos_ == "PUNCT" and t.text not in _DASHES)


def _without_praise(taken: list[Token]) -> list[Token]:
    """Praise words and dangling connectors off the title's left edge."""
    evaluative = vocabulary().evaluative
    while taken and (
        (taken[0].lower_ in evaluative and not taken[0].text[:1].isupper())
        or taken[0].text in _DASHES
        or taken[0].lower_ == "and"
    ):
        taken.pop(0)
    return taken


def inside_name(doc: Doc, j: int, lowest: int) -> bool:
    """A small word between two capitalised words of one name, the left one a
    name's word (not a verb or the sentence's first word)."""
    if j - 1 <= lowest or j + 1 >= len(doc):
        return False
    left, right = doc[j - 1], doc[j + 1]
    return (
        left.text[:1].isupper() and right.text[:1].isupper() and left.pos_ in ("PROPN", "NOUN", "ADJ")
    )


def inner_possessive(doc: Doc, j: int, lowest: int) -> bool:
    """A possessive between two capitalised words of one name ("Leaders' Statement")."""
    inside = j - 1 >= lowest and j + 1 < len(doc)
    return inside and doc[j - 1].text[:1].isupper() and doc[j + 1].text[:1].isupper()


# --- the right edge -------------------------------------------------------


def right_edge(doc: Doc, sent: Sentence, kind_end: int, text: str) -> int:
    """Where the title ends: a parenthesised short name, a quoted title after
    "entitled", and one short identifying phrase (on/for/to/between ...)."""
    end, quoted = _suffixes(text, sent, kind_end)
    if quoted:
        return end
    tok = _phrase_start(doc, sent, text, kind_end, end)
    if tok is None:
        return end
    described, last = _phrase_last(doc, sent, text, tok)
    if described:
        return end  # "on its outcomes": a description, not an identifying name
    while last is not None and last.i > tok.i and last.lower_ in _DANGLING:
        last = doc[last.i - 1]  # "a joint statement on the": no dangling function word
    if last is not None and last.i > tok.i:
        end = last.idx + len(last.text)
    return end


def _suffixes(text: str, sent: Sentence, end: int) -> tuple[int, bool]:
    """The title's end over a short name in brackets, a quoted title after
    "entitled" (then the title is complete: True), and an edition year
    ("ASEAN Community Vision 2045", "Action Plan 2021-2025", "ACFTA 3.0")."""
    m = _SHORT_NAME.match(text[end : sent.end])
    if m:
        end += m.end()
    rest = text[end : sent.end]
    m = _ENTITLED.match(rest)
    if m:
        close = {"“": "”", "‘": "’"}.get(m.group(1), m.group(1))
        q = rest.find(close, m.end())
        if q != -1:
            return end + q + 1, True
    m = _EDITION.match(text[end : sent.end])
    if m:
        end += m.end()
    return end, False


def _phrase_start(doc: Doc, sent: Sentence, text: str, kind_end: int, end: int) -> Token | None:
    """The first token of the title's identifying phrase: a preposition that
    opens one, or a participle after a capitalised kind ("the Protocol
    amending the Agreement on ..."); None for none, or a date ("on Wednesday")."""
    nxt = end
    while nxt < sent.end and text[nxt].isspace():
        nxt += 1
    tok = token_at(doc, nxt) if nxt < sent.end else None
    if tok is None or tok.idx >= sent.end:
        return None
    if tok.lower_ not in _PP_START and not _amending(doc, text, tok, kind_end) and not _in_after_kind(
        text, tok, kind_end
    ):
        return None
    if text[tok.idx : tok.idx + 24].lower().startswith(_NOT_TITLE):
        return None  # "an MoU on the sidelines of ...", "Notes to this effect": no identifying phrase
    obj = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    if tok.lower_ == "on" and obj is not None and (obj.ent_type_ in ("DATE", "TIME") or obj.lower_ in _WHEN):
        return None  # "a joint statement on Wednesday": a date, not part of the title
    return tok


def _in_after_kind(text: str, tok: Token, kind_end: int) -> bool:
    """ "in" right after a kind whose last word is one of `in_after`: "a memorandum of
    cooperation in the field of disaster management", "a programme of cooperation in culture"."""
    last = text[max(0, kind_end - 20) : kind_end].split()
    return tok.lower_ == "in" and bool(last) and last[-1].lower() in _IN_AFTER


def _amending(doc: Doc, text: str, tok: Token, kind_end: int) -> bool:
    """A participle right after a capitalised kind: "the Protocol amending ..."."""
    if tok.tag_ not in ("VBG", "VBN") or not text[kind_end - 1 : kind_end].isalpha():
        return False
    kind = token_at(doc, kind_end - 1)
    return kind is not None and kind.text[:1].isupper()


def _phrase_last(doc: Doc, sent: Sentence, text: str, tok: Token) -> tuple[bool, Token | None]:
    """The last token of the identifying phrase that opens at `tok` (at most
    _MAX_PP tokens), or (True, None) where a possessive makes it a description."""
    last = None
    count = 0
    i = tok.i
    while i < sent.span.end and count < _MAX_PP:
        t = doc[i]
        if t.idx >= sent.end:
            break
        dash_in_count = t.text == "–" and count
        if t.text in _PHRASE_BREAKS and not dash_in_count and not _between_adjectives(doc, i, count):
            break
        if t.lower_ in _POSSESSIVE:
            return True, None
        if _phrase_ends(doc, sent, text, i, count):
            break
        last = t
        count += 1
        i += 1
    return False, last


def _between_adjectives(doc: Doc, i: int, count: int) -> bool:
    """A comma between two adjectives: "a reciprocal, fair and balanced ... agreement"."""
    t = doc[i]
    return bool(t.text == "," and count and doc[i - 1].pos_ == "ADJ" and i + 1 < len(doc)
                and doc[i + 1].pos_ == "ADJ")


def _phrase_ends(doc: Doc, sent: Sentence, text: str, i: int, count: int) -> bool:
    """Whether the identifying phrase ends before token `i` (its `count`-th)."""
    t = doc[i]
    if count and text[t.idx : t.idx + 24].lower().startswith(_NOT_TITLE):
        return True  # "... cooperation on the sidelines": where it was signed, not what it is
    if t.lower_ == "between" and " ".join(x.lower_ for x in doc[i + 1 : i + 3]) in _THE_SIDES:
        return True  # "between the two countries": the parties, not the title
    if count and (_a_date(doc, i) or _clause_word(doc, i)):
        return True
    if (t.lower_ == "and" and i + 1 < sent.span.end and doc[i + 1].pos_ in ("DET", "PRON", "VERB", "AUX")
            and not noun_modifier(doc, i + 1)):
        return True
    if t.lower_ == "and" and _office_holder(doc, i + 1, sent.span.end):
        return True  # "... notes on farming and Foreign Minister X signed ...": the next signer
    return bool(count) and _clause_verb_at(doc, i)


#: the heads of office titles (data/titles.yaml): "Minister", "Ambassador", "Governor"
_OFFICE_HEADS = frozenset(w.lower() for w in load_yaml("titles.yaml")["heads"])


def _office_holder(doc: Doc, i: int, end: int) -> bool:
    """An office's title, then a person's name, opening at token `i`: "Foreign Affairs Minister Sam Abal"."""
    window = doc[i : min(i + 6, end)]
    for k, t in enumerate(window):
        if t.ent_type_ == "PERSON":
            return k > 0 and any(w.lower_ in _OFFICE_HEADS for w in window[:k])
    return False


def _a_date(doc: Doc, i: int) -> bool:
    """ "... Agreement signed last year", "... for 2025-2030 on Monday": a date, not the title."""
    t = doc[i]
    if t.ent_type_ == "DATE" and t.lower_ in _RELATIVE_WHEN:
        return True
    nxt = doc[i + 1] if i + 1 < len(doc) else None
    return t.pos_ == "ADP" and nxt is not None and (
        nxt.lower_ in _WHEN or (nxt.ent_type_ in ("DATE", "TIME") and not nxt.like_num)
    )


def _clause_word(doc: Doc, i: int) -> bool:
    """A word that opens another phrase ("during", "by", "which" ...), but
    "cooperation in the energy sector" stays whole."""
    t = doc[i]
    return t.lower_ in _PP_STOP and not (t.lower_ == "in" and doc[i - 1].lower_ in _IN_AFTER)


def _clause_verb_at(doc: Doc, i: int) -> bool:
    """A verb that ends the phrase: not a gerund after a preposition or
    adverb, nor a participle modifying the next noun ("on the upgraded
    partnership"), nor a noun the tagger calls a verb."""
    t = doc[i]
    if t.pos_ not in ("VERB", "AUX"):
        return False
    gerund = t.tag_ == "VBG" and (doc[i - 1].lower_ in _PP_START or doc[i - 1].pos_ == "ADV")
    modifier = t.tag_ in ("VBN", "VBG") and t.dep_ == "amod" and t.head.i == i + 1
    return not (gerund or modifier or noun_modifier(doc, i))


def noun_modifier(doc: Doc, i: int) -> bool:
    """A word the tagger calls a verb that modifies a noun in a coordination:
    "on marine and fisheries cooperation" ("fisheries" tagged VBZ)."""
    t = doc[i]
    return (t.tag_ == "VBZ" and 1 < i < len(doc) - 1 and doc[i - 1].lower_ == "and"
            and doc[i - 2].pos_ in ("NOUN", "ADJ", "PROPN") and doc[i + 1].pos_ == "NOUN")


def topic_after_parties(
    ctx: ReportContext,
    sent: Sentence,
    kind_end: int,
    end: int,
) -> tuple[int, int] | None:
    """An instrument named by its parties before its topic: "a memorandum of
    understanding between Seoul's Ministry of Trade, Industry and Energy and
    Vietnam's Ministry of Industry and Trade on setting up a joint center":
    the "on ..." phrase after the parties, as (start, end), where the title
    would otherwise stop inside the parties."""
    m = _BETWEEN_PARTIES.match(ctx.text, kind_end, sent.end)
    if m is None or m.end() < end:
        return None
    topic_end = right_edge(ctx.doc, sent, m.end(), ctx.text)
    return (m.end(), topic_end) if topic_end > m.end() else None


def revision(text: str, sent: Sentence, start: int, end: int) -> tuple[int, int]:
    """The title's bounds grown over a word saying it revises the instrument
    ("the upgrade of the China-Singapore FTA", "the ACFTA upgrade"): a
    revision of an instrument is an instrument of its own."""
    v = vocabulary()
    m = v.revision_before.search(text[max(sent.start, start - 30) : start])
    if m:
        start -= len(m.group(0))
    m = v.revision_after.match(text[end : sent.end])
    if m:
        end += m.end()
    return start, end


# --- mentions ---------------------------------------------------------------


def _kinds_in(sent: Sentence, stext: str) -> list[tuple[int, int, str]]:
    """Every singular kind the sentence names (start, end, kind), in order;
    plurals are the groups' business (`document_groups`)."""
    v = vocabulary()
    plural_spans = [(m.start(), m.end()) for m in v.plural.finditer(stext)]
    raw = []
    for m in v.kind.finditer(stext):
        if m.group("plural") or any(a <= m.start() < b for a, b in plural_spans):
            continue
        raw.append((sent.start + m.start(), sent.start + m.end(), m.group("kind")))
    for m in v.kind_capitalised.finditer(stext):
        raw.append((sent.start + m.start(), sent.start + m.end(), m.group("kind")))
    raw.sort()
    return raw


def _not_a_deal(ctx: ReportContext, sent: Sentence, ks: int, ke: int, kind: str) -> bool:
    """ "to deal with", "a great deal of": "deal" that is no instrument."""
    if kind.lower() != "deal":
        return False
    head = token_at(ctx.doc, ke - 1)
    if head is not None and head.pos_ not in ("NOUN", "PROPN", "X"):
        return True
    return _GREAT_DEAL.search(ctx.text[max(sent.start, ks - 8) : ks]) is not None


def _title(ctx: ReportContext, sent: Sentence, ks: int, ke: int, kind: str) -> tuple[int, int, str]:
    """The title's bounds and text: both edges, a revision word, the topic
    after the parties ("an MoU between ministry A and ministry B on X" ->
    "MoU on X"), an abbreviation spelled out ("COC" -> "Code of Conduct (COC)")."""
    v = vocabulary()
    text = ctx.text
    start = left_edge(ctx.doc, sent, ks, text)
    end = right_edge(ctx.doc, sent, ke, text)
    short = _SHORT_NAME.match(text, end, sent.end) if end > ke else None
    if short is not None and _ABBREVIATION.fullmatch(short.group(1)):
        end = short.end()  # "... of China Pakistan Economic Corridor (CPEC)": the phrase's short name
    if (start, end) != (ks, ke) or kind in v.names or kind.isupper():
        start, end = revision(text, sent, start, end)  # not for a bare "the agreement"
    title = trim(_SPACES.sub(" ", text[start:end]))
    topic = topic_after_parties(ctx, sent, ke, end)
    if topic is not None:
        title = trim(_SPACES.sub(" ", text[start:ke] + text[topic[0] : topic[1]]))
        end = topic[1]
    if title in v.expansions:
        title = f"{v.expansions[title]} ({title})"
    return start, end, title


def _identifies(text: str, sent: Sentence, found: Found, kind: str, ke: int) -> bool:
    """Whether the mention identifies one instrument: not an anaphor ("the
    agreement"), not a consensus ("reached agreement on many issues"), not
    a weak kind alone ("a statement", "a press statement")."""
    before = text[max(sent.start, found.start - 12) : found.start].lower()
    if _anaphor_or_consensus(found, kind, before):
        return False
    return not (kind.lower() in vocabulary().weak and _weak_alone(found, kind, ke))


def _anaphor_or_consensus(found: Found, kind: str, before: str) -> bool:
    """ "the agreement", "the declaration": an anaphor, not a new document;
    "reached agreement (on many issues)": consensus, not an instrument."""
    capitalised = kind[:1].isupper()
    named = kind in vocabulary().names or (" " in kind.strip() and capitalised_words(kind))
    if found.bare and not named:
        if _ANAPHOR_BEFORE.search(before):
            return True
        if not (_ARTICLE_BEFORE.search(before) or (capitalised and _OWNER_BEFORE.search(before))):
            return True
    after_verb = vocabulary().undetermined_after.get(kind.lower())
    if after_verb is not None and after_verb.search(before):
        return False  # "exchanged notes on ...": the kind needs no determiner after its verb
    return found.start == found.kind_start and not capitalised and not _DETERMINED.search(before)


def _weak_alone(found: Found, kind: str, ke: int) -> bool:
    """A one-word weak kind ("statement") with nothing that names or qualifies it."""
    named = any(w[:1].isupper() for w in found.title.split()) or "joint" in found.title.lower()
    qualified = found.end > ke or any(c.isdigit() for c in found.title)
    return " " not in kind.strip() and (found.bare or not (named or qualified))


def mentions(ctx: ReportContext, sent: Sentence) -> list[Found]:
    """The sentence's singular instrument mentions that identify one document, with their titles."""
    text = ctx.text
    found: list[Found] = []
    for ks, ke, kind in _kinds_in(sent, text[sent.start : sent.end]):
        if found and ks < found[-1].end:
            continue  # inside the previous title: "addendum to a cooperation agreement"
        if _not_a_deal(ctx, sent, ks, ke, kind):
            continue
        start, end, title = _title(ctx, sent, ks, ke, kind)
        mention = Found(start, end, ks, title, start == ks and end == ke)
        if not _identifies(text, sent, mention, kind, ke):
            continue
        while found and start <= found[-1].start:
            found.pop()  # "Joint Vision" grown into "Joint Vision Statement": keep the whole
        found.append(mention)
    return found
