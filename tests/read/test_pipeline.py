"""pipeline.run: input order kept, failures pass through in place, and worker
processes (jobs=2, each loading the model once) give exactly the in-process
results."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from diplograph import pipeline
from diplograph.read import read_paths
from diplograph.records import Extraction, Failure, Report


def test_failures_keep_their_place_in_the_stream(nlp, seeds: list[Path], tmp_path: Path) -> None:
    missing = tmp_path / "missing.txt"
    items = list(read_paths([seeds[0], missing, seeds[1]]))
    results = list(pipeline.run(items, nlp=nlp, jobs=1))
    assert [type(r).__name__ for r in results] == ["Extraction", "Failure", "Extraction"]
    assert results[0].report.id == seeds[0].stem and results[2].report.id == seeds[1].stem


def test_a_report_that_breaks_a_stage_fails_alone(nlp) -> None:
    broken = Report("broken", None)  # type: ignore[arg-type]  # no text: cleaning cannot work
    good = Report("good", "The minister met his counterpart in Hanoi on Monday.")
    results = list(pipeline.run([broken, good], nlp=nlp, jobs=1))
    assert isinstance(results[0], Failure) and results[0].stage == "clean"
    assert isinstance(results[1], Extraction) and results[1].report.id == "good"


def test_a_report_too_long_to_parse_fails_alone(nlp, tmp_path: Path) -> None:
    path = tmp_path / "dump.txt"
    path.write_text("The minister met his counterpart in Hanoi on Monday.\n" * 25_000)  # 1,325,000 characters
    results = list(pipeline.run(read_paths([path, path.with_name("missing.txt")]), nlp=nlp, jobs=1))
    assert isinstance(results[0], Failure) and results[0].stage == "parse"
    assert results[0].reason == "too long to parse (1,325,000 characters; the limit is 1,000,000)"


def test_on_item_sees_every_result(nlp) -> None:
    seen = []
    reports = [Report(f"r{i}", "The minister met his counterpart in Hanoi.") for i in range(3)]
    out = list(pipeline.run(reports, nlp=nlp, jobs=1, on_item=seen.append))
    assert seen == out and len(out) == 3


@pytest.mark.slow
def test_two_workers_give_the_in_process_results_in_order(nlp, dev_docs: list[Path]) -> None:
    small = sorted(dev_docs, key=lambda p: p.stat().st_size)[:10]
    items = list(read_paths(small))
    items.insert(5, Failure("bad", "bad.txt", "binary file (not text)"))
    alone = [_plain(r) for r in pipeline.run(items, nlp=nlp, jobs=1, batch_size=3)]
    pooled = [_plain(r) for r in pipeline.run(items, jobs=2, batch_size=3)]  # 4 chunks, 2 workers
    assert pooled == alone
    assert [r["doc_id"] if "doc_id" in r else r["id"] for r in pooled][:7] == [
        *(p.stem for p in small[:5]),
        "bad",
        small[5].stem,
    ]


def _plain(result: Extraction | Failure) -> dict:
    plain = result.to_contract() if isinstance(result, Extraction) else result.to_dict()
    return json.loads(json.dumps(plain))
