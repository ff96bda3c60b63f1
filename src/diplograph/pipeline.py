"""The one place that wires the stages for a report and for batches of them.

    read -> clean -> parse -> extract

`cli`, `serve`, `store.ingest` and `spark` all call `run` (or `process_batch`);
none of them knows the stages' internals. Errors are values: a report that
fails at any stage becomes a `Failure` in the output stream, in input order,
and the batch goes on.

`run(items, jobs=N)` streams reports through N worker processes. Each worker
loads the spaCy model once (pool initializer); reports travel in chunks; at
most a few chunks per worker are in flight, so memory stays flat however long
the input; results come back in input order. `jobs=1` (or an input too small
to be worth starting processes for) runs in this process.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import signal
import sys
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from itertools import islice

from spacy.language import Language

from diplograph import clean, parse
from diplograph.extract import extract
from diplograph.records import Extraction, Failure, Report

log = logging.getLogger(__name__)

#: Reports per chunk sent to a worker (and per `nlp.pipe` batch).
CHUNK_SIZE = 32
#: Chunks in flight per worker: enough to keep workers busy, few enough to
#: keep memory flat.
IN_FLIGHT_PER_JOB = 2
#: spaCy's own default `max_length`: its parser needs about 1 GB of memory per
#: 100,000 characters, so a longer report (a dump, not a news story) fails
#: with a plain reason instead of exhausting memory.
PARSE_MAX_CHARS = 1_000_000
#: fork where the system has it: workers start at once, need no `__main__`
#: guard in the calling script, and share the parent's loaded model pages;
#: spawn elsewhere. Either way each worker runs `load_model()` once.
START_METHOD = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"


def default_jobs() -> int:
    """The cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def _parse_each(cleaned: list, nlp: Language | None) -> list:
    """Parse one by one: used when a batch fails, to isolate the bad report."""
    docs = []
    for clean_report in cleaned:
        try:
            docs.append(parse.parse([clean_report], nlp)[0])
        except Exception as error:  # noqa: BLE001 - one bad report never stops a batch
            docs.append(error)
    return docs


def process_batch(items: list[Report | Failure], nlp: Language | None = None) -> list[Extraction | Failure]:
    """Clean, parse (one `nlp.pipe` call for the batch) and extract; keep order."""
    out: list[Extraction | Failure | None] = [None] * len(items)
    cleaned = []
    for i, item in enumerate(items):
        if isinstance(item, Failure):
            out[i] = item
            continue
        if len(item.text or "") > PARSE_MAX_CHARS:
            reason = f"too long to parse ({len(item.text):,} characters; the limit is {PARSE_MAX_CHARS:,})"
            out[i] = Failure(item.id, item.source, reason, "parse")
            continue
        try:
            cleaned.append((i, clean.clean(item)))
        except Exception as error:  # noqa: BLE001 - one bad report never stops a batch
            out[i] = Failure(item.id, item.source, f"cleaning failed: {error!r}", "clean")
    try:
        docs: list = parse.parse([c for _, c in cleaned], nlp)
    except Exception:  # noqa: BLE001
        docs = _parse_each([c for _, c in cleaned], nlp)
    for (i, clean_report), doc in zip(cleaned, docs, strict=True):
        report = clean_report.report
        if isinstance(doc, Exception):
            out[i] = Failure(report.id, report.source, f"parsing failed: {doc!r}", "parse")
            continue
        try:
            out[i] = extract(clean_report, doc)
        except Exception as error:  # noqa: BLE001
            out[i] = Failure(report.id, report.source, f"extraction failed: {error!r}", "extract")
    return [o for o in out if o is not None]


# --- worker processes -------------------------------------------------------

_WORKER_NLP: Language | None = None


def _die_with_parent() -> None:
    """Ask Linux to end this worker when its parent dies (prctl
    PR_SET_PDEATHSIG), so a killed `extract` or `ingest` leaves no orphan
    workers parsing on. Elsewhere a no-op: the pool ends them on a normal exit."""
    if not sys.platform.startswith("linux"):
        return
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        pr_set_pdeathsig = 1
        libc.prctl(pr_set_pdeathsig, signal.SIGTERM)
    except (OSError, AttributeError):
        pass


def _init_worker(log_level: int) -> None:
    """Pool initializer: load the model once per worker process."""
    global _WORKER_NLP
    _die_with_parent()
    logger = logging.getLogger("diplograph")
    if not logger.handlers:  # spawned: nothing inherited from the parent
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter("%(name)s[worker]: %(message)s"))
        logger.addHandler(handler)
    logger.setLevel(log_level)
    from diplograph.nlp import load_model

    _WORKER_NLP = load_model()


def _work(chunk: list[Report | Failure]) -> list[Extraction | Failure]:
    return process_batch(chunk, _WORKER_NLP)


def _chunks(items: Iterable[Report | Failure], size: int) -> Iterator[list[Report | Failure]]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


def _failed_chunk(chunk: list[Report | Failure], error: BaseException) -> list[Extraction | Failure]:
    return [
        item
        if isinstance(item, Failure)
        else Failure(item.id, item.source, f"worker failed: {error!r}", "extract")
        for item in chunk
    ]


def run(
    items: Iterable[Report | Failure],
    nlp: Language | None = None,
    batch_size: int = CHUNK_SIZE,
    jobs: int | None = 1,
    on_item: Callable[[Extraction | Failure], None] | None = None,
    background: bool = False,
) -> Iterator[Extraction | Failure]:
    """Stream reports through the pipeline, in input order.

    jobs: worker processes (None = every core). With jobs=1, or when the
    whole input fits in one chunk, everything runs here with `nlp` (or the
    model `load_model` gives). `on_item` is called for every result (progress).
    background: use worker processes even with jobs=1, so that what the caller
    does with each result (the store's writes) overlaps with extraction.
    """
    jobs = default_jobs() if jobs is None else max(1, jobs)
    pooled = jobs > 1 or background
    chunks = _chunks(items, batch_size)
    first = next(chunks, None)
    if first is None:
        return
    second = next(chunks, None) if pooled else None
    if second is None:
        # One process: no pool to start, the model already loaded is reused.
        for chunk in [first] if pooled else _prepend(first, chunks):
            for result in process_batch(chunk, nlp):
                if on_item:
                    on_item(result)
                yield result
        return
    yield from _run_pool(_prepend(first, _prepend(second, chunks)), jobs, on_item)


def _prepend(chunk: list, rest: Iterator[list]) -> Iterator[list]:
    yield chunk
    yield from rest


class WorkerPool:
    """Worker processes that stay up across runs, each with the model loaded.

    `run` starts one for its input and closes it at the end; a caller that
    runs many inputs (or must not count the model's loading, as a benchmark
    timing steady throughput) keeps one open:

        with WorkerPool(jobs=2) as workers:
            workers.ready()                  # every worker has loaded the model
            for result in workers.stream(items): ...
    """

    def __init__(self, jobs: int | None = None) -> None:
        self.jobs = default_jobs() if jobs is None else max(1, jobs)
        level = logging.getLogger("diplograph").getEffectiveLevel()
        context = multiprocessing.get_context(START_METHOD)
        self._pool = context.Pool(self.jobs, initializer=_init_worker, initargs=(level,))

    def __enter__(self) -> WorkerPool:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        self._pool.terminate()
        self._pool.join()

    def ready(self, timeout: float = 600.0) -> None:
        """Wait until every worker has started, loaded the model and run one
        small report through every stage (so the data each stage loads on
        first use is loaded too). A task runs only after its worker's
        initializer has finished."""
        deadline = time.monotonic() + timeout
        seen: set[int] = set()
        while len(seen) < self.jobs:
            if time.monotonic() > deadline:
                raise TimeoutError(f"{len(seen)} of {self.jobs} workers ready after {timeout:.0f} s")
            seen.update(self._pool.map(_warm_up, range(self.jobs * 4), chunksize=1))

    def stream(
        self,
        items: Iterable[Report | Failure],
        batch_size: int = CHUNK_SIZE,
        on_item: Callable[[Extraction | Failure], None] | None = None,
    ) -> Iterator[Extraction | Failure]:
        """The results of `items`, in input order, through these workers."""
        yield from self._stream(_chunks(items, batch_size), on_item)

    def _stream(
        self, chunks: Iterator[list[Report | Failure]], on_item: Callable[[Extraction | Failure], None] | None
    ) -> Iterator[Extraction | Failure]:
        pending: deque = deque()
        limit = self.jobs * IN_FLIGHT_PER_JOB
        for chunk in chunks:
            pending.append((chunk, self._pool.apply_async(_work, (chunk,))))
            while len(pending) >= limit:
                yield from _collect(pending.popleft(), on_item)
        while pending:
            yield from _collect(pending.popleft(), on_item)


#: What `WorkerPool.ready` runs once in each worker: a report that touches
#: every extractor (states, titles, a date, a document, a target, money).
_WARM_UP_TEXT = (
    "HANOI, June 3 (VNA) - Prime Minister Pham Minh Chinh met Japanese Prime Minister Fumio Kishida "
    "in Hanoi on Tuesday. The two sides signed a Memorandum of Understanding on energy and agreed to "
    "raise bilateral trade to US$50 billion by 2030 under their Comprehensive Strategic Partnership."
)
_WARMED = False


def _warm_up(_: int) -> int:
    global _WARMED
    if not _WARMED:
        from diplograph.read.common import finish

        process_batch([finish(Report(id="warm-up", text=_WARM_UP_TEXT, source="warm-up"))], _WORKER_NLP)
        _WARMED = True
    time.sleep(0.01)  # long enough for each idle worker to take a task
    return os.getpid()


def _run_pool(
    chunks: Iterator[list[Report | Failure]],
    jobs: int,
    on_item: Callable[[Extraction | Failure], None] | None,
) -> Iterator[Extraction | Failure]:
    with WorkerPool(jobs) as workers:
        yield from workers._stream(chunks, on_item)


def _collect(
    entry: tuple, on_item: Callable[[Extraction | Failure], None] | None
) -> Iterator[Extraction | Failure]:
    chunk, async_result = entry
    try:
        results = async_result.get()
    except Exception as error:  # noqa: BLE001 - a dead worker fails its chunk, not the batch
        results = _failed_chunk(chunk, error)
    for result in results:
        if on_item:
            on_item(result)
        yield result
