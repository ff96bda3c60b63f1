"""Session-wide fixtures: the spaCy model is loaded once per test session,
and tests that need ../shared (seeds, dev gold) are skipped when it is absent."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
EXAMPLES = ROOT / "examples"


@pytest.fixture(scope="session")
def nlp():
    from diplograph.nlp import load_model

    return load_model()


@pytest.fixture(scope="session")
def shared() -> Path:
    if not (SHARED / "eval" / "dev" / "gold.jsonl").exists():
        pytest.skip("../shared is not present")
    return SHARED


@pytest.fixture(scope="session")
def seeds(shared: Path) -> list[Path]:
    return sorted((shared / "seeds").glob("*.txt"))


@pytest.fixture(scope="session")
def dev_docs(shared: Path) -> list[Path]:
    return sorted((shared / "eval" / "dev" / "docs").glob("*.txt"))
