"""Cleaning stage (first cut: the whole text is body). Replaced by the zoning cleaner."""

from __future__ import annotations

from diplograph.records import CleanReport, Report, Zone


def clean(report: Report) -> CleanReport:
    return CleanReport(report, [Zone("body", 0, len(report.text))])
