"""Extraction stage: from a cleaned, parsed report to its records.

    context (sentences, mentions, dates, parties)
      -> actors.resolve (persons, roles, countries, coreference)
      -> persons, meetings, documents, targets, partnerships
      -> events (PLOVER, reading the records above and the sentences)

Each record kind has its own module; this one only wires them. The
documents, targets and partnerships extractors are looked up by name, and a
failure in one of them is logged (with its traceback, on stderr) and costs
only that kind: one kind's work in progress never takes the report's other
records with it.
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import Callable
from functools import cache

from spacy.tokens import Doc

from diplograph.actors.resolve import resolve_persons
from diplograph.extract.context import ReportContext, build_context
from diplograph.extract.events import find_events
from diplograph.extract.meetings import find_meetings
from diplograph.extract.persons import find_persons
from diplograph.extract.stated import stated_actors
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
    ctx.persons = resolve_persons(ctx)
    out.persons = find_persons(ctx)
    out.stated = stated_actors(ctx, out.persons)
    out.meetings = find_meetings(ctx)
    for kind, spec in OPTIONAL_EXTRACTORS.items():
        finder = _optional(spec)
        if finder is None:
            continue
        try:
            setattr(out, kind, finder(ctx))
        except Exception:  # noqa: BLE001 - one kind's failure must not cost the report its other records
            log.warning("%s: %s extractor failed", ctx.report.id, kind, exc_info=True)
    out.events = find_events(ctx, out)
    out.vetoes = ctx.vetoes
    return out
