"""Fault injection on real processes: an ingest of a few hundred distinct
reports killed with SIGKILL at three moments (just after its first commit, in
the middle, near the end) and resumed each time ends with a sound store
(`integrity_check` ok) holding exactly the rows of a run never interrupted;
two `ingest` processes writing different reports into one store at the same
time both succeed and store every report."""

from __future__ import annotations

import os
import random
import re
import signal
import subprocess
import sys
import time
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

import diplograph
from diplograph.store.schema import metadata

#: Reports in the killed run. 240 short reports take about 15 s per full run
#: on two cores; the test runs five processes.
REPORTS = 240


def write_corpus(dev_docs: list[Path], folder: Path, count: int, seed: int, per_report: int = 3) -> None:
    """`count` distinct reports of real dev-report sentences (fixed seed),
    each under its own date line; no two are near-duplicates."""
    sentences = []
    for path in dev_docs:
        body = path.read_text(encoding="utf-8")
        sentences += [s.strip() for s in re.split(r"(?<=[.!?])\s+", body) if 60 < len(s.strip()) < 300]
    rng = random.Random(seed)
    folder.mkdir(parents=True)
    start = date(2020, 1, 1) + timedelta(days=seed)
    for i in range(count):
        day = (start + timedelta(days=2 * i)).isoformat()
        text = f" date {day} " + "\n".join(rng.sample(sentences, per_report)) + "\n"
        (folder / f"s{seed}-{i:04d}.txt").write_text(text, encoding="utf-8")


def ingest_command(folder: Path, url: str, jobs: int = 2) -> list[str]:
    return [
        sys.executable,
        "-m",
        "diplograph",
        "ingest",
        str(folder),
        "--db",
        url,
        "--jobs",
        str(jobs),
        "--quiet",
        # A resumed ingest resolves persons against the officials the killed run
        # already taught the store (store/learned.py), which an uninterrupted run
        # of the same reports could not yet know: with that on, the two differ by
        # design, not by a fault. Crash safety is compared with it off.
        "--no-learned",
    ]


ENV = {**os.environ, "PYTHONUNBUFFERED": "1"}


def rows(url: str) -> dict[str, list[tuple]]:
    """Every row of every table, sorted, without the one column that records
    when (ingested_at)."""
    store = diplograph.open(url)
    out = {}
    with store.engine.connect() as conn:
        for table in metadata.sorted_tables:
            columns = [c for c in table.columns if c.name != "ingested_at"]
            out[table.name] = sorted(tuple(repr(v) for v in row) for row in conn.execute(select(*columns)))
    store.close()
    return out


def kill_when(process: subprocess.Popen, store, at_least: int, timeout: float = 240) -> int:
    """SIGKILL `process` once the store holds `at_least` reports; how many it held."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and process.poll() is None:
        if store.stats()["reports"] >= at_least:
            break
        time.sleep(0.02)
    assert process.poll() is None, f"ingest ended before it could be killed: {process.stderr.read()!r}"
    process.send_signal(signal.SIGKILL)
    process.wait(30)
    assert process.returncode == -signal.SIGKILL
    return store.stats()["reports"]


@pytest.mark.slow
def test_killed_three_times_then_resumed_equals_one_run(dev_docs, tmp_path):
    folder = tmp_path / "corpus"
    write_corpus(dev_docs, folder, REPORTS, seed=3)
    whole = f"sqlite:///{tmp_path / 'uninterrupted.db'}"
    done = subprocess.run(ingest_command(folder, whole), env=ENV, capture_output=True, timeout=600)
    assert done.returncode == 0, done.stderr.decode()
    expected = rows(whole)
    assert len(expected["reports"]) == REPORTS

    url = f"sqlite:///{tmp_path / 'killed.db'}"
    store = diplograph.open(url)
    try:
        held = []
        for moment in (1, REPORTS // 2, REPORTS - REPORTS // 10):
            process = subprocess.Popen(ingest_command(folder, url), env=ENV, stderr=subprocess.PIPE)
            held.append(kill_when(process, store, moment))
            assert store.check() == []  # integrity_check, foreign keys, orphans, counts
        assert held == sorted(held) and held[0] >= 1 and held[-1] < REPORTS, held
        rerun = subprocess.run(ingest_command(folder, url), env=ENV, capture_output=True, timeout=600)
        assert rerun.returncode == 0, rerun.stderr.decode()
        assert store.check() == []
    finally:
        store.close()
    assert rows(url) == expected


@pytest.mark.slow
def test_two_concurrent_ingests_store_every_report(store_url, dev_docs, tmp_path):
    count = 80
    write_corpus(dev_docs, tmp_path / "a", count, seed=5)
    write_corpus(dev_docs, tmp_path / "b", count, seed=9)
    diplograph.open(store_url).close()  # both processes find the schema (creating it races too: below)
    processes = [
        subprocess.Popen(
            ingest_command(tmp_path / name, store_url, jobs=1),
            env=ENV,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        for name in ("a", "b")
    ]
    outcomes = [(p.wait(600), p.stderr.read().decode()) for p in processes]
    assert [code for code, _ in outcomes] == [0, 0], outcomes
    with diplograph.open(store_url) as store:
        ids = {r.id for r in store.reports(limit=None)}
        assert len(ids) == 2 * count
        assert store.check() == []


@pytest.mark.slow
def test_two_processes_creating_one_new_store(dev_docs, tmp_path):
    """Neither fails when both find no store and create it at the same moment."""
    write_corpus(dev_docs, tmp_path / "a", 3, seed=1)
    write_corpus(dev_docs, tmp_path / "b", 3, seed=2)
    url = f"sqlite:///{tmp_path / 'new.db'}"
    processes = [
        subprocess.Popen(ingest_command(tmp_path / n, url, jobs=1), env=ENV, stderr=subprocess.PIPE)
        for n in ("a", "b")
    ]
    outcomes = [(p.wait(600), p.stderr.read().decode()) for p in processes]
    assert [code for code, _ in outcomes] == [0, 0], outcomes
    with diplograph.open(url) as store:
        assert store.stats()["reports"] == 6
