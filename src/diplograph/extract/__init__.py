"""Extraction stage: from a cleaned, parsed report to its records."""

from __future__ import annotations

from spacy.tokens import Doc

from diplograph.records import CleanReport, Extraction


def extract(clean_report: CleanReport, doc: Doc) -> Extraction:
    return Extraction(clean_report.report)
