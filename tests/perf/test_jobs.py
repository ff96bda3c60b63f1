"""Worker processes change nothing but speed: `pipeline.run` gives the same
records, in the same order, with one process and with two."""

from __future__ import annotations

from pathlib import Path

import pytest

from diplograph import pipeline
from diplograph.read import read_paths

pytestmark = [pytest.mark.shared, pytest.mark.slow]


def _contracts(paths: list[Path], jobs: int, nlp) -> list[dict]:
    out = []
    for item in pipeline.run(read_paths([str(p) for p in paths]), nlp, batch_size=4, jobs=jobs):
        assert hasattr(item, "to_contract"), item
        out.append(item.to_contract())
    return out


def test_same_output_with_one_and_two_jobs(dev_docs: list[Path], nlp) -> None:
    paths = dev_docs[:12]  # three chunks of four: the pool really runs
    one = _contracts(paths, 1, nlp)
    two = _contracts(paths, 2, nlp)
    assert [r["doc_id"] for r in one] == [p.stem for p in paths]
    assert one == two


def test_a_warm_pool_gives_the_same_output_run_after_run(dev_docs: list[Path], nlp) -> None:
    paths = dev_docs[:12]
    one = _contracts(paths, 1, nlp)
    with pipeline.WorkerPool(jobs=2) as workers:
        workers.ready()  # every worker has loaded the model and warmed every stage
        for _ in range(2):  # the same workers, two inputs
            items = read_paths([str(p) for p in paths])
            assert [r.to_contract() for r in workers.stream(items, batch_size=4)] == one
