"""What one running server is allowed to do, decided once at startup.

Why a frozen dataclass and not globals: the app factory takes one `Settings`,
so tests build real apps with different powers (read-only, ingest with a
token) side by side in one process, and nothing changes them afterwards.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

#: The environment variable that holds the bearer token for `POST /api/reports`.
TOKEN_ENV = "DIPLOGRAPH_TOKEN"


@dataclass(frozen=True)
class Settings:
    db: str  # a SQLAlchemy URL or a path to a SQLite file
    allow_ingest: bool = False
    token: str | None = None  # required when allow_ingest is on
    max_body_bytes: int = 2_000_000  # request bodies above this get 413
    max_page: int = 500  # the largest `limit` a list endpoint accepts
    default_page: int = 50

    def __post_init__(self) -> None:
        if self.allow_ingest and not self.token:
            raise ValueError(f"--allow-ingest needs a bearer token in the environment variable {TOKEN_ENV}")

    @classmethod
    def from_env(cls, db: str, allow_ingest: bool = False, **kwargs) -> Settings:
        """Settings with the token read from `DIPLOGRAPH_TOKEN` (never from the command line,
        where it would show in `ps` and shell history)."""
        token = os.environ.get(TOKEN_ENV) or None
        return cls(db=db, allow_ingest=allow_ingest, token=token if allow_ingest else None, **kwargs)
