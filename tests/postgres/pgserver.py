"""A real, throw-away PostgreSQL server for the test session.

Why a hand-started server and not a mock or a container: the store must run
the same SQL on SQLite and PostgreSQL, and only a real server shows the SQL
that breaks. `initdb` builds a cluster in a temporary directory, `pg_ctl`
starts it on a free 127.0.0.1 port (with its socket in that directory, so no
system paths are touched), and each test gets a fresh database.

PostgreSQL refuses to run as root; tests run as root in CI, so there the
server runs as the `postgres` system user that the Debian package creates.

Set DIPLOGRAPH_TEST_POSTGRES_URL (e.g. postgresql://user:pw@host:5432/postgres)
to use an existing server instead; databases are then created in it.

This module is loaded by path (tests/ is not a package under importlib
import mode): `load()` returns the one shared instance, so a conftest that
re-exports its fixtures and another that does too share one server.
"""

from __future__ import annotations

import atexit
import contextlib
import glob
import importlib.util
import itertools
import os
import shutil
import socket
import subprocess
import sys
import tempfile
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest

ENV_URL = "DIPLOGRAPH_TEST_POSTGRES_URL"
_MODULE_NAME = "diplograph_tests_pgserver"


def load():
    """This module, imported once per process whatever conftest asks for it."""
    module = sys.modules.get(_MODULE_NAME)
    if module is None:
        spec = importlib.util.spec_from_file_location(_MODULE_NAME, Path(__file__))
        module = importlib.util.module_from_spec(spec)
        sys.modules[_MODULE_NAME] = module
        spec.loader.exec_module(module)
    return module


def find_bindir() -> Path | None:
    """The directory of `pg_ctl`/`initdb`: PATH first, then Debian's layout."""
    found = shutil.which("pg_ctl")
    if found and shutil.which("initdb"):
        return Path(os.path.realpath(found)).parent
    candidates = sorted(
        glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"),
        key=lambda p: int(Path(p).parts[-3]) if Path(p).parts[-3].isdigit() else 0,
    )
    return Path(candidates[-1]).parent if candidates else None


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class PostgresServer:
    """One cluster: `start()`, `new_database()` as often as needed, `stop()`."""

    def __init__(self, bindir: Path):
        self.bindir = bindir
        self.root = Path(tempfile.mkdtemp(prefix="diplograph-pg-"))
        self.data = self.root / "data"
        self.log = self.root / "server.log"
        self.port: int | None = None
        self._counter = itertools.count(1)
        self._as_user: list[str] = []
        if os.geteuid() == 0:
            import pwd

            try:
                user = pwd.getpwnam("postgres")
            except KeyError as error:
                raise RuntimeError("running as root and no 'postgres' user to run the server") from error
            os.chown(self.root, user.pw_uid, user.pw_gid)
            self._as_user = ["runuser", "-u", "postgres", "--"]

    def _run(self, *args: str) -> None:
        result = subprocess.run(
            [*self._as_user, *args], capture_output=True, text=True, timeout=120, check=False
        )
        if result.returncode != 0:
            log = self.log.read_text(errors="replace")[-2000:] if self.log.exists() else ""
            raise RuntimeError(f"{' '.join(args)} failed:\n{result.stdout}\n{result.stderr}\n{log}")

    def start(self) -> PostgresServer:
        self._run(
            str(self.bindir / "initdb"), "-D", str(self.data), "-U", "postgres",
            "--auth=trust", "-E", "UTF8", "--locale=C", "--no-sync",
        )  # fmt: skip
        last_error: Exception | None = None
        for _ in range(3):  # a port found free can be taken before we bind it
            self.port = _free_port()
            options = (
                f"-p {self.port} -k {self.root} -c listen_addresses=127.0.0.1 "
                "-c fsync=off -c synchronous_commit=off -c full_page_writes=off "
                "-c max_connections=200"
            )
            try:
                self._run(
                    str(self.bindir / "pg_ctl"), "-D", str(self.data), "-l", str(self.log),
                    "-w", "-t", "60", "-o", options, "start",
                )  # fmt: skip
                return self
            except RuntimeError as error:
                last_error = error
        raise RuntimeError(f"could not start PostgreSQL: {last_error}")

    @property
    def admin_url(self) -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/postgres"

    def stop(self) -> None:
        if self.port is not None and self.data.exists():
            with contextlib.suppress(RuntimeError):
                self._run(str(self.bindir / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "-w", "stop")
            self.port = None
        shutil.rmtree(self.root, ignore_errors=True)


class ExternalServer:
    """An existing server named by DIPLOGRAPH_TEST_POSTGRES_URL."""

    def __init__(self, url: str):
        self.admin_url = url

    def stop(self) -> None:
        pass


def _admin(url: str, sql: str) -> None:
    import psycopg

    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(sql)


class Databases:
    """Hands out fresh databases (one per test) and drops them afterwards."""

    def __init__(self, server: PostgresServer | ExternalServer):
        self.server = server
        self._counter = itertools.count(1)

    def create(self) -> str:
        name = f"diplograph_test_{os.getpid()}_{next(self._counter)}"
        _admin(self.server.admin_url, f'CREATE DATABASE "{name}"')
        parts = urlsplit(self.server.admin_url)
        return urlunsplit(parts._replace(path=f"/{name}"))

    def drop(self, url: str) -> None:
        name = urlsplit(url).path.lstrip("/")
        with contextlib.suppress(Exception):  # the cluster is removed at exit anyway
            _admin(self.server.admin_url, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


_state: dict[str, object] = {}


def databases() -> Databases:
    """The session's one server (started on first use), or pytest.skip."""
    if "skip" in _state:
        pytest.skip(str(_state["skip"]))
    if "databases" not in _state:
        external = os.environ.get(ENV_URL)
        if external:
            server: PostgresServer | ExternalServer = ExternalServer(external)
        else:
            bindir = find_bindir()
            if bindir is None:
                _state["skip"] = "no PostgreSQL server binaries (initdb, pg_ctl) on this machine"
                pytest.skip(str(_state["skip"]))
            server = PostgresServer(bindir)
            atexit.register(server.stop)
            server.start()
        _state["databases"] = Databases(server)
    return _state["databases"]  # type: ignore[return-value]


def stop() -> None:
    dbs = _state.pop("databases", None)
    if dbs is not None:
        dbs.server.stop()


@pytest.fixture(scope="session")
def postgres_server():
    """The running server (PostgresServer or ExternalServer); skips without binaries."""
    return load().databases().server


@pytest.fixture
def postgres_url(postgres_server) -> str:
    """A fresh, empty database on the session's server, as a postgresql:// URL."""
    dbs = load().databases()
    url = dbs.create()
    yield url
    dbs.drop(url)


@pytest.fixture(scope="module")
def postgres_database(postgres_server) -> str:
    """A fresh database shared by one test module (for tests that build a store once)."""
    dbs = load().databases()
    url = dbs.create()
    yield url
    dbs.drop(url)
