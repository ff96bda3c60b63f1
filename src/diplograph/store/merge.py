"""Cross-report merging: one actor, one event, one document... however many
reports tell of it.

Why this is its own module: deciding that two records are the same thing is
the store's one piece of judgement, and it must be the same for a report
ingested first or last. Each `find_*` function looks for an existing record
compatible with a new one (by an indexed merge key, then a closer check), and
each `*_id` function gives a new record a deterministic id from its merge key.

Rules (docs/store.md explains them with examples):
- actors: states and bodies by their code; persons by their name folded
  (case, diacritics, punctuation, leading titles, word order), within the
  same country; a short form ("Chinh") joins the one person of that country
  whose name contains it; close spellings (rapidfuzz) join too.
- events: same type and sides (the states/bodies involved), compatible
  persons on each side, and the same date; an undated mention joins an event
  of the same sides within `WINDOW_DAYS` before its report's publication.
- documents: same parties and a close title; targets: same parties, metric,
  status, year and amount within 1%; partnerships: same parties and level.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from datetime import date as Date
from datetime import timedelta
from functools import lru_cache
from importlib.resources import files

import yaml
from rapidfuzz import fuzz
from sqlalchemy import Connection, Select, and_, bindparam, or_, select

from diplograph.actors.knowledge import fold, knowledge
from diplograph.store.schema import (
    actor_aliases,
    actors,
    documents,
    event_participants,
    event_sources,
    events,
    partnerships,
    targets,
)

#: An undated mention joins an event of the same sides this many days around it.
WINDOW_DAYS = 7
#: rapidfuzz token_sort_ratio above which two names of one country are one person.
NAME_SIMILARITY = 90
#: rapidfuzz token_set_ratio above which two undated non-meeting events' sentences tell the same event.
EVIDENCE_SIMILARITY = 80
#: rapidfuzz token_set_ratio above which two document titles with the same parties are one document.
TITLE_SIMILARITY = 85


def stable_id(*parts: object) -> str:
    """A short deterministic id from a merge key."""
    raw = "\x1f".join("" if p is None else str(p) for p in parts)
    return hashlib.sha1(raw.encode("utf-8")).hexdigest()[:16]


def text_key(text: str | None) -> str:
    """Folded words only: the comparison key of titles, metrics and levels."""
    return " ".join(re.findall(r"[a-z0-9]+", fold(text or "")))


def parties_key(codes: Iterable[str | None]) -> str:
    """ ",CODE,CODE," sorted and deduplicated: so `LIKE '%,VNM,%'` finds a party."""
    clean = sorted({c for c in codes if c})
    return "," + ",".join(clean) + "," if clean else ","


def split_parties(key: str | None) -> list[str]:
    return [c for c in (key or "").split(",") if c]


@lru_cache(maxsize=1)
def _title_words() -> frozenset[str]:
    """Words of personal titles and honorifics (from the data files, when
    present) that may precede a name: "PM", "Prime Minister", "Mr"."""
    words: set[str] = set()
    for name in ("titles.yaml", "honorifics.yaml"):
        try:
            data = yaml.safe_load(files("diplograph.data").joinpath(name).read_text(encoding="utf-8"))
        except (FileNotFoundError, OSError):
            continue
        stack = [data]
        while stack:
            item = stack.pop()
            if isinstance(item, dict):
                stack.extend(item.keys())
                stack.extend(item.values())
            elif isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, str):
                words.update(re.findall(r"[a-z]+", fold(item)))
    return frozenset(words)


def name_tokens(name: str) -> list[str]:
    """A person's name as folded words, leading title words dropped."""
    tokens = re.findall(r"[a-z0-9]+", fold(name))
    titles = _title_words()
    while len(tokens) > 1 and tokens[0] in titles:
        tokens.pop(0)
    return tokens


def name_key(name: str) -> str:
    """Word order does not matter ("Takaichi Sanae" = "Sanae Takaichi")."""
    return " ".join(sorted(name_tokens(name)))


# ---------------------------------------------------------------- actors


# Statements built once (SQLAlchemy caches their compiled form): resolving
# actors runs them several times per report.
_ACTOR_EXISTS = select(actors.c.id).where(actors.c.id == bindparam("id"))
_ACTOR_ROW = select(actors.c.name, actors.c.country, actors.c.role).where(actors.c.id == bindparam("id"))
_INSERT_ACTOR = actors.insert()
_PERSONS_BY_ALIAS = (
    select(actors.c.id, actors.c.country)
    .join(actor_aliases, actor_aliases.c.actor_id == actors.c.id)
    .where(actor_aliases.c.folded == bindparam("key"), actors.c.kind == "person")
    .order_by(actors.c.id)  # the same first match on every engine
)
_PERSONS_OF_COUNTRY = (
    select(actors.c.id, actors.c.name)
    .where(actors.c.kind == "person", actors.c.country == bindparam("country"))
    .order_by(actors.c.id)
)
_ALIAS_EXISTS = select(actor_aliases.c.actor_id).where(
    actor_aliases.c.actor_id == bindparam("actor_id"), actor_aliases.c.folded == bindparam("key")
)
_INSERT_ALIAS = actor_aliases.insert()


class KnownActors:
    """Actor ids and (actor, alias key) pairs known to be committed in one
    store, kept across the reports of a run so each report need not ask the
    database again whether `VNM` or an alias it saw before exists.

    Why this is safe: actors and aliases are never deleted, so what was once
    committed stays true. A resolver adds what it created only through
    `commit`, called after its transaction committed, so a rolled-back report
    leaves nothing here."""

    def __init__(self) -> None:
        self.codes: set[str] = set()
        self.aliases: set[tuple[str, str]] = set()

    def commit(self, resolver: ActorResolver) -> None:
        self.codes |= set(resolver._codes)
        self.aliases |= resolver._aliases


class ActorResolver:
    """Resolves names and codes to actor ids inside one write transaction,
    creating actors (and their aliases) that are not there yet."""

    def __init__(self, conn: Connection, known: KnownActors | None = None) -> None:
        self.conn = conn
        self.known = known or KnownActors()
        self._codes: dict[str, str] = {}
        self._aliases: set[tuple[str, str]] = set()

    def code(self, code: str) -> str:
        """The actor id of a state or body code (created from the knowledge base)."""
        if code in self._codes or code in self.known.codes:
            return code
        found = self.conn.execute(_ACTOR_EXISTS, {"id": code}).scalar()
        if found is None:
            entity = knowledge().entities.get(code)
            kind = entity.kind if entity else "body"
            name = entity.name if entity else code
            self.conn.execute(
                _INSERT_ACTOR, {"id": code, "name": name, "kind": kind, "country": code, "role": None}
            )
            self._add_alias(code, name)
            self._add_alias(code, code)
        self._codes[code] = code
        return code

    def side(self, text: str | None) -> str | None:
        """A state or body named by `text` (a code or a name), or None."""
        if not text:
            return None
        if text in knowledge().entities:
            return text
        entity = knowledge().lookup(text)
        return entity.code if entity else None

    def person(
        self, name: str, country: str | None, role: str | None = None, aliases: Iterable[str] = ()
    ) -> str:
        """The actor id of a person, joining an existing one when the name matches."""
        key = name_key(name)
        found = self._find_person(key, country)
        if found is None:
            for alias in aliases:
                found = self._find_person(name_key(alias), country)
                if found:
                    break
        if found is None:
            base = f"{country or 'XXX'}:{'-'.join(name_tokens(name)) or 'unnamed'}"
            found = base
            n = 1
            while self.conn.execute(_ACTOR_EXISTS, {"id": found}).scalar():
                n += 1
                found = f"{base}-{n}"
            self.conn.execute(
                _INSERT_ACTOR,
                {"id": found, "name": name, "kind": "person", "country": country, "role": role},
            )
        else:
            row = self.conn.execute(_ACTOR_ROW, {"id": found}).one()
            changes = {}
            if role and role != row.role:
                changes["role"] = role
            if country and not row.country:
                changes["country"] = country
            if len(name_tokens(name)) > len(name_tokens(row.name)):
                changes["name"] = name  # the fullest spelling is the canonical one
            if changes:
                self.conn.execute(actors.update().where(actors.c.id == found).values(**changes))
        for alias in [name, *aliases]:
            self._add_alias(found, alias)
        return found

    def _find_person(self, key: str, country: str | None) -> str | None:
        if not key:
            return None
        rows = self.conn.execute(_PERSONS_BY_ALIAS, {"key": key}).all()
        same = [r.id for r in rows if country is None or r.country in (country, None)]
        if same:
            return same[0]
        if country is None:
            return None
        # Short forms and close spellings: only among persons of the same country.
        tokens = set(key.split())
        candidates = self.conn.execute(_PERSONS_OF_COUNTRY, {"country": country}).all()
        contained = [c.id for c in candidates if tokens <= set(name_tokens(c.name))]
        if len(contained) == 1:
            return contained[0]
        close = [(fuzz.token_sort_ratio(key, name_key(c.name)), c.id) for c in candidates if len(tokens) > 1]
        close = [c for c in close if c[0] >= NAME_SIMILARITY]
        return max(close)[1] if close else None

    def _add_alias(self, actor_id: str, alias: str) -> None:
        key = name_key(alias) if "," not in alias else text_key(alias)
        if not key or (actor_id, key) in self._aliases or (actor_id, key) in self.known.aliases:
            return
        self._aliases.add((actor_id, key))
        exists = self.conn.execute(_ALIAS_EXISTS, {"actor_id": actor_id, "key": key}).scalar()
        if exists is None:
            self.conn.execute(_INSERT_ALIAS, {"actor_id": actor_id, "folded": key, "alias": alias})


# ---------------------------------------------------------------- events


def _shift(day: str, days: int) -> str:
    return (Date.fromisoformat(day) + timedelta(days=days)).isoformat()


def _candidates(window) -> Select:  # noqa: ANN001
    """Events of a type and sides within a date window, not yet told by this
    report; ordered, since SQLite and PostgreSQL return ties in different orders."""
    told = select(event_sources.c.record_id).where(event_sources.c.report_id == bindparam("report_id"))
    return (
        select(events.c.id, events.c.date, events.c.anchor, events.c.kind, events.c.evidence)
        .where(
            events.c.type == bindparam("type"),
            events.c.sides == bindparam("sides"),
            window,
            events.c.id.not_in(told),
            events.c.id.not_in(bindparam("told", expanding=True)),
        )
        .order_by(events.c.id)
        .limit(50)
    )


# A dated record: the same day, or an undated mention published up to WINDOW_DAYS after it.
_EVENTS_ON_DAY = _candidates(
    or_(
        events.c.date == bindparam("day"),
        and_(events.c.date.is_(None), events.c.anchor.between(bindparam("day"), bindparam("until"))),
    )
)
# An undated mention: an event up to WINDOW_DAYS before its report's publication.
_EVENTS_BEFORE = _candidates(events.c.anchor.between(bindparam("since"), bindparam("until")))
_EVENTS_UNANCHORED = _candidates(events.c.anchor.is_(None))


def find_event(
    conn: Connection,
    type_: str,
    sides: str,
    persons: dict[str, set[str]],
    date: str | None,
    published: str | None,
    report_id: str | None = None,
    evidence: str | None = None,
    told: Iterable[str] = (),
) -> str | None:
    """An existing event this record describes, or None.

    `persons` maps each side to the persons named on it; an event is
    compatible when, for every side where both name persons, they share one.
    An event the same report already told of (stored, or in `told`: the
    ones it supports in the transaction being written) is a different one:
    the extractor keeps one record per event within a report. An undated event
    other than a meeting (who supported, requested, agreed what) joins one
    within the window only when the sentences say nearly the same thing
    (`EVIDENCE_SIMILARITY`): two outlets' "Japan pledged support" are one
    event, a congratulation to a minister and one to a prime minister are not.
    """
    if date:
        query, params = _EVENTS_ON_DAY, {"day": date, "until": _shift(date, WINDOW_DAYS)}
    elif published:
        query, params = _EVENTS_BEFORE, {"since": _shift(published, -WINDOW_DAYS), "until": published}
    else:
        query, params = _EVENTS_UNANCHORED, {}
    params.update(type=type_, sides=sides, report_id=report_id or "", told=sorted(told))
    rows = conn.execute(query, params).all()
    best: tuple[int, str] | None = None
    people: dict[str, dict[str, set[str]]] = {row.id: {} for row in rows}
    if rows:
        for p in conn.execute(
            select(
                event_participants.c.event_id,
                event_participants.c.actor_id,
                event_participants.c.country,
            ).where(event_participants.c.event_id.in_(list(people)))
        ):
            if p.actor_id != p.country:
                people[p.event_id].setdefault(p.country or p.actor_id, set()).add(p.actor_id)
    for row in rows:
        different = (
            evidence is not None and fuzz.token_set_ratio(evidence, row.evidence) < EVIDENCE_SIMILARITY
        )
        if not date and row.kind != "meeting" and different:
            continue
        theirs = people[row.id]
        if any(persons.get(s) and theirs.get(s) and not (persons[s] & theirs[s]) for s in persons):
            continue
        score = 0 if (date and row.date == date) else 1
        if best is None or score < best[0]:
            best = (score, row.id)
    return best[1] if best else None


# ---------------------------------------------------------------- other records


def find_document(conn: Connection, parties: str, title_key: str) -> str | None:
    rows = conn.execute(
        select(documents.c.id, documents.c.title_key).where(documents.c.parties == parties)
    ).all()
    scored = [(fuzz.token_set_ratio(title_key, r.title_key), r.id) for r in rows]
    scored = [s for s in scored if s[0] >= TITLE_SIMILARITY]
    return max(scored)[1] if scored else None


def find_target(
    conn: Connection,
    parties: str,
    metric_key: str,
    status: str,
    year: int | None,
    amount: float | None,
) -> str | None:
    query = select(targets.c.id, targets.c.amount_usd, targets.c.amount).where(
        targets.c.parties == parties,
        targets.c.metric_key == metric_key,
        targets.c.status == status,
        targets.c.year.is_(None) if year is None else targets.c.year == year,
    )
    for row in conn.execute(query.order_by(targets.c.id)):  # the same first match on every engine
        theirs = row.amount_usd if row.amount_usd is not None else row.amount
        if amount is None and theirs is None:
            return row.id
        if amount is not None and theirs is not None and abs(amount - theirs) <= 0.01 * max(abs(amount), 1):
            return row.id
    return None


def find_partnership(conn: Connection, parties: str, level_key: str) -> str | None:
    return conn.execute(
        select(partnerships.c.id).where(
            partnerships.c.parties == parties, partnerships.c.level_key == level_key
        )
    ).scalar()


#: When sources disagree on a partnership's change, the most informative wins.
CHANGE_RANK = {"existing": 0, "established": 1, "upgraded": 2}
#: When sources disagree on a document's status, signed wins over planned.
STATUS_RANK = {"planned": 0, "signed": 1}
