"""The one place that wires the stages for a report and for batches of them.

    read -> clean -> parse -> extract

`cli`, `serve`, `store.ingest` and `spark` all call `run` (or `process_batch`);
none of them knows the stages' internals. Errors are values: a report that
fails at any stage becomes a `Failure` in the output stream, in input order,
and the batch goes on.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.language import Language

from diplograph import clean, parse
from diplograph.extract import extract
from diplograph.records import Extraction, Failure, Report


def process_batch(
    items: list[Report | Failure], nlp: Language | None = None
) -> list[Extraction | Failure]:
    """Clean, parse (one `nlp.pipe` call for the batch) and extract; keep order."""
    out: list[Extraction | Failure | None] = [None] * len(items)
    cleaned = []
    for i, item in enumerate(items):
        if isinstance(item, Failure):
            out[i] = item
            continue
        try:
            cleaned.append((i, clean.clean(item)))
        except Exception as error:  # noqa: BLE001 - one bad report never stops a batch
            out[i] = Failure(item.id, item.source, f"cleaning failed: {error}", "clean")
    docs = parse.parse([c for _, c in cleaned], nlp)
    for (i, clean_report), doc in zip(cleaned, docs):
        try:
            out[i] = extract(clean_report, doc)
        except Exception as error:  # noqa: BLE001
            report = clean_report.report
            out[i] = Failure(report.id, report.source, f"extraction failed: {error!r}", "extract")
    return [o for o in out if o is not None]


def run(
    items: Iterable[Report | Failure],
    nlp: Language | None = None,
    batch_size: int = 32,
) -> Iterator[Extraction | Failure]:
    """Stream reports through the pipeline in batches, in input order."""
    batch: list[Report | Failure] = []
    for item in items:
        batch.append(item)
        if len(batch) >= batch_size:
            yield from process_batch(batch, nlp)
            batch = []
    if batch:
        yield from process_batch(batch, nlp)
