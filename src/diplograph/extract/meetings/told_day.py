"""meeting.told_day: the day a sentence gives the report's one encounter
told again by its noun alone ("The state visit took place in Beijing on
Sunday 2 September 2018", "The talks were held on Monday at the
Presidential Palace").

Why a step over the finished records: such a sentence names no participant
(the visit's or the talks' record is told elsewhere, undated), so no rule
makes a record of it; it only tells when the report's encounter of that
kind took place (GUIDELINES: the day of the encounter). Only where the
report has exactly one undated record of that kind, and the sentence one
day. The nouns and verbs are `told_again` in `data/meetings.yaml`.
"""

from __future__ import annotations

import re
from functools import lru_cache

from diplograph.actors.knowledge import load_yaml
from diplograph.extract.context import ReportContext
from diplograph.extract.phrases import alternatives
from diplograph.extract.rules import rule
from diplograph.records import Meeting, ResolvedDate

RULE = "meeting.told_day"


@lru_cache(maxsize=1)
def _told_again() -> dict[str, re.Pattern[str]]:
    """Per kind ("visit", "meeting"), a sentence opening with the definite
    noun of that kind and a verb of taking place."""
    data = load_yaml("meetings.yaml")["told_again"]
    verbs = alternatives(data["verbs"])
    lead = r"^(?:The|This|That|Their|His|Her)\s+(?:[\w-]+\s+){0,3}?"
    return {
        kind: re.compile(rf"{lead}(?:{alternatives(nouns)})\s+(?:[^.,;]{{0,40}}?\s)?(?:{verbs})\b")
        for kind, nouns in data["nouns"].items()
    }


@rule(RULE)
def told_day(ctx: ReportContext, meetings: list[Meeting]) -> list[Meeting]:
    """meeting.told_day: the report's one undated visit (or talks) takes the
    day of a sentence that tells it again by its noun ("The state visit took
    place in Beijing on Sunday 2 September 2018")."""
    patterns = _told_again()
    for sent in ctx.sentences:
        kind = next((k for k, p in patterns.items() if p.match(sent.text)), None)
        if kind is None:
            continue
        found = ctx.found_dates(sent.text)
        days = {f.date.value for f in found if f.date.value and f.date.precision == "day"}
        if len(days) != 1:
            continue
        of_kind = [m for m in meetings if (m.mode == "visit") == (kind == "visit")]
        undated = [m for m in of_kind if not m.date.value]
        if len(undated) != 1 or len(of_kind) != 1:
            continue
        day = days.pop()
        undated[0].date = ResolvedDate(day, "day", "told again")
        undated[0].made_by(RULE, "date: told again by its noun")
    return meetings
