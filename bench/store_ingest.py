"""Ingest throughput against extract-only throughput, and memory over a long ingest.

    .venv/bin/python bench/store_ingest.py [--reports 200] [--jobs 1] [--rounds 2]
    .venv/bin/python bench/store_ingest.py --memory [--reports 10000]

Throughput: the same reports (distinct reports made of real sentences of the
dev reports, ../shared/eval/dev/docs, drawn with a fixed seed, so none is a
near-duplicate of another) are run through `pipeline.run` alone (extract
only: the work `diplograph extract` does, output discarded) and through
`Store.ingest` into a fresh SQLite store (read, hash check, dedupe, extract,
merge, commit per report), alternately, `--rounds` times, in one process
with the model loaded once. The ratio ingest/extract of reports per second
is the figure (target >= 0.9).

Memory (`--memory`): `--reports` generated reports are ingested as a stream;
the peak resident set size of the process is printed after 1,000 reports and
at the end (and the current RSS), to show it stays flat.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import resource
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT.parent / "shared" / "eval" / "dev" / "docs"


def sentences() -> list[str]:
    out = []
    for path in sorted(DEV.glob("*.txt")):
        body = path.read_text(encoding="utf-8")
        out += [s.strip() for s in re.split(r"(?<=[.!?])\s+", body) if 60 < len(s.strip()) < 400]
    return out


def reports(count: int, per_report: int = 5, seed: int = 11) -> Iterator[tuple[str, str]]:
    """(id, text) of `count` distinct reports, lazily."""
    pool = sentences()
    rng = random.Random(seed)
    start = date(2015, 1, 1)
    for i in range(count):
        day = (start + timedelta(days=i % 3650)).isoformat()
        yield f"bench-{i:06d}", f" date {day} " + "\n".join(rng.sample(pool, per_report)) + "\n"


def cpu_seconds() -> float:
    """CPU time of this process and of its reaped children (the extraction workers)."""
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def current_rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def children_rss_mb() -> tuple[float, float]:
    """(current, peak) RSS summed over this process's child processes (the
    extraction workers), from /proc."""
    pids: set[str] = set()
    for task in Path("/proc/self/task").iterdir():
        try:
            pids.update((task / "children").read_text().split())
        except OSError:
            continue
    now = peak = 0.0
    for pid in pids:
        try:
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    now += int(line.split()[1]) / 1024
                elif line.startswith("VmHWM:"):
                    peak += int(line.split()[1]) / 1024
        except OSError:
            continue
    return now, peak


def throughput(n: int, jobs: int, rounds: int) -> None:
    import diplograph
    from diplograph import pipeline
    from diplograph.nlp import load_model
    from diplograph.read import read_paths

    nlp = load_model()
    with tempfile.TemporaryDirectory(prefix="store-ingest-") as tmp:
        folder = Path(tmp) / "reports"
        folder.mkdir()
        for rid, text in reports(n):
            (folder / f"{rid}.txt").write_text(text, encoding="utf-8")
        files = sorted(folder.glob("*.txt"))
        # Warm up both paths once (imports, caches) on a few reports.
        for _ in pipeline.run(read_paths(files[:8]), nlp=nlp, jobs=1):
            pass
        extract_rates, ingest_rates = [], []
        extract_cpu, ingest_cpu = [], []

        def extract_only() -> None:
            t, c = time.perf_counter(), cpu_seconds()
            done = sum(1 for _ in pipeline.run(read_paths(files), nlp=nlp, jobs=jobs))
            extract_rates.append(done / (time.perf_counter() - t))
            extract_cpu.append((cpu_seconds() - c) * 1000 / done)

        def ingest(k: int) -> str:
            db = diplograph.open(Path(tmp) / f"store{k}.db")
            t, c = time.perf_counter(), cpu_seconds()
            summary = db.ingest(files, nlp=nlp, jobs=jobs)
            done = summary.added + summary.failed
            ingest_rates.append(done / (time.perf_counter() - t))
            ingest_cpu.append((cpu_seconds() - c) * 1000 / done)
            stats = db.stats()
            db.close()
            return (
                f"{summary.added} added, {summary.duplicate} duplicates, {summary.failed} failed; "
                f"{stats['events']} events, {stats['actors']} actors"
            )

        for k in range(rounds):
            # Alternate which goes first, so a change in the machine's load hits both alike.
            if k % 2:
                note = ingest(k)
                extract_only()
            else:
                extract_only()
                note = ingest(k)
            print(
                f"round {k + 1}: extract {extract_rates[-1]:.2f} reports/s "
                f"({extract_cpu[-1]:.0f} CPU ms/report), "
                f"ingest {ingest_rates[-1]:.2f} reports/s ({ingest_cpu[-1]:.0f} CPU ms/report), "
                f"ratio {ingest_rates[-1] / extract_rates[-1]:.2f}; load {os.getloadavg()[0]:.1f} ({note})",
                flush=True,
            )
        e, i = statistics.median(extract_rates), statistics.median(ingest_rates)
        ec, ic = statistics.median(extract_cpu), statistics.median(ingest_cpu)
        print(
            f"{n} reports x {rounds} rounds, jobs={jobs}: extract-only {e:.2f} reports/s, ingest {i:.2f} "
            f"reports/s (medians), wall-clock ratio ingest/extract {i / e:.2f} (target >= 0.90); "
            f"CPU per report: extract {ec:.0f} ms, ingest {ic:.0f} ms (all processes), "
            f"ratio at equal CPU {ec / ic:.2f}"
        )


def memory(n: int, jobs: int) -> None:
    import diplograph
    from diplograph.read.common import finish
    from diplograph.records import Report

    def stream() -> Iterator[Report]:
        for rid, text in reports(n, per_report=3):
            yield finish(Report(id=rid, text=text, source=rid))

    marks = {1000, n}
    seen = 0
    start = time.perf_counter()

    def on_result(_result) -> None:  # noqa: ANN001
        nonlocal seen
        seen += 1
        if seen in marks or seen % 1000 == 0:
            workers_now, workers_peak = children_rss_mb()
            print(
                f"{seen:6d} reports ingested: store process peak RSS {peak_rss_mb():7.1f} MB "
                f"(current {current_rss_mb():6.1f} MB); extraction workers peak {workers_peak:6.1f} MB "
                f"(current {workers_now:6.1f} MB); {seen / (time.perf_counter() - start):.1f} reports/s",
                flush=True,
            )

    with tempfile.TemporaryDirectory(prefix="store-memory-") as tmp:
        db = diplograph.open(Path(tmp) / "memory.db")
        summary = db.ingest(stream(), jobs=jobs, on_result=on_result)
        print(
            f"done: {summary.added} added, {summary.duplicate} duplicates, {summary.failed} failed; "
            f"{db.stats()['events']} events"
        )
        db.close()


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--reports", type=int, default=None)
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--rounds", type=int, default=4)
    parser.add_argument("--memory", action="store_true")
    args = parser.parse_args()
    if args.memory:
        memory(args.reports or 10_000, args.jobs)
    else:
        throughput(args.reports or 200, args.jobs, args.rounds)
    return 0


if __name__ == "__main__":
    sys.exit(main())
