"""The extraction stage's wiring: every record's evidence is its span's text,
and a failing record kind costs only that kind."""

from __future__ import annotations

import logging

from diplograph import clean, parse
from diplograph.extract import OPTIONAL_EXTRACTORS, _optional, extract
from diplograph.records import Report

TEXT = (
    "HÀ NỘI — Vietnamese Prime Minister Pham Minh Chinh held talks with Malaysian Prime Minister Anwar "
    "Ibrahim in Hanoi on Monday. The two leaders agreed to raise two-way trade to US$18 billion by 2030 "
    "and upgraded ties to a Comprehensive Strategic Partnership."
)


def run(nlp):
    report = Report("w", TEXT, published="2025-10-27")
    cleaned = clean.clean(report)
    [doc] = parse.parse([cleaned], nlp)
    return report, extract(cleaned, doc)


def test_every_record_points_at_its_sentence(nlp) -> None:
    report, out = run(nlp)
    records = out.persons + out.meetings + out.documents + out.targets + out.partnerships + out.events
    assert out.persons and out.meetings and out.events
    for record in records:
        assert report.text[record.span.start : record.span.end] == record.evidence


def test_a_failing_kind_costs_only_that_kind(nlp, monkeypatch, caplog) -> None:
    # a real function that cannot take a report context: json.dumps raises TypeError on it
    monkeypatch.setitem(OPTIONAL_EXTRACTORS, "targets", "json:dumps")
    _optional.cache_clear()
    try:
        with caplog.at_level(logging.WARNING, logger="diplograph.extract"):
            _, out = run(nlp)
    finally:
        _optional.cache_clear()
    assert out.targets == []
    assert out.persons and out.meetings
    assert "targets extractor failed" in caplog.text
