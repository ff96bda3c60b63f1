"""Every record of every seed points into the ORIGINAL report text:
`text[start:end] == evidence` for persons, meetings (and each of a meeting's
`spans`), documents, targets, partnerships and events, and no evidence comes
from a teaser or junk zone."""

from __future__ import annotations

from pathlib import Path

import pytest

from diplograph import pipeline
from diplograph.clean import clean
from diplograph.read import read_paths
from diplograph.records import Extraction

KINDS = ("persons", "meetings", "documents", "targets", "partnerships", "events")


@pytest.fixture(scope="module")
def seed_results(nlp, seeds: list[Path]) -> list:
    return list(pipeline.run(read_paths(seeds), nlp=nlp, jobs=1))


def test_every_record_evidence_is_its_span_of_the_original_text(seed_results: list) -> None:
    results = seed_results
    assert all(isinstance(r, Extraction) for r in results)
    checked = 0
    for extraction in results:
        text = Path(extraction.report.source).read_text(encoding="utf-8")
        assert extraction.report.text == text
        readable = clean(extraction.report).readable()
        for kind in KINDS:
            for record in getattr(extraction, kind):
                span = record.span
                assert text[span.start : span.end] == record.evidence, (extraction.report.id, kind, record)
                assert any(z.start <= span.start and span.end <= z.end for z in readable), (kind, record)
                for extra in getattr(record, "spans", []):
                    assert 0 <= extra.start < extra.end <= len(text)
                    assert any(z.start <= extra.start and extra.end <= z.end for z in readable)
                checked += 1
    # extractors are filled in by other modules; once they produce records, all are checked
    print(f"checked {checked} records")


def test_seeds_yield_records(seed_results: list) -> None:
    """Non-trivial output on all five seeds (issue 2: "produce non-trivial records
    on all five seeds")."""
    results = seed_results
    counts = {r.report.id: sum(len(getattr(r, k)) for k in KINDS) for r in results}
    assert all(n > 0 for n in counts.values()), counts
