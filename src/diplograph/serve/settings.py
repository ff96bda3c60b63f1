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
#: The names a loopback server answers to (the `Host` header, port aside).
LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "::1", "[::1]")
#: Addresses that bind every interface: they name no host to check against.
WILDCARD_BINDS = ("0.0.0.0", "::", "[::]", "")


def allowed_hosts(bind: str, extra: tuple[str, ...] = ()) -> tuple[str, ...]:
    """The `Host` values a server bound to `bind` accepts: the bound host, the
    loopback names when it is a loopback address, and `extra` (names such as
    `diplograph.example.org`, `*.example.org`, or `*` for any). Why: a page
    on any web site can make a browser send requests to 127.0.0.1 under the
    site's own name (DNS rebinding) and read the answers; a server that
    answers only to its own names cannot be read that way. A wildcard bind
    with no `extra` accepts any name (there is no one name to check)."""
    if bind in WILDCARD_BINDS and not extra:
        return ("*",)
    hosts = [] if bind in WILDCARD_BINDS else [bind.lower()]
    if bind in LOOPBACK_HOSTS or bind.startswith("127.") or bind in WILDCARD_BINDS:
        hosts += LOOPBACK_HOSTS
    if ":" in bind and not bind.startswith("["):
        hosts.append(f"[{bind.lower()}]")  # how an IPv6 address appears in a Host header
    return tuple(dict.fromkeys([*hosts, *(h.lower() for h in extra)]))


@dataclass(frozen=True)
class Settings:
    db: str  # a SQLAlchemy URL or a path to a SQLite file
    allow_ingest: bool = False
    token: str | None = None  # required when allow_ingest is on
    max_body_bytes: int = 2_000_000  # request bodies above this get 413
    max_page: int = 500  # the largest `limit` a list endpoint accepts
    default_page: int = 50
    hosts: tuple[str, ...] = LOOPBACK_HOSTS  # accepted `Host` names (see `allowed_hosts`)

    def __post_init__(self) -> None:
        if self.allow_ingest and not self.token:
            raise ValueError(f"--allow-ingest needs a bearer token in the environment variable {TOKEN_ENV}")

    @classmethod
    def from_env(cls, db: str, allow_ingest: bool = False, **kwargs) -> Settings:
        """Settings with the token read from `DIPLOGRAPH_TOKEN` (never from the command line,
        where it would show in `ps` and shell history)."""
        token = os.environ.get(TOKEN_ENV) or None
        return cls(db=db, allow_ingest=allow_ingest, token=token if allow_ingest else None, **kwargs)
