"""meeting.named_host: a visit whose record names only the host state
("Xi Jinping paid a state visit to Russia") takes the host the report names
elsewhere ("Russian President Vladimir Putin praised ..."), as GUIDELINES
says: the visitor and the host state are the participants *unless the host
is named*.

Why after merging: the visit and the host's name are usually told in
different sentences, so only the report's finished meetings and persons show
both. Two readings, in this order:

- the visitor already has a meeting with a named person of the host state:
  the visit is that encounter told again, and its nameless record goes;
- otherwise, unless the visit is a past one told in passing with its month
  or year, the host state's leader named in the report (the most senior
  role in `data/meetings.yaml` `host_roles`, then the first named) takes the
  nameless place.
"""

from __future__ import annotations

from functools import lru_cache
from importlib.resources import files

import yaml

from diplograph.extract.context import ReportContext
from diplograph.records import Meeting, Participant

#: how a person's state must be known to make them a host
_KNOWN = ("explicit", "knowledge", "inferred")


@lru_cache(maxsize=1)
def _host_roles() -> tuple[str, ...]:
    data = yaml.safe_load(files("diplograph.data").joinpath("meetings.yaml").read_text("utf-8"))
    return tuple(data["host_roles"])


def _rank(role: str | None) -> int:
    roles = _host_roles()
    low = (role or "").lower()
    return next((n for n, r in enumerate(roles) if r in low and "vice" not in low and "deputy" not in low),
                len(roles))


def name_hosts(ctx: ReportContext, meetings: list[Meeting]) -> list[Meeting]:
    """The meetings with each nameless host state named where the report names its leader."""
    if ctx.persons is None:
        return meetings
    out: list[Meeting] = []
    for m in meetings:
        named = [p for p in m.participants if p.name]
        nameless = [p for p in m.participants if not p.name]
        if len(m.participants) != 2 or len(named) != 1 or len(nameless) != 1:
            out.append(m)
            continue
        visitor, host_state = named[0], nameless[0].country
        if m.date.precision in ("month", "year"):
            out.append(m)  # "following X's visit to Malaysia in November 2024": a past visit in passing
            continue
        if host_state is None or host_state == visitor.country:
            out.append(m)
            continue
        told = any(
            other is not m and any(p.name == visitor.name for p in other.participants)
            and any(p.name and p.country == host_state for p in other.participants)
            for other in meetings
        )
        if told:
            continue  # the visit's encounter is already a record of its own
        hosts = [p for p in ctx.persons.persons if p.country == host_state and p.country_how in _KNOWN
                 and p.name != visitor.name and _rank(p.role) < len(_host_roles())]
        if not hosts:
            out.append(m)
            continue
        host = min(hosts, key=lambda p: (_rank(p.role), p.first_start))
        m.participants = [visitor, Participant(host.name, host_state)] if m.participants[0] is visitor \
            else [Participant(host.name, host_state), visitor]
        out.append(m)
    return out
