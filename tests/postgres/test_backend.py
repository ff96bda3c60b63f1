"""`--db postgresql://...` for every command: the same reports ingested into a
real PostgreSQL server and into a SQLite file answer every query, export and
HTTP endpoint identically. Commands run through the real CLI; `serve` runs as
a real server process on each store."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from click.testing import CliRunner

from diplograph.cli import main

pytestmark = [pytest.mark.postgres, pytest.mark.slow]

ROOT = Path(__file__).resolve().parents[2]
#: Reports ingested: a handful keeps the test quick and still merges across reports.
REPORTS = 8


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    for folder in (ROOT.parent / "shared" / "eval" / "dev" / "docs", ROOT / "examples"):
        files = sorted(p for p in folder.glob("*") if p.is_file()) if folder.is_dir() else []
        if files:
            target = tmp_path_factory.mktemp("corpus")
            for path in files[:REPORTS]:
                (target / path.name).write_bytes(path.read_bytes())
            return target
    pytest.skip("neither ../shared/eval/dev/docs nor examples/ is present")


def cli(*args: str) -> str:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


@pytest.fixture(scope="module")
def stores(corpus, postgres_database, tmp_path_factory, nlp) -> dict[str, str]:
    """The corpus ingested by `diplograph ingest` into SQLite and into PostgreSQL."""
    urls = {
        "sqlite": f"sqlite:///{tmp_path_factory.mktemp('sqlite') / 'store.db'}",
        "postgresql": postgres_database,
    }
    for url in urls.values():
        cli("ingest", str(corpus), "--db", url, "--jobs", "1", "--quiet")
    return urls


#: When a report was ingested differs between the two stores, by design.
WHEN = "ingested_at"


def timeless(output: str, fmt: str) -> list:
    """An export's records without the ingestion time."""
    if fmt == "csv":
        import csv
        import io

        rows = list(csv.reader(io.StringIO(output)))
        if rows and WHEN in rows[0]:
            i = rows[0].index(WHEN)
            rows = [row[:i] + row[i + 1 :] for row in rows]
        return rows
    records = [json.loads(line) for line in output.splitlines() if line.startswith("{")]
    return [{k: v for k, v in r.items() if k != WHEN} for r in records]


def both(*args: str, stores: dict[str, str]) -> tuple[str, str]:
    return tuple(cli(*args, "--db", stores[engine]) for engine in ("sqlite", "postgresql"))  # type: ignore[return-value]


def test_the_store_is_not_empty(stores):
    events = json.loads(cli("events", "--format", "json", "-n", "1000", "--db", stores["postgresql"]))
    actors = json.loads(cli("actors", "--format", "json", "--db", stores["postgresql"]))
    assert events and actors


def test_queries_answer_alike(stores):
    sqlite, pg = both("actors", "--format", "json", stores=stores)
    assert sqlite == pg
    states = [a for a in json.loads(pg) if a["kind"] == "state"]
    actor = states[0]["id"]
    for args in (
        ("events", "--format", "json", "-n", "1000"),
        ("events", "--format", "csv", "--actor", actor),
        ("events", "--format", "json", "--kind", "meeting"),
        ("timeline", actor),
        ("relations", actor),
        ("targets", "--format", "json"),
        ("actors", "--format", "csv"),
    ):
        sqlite, pg = both(*args, stores=stores)
        assert sqlite == pg, args
    first = json.loads(both("events", "--format", "json", stores=stores)[1])[0]["id"]
    sqlite, pg = both("show", first, stores=stores)
    assert sqlite == pg


@pytest.mark.parametrize("kind", ["events", "documents", "targets", "partnerships", "actors", "reports"])
def test_exports_alike(stores, kind, tmp_path):
    for fmt in ("jsonl", "csv"):
        sqlite, pg = both("export", "--format", fmt, "--kind", kind, stores=stores)
        assert timeless(sqlite, fmt) == timeless(pg, fmt), (kind, fmt)
        assert timeless(pg, fmt), (kind, fmt)
    if kind == "events":
        sqlite, pg = both("export", "--format", "plover", stores=stores)
        assert sqlite == pg and pg.strip()
    import pyarrow.parquet as pq

    tables = []
    for engine in ("sqlite", "postgresql"):
        out = tmp_path / f"{engine}.parquet"
        cli("export", "--format", "parquet", "--kind", kind, "-o", str(out), "--db", stores[engine])
        table = pq.read_table(out)
        tables.append(table.drop_columns([WHEN]) if WHEN in table.column_names else table)
    assert tables[0].equals(tables[1]), kind


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def servers(stores, tmp_path_factory):
    """`diplograph serve` on each store, as real server processes."""
    running, bases = [], {}
    logs = tmp_path_factory.mktemp("serve")
    try:
        for engine, url in stores.items():
            port = _free_port()
            log = open(logs / f"{engine}.log", "wb")  # noqa: SIM115 - closed with the process
            command = [sys.executable, "-m", "diplograph", "serve", "--db", url, "--port", str(port)]
            running.append((subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT), log))
            bases[engine] = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 90
        for engine, base in bases.items():
            while True:
                try:
                    if httpx.get(f"{base}/api/health", timeout=2).status_code == 200:
                        break
                except httpx.TransportError:
                    pass
                if time.monotonic() > deadline:
                    raise AssertionError((logs / f"{engine}.log").read_text(errors="replace"))
                time.sleep(0.3)
        yield bases
    finally:
        for process, log in running:
            process.terminate()
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
            log.close()


def test_serve_on_postgresql_answers_like_on_sqlite(servers):
    def get(engine: str, path: str):
        response = httpx.get(servers[engine] + path, timeout=30)
        assert response.status_code == 200, (engine, path, response.text[:300])
        return response

    actors = get("postgresql", "/api/actors?kind=state").json()["items"]
    actor = actors[0]["id"]
    event_id = get("postgresql", "/api/events?limit=1").json()["items"][0]["id"]
    for path in (
        "/api/stats",
        "/api/events?limit=200",
        f"/api/events?actor={actor}",
        f"/api/events/{event_id}",
        f"/api/timeline?actor={actor}",
        "/api/timeline/types",
        "/api/actors?limit=200",
        f"/api/relations?actor={actor}",
        "/api/network",
        "/api/documents",
        "/api/targets",
        "/api/partnerships",
        "/api/reports?limit=200",
        "/api/search?q=minister&limit=500",
    ):
        # links (`next`) name each server's own address
        sqlite = json.loads(get("sqlite", path).text.replace(servers["sqlite"], ""))
        pg = json.loads(get("postgresql", path).text.replace(servers["postgresql"], ""))
        if path.startswith("/api/reports"):
            for body in (sqlite, pg):
                body["items"] = [{k: v for k, v in item.items() if k != WHEN} for item in body["items"]]
        if path.startswith("/api/search"):
            # the same hits and total; the relevance order is each engine's own (bm25, ts_rank)
            for body in (sqlite, pg):
                body["items"] = sorted(body["items"], key=lambda h: json.dumps(h, sort_keys=True))
        assert sqlite == pg, path
    for page in ("/", "/events", f"/events/{event_id}", f"/actors/{actor}", "/network", "/reports"):
        assert "<html" in get("postgresql", page).text.lower(), page
