"""Ingest: reports in, the store updated, one report at a time.

Why the order of checks: the extractor is the slow part, so a report whose
content hash is already stored is skipped before it reaches the pipeline
(re-running an ingest costs one indexed lookup per report), and a report whose
text is exactly that of a stored original (a wire copy under another URL) is
recorded as its duplicate without being extracted. A near-duplicate that
differs (an updated story) is extracted like any report, so nothing it adds
is lost. Everything else goes through `pipeline.run` (the same stages as
`diplograph extract`) and is written in its own transaction as it comes out,
so memory stays flat and a killed run keeps every report written so far.
Extraction runs in worker processes (even with one job), so writing a report
overlaps with extracting the next ones.

Each report is resolved against the officials tables and what the store has
learned from the reports it held when the ingest began (`store.learned`):
a snapshot, so the run is deterministic; each written report's explicit
statements of who serves which state are kept in its own transaction.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import ExitStack

from sqlalchemy import Engine

from diplograph.records import Extraction, Failure, Report
from diplograph.store import learned as learned_officials
from diplograph.store import write
from diplograph.store.results import IngestResult, IngestSummary


def ingest(
    engine: Engine,
    items: Iterable[Report | Failure | Extraction],
    jobs: int | None = 1,
    on_result: Callable[[IngestResult], None] | None = None,
    nlp=None,  # noqa: ANN001 - a loaded spaCy pipeline, when the caller has one
    learned: bool = True,
) -> IngestSummary:
    """Store every report of `items` (reports are extracted here; extractions
    are written as they are) and say what happened to each."""
    summary = IngestSummary()

    def report(result: IngestResult) -> None:
        summary.count(result)
        if on_result:
            on_result(result)

    with ExitStack() as stack:
        if learned:
            stack.enter_context(learned_officials.session(engine))  # registered before the workers fork
        for result in _results(engine, items, jobs, report, nlp):
            report(result)
    return summary


def _results(engine: Engine, items, jobs, report, nlp) -> Iterator[IngestResult]:  # noqa: ANN001
    from diplograph import pipeline

    signatures: dict = {}
    seen: set[str] = set()  # ids of this batch: one report per id, never a silent replace

    def to_extract() -> Iterator[Report | Failure]:
        for item in items:
            if isinstance(item, Report | Extraction):
                rid = item.id if isinstance(item, Report) else item.report.id
                if rid in seen:
                    report(
                        IngestResult(
                            rid, "failed", reason="read: repeated report id in this batch; not stored again"
                        )
                    )
                    continue
                seen.add(rid)
            if isinstance(item, Extraction):
                # Already extracted (Python API, Spark): written in order like the rest.
                yield item  # type: ignore[misc]
                continue
            if isinstance(item, Report):
                try:
                    done, sig = write.precheck(engine, item)
                except Exception as error:  # noqa: BLE001 - one report's failure never stops the run
                    report(IngestResult(item.id, "failed", reason=f"store: {error!r}"))
                    continue
                if done is not None:
                    report(done)
                    continue
                signatures[item.id] = sig  # in flight: at most a few chunks
            yield item

    # Extractions given directly bypass the pipeline but keep their place.
    # background: extraction runs in worker processes even with jobs=1, so
    # this process writes report N while the workers extract N+1, N+2...
    stream = _split(to_extract(), lambda batch: pipeline.run(batch, nlp=nlp, jobs=jobs, background=True))
    for out in stream:
        if isinstance(out, Failure):
            signatures.pop(out.id, None)
            yield IngestResult(out.id, "failed", reason=f"{out.stage}: {out.reason}")
            continue
        try:
            yield write.write(engine, out, signatures.pop(out.report.id, None))
        except Exception as error:  # noqa: BLE001 - one report's failure never stops the run
            yield IngestResult(out.report.id, "failed", reason=f"store: {error!r}")


def _split(items: Iterator, run: Callable[[Iterable], Iterator]) -> Iterator:
    """Send reports through `run` and pass extractions straight on. An input
    of only reports (the CLI) is one stream through the pipeline; an input of
    only extractions never touches it."""
    first = next(items, None)
    if first is None:
        return
    if isinstance(first, Extraction):
        yield first
        for item in items:
            if isinstance(item, Extraction):
                yield item
            else:
                yield from run([item])
        return

    def reports() -> Iterator:
        yield first
        yield from items

    yield from run(reports())
