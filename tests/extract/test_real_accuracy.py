"""Accuracy floors on real published reports (`eval/real`, see its README):
the figures that carry over to reports nobody tuned for, unlike the written
sets' (`test_eval_sets_accuracy.py`). Floors sit a little below the figures
measured on 2026-12-07, build a278379:

- eval/real/dev (112 reports, developed on): persons 0.800, meetings 0.578,
  documents 0.545, targets 0.607, partnerships 0.650, mean 0.636.
- eval/real/test (57 reports, scored once after the fixes, never mined):
  persons 0.810, meetings 0.512, documents 0.380, targets 0.385,
  partnerships 0.645, mean 0.546.
"""

from __future__ import annotations

from pathlib import Path

import pytest

pytestmark = [pytest.mark.slow]

REAL = Path(__file__).resolve().parents[2] / "eval" / "real"
KINDS = ("persons", "meetings", "documents", "targets", "partnerships")
SETS = {
    "dev": (112, {"persons": 0.77, "meetings": 0.54, "documents": 0.51, "targets": 0.55,
                  "partnerships": 0.60, "mean_f1": 0.60}),
    "test": (57, {"persons": 0.78, "meetings": 0.47, "documents": 0.34, "targets": 0.33,
                  "partnerships": 0.58, "mean_f1": 0.51}),
}


@pytest.fixture(scope="module", params=sorted(SETS))
def scored(request, score_set) -> tuple[str, dict]:
    folder = REAL / request.param
    return request.param, score_set(sorted((folder / "docs").glob("*.txt")), folder / "gold.jsonl")


def test_every_real_report_is_scored(scored) -> None:
    name, result = scored
    assert result["documents_scored"] == SETS[name][0]
    assert result["documents_missing"] == []


def test_each_kind_and_the_mean_above_their_floors_on_real_reports(scored) -> None:
    name, result = scored
    floors = SETS[name][1]
    below = {kind: result[kind]["f1"] for kind in KINDS if result[kind]["f1"] < floors[kind]}
    if result["mean_f1"] < floors["mean_f1"]:
        below["mean_f1"] = result["mean_f1"]
    assert not below, f"{name}: below the floors {below}"
