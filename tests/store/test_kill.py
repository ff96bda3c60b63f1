"""A real `diplograph ingest` process killed with SIGKILL in the middle of a
run leaves a consistent database, and re-running the same command completes
it: no duplicates, the same counts as a run that was never interrupted."""

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

import diplograph

REPORTS = 50


def write_corpus(dev_docs: list[Path], folder: Path, count: int = REPORTS) -> None:
    """`count` distinct reports, each a few real sentences of the dev reports
    (drawn with a fixed seed) under its own date line: real prose for the
    extractor, and no two reports near-duplicates of each other."""
    sentences = []
    for path in dev_docs:
        body = path.read_text(encoding="utf-8")
        sentences += [s.strip() for s in re.split(r"(?<=[.!?])\s+", body) if 60 < len(s.strip()) < 400]
    rng = random.Random(7)
    folder.mkdir()
    start = date(2024, 1, 1)
    for i in range(count):
        picked = rng.sample(sentences, 5)
        day = (start + timedelta(days=3 * i)).isoformat()
        (folder / f"r{i:04d}.txt").write_text(
            f" date {day} " + "\n".join(picked) + "\n", encoding="utf-8"
        )


def ingest_command(folder: Path, url: str) -> list[str]:
    return [
        sys.executable,
        "-m",
        "diplograph",
        "ingest",
        str(folder),
        "--db",
        url,
        "--jobs",
        "1",
        "--quiet",
    ]


@pytest.mark.slow
def test_sigkill_mid_ingest_then_rerun(store_url, dev_docs, tmp_path):
    folder = tmp_path / "corpus"
    write_corpus(dev_docs, folder)
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    # The reference: the same command, never interrupted (a process too, so
    # both runs execute exactly the same code).
    whole_url = f"sqlite:///{tmp_path / 'uninterrupted.db'}"
    subprocess.run(
        ingest_command(folder, whole_url), env=env, check=True, capture_output=True, timeout=600
    )
    with diplograph.open(whole_url) as whole:
        expected = whole.stats()
    assert expected["reports"] == REPORTS
    process = subprocess.Popen(ingest_command(folder, store_url), env=env, stderr=subprocess.PIPE)
    db = diplograph.open(store_url)
    try:
        deadline = time.monotonic() + 240
        stored = 0
        while time.monotonic() < deadline and process.poll() is None:
            stored = db.stats()["reports"]
            if stored >= 10:
                break
            time.sleep(0.05)
        assert process.poll() is None, (
            f"ingest ended before it could be killed: {process.stderr.read()!r}"
        )
        process.send_signal(signal.SIGKILL)
        process.wait(30)
        assert process.returncode == -signal.SIGKILL
        at_kill = db.stats()
        assert 10 <= at_kill["reports"] < REPORTS, "killed in the middle of the run"
        assert db.check() == []

        rerun = subprocess.run(
            ingest_command(folder, store_url), env=env, capture_output=True, timeout=600
        )
        assert rerun.returncode == 0, rerun.stderr.decode()
        assert db.check() == []
        assert db.stats() == expected
    finally:
        if process.poll() is None:
            process.kill()
        db.close()
