"""Open a store: a path or URL -> a SQLAlchemy engine with the schema in place.

Why one function: the CLI, the web app, Spark's `load` and the tests all
open stores, and all must get the same engine settings. A plain path (or
`sqlite:///...` URL) is a SQLite file in WAL mode with foreign keys on, so
readers never block the writer and a killed writer leaves a consistent file;
a `postgresql://...` URL is a PostgreSQL database (psycopg 3 driver).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Connection, Engine, create_engine, event, inspect, select, text

from diplograph.store import learned as _learned  # noqa: F401 - registers the learned_officials table
from diplograph.store.schema import SCHEMA_VERSION, meta, metadata

DEFAULT_DB = "diplograph.db"
ENV_VAR = "DIPLOGRAPH_DB"
#: Execution option that marks a connection's transactions as writes (see `writing`).
WRITE = "diplograph_write"
#: The PostgreSQL advisory lock every write transaction holds: one writer at a time.
PG_WRITE_LOCK = 0x6469706C  # "dipl"


def default_location() -> str:
    """$DIPLOGRAPH_DB, else ./diplograph.db."""
    return os.environ.get(ENV_VAR) or DEFAULT_DB


def to_url(location: str | os.PathLike[str]) -> str:
    """A path becomes a SQLite URL; URLs pass through (postgres:// is normalised)."""
    text = os.fspath(location)
    if "://" not in text:
        return f"sqlite:///{Path(text).expanduser().resolve()}"
    if text.startswith("postgres://"):
        text = "postgresql://" + text[len("postgres://") :]
    if text.startswith("postgresql://"):
        text = "postgresql+psycopg://" + text[len("postgresql://") :]
    return text


def is_sqlite(engine: Engine) -> bool:
    return engine.dialect.name == "sqlite"


def _sqlite_pragmas(dbapi_connection, _record) -> None:  # noqa: ANN001 - DBAPI hook
    """Per-connection settings: WAL (readers don't block the writer), foreign
    keys enforced, NORMAL sync (durable at each checkpoint, safe under WAL),
    and a busy timeout so a reader and a writer wait for each other instead of failing."""
    # pysqlite opens transactions itself; let SQLAlchemy's BEGIN be the only one.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    # The busy timeout first: switching to WAL takes a lock that another
    # process opening the same new store may hold for a moment.
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA cache_size=-16384")  # 16 MB: bounds the memory of a long ingest
    cursor.close()


def _sqlite_begin(conn) -> None:  # noqa: ANN001 - SQLAlchemy hook
    """Reads begin deferred (they never block anyone under WAL); writes begin
    IMMEDIATE, taking the write lock up front. Why: a deferred transaction
    that reads and later writes cannot wait for the lock (SQLite answers
    "database is locked" at once, whatever busy_timeout says, because its
    snapshot may be stale); one that asks first waits its turn."""
    conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.get_execution_options().get(WRITE) else "BEGIN")


@contextmanager
def writing(engine: Engine) -> Iterator[Connection]:
    """One write transaction that holds the store's write lock from its first
    statement to its commit, so concurrent writers (two `ingest` processes,
    an ingest and the web API) wait their turn instead of failing:
    `BEGIN IMMEDIATE` on SQLite, a transaction-scoped advisory lock on
    PostgreSQL (whose row locks alone would let two merges race)."""
    with engine.connect() as conn:
        conn.execution_options(**{WRITE: True})
        with conn.begin():
            if engine.dialect.name == "postgresql":
                conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": PG_WRITE_LOCK})
            yield conn


def connect(location: str | os.PathLike[str] | None = None, create: bool = True) -> Engine:
    """An engine for the store at `location` (path or URL), schema created if missing."""
    url = to_url(location if location is not None else default_location())
    if url.startswith("sqlite"):
        # A small pool: ingest opens a connection per report, and a new SQLite
        # connection costs its PRAGMAs each time.
        engine = create_engine(url, pool_size=4, max_overflow=8, pool_pre_ping=False)
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", _sqlite_begin)
    else:
        engine = create_engine(url, pool_pre_ping=True)
    if create:
        from diplograph.store import analyst

        analyst.rename_internal(engine)
        ensure_schema(engine)
        analyst.ensure(engine)
    return engine


def _upgrade_2_to_3(conn: Connection) -> None:
    """Schema 3 adds `rule` (the extraction rule) to every sources table: an
    added nullable column, so a store written before keeps every row (its
    sources say no rule) and needs no re-ingest."""
    from diplograph.store.schema import RECORD_TABLES

    for _, sources in RECORD_TABLES.values():
        names = {c["name"] for c in inspect(conn).get_columns(sources.name)}
        if "rule" not in names:
            conn.execute(text(f"ALTER TABLE {sources.name} ADD COLUMN rule VARCHAR(96)"))
    conn.execute(meta.update().where(meta.c.key == "schema_version").values(value="3"))


def _upgrade_3_to_4(conn: Connection) -> None:
    """Schema 4 keeps counts (`store.counts`): the new tables (created
    empty by `create_all`) are filled from the rows already stored, then the
    triggers that keep them are created; every row stays, no re-ingest."""
    from diplograph.store import counts

    counts.ensure(conn, fill=True)
    conn.execute(meta.update().where(meta.c.key == "schema_version").values(value="4"))


def ensure_schema(engine: Engine) -> None:
    """Create the tables and indexes that are missing and record the schema
    version; a store of an older schema is upgraded in place (2 -> 3 -> 4)."""
    from diplograph.store import counts

    with writing(engine) as conn:  # two processes opening a new store create it once
        metadata.create_all(conn, checkfirst=True)
        found = conn.execute(select(meta.c.value).where(meta.c.key == "schema_version")).scalar()
        if found is None:
            conn.execute(meta.insert().values(key="schema_version", value=str(SCHEMA_VERSION)))
            counts.ensure(conn)
            return
        version = int(found)
        if version == 2:
            _upgrade_2_to_3(conn)
            version = 3
        if version == 3:
            _upgrade_3_to_4(conn)
            version = 4
        if version != SCHEMA_VERSION:
            raise RuntimeError(
                f"store schema version {found} differs from this diplograph's {SCHEMA_VERSION}: "
                "ingest into a new database"
            )
        counts.ensure(conn)  # a bulk load that stopped without its recount is recounted
