"""Extraction stage: from a cleaned, parsed report to its records.

    context (sentences, mentions, dates, parties)
      -> actors.resolve (persons, coreference)
      -> persons, meetings, documents, targets, partnerships
      -> events (PLOVER, reading the records above and the sentences)

Each record kind has its own module; this one only wires them. Extractors
that are not present yet (or fail on import) are skipped, so one kind's work
in progress never breaks the others.
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import Callable
from functools import cache

from spacy.tokens import Doc

from diplograph.extract.context import ReportContext, build_context
from diplograph.records import CleanReport, Extraction

log = logging.getLogger(__name__)

#: record kind -> "module:function" taking a ReportContext, returning a list of records
OPTIONAL_EXTRACTORS: dict[str, str] = {
    "documents": "diplograph.extract.documents:find_documents",
    "targets": "diplograph.extract.targets:find_targets",
    "partnerships": "diplograph.extract.partnerships:find_partnerships",
}


@cache
def _optional(spec: str) -> Callable[[ReportContext], list] | None:
    module_name, attr = spec.split(":")
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as error:
        if error.name == module_name:
            return None
        raise
    return getattr(module, attr, None)


def extract(clean_report: CleanReport, doc: Doc) -> Extraction:
    """All records of one report, every one with its evidence sentence and span."""
    ctx = build_context(clean_report, doc)
    out = Extraction(clean_report.report)
    try:
        from diplograph.actors.resolve import resolve_persons
    except ModuleNotFoundError:
        resolve_persons = None
    if resolve_persons is not None:
        ctx.persons = resolve_persons(ctx)
        from diplograph.extract.persons import find_persons

        out.persons = find_persons(ctx)
    try:
        from diplograph.extract.meetings import find_meetings
    except ModuleNotFoundError:
        find_meetings = None
    if find_meetings is not None and ctx.persons is not None:
        out.meetings = find_meetings(ctx)
    for kind, spec in OPTIONAL_EXTRACTORS.items():
        finder = _optional(spec)
        if finder is None:
            continue
        try:
            setattr(out, kind, finder(ctx))
        except Exception:  # noqa: BLE001 - one kind's failure must not cost the report its other records
            log.warning("%s: %s extractor failed", ctx.report.id, kind, exc_info=True)
    try:
        from diplograph.extract.events import find_events
    except ModuleNotFoundError:
        find_events = None
    if find_events is not None:
        out.events = find_events(ctx, out)
    return out
