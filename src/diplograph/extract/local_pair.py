"""Which states or bodies a document, target or partnership is between.

Why a module of its own: documents, targets and partnerships all name their
parties the same three ways, and should agree: outright in the sentence
("the Việt Nam–Thailand Comprehensive Strategic Partnership"), half-way
("trade with Thailand", "Vietnam's strategic partnership"), or not at all
("the two countries set a target of ..."). A report about several meetings
(one per counterpart) has no single "principal pair", so a sentence that
names nobody takes its pair from the nearest sentences before it: the
report's home state (the one it mentions most) and the nearest other state.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from diplograph.actors.knowledge import Mention, knowledge, load_yaml
from diplograph.extract.context import ReportContext, Sentence
from diplograph.extract.phrases import alternatives

_WORDS = load_yaml("parties.yaml")
_MODIFIERS = _WORDS["body_modifiers"]
#: A body named only as a modifier ("ASEAN member states", "the 47th ASEAN
#: Summit", "the third largest ASEAN trading partner") is not a party.
_MODIFIER_AFTER = re.compile(
    rf"^[\s’']*(?:s\s+)?(?:-?\s*(?:{alternatives(_MODIFIERS['hyphenated'])})\b"
    rf"|(?:{alternatives(_MODIFIERS['whole'])})\b|{alternatives(_MODIFIERS['prefixes'])})",
    re.IGNORECASE,
)
_CURRENCY_AFTER = re.compile(rf"^\s+(?:{alternatives(_WORDS['currency_words'])})\b", re.IGNORECASE)
#: A state named inside an instrument's name ("the ASEAN-India Trade in Goods
#: Agreement (AITIGA)") is not, for a target or a partnership, a party.
_INSTRUMENT_AFTER = re.compile(
    rf"^(?:\s*[-–]\s*[A-Z][\w.]*)*(?:\s+(?:[A-Z][\w-]*|{alternatives(_WORDS['name_small_words'])}))*?\s+"
    rf"(?:{alternatives(_WORDS['instrument_heads'])})\b"
)
_PREPOSITION_BEFORE = re.compile(rf"\b(?:{alternatives(_WORDS['place_prepositions'])})\s+$", re.IGNORECASE)

#: How far back (in sentences) a sentence that names nobody looks for its pair.
LOOKBACK = 8


def party_mentions(sent: Sentence, text: str, keep_modifiers: bool = False) -> list[Mention]:
    """The sentence's state/body mentions that can be parties: bodies used as
    modifiers ("ASEAN member states"; kept with `keep_modifiers`) and capitals
    used as places ("in Kuala Lumpur") dropped."""
    out: list[Mention] = []
    for m in sent.mentions:
        after = text[m.end : m.end + 40]
        if after.startswith("$") or _CURRENCY_AFTER.match(after):
            continue  # "US$20 billion", "234.9 billion U.S. dollars": a currency, not the United States
        if not keep_modifiers and _INSTRUMENT_AFTER.match(text[m.end : m.end + 100]):
            continue  # "the ASEAN-India Trade in Goods Agreement": a document's name, not a party
        if not keep_modifiers and m.entity.kind == "body" and _MODIFIER_AFTER.match(after):
            continue
        if m.how == "capital" and _PREPOSITION_BEFORE.search(text[max(0, m.start - 12) : m.start]):
            continue
        out.append(m)
    return out


def codes_of(mentions: list[Mention]) -> list[str]:
    seen: list[str] = []
    for m in mentions:
        if m.entity.code not in seen:
            seen.append(m.entity.code)
    return seen


def home_state(ctx: ReportContext) -> str | None:
    """The state the report mostly speaks of (the reporting side, usually):
    counted over state mentions and the states of the persons mentioned. A
    dateline is no guide here: a Vietnamese report datelined KUALA LUMPUR is
    still about Việt Nam's meetings."""
    cached = getattr(ctx, "_exb_home", None)
    if cached is not None:
        return cached or None
    states = _state_codes()
    counts: Counter[str] = Counter()
    for sent in ctx.sentences:
        for m in party_mentions(sent, ctx.text):
            if m.entity.kind == "state":
                counts[m.entity.code] += 1
        if ctx.persons is not None:
            for pm in ctx.persons.in_sentence(sent.index):
                country = ctx.persons.persons[pm.person].country
                if country in states:
                    counts[country] += 1
    home = counts.most_common(1)[0][0] if counts else ""
    ctx._exb_home = home  # type: ignore[attr-defined]
    return home or None


@lru_cache(maxsize=1)
def _state_codes() -> frozenset[str]:
    return frozenset(code for code, e in knowledge().entities.items() if e.kind == "state")


def person_codes(ctx: ReportContext, sent: Sentence) -> list[str]:
    """The states/bodies served by the persons named in the sentence (when the
    person resolver ran), in order of mention."""
    if ctx.persons is None:
        return []
    out: list[str] = []
    for pm in sorted(ctx.persons.in_sentence(sent.index), key=lambda p: p.start):
        if pm.how == "pronoun":
            continue  # "in his meeting with ...": whose "his" is a guess, no ground for a party
        person = ctx.persons.persons[pm.person]
        if person.country and person.country_how not in ("unknown", "home") and person.country not in out:
            out.append(person.country)
    return out


def _nearest_other(ctx: ReportContext, index: int, exclude: set[str]) -> str | None:
    """The nearest state (then body) named before sentence `index`, or served
    by a person named there, not in `exclude`."""
    states = _state_codes()
    for kind in ("state", "body"):
        for k in range(index, max(-1, index - LOOKBACK - 1), -1):
            sent = ctx.sentences[k]
            for m in party_mentions(sent, ctx.text):
                if m.entity.kind == kind and m.entity.code not in exclude:
                    return m.entity.code
            for code in person_codes(ctx, sent):
                if (code in states) == (kind == "state") and code not in exclude:
                    return code
    return None


def complete_pair(
    ctx: ReportContext, sent: Sentence, codes: list[str], witnesses: frozenset[str] = frozenset()
) -> list[str]:
    """`codes` as named in the sentence, made up to a pair when it names fewer
    than two: first from the persons it names, then the home state and the
    nearest other state before it; never one of `witnesses` (states that only
    watched, and the persons of a sentence that has witnesses)."""
    codes = list(codes)
    if len(codes) >= 2:
        return codes
    for code in person_codes(ctx, sent) if not witnesses else []:
        if code not in codes:
            codes.append(code)
        if len(codes) == 2:
            return codes
    home = home_state(ctx)
    if len(codes) == 1 and home and codes[0] != home:
        return [home, codes[0]]
    if home in witnesses:
        home = None
    other = _nearest_other(ctx, sent.index, ({home} if home else set()) | set(codes) | witnesses)
    if home and other:
        return [home, other]
    principal = [c for c in ctx.parties if c not in codes and c not in witnesses]
    return (codes + principal)[:2]
