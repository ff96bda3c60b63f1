"""What the store adds for analysts' tools (Datasette, sqlite3): search
indexes, party join tables and views. Kept apart from `schema.py` because
none of it is written by `write.py`: triggers and views derive all of it
from the tables the writer fills, so the writer stays unchanged.
"""

from __future__ import annotations

from sqlalchemy import Engine

from diplograph.store import fts


def ensure(engine: Engine) -> None:
    """Create whatever of it is missing (idempotent; run on every open)."""
    fts.ensure(engine)
