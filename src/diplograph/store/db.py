"""Open a store: a path or URL -> a SQLAlchemy engine with the schema in place.

Why one function: the CLI, the web app, Spark's `load` and the tests all
open stores, and all must get the same engine settings. A plain path (or
`sqlite:///...` URL) is a SQLite file in WAL mode with foreign keys on, so
readers never block the writer and a killed writer leaves a consistent file;
a `postgresql://...` URL is a PostgreSQL database (psycopg 3 driver).
"""

from __future__ import annotations

import os
from pathlib import Path

from sqlalchemy import Engine, create_engine, event, select

from diplograph.store import learned as _learned  # noqa: F401 - registers the learned_officials table
from diplograph.store.schema import SCHEMA_VERSION, meta, metadata

DEFAULT_DB = "diplograph.db"
ENV_VAR = "DIPLOGRAPH_DB"


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
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.execute("PRAGMA cache_size=-16384")  # 16 MB: bounds the memory of a long ingest
    cursor.close()


def _sqlite_begin(conn) -> None:  # noqa: ANN001 - SQLAlchemy hook
    conn.exec_driver_sql("BEGIN")


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
        ensure_schema(engine)
    return engine


def ensure_schema(engine: Engine) -> None:
    """Create the tables and indexes that are missing and record the schema version."""
    metadata.create_all(engine, checkfirst=True)
    with engine.begin() as conn:
        found = conn.execute(select(meta.c.value).where(meta.c.key == "schema_version")).scalar()
        if found is None:
            conn.execute(meta.insert().values(key="schema_version", value=str(SCHEMA_VERSION)))
        elif int(found) != SCHEMA_VERSION:
            raise RuntimeError(
                f"store schema version {found} differs from this diplograph's {SCHEMA_VERSION}: "
                "ingest into a new database"
            )
