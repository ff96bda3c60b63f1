"""Fixtures for tests against a real PostgreSQL server (see pgserver.py)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

_spec = importlib.util.spec_from_file_location("_pgserver_loader", Path(__file__).with_name("pgserver.py"))
_loader = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_loader)
pgserver = _loader.load()

postgres_server = pgserver.postgres_server
postgres_url = pgserver.postgres_url
postgres_database = pgserver.postgres_database
