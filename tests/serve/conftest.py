"""A real store built from real reports, a real server on a free port, a real
Chromium. Built once per test session: ingesting the reports is the slow part.

The store holds the dev reports (../shared/eval/dev/docs, or examples/ when
shared is absent) plus one hostile report whose text carries HTML and script,
so every page is also an escaping test.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest

ROOT = Path(__file__).resolve().parents[2]
SHARED_DOCS = ROOT.parent / "shared" / "eval" / "dev" / "docs"
#: Real reports in the repository (eval/real/dev/docs): the first 40, and the
#: two whose names carry accents (r006 "Việt Nam", r414 "Sebastián Piñera").
REAL_DOCS = ROOT / "eval" / "real" / "dev" / "docs"
REAL_ACCENTED = ("r006.txt", "r414.txt")
EXAMPLES = ROOT / "examples"
SCREENSHOTS = ROOT / "docs" / "img"
TOKEN = "test-token-0123456789"
CHROMIUM = "/usr/bin/chromium"

#: A report written to attack the pages: tags and attributes in the title and
#: in the very sentences the extractors keep as evidence.
HOSTILE_ID = "hostile-report"
HOSTILE_TITLE = 'Vietnam and Japan <img src=x onerror="window.__xss=1"> talks'
HOSTILE_TEXT = (
    HOSTILE_TITLE
    + "\n"
    + "Prime Minister Pham Minh Chinh met Japanese Prime Minister Takaichi Sanae in Hanoi on "
    "March 3, 2025 <script>window.__xss=2</script> to discuss trade.\n"
    + 'The two sides signed an agreement on <b onmouseover="window.__xss=3">digital</b> '
    "transformation cooperation.\n"
    + "Vietnam and Japan agreed to raise two-way trade to 60 billion USD by 2030.\n"
)


def report_files() -> list[Path]:
    real = sorted(REAL_DOCS.glob("*.txt"))
    real = sorted({*real[:40], *(REAL_DOCS / n for n in REAL_ACCENTED if (REAL_DOCS / n).exists())})
    if SHARED_DOCS.is_dir():
        return sorted(SHARED_DOCS.glob("*.txt")) + real
    return sorted(p for p in EXAMPLES.glob("*.txt")) + real


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="session")
def token() -> str:
    """The bearer token the test server was started with."""
    return TOKEN


@pytest.fixture(scope="session")
def hostile() -> dict[str, str]:
    """The hostile report's id, title and text."""
    return {"id": HOSTILE_ID, "title": HOSTILE_TITLE, "text": HOSTILE_TEXT}


@pytest.fixture(scope="session")
def screenshots() -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS


@pytest.fixture(scope="session")
def shots(tmp_path_factory) -> Path:
    """Where screenshots go: pytest's temp directory, or $DIPLOGRAPH_SCREENSHOTS (e.g. docs/img)."""
    where = os.environ.get("DIPLOGRAPH_SCREENSHOTS")
    path = Path(where) if where else tmp_path_factory.mktemp("screenshots")
    path.mkdir(parents=True, exist_ok=True)
    return path


@pytest.fixture(scope="session")
def store_path(tmp_path_factory, nlp) -> Path:
    """A SQLite store built by the real pipeline and the real ingest."""
    from diplograph.records import Report
    from diplograph.store import open_store

    files = report_files()
    if not files:
        pytest.skip("no reports to ingest (neither ../shared nor examples/)")
    path = tmp_path_factory.mktemp("serve") / "store.db"
    hostile = Report(
        HOSTILE_ID,
        HOSTILE_TEXT,
        url="javascript:window.__xss=4",
        title=HOSTILE_TITLE,
        published="2025-03-04",
        source="test",
    )
    with open_store(path) as store:
        summary = store.ingest([*files, hostile], nlp=nlp)
    assert summary.failed == 0, summary.failures
    return path


def wait_until_up(base: str, proc: subprocess.Popen, log: Path, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"server exited with {proc.returncode}: {log.read_text()[-2000:]}")
        try:
            if httpx.get(base + "/api/health", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    raise RuntimeError("server did not come up")


@contextmanager
def running_server(store_path: Path, *options: str, env: dict[str, str] | None = None):
    """`diplograph serve` in a subprocess on a free 127.0.0.1 port; yields its base URL."""
    port = free_port()
    log = store_path.with_name(f"serve-{port}.log")  # a file, not a pipe: a full pipe would block the server
    with open(log, "wb") as stderr:
        command = [sys.executable, "-m", "diplograph", "serve", "--db", str(store_path), "--port", str(port)]
        proc = subprocess.Popen(
            [*command, *options],
            env={**os.environ, **(env or {})},
            stdout=subprocess.DEVNULL,
            stderr=stderr,
        )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(base, proc, log)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


@pytest.fixture(scope="session")
def server(store_path):
    """`diplograph serve --allow-ingest` with the test token."""
    with running_server(store_path, "--allow-ingest", env={"DIPLOGRAPH_TOKEN": TOKEN}) as base:
        yield base


@pytest.fixture(scope="session")
def read_only_server(store_path):
    """`diplograph serve` as started by default: no ingest route."""
    with running_server(store_path, env={"DIPLOGRAPH_TOKEN": TOKEN}) as base:
        yield base


@pytest.fixture(scope="session")
def empty_server(tmp_path_factory):
    """`diplograph serve` over a store with nothing in it."""
    from diplograph.store import open_store

    path = tmp_path_factory.mktemp("empty") / "empty.db"
    open_store(path).close()
    with running_server(path) as base:
        yield base


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.skip(f"{CHROMIUM} is not installed (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        chromium = pw.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-background-networking", "--disable-gpu", "--no-first-run"],
        )
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser, server):
    """A fresh page that records console errors, failed requests and any
    request that leaves 127.0.0.1 (the UI must work offline)."""
    yield from watched_page(browser, {"width": 1280, "height": 900})


@pytest.fixture
def phone(browser, server):
    """The same, 390 px wide (a phone)."""
    yield from watched_page(browser, {"width": 390, "height": 844})


def watched_page(browser, viewport: dict):
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    page.problems = []  # type: ignore[attr-defined]
    page.on("console", lambda m: m.type == "error" and page.problems.append(f"console: {m.text}"))
    page.on("pageerror", lambda e: page.problems.append(f"pageerror: {e}"))
    page.on("requestfailed", lambda r: page.problems.append(f"failed: {r.url}"))
    page.on(
        "request",
        lambda r: (
            r.url.startswith(("http://127.0.0.1", "data:", "blob:", "about:"))
            or page.problems.append(f"external: {r.url}")
        ),
    )
    yield page
    context.close()


@pytest.fixture
def broken_server(store_path, tmp_path):
    """A server over a copy of the store whose `targets` table disappears
    after it started (a store damaged under a running server): a real 500.
    Yields the base URL."""
    import shutil
    import sqlite3

    copy = tmp_path / "broken.db"
    shutil.copy(store_path, copy)
    with running_server(copy) as base:
        connection = sqlite3.connect(copy)
        connection.execute("ALTER TABLE targets RENAME TO targets_gone")
        connection.commit()
        connection.close()
        yield base
