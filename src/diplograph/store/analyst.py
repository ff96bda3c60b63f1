"""What the store adds for analysts' tools (Datasette, the sqlite3 shell):
search indexes, party join tables, label columns and views.

Why apart from `schema.py`: none of it is written by `write.py`. Triggers
and views derive all of it from the tables the writer fills, so the writer
stays as it is, and a store made before this existed gets it (filled from
its rows) the next time it is opened.

- Parties are stored as strings (`,CHN,MYS,`) on `documents`, `targets`,
  `partnerships`, and as `event_sides` rows without a foreign key; Datasette
  can neither facet nor link those. `*_parties` tables hold one row per
  (record, actor) with foreign keys to both, kept by triggers.
- Datasette shows a linked row by its label column (`name` or `title`):
  actors, documents and reports have one; events, targets and partnerships
  get a `title` ("CONSULT 2025-03-03 JPN VNM").
- Views answer the first questions: `meetings` (with participants' names),
  `documents_with_parties`, `targets_with_progress`.

SQLite only: on PostgreSQL the same questions are the store's queries, and
Datasette does not open PostgreSQL.
"""

from __future__ import annotations

from sqlalchemy import Connection, Engine

from diplograph.store import fts

#: The array of codes in a parties string: ',CHN,MYS,' -> ["CHN","MYS"] (for json_each).
_CODES = "'[\"' || replace(trim({col}, ','), ',', '\",\"') || '\"]'"

#: (join table, record table, record column, how a row's parties are found)
PARTY_TABLES = (
    ("document_parties", "documents", "document_id", "parties"),
    ("target_parties", "targets", "target_id", "parties"),
    ("partnership_parties", "partnerships", "partnership_id", "parties"),
)


def _party_ddl(table: str, records: str, key: str, column: str) -> list[str]:
    codes = _CODES.format(col=f"new.{column}")
    fill = (
        f"INSERT OR IGNORE INTO {table}({key}, actor_id) "
        f"SELECT new.id, j.value FROM json_each({codes}) j "
        "WHERE j.value IN (SELECT id FROM actors)"
    )
    return [
        f"CREATE TABLE {table} ("
        f"{key} VARCHAR(32) NOT NULL REFERENCES {records}(id) ON DELETE CASCADE, "
        "actor_id VARCHAR(255) NOT NULL REFERENCES actors(id) ON DELETE CASCADE, "
        f"PRIMARY KEY ({key}, actor_id))",
        f"CREATE INDEX ix_{table}_actor ON {table}(actor_id)",
        f"CREATE TRIGGER {table}_ai AFTER INSERT ON {records} BEGIN {fill}; END",
        f"CREATE TRIGGER {table}_au AFTER UPDATE OF {column} ON {records} BEGIN "
        f"DELETE FROM {table} WHERE {key} = new.id; {fill}; END",
        # back-fill from what is stored already
        f"INSERT OR IGNORE INTO {table}({key}, actor_id) SELECT r.id, j.value FROM {records} r, "
        f"json_each({_CODES.format(col='r.' + column)}) j WHERE j.value IN (SELECT id FROM actors)",
    ]


_EVENT_PARTIES = [
    "CREATE TABLE event_parties ("
    "event_id VARCHAR(32) NOT NULL REFERENCES events(id) ON DELETE CASCADE, "
    "actor_id VARCHAR(255) NOT NULL REFERENCES actors(id) ON DELETE CASCADE, "
    "PRIMARY KEY (event_id, actor_id))",
    "CREATE INDEX ix_event_parties_actor ON event_parties(actor_id)",
    "CREATE TRIGGER event_parties_ai AFTER INSERT ON event_sides "
    "WHEN new.side IN (SELECT id FROM actors) BEGIN "
    "INSERT OR IGNORE INTO event_parties(event_id, actor_id) VALUES (new.event_id, new.side); END",
    "CREATE TRIGGER event_parties_ad AFTER DELETE ON event_sides BEGIN "
    "DELETE FROM event_parties WHERE event_id = old.event_id AND actor_id = old.side; END",
    "INSERT OR IGNORE INTO event_parties(event_id, actor_id) "
    "SELECT event_id, side FROM event_sides WHERE side IN (SELECT id FROM actors)",
]

#: Label columns: table -> SQL over `new` that names a row.
_LABELS = {
    "events": "new.type || ' ' || coalesce(new.date, new.anchor, 'undated') || ' ' "
    "|| trim(replace(replace(new.sides, ',>,', ' > '), ',', ' '))",
    "targets": "new.metric || ' ' || coalesce(new.year, '') || ' ' || trim(replace(new.parties, ',', ' '))",
    "partnerships": "new.level || ' ' || trim(replace(new.parties, ',', ' '))",
}

#: The columns a label is made of: a change to one of them remakes it.
_LABEL_OF = {
    "events": "type, date, anchor",
    "targets": "metric, year",
    "partnerships": "level",
}

_VIEWS = {
    "meetings": """
        SELECT e.id, e.title, e.date, e.anchor, e.mode, e.location, e.occasion,
          (SELECT group_concat(a.name, '; ') FROM event_participants p
             JOIN actors a ON a.id = p.actor_id WHERE p.event_id = e.id) AS participants,
          (SELECT group_concat(a.name, '; ') FROM event_parties p
             JOIN actors a ON a.id = p.actor_id WHERE p.event_id = e.id) AS parties,
          e.evidence, e.source_count,
          (SELECT group_concat(DISTINCT s.report_id) FROM event_sources s
             WHERE s.record_id = e.id) AS report_ids
        FROM events e WHERE e.kind = 'meeting'""",
    "documents_with_parties": """
        SELECT d.id, d.title, d.status, d.date,
          (SELECT group_concat(a.name, '; ') FROM document_parties p
             JOIN actors a ON a.id = p.actor_id WHERE p.document_id = d.id) AS parties,
          d.evidence, d.source_count,
          (SELECT group_concat(DISTINCT s.report_id) FROM document_sources s
             WHERE s.record_id = d.id) AS report_ids
        FROM documents d""",
    "targets_with_progress": """
        SELECT t.id, t.title, t.metric, t.year, t.amount_usd,
          (SELECT group_concat(a.name, '; ') FROM target_parties p
             JOIN actors a ON a.id = p.actor_id WHERE p.target_id = t.id) AS parties,
          x.id AS latest_actual_id, x.year AS latest_actual_year, x.amount_usd AS latest_actual_usd,
          round(x.amount_usd / t.amount_usd, 4) AS progress,
          t.evidence, t.source_count
        FROM targets t
        LEFT JOIN targets x ON x.id = (
          SELECT y.id FROM targets y WHERE y.parties = t.parties AND y.metric_key = t.metric_key
            AND y.status = 'actual' ORDER BY y.year DESC, y.first_published DESC LIMIT 1)
        WHERE t.status = 'target'""",
}

#: Tables of the store's own bookkeeping, kept apart from the analyst's by a `_` prefix.
INTERNAL = {"meta": "_meta", "report_bands": "_report_bands"}


def rename_internal(engine: Engine) -> None:
    """A store made before the `_` prefix: its bookkeeping tables take their new names."""
    from diplograph.store.db import writing

    with writing(engine) as conn:
        names = _names(conn)
        for old, new in INTERNAL.items():
            if old in names and new not in names:
                conn.exec_driver_sql(f"ALTER TABLE {old} RENAME TO {new}")


def _names(conn: Connection) -> set[str]:
    if conn.dialect.name == "sqlite":
        return set(conn.exec_driver_sql("SELECT name FROM sqlite_master").scalars())
    return set(
        conn.exec_driver_sql(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()"
        ).scalars()
    )


def ensure(engine: Engine) -> None:
    """Create whatever of it is missing (idempotent; run on every open)."""
    from diplograph.store.db import writing

    if engine.dialect.name != "sqlite":
        fts.ensure(engine)
        return
    with writing(engine) as conn:  # under the write lock: concurrent openers create it once
        fts.ensure(engine, conn)
        have = _names(conn)
        for table, records, key, column in PARTY_TABLES:
            if table not in have:
                for statement in _party_ddl(table, records, key, column):
                    conn.exec_driver_sql(statement)
        if "event_parties" not in have:
            for statement in _EVENT_PARTIES:
                conn.exec_driver_sql(statement)
        for table, label in _LABELS.items():
            columns = {r[1] for r in conn.exec_driver_sql(f"PRAGMA table_info({table})")}
            if "title" in columns:
                continue
            conn.exec_driver_sql(f"ALTER TABLE {table} ADD COLUMN title TEXT")
            conn.exec_driver_sql(
                f"CREATE TRIGGER {table}_title AFTER INSERT ON {table} BEGIN "
                f"UPDATE {table} SET title = {label} WHERE id = new.id; END"
            )
            conn.exec_driver_sql(
                f"CREATE TRIGGER {table}_title_au AFTER UPDATE OF {_LABEL_OF[table]} ON {table} BEGIN "
                f"UPDATE {table} SET title = {label} WHERE id = new.id; END"
            )
            conn.exec_driver_sql(f"UPDATE {table} SET title = {label.replace('new.', '')}")
        for name, body in _VIEWS.items():
            if name not in have:
                conn.exec_driver_sql(f"CREATE VIEW {name} AS {body}")
