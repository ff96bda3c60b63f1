"""Spark fixtures: one local[2] session for all Spark tests (the JVM starts
once), a real PostgreSQL for loading, and a small mixed input directory."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

_PGSERVER = Path(__file__).parents[1] / "postgres" / "pgserver.py"
_spec = importlib.util.spec_from_file_location("_pgserver_loader", _PGSERVER)
_loader = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_loader)
pgserver = _loader.load()

postgres_server = pgserver.postgres_server
postgres_url = pgserver.postgres_url

REPORTS = [
    "JAKARTA, May 3 (Reuters) - Indonesian Foreign Minister Retno Marsudi met Malaysian Foreign Minister "
    "Saifuddin Abdullah in Jakarta on Friday to discuss maritime boundaries. The two ministers signed a "
    "memorandum of understanding on border management.\n",
    "HANOI, June 12 - Vietnamese Prime Minister Pham Minh Chinh received Japanese Ambassador Ito Naoki "
    "on Wednesday. The two sides agreed to raise bilateral trade to US$50 billion by 2030 and to deepen "
    "their comprehensive strategic partnership.\n",
    "CANBERRA, Oct 7 - Australia and the Philippines signed a defence cooperation agreement on Monday, "
    "Australian Defence Minister Richard Marles said after talks with his Philippine counterpart "
    "Gilberto Teodoro in Canberra.\n",
]


@pytest.fixture(scope="session")
def spark_ready() -> None:
    """Skip when PySpark or Java is missing (tests that start their own JVM)."""
    from diplograph.spark.job import SparkUnavailable, check_requirements

    try:
        check_requirements()
    except SparkUnavailable as error:
        pytest.skip(str(error))


@pytest.fixture(scope="session")
def spark():
    """A local[2] session shared by every Spark test module; stopped at the end."""
    from diplograph.spark.job import SparkUnavailable, session

    try:
        active = session("local[2]", "diplograph-tests")
    except SparkUnavailable as error:
        pytest.skip(str(error))
    yield active
    active.stop()


@pytest.fixture(scope="session")
def mixed_inputs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Three good reports (text, HTML, JSON Lines), four bad ones, one non-report file."""
    root = tmp_path_factory.mktemp("mixed") / "in"
    (root / "sub").mkdir(parents=True)
    (root / "a.txt").write_text(REPORTS[0], encoding="utf-8")
    (root / "sub" / "b.html").write_text(
        "<html><head><title>Ministers meet</title></head><body><nav>Home</nav><article>"
        f"<h1>Talks in Hanoi</h1><p>{REPORTS[1]}</p></article><footer>(c)</footer></body></html>",
        encoding="utf-8",
    )
    (root / "empty.txt").write_bytes(b"")
    (root / "binary.txt").write_bytes(b"\x00\x01\x02" * 100)
    (root / "notes.png").write_bytes(b"\x89PNG not a report")
    lines = [
        json.dumps({"id": "j1", "text": REPORTS[2], "published": "2024-10-07"}),
        "{broken",
        json.dumps({"x": 1}),
    ]
    (root / "batch.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return root
