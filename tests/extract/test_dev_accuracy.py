"""The dev-set accuracy floor: a pinned evaluation baseline.

Like trafilatura's pinned evaluation, this runs the real extractor (the
reader, cleaner, model and extractors the CLI uses) over the twenty dev
reports of ../shared/eval/dev, scores the output with ../shared/eval/score.py
(imported, not copied), and fails if any kind's F1 or the mean F1 drops
below the floor. The floors sit a little below what was measured
(see FLOORS), so accuracy can only go up without someone saying so.
"""

from __future__ import annotations

from pathlib import Path

import pytest

pytestmark = [pytest.mark.shared, pytest.mark.slow]

#: Measured 2026-11-23 (18:50 UTC): persons 0.994, meetings 0.967, documents 0.980, targets 1.000,
#: partnerships 0.960, mean 0.980 (the same on 2026-12-05). Floors a little below.
FLOORS = {
    "persons": 0.95,
    "meetings": 0.93,
    "documents": 0.90,
    "targets": 0.95,
    "partnerships": 0.90,
    "mean_f1": 0.95,
}


@pytest.fixture(scope="module")
def dev_result(shared: Path, dev_docs: list[Path], score_set):
    return score_set(dev_docs, shared / "eval" / "dev" / "gold.jsonl")


def test_every_dev_report_is_scored(dev_result) -> None:
    assert dev_result["documents_scored"] == 20
    assert dev_result["documents_missing"] == []


@pytest.mark.parametrize("kind", ["persons", "meetings", "documents", "targets", "partnerships"])
def test_kind_f1_above_floor(dev_result, kind: str) -> None:
    assert dev_result[kind]["f1"] >= FLOORS[kind], dev_result[kind]


def test_mean_f1_above_floor(dev_result) -> None:
    assert dev_result["mean_f1"] >= FLOORS["mean_f1"]
