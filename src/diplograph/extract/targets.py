"""Targets and actual figures: "raise two-way trade to US$25 billion" (target),
"set a target of 20 billion USD in two-way trade by 2030" (target, 2030),
"two-way trade surpassing US$453 billion in 2024" (actual, 2024).

Why this way: an amount of money (`money.find_money`) is a target or an
actual figure only when a metric (trade, investment, exports ...) is near it
and nothing closer makes it a loan, a grant or a deal's value. Whether it is
aimed at or reported is decided by the nearest cue before it (verbs of aiming:
target/aim/raise/bring/boost ... to; verbs of reporting: reached/surpassed/
totalled/stood at/current); the cue lists are data (`data/targets.yaml`), so
the rule generalises by construction, not by sentence. Each amount reads
only its own stretch of the sentence (from the previous amount to the next),
so "US$25 billion by 2025, compared to the current US$21 billion" gives a
target for 2025 and an actual figure with no year. Years: a target's deadline
("by 2025", "by end-2026", "a trade target for 2025"); an actual figure's
nearest year, a fiscal year read as the year it ends in ("FY2022/23" ->
2023), and "last year" counted from the publication year or, without one,
from the year the report's own full dates make evident.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib.resources import files

import yaml

from diplograph.actors.knowledge import load_yaml
from diplograph.extract import modality, rules
from diplograph.extract.context import ReportContext, Sentence
from diplograph.extract.local_pair import codes_of, complete_pair, home_state, party_mentions
from diplograph.extract.money import Money, amount_in_words, find_money, merge_conversions
from diplograph.extract.rules import declare
from diplograph.records import Target, Veto


def _words(items: list[str]) -> str:
    return "|".join(
        r"\s+".join(re.escape(w) for w in item.split()) for item in sorted(items, key=len, reverse=True)
    )


#: words of approximation before an amount ("worth some US$2 billion")
_APPROXIMATIONS = ["up to", "about", "around", "approximately", "roughly", "some", "nearly", "over",
                   "more than", "almost", "close to", "an estimated"]


class _Cues:
    def __init__(self) -> None:
        data = yaml.safe_load(files("diplograph.data").joinpath("targets.yaml").read_text("utf-8"))
        self.bilateral = {" ".join(m.lower().split()) for m in data["metrics"]["bilateral"]}
        metrics = data["metrics"]["bilateral"] + data["metrics"]["single"]
        self.metric = re.compile(rf"(?<![\w-])(?<!free\s)({_words(metrics)})(?![\w-])", re.IGNORECASE)
        # a hope or wish for a figure is no actual figure: modality's wish verbs ("hoped", "wants") aim too
        aims = data["target_cues"] + modality.phrases("wish_verbs")
        self.target = re.compile(rf"(?<![\w-])(?:{_words(aims)})(?![\w-])", re.IGNORECASE)
        self.not_aim = re.compile(rf"(?<![\w-])(?:{_words(data['not_aims'])})(?![\w-])", re.IGNORECASE)
        self.actual = re.compile(rf"(?<![\w-])(?:{_words(data['actual_cues'])})(?![\w-])", re.IGNORECASE)
        self.weak = re.compile(rf"(?<![\w-])(?:{_words(data['actual_weak'])})(?![\w-])", re.IGNORECASE)
        self.not_metric = re.compile(rf"(?<![\w-])(?:{_words(data['not_metric'])})(?![\w-])", re.IGNORECASE)
        self.screen = re.compile(rf"(?:{_words(metrics)})", re.IGNORECASE)
        # the value of a deal signed: the instrument, at most 60 characters of its clause, the value phrase
        self.deal_value = re.compile(
            rf"(?<![\w-])(?:{_words(data['deal_nouns'])})(?![\w-])(?P<between>[^.;]{{0,60}}?)"
            rf"(?<![\w-])(?:{_words(data['deal_value_phrases'])})\s+"
            rf"(?:(?:{_words(_APPROXIMATIONS)})\s+)?$",
            re.IGNORECASE,
        )
        self.deal_not_value = re.compile(rf"(?<![\w-])(?:{_words(data['deal_not_value'])})(?![\w-])",
                                         re.IGNORECASE)
        future = modality.auxiliary_words("future", "conditional") + data["deal_future"]
        self.deal_future = re.compile(rf"(?<![\w-])(?:{_words(future)})(?![\w-])", re.IGNORECASE)
        self.deal_screen = re.compile(rf"(?<![\w-])(?:{_words(data['deal_value_phrases'])})(?![\w-])",
                                      re.IGNORECASE)
        one = _words(data["single_undertaking"])
        self.undertaking = re.compile(rf"(?<![\w-])(?:{one})(?![\w-])[^.;,]{{0,40}}$", re.IGNORECASE)


@lru_cache(maxsize=1)
def _cues() -> _Cues:
    return _Cues()


#: A deadline ("by 2030", "by the end of 2025") and any year.
_DEADLINE = re.compile(
    r"\bby\s+(?:the\s+)?(?:(?:end|close|middle)\s*[-\s]\s*(?:of\s+)?(?:the\s+)?|year[-\s]end\s+|mid-)?"
    r"(?:(?:calendar|financial|fiscal)\s+)?(?:year\s+|FY\s?)?((?:19|20)\d\d)\b",
    re.IGNORECASE,
)
#: A fiscal year is named by the year it ends in: "the financial year 2021-22",
#: "FY2022/23", "in 2022-23" (two consecutive years), "FY2024".
_FISCAL = re.compile(
    r"(?:\b(?:financial|fiscal)\s+year\s+(?:of\s+)?|\bFY\s?)?(?<![\d–-])((?:19|20)\d\d)\s*[-–/]\s*(\d{2}|\d{4})\b"
    r"|\bFY\s?((?:19|20)\d\d)\b",
    re.IGNORECASE,
)
#: the targets rules' words that are not cue lists (data/targets.yaml)
_WORDS = load_yaml("targets.yaml")
#: An aim's object that refers back to the previous sentence's figure:
#: "raise it to", "bring this figure to".
_ANAPHOR = re.compile(
    rf"\b(?:{_words(_WORDS['figure_anaphors'])})\s+"
    rf"(?:to|at)\s+(?:(?:{_words(_WORDS['approximations'])})\s+)?$",
    re.IGNORECASE,
)
#: Where a clause ends, for the cues before an amount.
_CLAUSE_BREAK = re.compile(rf"[;:]|,\s*(?:{_words(_WORDS['clause_breaks'])})\b", re.IGNORECASE)
#: An amount's own time phrase: a deadline written after a later goal is not its.
_OWN_TIME = re.compile(
    rf"\b(?:{_words(_WORDS['own_time']['phrases'])})\b"
    rf"|\bin\s+(?:the\s+)?(?:{_words(_WORDS['own_time']['years_after'])})\s+(?:\w+\s+)?years",
    re.IGNORECASE,
)
#: "a US$15 billion two-way trade target": the amount with its aim after it.
_AIM_AFTER = re.compile(rf"^\s*(?:[\w-]+\s+){{0,3}}?(?:{_words(_WORDS['aim_nouns'])})s?\b", re.IGNORECASE)
_YEAR = re.compile(r"(?<![\d–-])((?:19|20)\d\d)(?![\d])")
_IN_YEAR = re.compile(r"^\s*(?:[\w-]+\s+){0,3}?(?:in|for)\s+((?:19|20)\d\d)\b(?!\s*[-–])", re.IGNORECASE)
#: "this year", "last year" (`relative_years`: the shift from the publication year)
_THIS_YEAR = re.compile(
    rf"\b({_words(list(_WORDS['relative_years']))})\s+year\b(?!\s+on\s+year)", re.IGNORECASE
)
_MONTHS_SPAN = re.compile(r"\b(?:first\s+)?(?:\w+|\d+)\s+months\b|\bJanuary\s*[-–]\s*\w+", re.IGNORECASE)
_SENTENCE_BREAK = re.compile(rf"[;:]|,\s*(?:{_words(_WORDS['goal_list_breaks'])})\b")
_BASELINE = re.compile(
    rf"\b(?:{_words(_WORDS['baseline_words'])})\s+(?:the\s+)?"
    r"(?:same\s+period\s+(?:of|in)\s+|year\s+)?$",
    re.IGNORECASE,
)
_WITH = re.compile(r"\b(?:with|and|between)\s+(?:the\s+)?$", re.IGNORECASE)
_COMPARED = re.compile(rf"\b(?:{_words(_WORDS['comparison_words'])})\b", re.IGNORECASE)
_TO_AMOUNT = re.compile(rf"\bto\s+(?:(?:{_words(_WORDS['to_amount_words'])})\s+)*$", re.IGNORECASE)
_AFTER_GAP = re.compile(r"^\s*(?:in|of|for|from)\s+(?:[\w-]+\s+){0,3}$", re.IGNORECASE)
#: "which increased from 2.4 billion euros to ": the "to" ends a movement from a figure, not an aim
_MOVED_FROM = re.compile(r"\bfrom\s+\S*\d\S*(?:\s+\S+){0,3}?\s+to\s+$", re.IGNORECASE)
#: "raise trade from US$20 billion": an aim's starting figure, right after "from"
_FROM_BEFORE = re.compile(
    r"\bfrom\s+(?:(?:about|around|nearly|over|some|just|the\s+current)\s+)?$", re.IGNORECASE
)
#: How near (characters) a metric must be to the amount.
METRIC_REACH = 90


@dataclass
class _Segment:
    """One amount and the stretch of its sentence it may read."""

    money: Money
    before: str  # from the previous amount (or sentence start) to this amount
    after: str  # from this amount to the next (or sentence end)
    start: int  # absolute offset of `before`


def _segments(text: str, base: int, amounts: list[Money]) -> list[_Segment]:
    out = []
    for k, m in enumerate(amounts):
        lo = amounts[k - 1].end if k else 0
        hi = amounts[k + 1].start if k + 1 < len(amounts) else len(text)
        out.append(_Segment(m, text[lo : m.start], text[m.end : hi], base + lo))
    return out


def _metric(seg: _Segment, cues: _Cues) -> str | None:
    """The metric nearest the amount, unless a loan/grant/deal word is nearer
    or it is one undertaking's cost ("the project's total investment")."""
    best: tuple[int, str, int] | None = None  # distance, metric, where it starts in `before` (or -1)
    for m in cues.metric.finditer(seg.before):
        dist = len(seg.before) - m.end()
        if dist <= METRIC_REACH and (best is None or dist < best[0]):
            best = (dist, m.group(1), m.start())
    for m in cues.metric.finditer(seg.after):
        dist = m.start()
        # after the amount only as its complement: "US$20 billion in two-way trade"
        complement = _AFTER_GAP.match(seg.after[:dist])
        # or as its aim's modifier: "a US$15 billion two-way trade target"
        complement = complement or (not seg.after[:dist].strip() and _AIM_AFTER.match(seg.after))
        if complement and (best is None or dist < best[0]):
            best = (dist, m.group(1), -1)
    if best is None:
        return None
    dist, metric, at = best
    metric = " ".join(metric.lower().split())
    lead = seg.before[:at] if at >= 0 else seg.before
    if metric not in cues.bilateral and cues.undertaking.search(lead):
        return None  # trade between parties is never one project's; investment may be
    for m in cues.not_metric.finditer(seg.before):
        if len(seg.before) - m.end() < dist:
            return None
    if at < 0 and cues.not_metric.search(seg.after[:dist]):
        return None  # "US$2 billion in loans and trade": between the amount and a metric after it
    return metric


AIM_CUE = "target.aim_cue"
REPORTED_CUE = "target.reported_cue"
AIM_EARLIER = "target.aim_earlier"
AIM_AFTER = "target.aim_after"
DEADLINE = "target.deadline"
ACTUAL = "target.actual"
COMPARED = "target.compared"
ANAPHOR = "target.anaphor"
DEAL_VALUE = "target.deal_value"
#: the metric of a figure that is the value of the instruments signed
DEAL_METRIC = "value of agreements signed"
#: The layers of rules (`rules.enabled`): a figure's status, and the metric lent from another
#: figure or read from the instrument it is the value of (a figure's own metric is that layer's
#: unnamed default).
STATUS_RULES = (AIM_CUE, REPORTED_CUE, AIM_EARLIER, AIM_AFTER, DEADLINE, ACTUAL)
LENDING_RULES = (COMPARED, ANAPHOR, DEAL_VALUE)
declare(AIM_CUE, """A figure after a verb or noun of aiming in its clause: "aim to raise
two-way trade to US$25 billion by 2030", "set a target of 20 billion USD in
two-way trade" (target, with its deadline's year).""", __name__)
declare(REPORTED_CUE, """A figure after a verb of reporting in its clause: "two-way trade
surpassed US$453 billion in 2024", "investment stood at US$3 billion"
(actual, with its nearest year).""", __name__)
declare(AIM_EARLIER, """A figure an aim before it raises "to", its current value told between:
"boost trade, currently worth $3.5 billion, to $10 billion" (target); not the
end of a movement from a figure ("keen to increase exports after years of
deficit, which increased from 2.4 billion euros to 2.6 billion euros").""", __name__)
declare(AIM_AFTER, """A figure with its aim's noun after it: "set a US$15 billion two-way
trade target for 2025" (target).""", __name__)
declare(DEADLINE, """A figure with no cue but a deadline after it, not before the publication
year: "two-way trade of US$10 billion by 2030" (target).""", __name__)
declare(ACTUAL, """A figure with no cue and no deadline: a reported value ("two-way trade
of US$5 billion in 2023", actual).""", __name__)
declare(COMPARED, """A figure that takes the metric of the one before it in the sentence:
"US$25 billion by 2025, compared to the current US$21 billion".""", __name__)
declare(DEAL_VALUE, """A figure that is the value of the instruments the parties sign: "signed
contracts worth US$11 billion", "the deal, valued at some 270 billion won", "an agreement that
carries a monetary value of R14 billion" (data/targets.yaml deal_nouns, deal_value_phrases); not a
loan, credit, grant or aid ("a loan agreement worth US$500 million": deal_not_value).""", __name__)
declare(ANAPHOR, """A figure whose aim refers back to the previous sentence's metric:
"Trade hit US$16.7 billion. They agreed to raise it to US$18 billion".""", __name__)


def _status(seg: _Segment, cues: _Cues, published_year: int | None, sentence_before: str) -> tuple[str, str]:
    """(target | actual, the rule): the nearest cue before the amount
    decides; with none, an aim after it or a deadline says target."""
    nearest = _nearest_cue(seg, cues)
    if nearest is not None and nearest[0] == "target" and _FROM_BEFORE.search(seg.before):
        return "actual", REPORTED_CUE  # "raise trade from US$20 billion to ...": the value it starts from
    if nearest is not None:
        return nearest
    if (_TO_AMOUNT.search(seg.before) and cues.target.search(sentence_before)
            and not _moved(sentence_before, cues)):
        return "target", AIM_EARLIER  # "boost trade, currently worth $3.5 billion, to $10 billion"
    if _AIM_AFTER.match(seg.after):
        return "target", AIM_AFTER  # "set a US$15 billion two-way trade target for 2025"
    deadline = _DEADLINE.search(seg.after)
    if deadline and (published_year is None or int(deadline.group(1)) >= published_year):
        return "target", DEADLINE
    return "actual", ACTUAL


def _deal_status(seg: _Segment, cues: _Cues) -> tuple[str, str]:
    """A deal's value: actual (the deal was signed), or a target where the signing is to come
    ("are expected to sign deals worth US$5 billion")."""
    window = seg.before[-140:]
    deal = cues.deal_value.search(window)
    lead = seg.before[: len(seg.before) - len(window) + (deal.start() if deal else len(window))]
    if cues.deal_future.search(lead[-80:]):
        return "target", AIM_CUE
    return "actual", ACTUAL


def _moved(sentence_before: str, cues: _Cues) -> bool:
    """ "..., which increased from 2.4 billion euros to": the "to" ends a
    reported movement from a figure (its verb a reporting cue), not an aim."""
    m = _MOVED_FROM.search(sentence_before)
    if m is None:
        return False
    lead = sentence_before[: m.start()]
    last = {status: max((c.end() for c in pattern.finditer(lead)), default=-1)
            for status, pattern in (("target", cues.target), ("actual", cues.actual))}
    return last["actual"] > last["target"]


def _nearest_cue(seg: _Segment, cues: _Cues) -> tuple[str, str] | None:
    """The status of the last aiming or reporting cue in the amount's clause.
    "They aim to double investment, with two-way trade of A$24 billion in
    2023": an aim before ", with" is another clause's."""
    clause = seg.before
    breaks = list(_CLAUSE_BREAK.finditer(clause))
    if breaks:
        clause = clause[breaks[-1].end() :]
    nearest: tuple[int, str, str] | None = None
    not_aims = {m.start() for m in cues.not_aim.finditer(clause)}
    for pattern, status, rule in ((cues.target, "target", AIM_CUE), (cues.actual, "actual", REPORTED_CUE)):
        for m in pattern.finditer(clause):
            if status == "target" and m.start() in not_aims:
                continue  # "bringing about many agreements": no aim
            if nearest is None or m.end() > nearest[0]:
                nearest = (m.end(), status, rule)
    return None if nearest is None else (nearest[1], nearest[2])


_SHIFT = {word.lower(): int(shift) for word, shift in _WORDS["relative_years"].items()}


def _year(
    seg: _Segment, status: str, previous: _Segment | None, ctx: ReportContext, sent: Sentence
) -> int | None:
    """A target's deadline year; an actual figure's year (explicit, "last year",
    or, for "the 11 months", the year the sentences before it give)."""
    # "last year" counts from the publication year only (GUIDELINES: a relative
    # date resolves against the publication date; without one it is unknown)
    published = int(ctx.published[:4]) if ctx.published else None
    after = seg.after[:70]
    # what lies between the previous amount and this one belongs to the previous amount
    before = "" if previous is not None else seg.before[-70:]
    if status == "target":
        return _target_year(seg, ctx, sent, (before, after), published)
    for window in (after, before):
        year = _nearest_year(window, published)
        if year is not False:
            return year
    return _months_year(ctx, sent, (before, after), published)


def _target_year(
    seg: _Segment, ctx: ReportContext, sent: Sentence, windows: tuple[str, str], published: int | None
) -> int | None:
    """A target's deadline: "by 2030" after it (or before it), "in 2025",
    "this year"; or one deadline after a list of goals ("raise trade to
    US$20 billion and investment to US$5 billion by 2030") holds for each."""
    before, after = windows
    m = _DEADLINE.search(after) or _DEADLINE.search(before) or _IN_YEAR.match(after)
    rel = _THIS_YEAR.search(after)
    if m is None and rel and published:  # "expected to reach US$30 billion this year"
        return published + _SHIFT[rel.group(1).lower()]
    if m is None:
        rest = ctx.text[sent.start + seg.money.end : sent.end]
        m = _DEADLINE.search(rest)
        if m and (_SENTENCE_BREAK.search(rest[: m.start()]) or _OWN_TIME.search(seg.after)):
            m = None
    return int(m.group(1)) if m else None


def _nearest_year(window: str, published: int | None) -> int | None | bool:
    """An actual figure's nearest year in a window, not "up 10% from 2022"
    (the baseline's year); "last year" with no publication date is a year
    the report does not give (None). False: the window has none."""
    found = [(at, year) for at, year in _years(window) if not _BASELINE.search(window[:at])]
    rel = _THIS_YEAR.search(window)
    if rel:
        shift = _SHIFT[rel.group(1).lower()]
        found.append((rel.start(), published + shift if published else None))
    if found:
        return min(found, key=lambda f: f[0])[1]
    return False


def _months_year(
    ctx: ReportContext,
    sent: Sentence,
    windows: tuple[str, str],
    published: int | None,
) -> int | None:
    """ "in the 11 months": the year the two sentences before give, or, for
    "the first nine months" with no year given, the publication's."""
    before, after = windows
    span = _MONTHS_SPAN.search(after) or _MONTHS_SPAN.search(before)
    if not span:
        return None
    for k in range(sent.index - 1, max(-1, sent.index - 3), -1):
        years = _YEAR.findall(ctx.text[ctx.sentences[k].start : ctx.sentences[k].end])
        if years:
            return int(years[-1])
    if published and span.group(0).lower().startswith("first"):
        return published  # "in the first nine months", no year given: this year's
    return None


def _years(window: str) -> list[tuple[int, int]]:
    """(offset, year) of each year in `window`, a fiscal year ("2021-22",
    "FY2022/23") read as the year it ends in."""
    out: list[tuple[int, int]] = []
    taken: list[tuple[int, int]] = []
    for m in _FISCAL.finditer(window):
        if m.group(3):
            out.append((m.start(), int(m.group(3))))
        else:
            first, second = int(m.group(1)), m.group(2)
            end = int(second) if len(second) == 4 else first // 100 * 100 + int(second)
            if end != first + 1:
                continue  # "2021-2025": a period, not a fiscal year
            out.append((m.start(), end))
        taken.append((m.start(), m.end()))
    for m in _YEAR.finditer(window):
        if not any(a <= m.start() < b for a, b in taken):
            out.append((m.start(), int(m.group(1))))
    return sorted(out)


def _parties(ctx: ReportContext, sent: Sentence, seg: _Segment, metric: str) -> list[str]:
    """The parties of one amount: "trade with China ... $2.8 billion with the
    United States" gives each amount its own partner; otherwise the sentence's
    parties, made up to a pair for bilateral metrics."""
    text = ctx.text
    mentions = party_mentions(sent, text)
    between = _between_pair(text, sent, mentions, sent.start + seg.money.start)
    if between:
        return between  # "trade between Australia and ASEAN was worth A$178 billion, more than ..."
    partners = [m for m in mentions if _WITH.search(text[max(sent.start, m.start - 12) : m.start])]
    codes = codes_of(mentions)
    if partners and len(codes) > 2:
        own = [c for c in codes if c not in {p.entity.code for p in partners}]
        lo, hi = seg.start, seg.start + len(seg.before) + len(seg.money.text) + len(seg.after)
        mine = [p for p in partners if lo <= p.start < hi] or partners
        near = min(mine, key=lambda p: abs(p.start - (sent.start + seg.money.start)))
        return complete_pair(ctx, sent, own[:1] + [near.entity.code])
    if len(codes) > 2:
        codes = codes[:2]
    if metric not in _cues().bilateral and metric != DEAL_METRIC:
        # one side's figure: "Korean investment totalled US$86 billion" in a report from
        # Việt Nam is Korea's investment there; "Vietnam's exports" are Vietnam's alone;
        # "total FDI reached US$36 billion" names nobody, and no pair can be assumed
        home = home_state(ctx)
        if len(codes) == 1 and home and codes[0] != home:
            return [codes[0], home]
        directed = any(_DIRECTED.search(text[max(sent.start, m.start - 30) : m.start]) for m in mentions)
        if len(codes) == 1 and directed:
            return complete_pair(ctx, sent, codes)  # "Exports to Germany reached ...": the pair from context
        return codes
    return complete_pair(ctx, sent, codes)


#: a one-sided metric aimed at its one named party: "exports to Germany", "imports from China"
_DIRECTED = re.compile(
    r"\b(?:exports?|imports?|shipments|sales)\s+(?:to|from)\s+(?:the\s+)?$", re.IGNORECASE
)
_BETWEEN_BEFORE = re.compile(r"\bbetween\s+(?:the\s+)?$", re.IGNORECASE)
_AND_BETWEEN = re.compile(r"\s+and\s+(?:the\s+)?", re.IGNORECASE)


def _between_pair(text: str, sent: Sentence, mentions: list, money_start: int) -> list[str]:
    """ "between X and Y" before the amount: the parties, named outright."""
    before = [m for m in mentions if m.end <= money_start]
    for a, b in zip(before, before[1:], strict=False):
        if (a.entity.code != b.entity.code and _AND_BETWEEN.fullmatch(text[a.end : b.start])
                and _BETWEEN_BEFORE.search(text[max(sent.start, a.start - 14) : a.start])):
            return [a.entity.code, b.entity.code]
    return []


def _without_restatements(ctx: ReportContext, targets: list[Target]) -> list[Target]:
    """A figure told without its year ("set US$30bn trade goal" in a
    headline) where the report gives the same one with a year is that one."""
    dated = {(frozenset(t.parties), t.amount, t.currency, t.status) for t in targets if t.year is not None}
    kept = []
    for t in targets:
        if t.year is None and (frozenset(t.parties), t.amount, t.currency, t.status) in dated:
            ctx.vetoes.append(Veto(t.rule or "", "veto.restatement", t.evidence, t.span))
        else:
            kept.append(t)
    return kept


#: a figure that is part of the one before it takes its year
_PART_OF = re.compile(rf"\b(?:{_words(_WORDS['part_of_words'])})\b", re.IGNORECASE)


@dataclass
class _Sentence:
    """What one sentence's amounts pass on to the next: the metric, segment
    and year of the amount before."""

    metric: str | None = None
    segment: _Segment | None = None
    year: int | None = None


def find_targets(ctx: ReportContext) -> list[Target]:
    """Every target and actual economic figure in the report, once each."""
    cues = _cues()
    out: dict[tuple, Target] = {}
    sentence_metric: tuple[int, str | None] = (-2, None)
    for sent in ctx.sentences:
        text = ctx.text[sent.start : sent.end]
        # the metric of the sentence before, for "raise it to US$18 billion"
        last_metric = sentence_metric[1] if sentence_metric[0] == sent.index - 1 else None
        if not (last_metric or cues.screen.search(text) or cues.deal_screen.search(text)):
            continue
        if not (any(map(str.isdigit, text)) or amount_in_words(text)):
            continue
        amounts = [own_dollar(ctx, m, sent.start) for m in merge_conversions(text, find_money(text))]
        if amounts:
            sentence_metric = _sentence_targets(ctx, sent, amounts, last_metric, out) or sentence_metric
    return _without_restatements(ctx, list(out.values()))


#: The step that reads a bare "$" as the home state's own dollar (a record's `trace`): in a report
#: at home in a state with a dollar of its own (data/targets.yaml `own_dollars`: Australia's,
#: Canada's, New Zealand's, Singapore's ...) that never writes a US dollar or any prefixed dollar
#: ("US$", "USD", "U.S. dollars", "A$"), "two-way trade stands at more than $7 billion" is A$7 billion.
OWN_DOLLAR = "target.own_dollar"
#: any explicit dollar in a report: then a bare "$" is read as wires read it (US dollars)
_EXPLICIT_DOLLAR = re.compile(
    r"(?:\b[A-Z]{1,3}|U\.S\.)\s?\$|\bUSD\b|\b(?:US|U\.S\.|American|Australian|Canadian|Singapore|"
    r"New\s+Zealand)\s+dollars?\b",
)


def own_dollar(ctx: ReportContext, money: Money, base: int) -> Money:
    """The amount with a bare "$" read as the home state's own dollar where the report is at home
    in a state that has one and writes no explicit dollar anywhere (`OWN_DOLLAR`)."""
    if money.currency != "USD" or not money.text.lstrip().startswith("$"):
        return money
    at = base + money.start + money.text.find("$")
    if at > 0 and ctx.text[at - 1].isalpha():
        return money
    code = _home_dollar(ctx)
    if code is None:
        return money
    return replace(money, currency=code)


def _home_dollar(ctx: ReportContext) -> str | None:
    cached = getattr(ctx, "_own_dollar", False)
    if cached is not False:
        return cached
    code = _WORDS["own_dollars"].get(home_state(ctx) or "")
    if code is not None and _EXPLICIT_DOLLAR.search(ctx.text):
        code = None
    ctx._own_dollar = code  # type: ignore[attr-defined]
    return code


def _sentence_targets(
    ctx: ReportContext, sent: Sentence, amounts: list[Money], last_metric: str | None,
    out: dict[tuple, Target],
) -> tuple[int, str | None] | None:
    """The figures of one sentence, added to `out` (one per pair, amount,
    status and year); returns (sentence, metric) when an amount had a metric."""
    cues = _cues()
    published_year = int(ctx.published[:4]) if ctx.published else ctx.year
    text = ctx.text[sent.start : sent.end]
    state = _Sentence()
    said = None
    for seg in _segments(text, sent.start, amounts):
        metric, how = _metric_of(seg, cues, state.metric, last_metric)
        state.metric = metric
        if metric is None:
            state.segment = seg
            continue
        said = (sent.index, metric)
        status, rule = _status(seg, cues, published_year, text[: seg.money.start])
        if how == DEAL_VALUE:
            status, rule = _deal_status(seg, cues)
        year = _year(seg, status, state.segment, ctx, sent)
        part = status == "actual" and state.year is not None and _PART_OF.search(seg.before)
        if year is None and part:
            year = state.year  # "... 101 million USD in 2016, of which exports were 72.5 million USD"
        state.year, state.segment = year, seg
        if not (rules.enabled(rule, STATUS_RULES) and rules.enabled(how, LENDING_RULES)):
            continue  # another rule runs alone (`rules.alone`): this figure's rules make no record
        parties = _parties(ctx, sent, seg, metric)
        if len(parties) < 2:  # a figure is tied to a pair (GUIDELINES); "Vietnam's total exports" is not
            ctx.veto(rule, "veto.no_pair", sent)
            continue
        record = _target(ctx, sent, seg.money, (metric, status, year), parties).made_by(rule)
        if how is not None:
            record.made_by(how)
        if seg.money.currency != "USD" and seg.money.text.lstrip().startswith("$"):
            record.trace.append(f"{OWN_DOLLAR}: a bare $ read as {seg.money.currency}, the home dollar")
        key = (frozenset(parties), seg.money.amount, seg.money.currency, status, year)
        if key in out:
            out[key].made_by(rule, f"told again in sentence {sent.index}")
        else:
            out[key] = record
    return said


def _metric_of(
    seg: _Segment, cues: _Cues, previous_metric: str | None, last_metric: str | None
) -> tuple[str | None, str | None]:
    """The amount's metric, and the rule that lent it when it is another
    amount's: the one before it ("US$25 billion, compared to the current
    US$21 billion"), or the previous sentence's ("raise it to")."""
    metric = _metric(seg, cues)
    if metric is not None:
        return metric, None
    deal = cues.deal_value.search(seg.before[-140:])
    if deal is not None and not cues.deal_not_value.search(seg.before[-140:]):
        return DEAL_METRIC, DEAL_VALUE  # "signed contracts worth US$11 billion"
    if cues.not_metric.search(seg.before):
        return None, None  # "..., and aid was US$200 million": a loan or aid lends no metric
    if previous_metric and (_COMPARED.search(seg.before) or len(seg.before) <= 12):
        return previous_metric, COMPARED
    if last_metric and _ANAPHOR.search(seg.before):
        return last_metric, ANAPHOR
    return None, None


def _target(
    ctx: ReportContext, sent: Sentence, money: Money, what: tuple[str, str, int | None], parties: list[str]
) -> Target:
    metric, status, year = what
    evidence, span = ctx.evidence(sent)
    return Target(
        parties=parties,
        metric=metric,
        amount_usd=money.amount_usd,
        year=year,
        status=status,
        evidence=evidence,
        span=span,
        amount=money.amount,
        currency=money.currency,
    )
