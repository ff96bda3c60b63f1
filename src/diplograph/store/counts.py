"""Counts kept as records are stored, so pages over a million events read
a few hundred rows instead of counting the events on each request.

Why triggers: every count must follow every write, whichever code makes it
(ingest, a near-duplicate's merge, reresolve, a report replaced or removed,
an event enriched with its date or place, a bulk loader), in the same
transaction, on SQLite and PostgreSQL alike. A trigger on each counted table
does that without the writers knowing: each inserted row adds one to its
key, each deleted row takes one away (a key left at zero is deleted), an
update moves the row from its old key to its new one. Nothing can drift,
and `drift()` recounts from the base tables to prove it (`store check`, the
tests).

The kept counts (tables in `schema.py`, `_` prefix):
- `_event_counts`: events per (month of the anchor, type, kind, dated):
  the dashboard's chart, the facets by type, year and dated, the totals;
- `_place_counts`: meetings per location: the map;
- `_actor_counts`: per actor id, the events it is a side of (states,
  bodies), the events it takes part in (persons) and its mentions: the
  actors list, the facet by state;
- `_side_months`: events of a side per month and kind: an actor's timeline;
- `_pair_counts` / `_pair_months`: events of each ordered pair of sides per
  kind (and month): the network, a pair's totals and chart.

A store of an older schema gets the tables, filled from its rows, and the
triggers when it is opened (`db.ensure_schema`). A bulk loader may
`drop_triggers()` for its load and `ensure()` after it, which counts once
(a store opened with triggers missing is recounted the same way).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Connection


@dataclass(frozen=True)
class Kept:
    """One kept count: rows of `source` are counted in `column` of `table`
    under the key `keys` (column -> SQL over the row, `{r}` its name),
    for rows where `where` holds; an update of `watched` moves the row."""

    name: str
    source: str
    watched: tuple[str, ...]
    table: str
    keys: dict[str, str]
    column: str = "n"
    where: str | None = None


MONTH = "coalesce(substr({r}.anchor, 1, 7), '')"

KEPT = (
    Kept(
        "events",
        "events",
        ("anchor", "type", "kind", "date"),
        "_event_counts",
        {
            "period": MONTH,
            "type": "{r}.type",
            "kind": "{r}.kind",
            "dated": "CASE WHEN {r}.date IS NULL THEN 0 ELSE 1 END",
        },
    ),
    Kept(
        "places",
        "events",
        ("kind", "location"),
        "_place_counts",
        {"location": "{r}.location"},
        where="{r}.kind = 'meeting' AND {r}.location IS NOT NULL",
    ),
    Kept("sides", "event_sides", ("side",), "_actor_counts", {"actor_id": "{r}.side"}, "side_events"),
    Kept(
        "parts",
        "event_participants",
        ("actor_id",),
        "_actor_counts",
        {"actor_id": "{r}.actor_id"},
        "participant_events",
    ),
    Kept("mentions", "mentions", ("actor_id",), "_actor_counts", {"actor_id": "{r}.actor_id"}, "mentions"),
    Kept(
        "side_months",
        "event_sides",
        ("side", "month", "kind"),
        "_side_months",
        {"side": "{r}.side", "month": "coalesce({r}.month, '')", "kind": "{r}.kind"},
    ),
    Kept(
        "pairs",
        "event_pairs",
        ("side", "other", "kind"),
        "_pair_counts",
        {"side": "{r}.side", "other": "{r}.other", "kind": "{r}.kind"},
    ),
    Kept(
        "pair_months",
        "event_pairs",
        ("side", "other", "anchor", "kind"),
        "_pair_months",
        {"side": "{r}.side", "other": "{r}.other", "month": MONTH, "kind": "{r}.kind"},
    ),
)

#: The count columns of each table (a row is deleted when all are zero).
COLUMNS = {
    "_actor_counts": ("side_events", "participant_events", "mentions"),
}


def _columns(table: str) -> tuple[str, ...]:
    return COLUMNS.get(table, ("n",))


def _add(k: Kept, r: str) -> str:
    """The statement adding one for row `r` (new) to its key."""
    keys = list(k.keys)
    counts = _columns(k.table)
    values = [k.keys[c].format(r=r) for c in keys] + ["1" if c == k.column else "0" for c in counts]
    where = k.where.format(r=r) if k.where else "1 = 1"
    return (
        f"INSERT INTO {k.table} ({', '.join(keys + list(counts))}) SELECT {', '.join(values)} "
        f"WHERE {where} ON CONFLICT ({', '.join(keys)}) "
        f"DO UPDATE SET {k.column} = {k.table}.{k.column} + 1"
    )


def _take(k: Kept, r: str) -> list[str]:
    """The statements taking one away for row `r` (old), then dropping an empty key."""
    match = " AND ".join(f"{c} = {e.format(r=r)}" for c, e in k.keys.items())
    if k.where:
        match += f" AND {k.where.format(r=r)}"
    empty = " AND ".join(f"{c} <= 0" for c in _columns(k.table))
    return [
        f"UPDATE {k.table} SET {k.column} = {k.column} - 1 WHERE {match}",
        f"DELETE FROM {k.table} WHERE {match} AND {empty}",
    ]


def _sqlite_ddl(k: Kept) -> list[str]:
    name = f"_count_{k.name}"
    add, take = _add(k, "new"), _take(k, "old")
    return [
        f"CREATE TRIGGER {name}_ai AFTER INSERT ON {k.source} BEGIN {add}; END",
        f"CREATE TRIGGER {name}_ad AFTER DELETE ON {k.source} BEGIN {'; '.join(take)}; END",
        f"CREATE TRIGGER {name}_au AFTER UPDATE OF {', '.join(k.watched)} ON {k.source} BEGIN "
        f"{'; '.join(take)}; {add}; END",
    ]


def _postgres_ddl(k: Kept) -> list[str]:
    name = f"_count_{k.name}"
    add, take = _add(k, "NEW"), _take(k, "OLD")
    body = (
        "BEGIN "
        f"IF TG_OP IN ('DELETE', 'UPDATE') THEN {'; '.join(take)}; END IF; "
        f"IF TG_OP IN ('INSERT', 'UPDATE') THEN {add}; END IF; "
        "RETURN NULL; END"
    )
    return [
        f"CREATE OR REPLACE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $body$ {body} $body$",
        f"DROP TRIGGER IF EXISTS {name} ON {k.source}",
        f"CREATE TRIGGER {name} AFTER INSERT OR DELETE OR UPDATE OF {', '.join(k.watched)} "
        f"ON {k.source} FOR EACH ROW EXECUTE FUNCTION {name}()",
    ]


def _triggers(conn: Connection) -> set[str]:
    if conn.dialect.name == "sqlite":
        query = "SELECT name FROM sqlite_master WHERE type = 'trigger' AND substr(name, 1, 7) = '_count_'"
    else:
        query = "SELECT tgname FROM pg_trigger WHERE NOT tgisinternal AND substr(tgname, 1, 7) = '_count_'"
    return set(conn.exec_driver_sql(query).scalars())


def create_triggers(conn: Connection) -> None:
    """Create the missing triggers (idempotent)."""
    have = _triggers(conn)
    for k in KEPT:
        if conn.dialect.name == "sqlite":
            if f"_count_{k.name}_ai" not in have:
                for statement in _sqlite_ddl(k):
                    conn.exec_driver_sql(statement)
        elif f"_count_{k.name}" not in have:
            for statement in _postgres_ddl(k):
                conn.exec_driver_sql(statement)


def drop_triggers(conn: Connection) -> None:
    for name in sorted(_triggers(conn)):
        if conn.dialect.name == "sqlite":
            conn.exec_driver_sql(f"DROP TRIGGER {name}")
        else:
            source = next(k.source for k in KEPT if name == f"_count_{k.name}")
            conn.exec_driver_sql(f"DROP TRIGGER {name} ON {source}")


def recount_query(k: Kept) -> str:
    """The count `k` keeps, counted from its base table: (key..., n) rows."""
    keys = [f"{e.format(r='r')} AS {c}" for c, e in k.keys.items()]
    group = ", ".join(str(i + 1) for i in range(len(k.keys)))
    where = f" WHERE {k.where.format(r='r')}" if k.where else ""
    return f"SELECT {', '.join(keys)}, count(*) AS n FROM {k.source} r{where} GROUP BY {group}"


def refill(conn: Connection) -> None:
    """Empty the kept counts and count them again from the base tables
    (an upgraded store, a bulk load)."""
    for table in {k.table for k in KEPT}:
        conn.exec_driver_sql(f"DELETE FROM {table}")
    for k in KEPT:
        keys = list(k.keys)
        counts = _columns(k.table)
        values = [f"c.{c}" for c in keys] + ["c.n" if c == k.column else "0" for c in counts]
        conn.exec_driver_sql(
            f"INSERT INTO {k.table} ({', '.join(keys + list(counts))}) "
            f"SELECT {', '.join(values)} FROM ({recount_query(k)}) c WHERE 1 = 1 "
            f"ON CONFLICT ({', '.join(keys)}) DO UPDATE SET {k.column} = excluded.{k.column}"
        )


def ensure(conn: Connection, fill: bool = False) -> None:
    """The triggers in place. When any was missing (a store of an older
    schema, a bulk load that stopped before its recount) or `fill`, the
    counts are first refilled from the base tables, so they start right."""
    if fill or len(_triggers(conn)) < _expected(conn):
        refill(conn)
        create_triggers(conn)


def _expected(conn: Connection) -> int:
    return len(KEPT) * (3 if conn.dialect.name == "sqlite" else 1)


def drift(conn: Connection) -> list[str]:
    """Where a kept count differs from a recount of its base table (empty: none)."""
    found = []
    for k in KEPT:
        keys = list(k.keys)
        kept = {
            tuple(row[:-1]): row[-1]
            for row in conn.exec_driver_sql(
                f"SELECT {', '.join(keys)}, {k.column} FROM {k.table} WHERE {k.column} <> 0"
            )
        }
        counted = {tuple(row[:-1]): row[-1] for row in conn.exec_driver_sql(recount_query(k))}
        for key in sorted(set(kept) | set(counted), key=repr):
            if kept.get(key, 0) != counted.get(key, 0):
                found.append(
                    f"{k.table}.{k.column}{key}: kept {kept.get(key, 0)}, counted {counted.get(key, 0)}"
                )
    for table in {k.table for k in KEPT}:
        empty = " AND ".join(f"{c} = 0" for c in _columns(table))
        left = conn.exec_driver_sql(f"SELECT count(*) FROM {table} WHERE {empty}").scalar()
        if left:
            found.append(f"{table}: {left} rows counting nothing")
    return found
