"""Partnership levels named as a relationship's level: "the Việt Nam–Japan
Comprehensive Strategic Partnership", "upgraded to a Comprehensive Strategic
Partnership", "since both forged strategic partnership in 1993".

Why this way: a level is a fixed phrase (the list is data,
`data/partnership_levels.yaml`), so one case-insensitive regular expression
finds every candidate; descriptions ("a top strategic partner", "among its
most comprehensive strategic partners") never match because they do not say
"partnership". The change is read from the words right before the level
(upgraded/elevated ... to; established/forged), the parties from the
sentence or, when it names fewer than two, from its neighbours
(`local_pair`). One record per pair and level: the first sentence that
says "upgraded" or "established" wins over mere mentions.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib.resources import files

import yaml

from diplograph.extract import modality, rules
from diplograph.extract.context import ReportContext, Sentence
from diplograph.extract.documents.status import not_yet
from diplograph.extract.local_pair import codes_of, complete_pair, party_mentions
from diplograph.extract.phrases import alternatives
from diplograph.extract.rules import declare
from diplograph.records import Partnership


class _Levels:
    def __init__(self) -> None:
        data = yaml.safe_load(
            files("diplograph.data").joinpath("partnership_levels.yaml").read_text("utf-8")
        )
        self.canonical: dict[str, str] = {}
        for level, spellings in data["levels"].items():
            for spelling in [level, *spellings]:
                self.canonical[_key(spelling)] = level
        alternatives = sorted(self.canonical, key=len, reverse=True)
        body = "|".join(r"\s+".join(re.escape(w) for w in a.split()) for a in alternatives)
        self.pattern = re.compile(
            rf"(?<![\w-])(?P<level>{body})s?\b(?!\s+(?:agreement|framework\s+agreement)\b)",
            re.IGNORECASE,
        )
        ups = "|".join(re.escape(w) for w in sorted(data["upgrade_words"], key=len, reverse=True))
        # "upgraded to a", "elevation of Vietnam-US relations to a", "lifted ... to the"
        self.upgraded = re.compile(
            # "to a", "to the level of a", "to a new level, the"
            rf"\b(?:{ups})\b[^.;:]{{0,80}}?\bto\s+(?:(?:a|an|the|their)\s+)?(?:(?:new|higher)\s+)?"
            r"(?:level(?:\s+of|\s*[,:—–-])?\s+)?(?:(?:a|an|the)\s+)?(?:new\s+)?$",
            re.IGNORECASE,
        )
        self.newly_upgraded = re.compile(r"\b(?:newly\s+)?(?:upgraded|elevated)\s+$", re.IGNORECASE)
        est = "|".join(
            r"\s+".join(re.escape(w) for w in e.split())
            for e in sorted(data["establish_words"], key=len, reverse=True)
        )
        self.established = re.compile(
            # "launched a Korea-Singapore strategic partnership": a pair's name may stand between
            rf"\b(?:{est})\s+(?:(?:a|an|the|their|its|our|new|formally|officially)\s+){{0,2}}"
            r"(?:[A-Z][\w.]*(?:\s*[-–]\s*[A-Z][\w.]*)+\s+)?$"
            r"|\bnewly[-\s]established\s+$",
            re.IGNORECASE,
        )
        kinds = "|".join(re.escape(k) for k in sorted(data["instrument_kinds"], key=len, reverse=True))
        signing = "|".join(re.escape(k) for k in sorted(data["signing_words"], key=len, reverse=True))
        # "signed the Agreement on Strategic Partnership", "signed the joint declaration on the
        # development of relations into a strategic partnership"
        self.instrument_before = re.compile(
            rf"\b(?:{signing})\b[^.;]{{0,80}}\b(?:{kinds})\s+(?:on|of|for)\b[^.;]{{0,80}}$", re.IGNORECASE
        )
        # "signed comprehensive strategic partnership agreements with ...": the level names the instrument
        self.instrument_after = re.compile(rf"^\s*(?:{kinds})\b", re.IGNORECASE)
        strengthening = "|".join(
            re.escape(k) for k in sorted(data["strengthening_words"], key=len, reverse=True)
        )
        # "a joint statement on strengthening the Việt Nam-India Comprehensive Strategic Partnership"
        self.strengthening = re.compile(
            rf"\b(?:{strengthening})\s+(?:[^\s.;,]+\s+){{0,6}}$", re.IGNORECASE
        )
        self.signing_before = re.compile(rf"\b(?:{signing})\b[^.;]{{0,40}}$", re.IGNORECASE)
        self.screen = re.compile(r"partnership", re.IGNORECASE)
        self.level_words = {w.lower() for w in data.get("level_words") or []}
        self.after = _after(data)
        self.upgrades_after = frozenset(data["told_after_upgrades"])


def _as_named(surface: str) -> str:
    """The level as the report names it, in title case: "comprehensive strategic
    partnership of cooperation" -> "Comprehensive Strategic Partnership of
    Cooperation". The report's own words, not a synonym from the list: a
    reader (and the gold standard) compares words."""
    small = {"of", "and", "for", "the"}

    def cap(word: str) -> str:
        return "-".join(part[:1].upper() + part[1:].lower() for part in word.split("-"))

    words = surface.split()
    return " ".join(w.lower() if w.lower() in small and k else cap(w) for k, w in enumerate(words))


def _key(text: str) -> str:
    return " ".join(text.lower().replace("-", " - ").split()).replace(" - ", "-")


@lru_cache(maxsize=1)
def _levels() -> _Levels:
    return _Levels()


def _after(data: dict) -> re.Pattern[str]:
    """ "the Strategic Partnership, which was established in 2011", "... since its establishment"
    (`told_after_verbs`, `told_after_upgrades`, `since_nouns` of data/partnership_levels.yaml). A
    relative clause under a modal auxiliary (data/modality.yaml) tells no establishment."""
    verbs, ups = data["told_after_verbs"], data["told_after_upgrades"]
    how, how2 = alternatives(verbs), alternatives([v for v in verbs if v not in ups])
    modals = modality.auxiliary_words("future", "conditional", "hypothetical")
    modal = alternatives([*modals, "be", "to", "is", "are", "not"])
    return re.compile(
        r"^s?(?:\s+(?:with|between)\s+[^,.;]{1,40}?)?\s*,?\s*"
        # "which was established", "which the two countries established", "that both sides had set up"
        rf"(?:(?:which|that)\s+(?:(?:was|were|had\s+been|has\s+been)\s+|(?:(?!(?:{modal})\b)[\w-]+\s+){{1,5}}?"
        r"(?:have\s+|had\s+|has\s+)?))?"
        r"(?:\w+ly\s+|first\s+)?"
        rf"(?P<how>{how})\b"
        rf"|^[^.;]{{0,60}}?\bsince\s+(?:its\s+(?P<noun>{alternatives(data['since_nouns'])})"
        rf"|(?:it\s+was|being)\s+(?P<how2>{how2}))\b",
        re.IGNORECASE,
    )


_FORMER = re.compile(r"\bfrom\s+(?:(?:a|an|the|their|its)\s+)?$", re.IGNORECASE)

UPGRADED = "partnership.upgraded"
ESTABLISHED = "partnership.established"
BY_INSTRUMENT = "partnership.by_instrument"
TOLD_AFTER = "partnership.established_after"
EXISTING = "partnership.existing"
NAMED_LEVEL = "partnership.named_level"
#: The rules that decide a level's change, one layer (`rules.enabled`).
LEVEL_RULES = (UPGRADED, ESTABLISHED, BY_INSTRUMENT, TOLD_AFTER, EXISTING, NAMED_LEVEL)
declare(UPGRADED, """A listed level after a word of raising and "to": "upgraded their ties to a
Comprehensive Strategic Partnership", "the elevation of relations to a ...",
"the newly upgraded ..."; not when only proposed or to come
(`status.not_yet`, "veto.not_yet") or the former level ("from a ...").""", __name__)
declare(ESTABLISHED, """A listed level that is the object of establishing: "forged a strategic
partnership in 1993", "launched a Korea-Singapore strategic partnership".""", __name__)
declare(BY_INSTRUMENT, """A listed level set up by the instrument that names it, between two states
the sentence names: "signed the Agreement on Strategic Partnership", "signed
comprehensive strategic partnership agreements"; not an instrument on
strengthening a level that exists ("adopted a joint statement on
strengthening the ... Comprehensive Strategic Partnership": existing).""", __name__)
declare(TOLD_AFTER, """A listed level whose establishment (or upgrade) is told after it: "the
Strategic Partnership, which was established in 2011", "... since its
establishment".""", __name__)
declare(EXISTING, """A listed level merely named as the relationship's: "the Vietnam-Japan
Comprehensive Strategic Partnership".""", __name__)
declare(NAMED_LEVEL, """A level the list does not know, in the report's words, when the sentence
makes it the new level: the capitalised or quoted name ending in
"Partnership" that is the object of an upgrade ("to an 'All-Round
High-Quality Future-Oriented Partnership'") or of an establishment with a
level word ("established an All-Round Strategic Partnership").""", __name__)


def _change(before: str, after: str, lv: _Levels, pair_named: bool = True) -> tuple[str | None, str]:
    """(upgraded | established | existing, the rule), from the words around
    the level; the change is None for the former level, or an upgrade that is
    only proposed or to come."""
    if _FORMER.search(before):
        return None, UPGRADED  # "upgraded their ties from a Strategic Partnership to ...": the former level
    up = lv.upgraded.search(before) or lv.newly_upgraded.search(before)
    if up:
        return (None if not_yet(before[: up.start()]) else "upgraded"), UPGRADED
    if lv.established.search(before):
        return "established", ESTABLISHED
    if pair_named and not lv.strengthening.search(before) and (lv.instrument_before.search(before) or (
        lv.instrument_after.match(after) and lv.signing_before.search(before)
    )):
        return "established", BY_INSTRUMENT  # set up by the instrument that names it
    m = lv.after.match(after)  # "the Strategic Partnership, which was established in 2011"
    if m:
        how = (m.group("how") or "").lower()
        return ("upgraded" if how in lv.upgrades_after else "established"), TOLD_AFTER
    return "existing", EXISTING


_PAIR_JOIN = re.compile(r"^\s*(?:[-–—/]|and)\s*$")


def _pairs(ctx: ReportContext, sent: Sentence, level_start: int, level_end: int) -> list[list[str]]:
    """The pairs the level is of: a joined pair ("Việt Nam–Japan", "Vietnam and
    Japan") nearest the level if the sentence has one; one state and a list
    after "with" ("Vietnam has Comprehensive Strategic Partnerships with China,
    Russia and India") gives one pair each; else the sentence's parties, made
    up to two from the context."""
    text = ctx.text
    mentions = party_mentions(sent, text)
    pairs = []
    for a, b in zip(mentions, mentions[1:], strict=False):
        if a.entity.code != b.entity.code and _PAIR_JOIN.match(text[a.end : b.start]):
            pairs.append((abs(level_start - b.end), [a.entity.code, b.entity.code]))
    codes = codes_of(mentions)
    if len(codes) > 2:
        left = codes_of([m for m in mentions if m.end <= level_start])
        right = [m for m in mentions if m.start >= level_end]
        if (
            len(left) == 1
            and len(codes_of(right)) >= 2
            and _WITH_LIST.match(text[level_end : right[0].start])
        ):
            return [[left[0], code] for code in codes_of(right) if code != left[0]]
    if pairs:
        return [min(pairs)[1]]
    if len(codes) > 2:
        # keep the two named nearest the level
        near = sorted(mentions, key=lambda m: abs(level_start - m.start))
        codes = codes_of(near)[:2]
    return [complete_pair(ctx, sent, codes)]


#: "... Partnerships with China, Russia and India", "... partnership agreements with several other
#: nations in the past decade, including Indonesia, Singapore and the Asean grouping"
_WITH_LIST = re.compile(
    r"^s?(?:\s+(?:agreements?|declarations?|treaties|treaty))?\s+with\s+(?:the\s+)?"
    r"(?:[^,.;]{0,80},?\s+(?:including|such\s+as|among\s+them)\s+(?:the\s+)?)?$",
    re.IGNORECASE,
)


#: A capitalised name ending in "Partnership": "All-Round High-Quality Future-Oriented
#: Partnership", "Comprehensive Strategic and Global Partnership".
_CAP_WORD = r"[A-Z][\w’']*(?:-[A-Za-z][\w]*)*"
_NAMED_LEVEL = re.compile(
    rf"(?:{_CAP_WORD}\s+(?:(?:and|of|for)\s+)?)+Partnership\b(?!\s+(?:Agreement|Framework)\b)"
)
_OPEN_QUOTE = re.compile(r"[\"“‘']\s*$")


@lru_cache(maxsize=1)
def _lower_level() -> re.Pattern[str]:
    """A level written in lower case from the level words ("a global comprehensive strategic
    partnership"): read as a named level only where an upgrade word governs it (`_lower_levels`)."""
    words = "|".join(re.escape(w) for w in sorted(_levels().level_words, key=len, reverse=True))
    joint = r"(?:\s*,\s*|\s+and\s+|\s+)"
    return re.compile(rf"(?<![\w-])(?:(?:{words}){joint}){{2,}}partnership\b(?!\s+agreement)")


def _lower_levels(stext: str, lv: _Levels) -> list[re.Match[str]]:
    """Lower-case levels that the list does not know, right after an upgrade word and "to"
    ("elevated their relations to a global comprehensive strategic partnership"); a listed
    level ("a comprehensive strategic partnership") is read with the others."""
    out = []
    for m in _lower_level().finditer(stext):
        if m.group(0)[:1].isupper() or lv.canonical.get(_key(m.group(0))):
            continue
        if lv.upgraded.search(stext[max(0, m.start() - 120) : m.start()]):
            out.append(m)
    return out
_QUOTES = {'"': '"', "“": "”", "‘": "’", "'": "'"}


def _named_levels(ctx: ReportContext, sent: Sentence, lv: _Levels) -> list[tuple[int, int, str, str | None]]:
    """Levels the data list does not know, recorded in the report's words when
    the sentence makes them the relationship's new level: the capitalised (or
    quoted) name ending in "Partnership" that is the object of an upgrade or
    an establishment ("upgrade bilateral ties to an 'All-Round High-Quality
    Future-Oriented Partnership'", "elevated relations to a Sustainable Future
    Strategic Partnership"). (start, end, level, change), absolute offsets;
    change None where the level is a former one or only hoped for."""
    text = ctx.text
    stext = text[sent.start : sent.end]
    out = []
    for m in [*_NAMED_LEVEL.finditer(stext), *_lower_levels(stext, lv)]:
        start, end = sent.start + m.start(), sent.start + m.end()
        # a state or body named at the front is the pair, not the level: "Vietnam-Japan ..."
        for mention in sent.mentions:
            if start <= mention.start < end:
                start = max(start, mention.end)
        while start < end and not text[start].isalpha():
            start += 1
        level = re.sub(r"\s+", " ", text[start:end])
        if level[:1].islower():
            level = _as_named(level)  # "a global comprehensive strategic partnership", title-cased
        if len(level.split()) < 2 or level.split()[0].lower() in ("and", "of", "for"):
            continue
        before = text[max(sent.start, start - 120) : start]
        quote = _OPEN_QUOTE.search(before)
        if quote:
            before = before[: quote.start()]
            close = text.find(_QUOTES[quote.group(0).strip()], end, sent.end)
            if close != -1 and close - end < 80:
                end = close  # the quoted name whole: "Strategic Partnership for Peace and Development"
                level = re.sub(r"\s+", " ", text[start:end]).strip(" ,")
        up = lv.upgraded.search(before) or lv.newly_upgraded.search(before)
        if up:
            change = None if not_yet(before[: up.start()]) else "upgraded"
        elif lv.established.search(before) and lv.level_words & {w.lower() for w in level.split()}:
            change = "established"  # not "launched the Just Energy Transition Partnership"
        else:
            continue
        if _FORMER.search(before):
            change = None
        out.append((start, end, level, change))  # None: a former or only hoped-for level
    return out


_RANK = {"existing": 0, "established": 1, "upgraded": 2}
#: "their strategic partnerships", "both sides' ...": a plural level that is the pair's
_THEIR = re.compile(r"\b(?:their|both|the\s+two)\b[^.;]{0,40}$", re.IGNORECASE)


def find_partnerships(ctx: ReportContext) -> list[Partnership]:
    """Every named level of a relationship in the report, one per pair and level."""
    lv = _levels()
    found: dict[tuple[frozenset[str], str], Partnership] = {}
    for sent in ctx.sentences:
        if not lv.screen.search(ctx.text[sent.start : sent.end]):
            continue
        named = _named_levels(ctx, sent, lv)
        for start, end, level, change in named:
            if lv.canonical.get(_key(level)):
                continue  # a listed level is read below, like any other mention
            if change is None:
                ctx.veto(NAMED_LEVEL, "veto.not_yet", sent)
                continue
            if not rules.enabled(NAMED_LEVEL, LEVEL_RULES):
                continue  # another rule runs alone (`rules.alone`)
            _keep(found, ctx, sent, _pairs(ctx, sent, start, end), (level, change, NAMED_LEVEL))
        for start, level_end, finding in _listed_levels(ctx, sent, lv, named):
            _keep(found, ctx, sent, _pairs(ctx, sent, start, level_end), finding)
    return list(found.values())


def _listed_levels(
    ctx: ReportContext, sent: Sentence, lv: _Levels, named: list[tuple[int, int, str, str | None]]
) -> list[tuple[int, int, tuple[str, str, str]]]:
    """The sentence's levels from the data list: (start, end of the level,
    (level, change, rule)), in order. A cue since the previous level is this
    one's ("upgraded ties to a strategic partnership, while in Singapore he
    and Wong launched a strategic partnership"), but "upgraded ties from a
    Strategic Partnership to a Comprehensive ..." has the cue before both."""
    text = ctx.text
    sentence_text = text[sent.start : sent.end]
    out = []
    previous_end = sent.start
    for m in lv.pattern.finditer(sentence_text):
        start = sent.start + m.start()
        window_start, previous_end = previous_end, sent.start + m.end()
        if any(a <= start < b and not lv.canonical.get(_key(name)) for a, b, name, _ in named):
            continue  # "Sustainable Future Strategic Partnership": part of a longer named level
        if _a_class(ctx, sent, m.end("level"), m.end(), start):
            continue
        change, rule = _listed_change(ctx, sent, start, window_start, m.end("level"), lv)
        if not rules.enabled(rule, LEVEL_RULES):
            continue  # another rule runs alone (`rules.alone`)
        if change is None:
            ctx.veto(rule, "veto.former_level" if rule == UPGRADED and _FORMER.search(
                text[max(sent.start, start - 120) : start]) else "veto.not_yet", sent)
            continue
        out.append((start, sent.start + m.end("level"), (_as_named(m.group("level")), change, rule)))
    return out


def _a_class(ctx: ReportContext, sent: Sentence, level_end: int, end: int, start: int) -> bool:
    """ "Vietnam has comprehensive strategic partnerships with 12 countries":
    a plural level of fewer than two named states, not the pair's, is a class."""
    text = ctx.text
    plural = text[sent.start + level_end : sent.start + end].lower() == "s"
    return (plural and len(codes_of(party_mentions(sent, text))) < 2
            and not _THEIR.search(text[sent.start : start]))


def _listed_change(
    ctx: ReportContext, sent: Sentence, start: int, window_start: int, level_end: int, lv: _Levels
) -> tuple[str | None, str]:
    """(change, rule) of a listed level: the cue since the previous level
    first, then any cue in the 120 characters before it."""
    text = ctx.text
    after = text[sent.start + level_end : sent.end][:80]
    before = _OPEN_QUOTE.sub("", text[max(sent.start, start - 120) : start])  # 'upgrade ties to a "SP"'
    own = _OPEN_QUOTE.sub("", text[max(window_start, start - 120) : start])
    # an instrument sets up the level only between states the sentence names
    pair_named = len(codes_of([x for x in party_mentions(sent, text) if x.how != "capital"])) >= 2
    change, rule = _change(own, after, lv, pair_named) if window_start > sent.start else (None, EXISTING)
    if change in (None, "existing"):
        change, rule = _change(before, after, lv, pair_named)
    return change, rule


def _keep(
    found: dict[tuple[frozenset[str], str], Partnership],
    ctx: ReportContext,
    sent: Sentence,
    pairs: list[list[str]],
    finding: tuple[str, str, str],
) -> None:
    """One record per pair and level: an upgrade beats an establishment, which
    beats a mere mention; the first sentence to say so wins."""
    level, change, rule = finding
    evidence, span = ctx.evidence(sent)
    for parties in pairs:
        if len(parties) < 2:
            continue
        key = (frozenset(parties), level)
        known = found.get(key)
        if known is not None and _RANK[change] <= _RANK[known.change]:
            known.made_by(rule, f"told again in sentence {sent.index}")
            continue
        record = Partnership(parties, level, change, evidence, span).made_by(rule)
        if known is not None:
            for earlier in known.rules:
                record.made_by(earlier)
            record.trace.append(f"replaced the {known.change} record ({known.rule})")
        found[key] = record
