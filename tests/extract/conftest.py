"""Fixtures of the extraction tests: scoring a folder of reports against its
gold with ../shared/eval/score.py (imported once, not copied)."""

from __future__ import annotations

import importlib.util
from collections.abc import Callable
from pathlib import Path

import pytest

from diplograph import pipeline
from diplograph.read import read_paths

KINDS = ("persons", "meetings", "documents", "targets", "partnerships")


@pytest.fixture(scope="session")
def score_set(shared: Path, nlp) -> Callable[[list[Path], Path], dict]:
    """A function: the real pipeline over `docs` (the reader, cleaner, model
    and extractors the CLI uses), every record's span checked against its
    evidence, then score.py's result against the gold file."""
    spec = importlib.util.spec_from_file_location("diplograph_eval_score", shared / "eval" / "score.py")
    assert spec is not None and spec.loader is not None
    score = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(score)

    def run(docs: list[Path], gold_path: Path) -> dict:
        gold = score.load(str(gold_path))
        pred = {}
        for item in pipeline.run(read_paths([str(p) for p in docs]), nlp):
            assert hasattr(item, "to_contract"), f"a report failed: {item}"
            record = item.to_contract()
            for kind in (*KINDS, "events"):
                for r in record[kind]:
                    start, end = r["span"]
                    assert item.report.text[start:end] == r["evidence"]
            pred[record["doc_id"]] = record
        result, _ = score.score(gold, pred)
        return result

    return run
