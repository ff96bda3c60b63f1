"""Throughput of `diplograph extract` against bare spaCy, in one run.

    .venv/bin/python bench/throughput.py [--reports 1000] [--jobs N] [--memory]

1. The pipeline (read -> clean -> parse -> extract, `pipeline.run` with the
   CLI's default jobs = every core) over the dev reports repeated to
   `--reports` reports, streamed, output serialised as the CLI would.
2. Bare spaCy: `nlp.pipe` over the same texts, one process, the same model
   and components `diplograph.nlp.load_model` gives, nothing of ours added.

Prints reports/s for both and the ratio (pipeline / bare spaCy). Absolute
figures depend on the machine; the ratio is the figure to compare. With
`--memory`, also runs the pipeline over 1,000 and 10,000 reports in fresh
processes and prints their peak RSS (main process and largest worker), to
show memory stays flat as the input grows.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from itertools import cycle, islice
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEV_DOCS = ROOT.parent / "shared" / "eval" / "dev" / "docs"


def dev_texts(folder: Path) -> list[tuple[str, str]]:
    paths = sorted(folder.glob("*.txt"))
    if not paths:
        sys.exit(f"no dev reports in {folder} (../shared is needed)")
    return [(p.stem, p.read_text(encoding="utf-8")) for p in paths]


def reports(texts: list[tuple[str, str]], n: int):
    """n reports, made lazily (the input is streamed, as from a directory)."""
    from diplograph.read.common import finish
    from diplograph.records import Report

    for i, (stem, text) in enumerate(islice(cycle(texts), n)):
        yield finish(Report(id=f"{stem}-{i}", text=text, source=stem))


def run_pipeline(texts: list[tuple[str, str]], n: int, jobs: int | None) -> tuple[float, int, int]:
    from diplograph import pipeline
    from diplograph.output import contract_json
    from diplograph.records import Extraction

    done = failed = 0
    start = time.perf_counter()
    for result in pipeline.run(reports(texts, n), jobs=jobs):
        if isinstance(result, Extraction):
            contract_json(result)  # serialise, as the CLI does
            done += 1
        else:
            failed += 1
    return time.perf_counter() - start, done, failed


def run_bare_spacy(texts: list[tuple[str, str]], n: int) -> float:
    from diplograph.nlp import load_model

    nlp = load_model.__wrapped__()  # a fresh copy: none of our components added
    start = time.perf_counter()
    for _doc in nlp.pipe(text for _, text in islice(cycle(texts), n)):
        pass
    return time.perf_counter() - start


def peak_rss_mb() -> tuple[float, float]:
    """(this process, largest finished child) peak resident set size, in MB."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    # ru_maxrss survives exec (it would report the launching process's peak);
    # the kernel's per-address-space high-water mark does not.
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                own = int(line.split()[1]) / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return own, children


def memory_probe(n: int, jobs: int | None) -> dict:
    """Run the pipeline over n reports in a fresh interpreter; its peak RSS."""
    command = [sys.executable, __file__, "--probe", str(n)] + (["--jobs", str(jobs)] if jobs else [])
    out = subprocess.run(command, capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--reports", type=int, default=1000, help="reports to process (default 1000)")
    parser.add_argument("--jobs", type=int, default=None, help="pipeline workers (default: every core)")
    parser.add_argument("--docs", type=Path, default=DEV_DOCS, help="folder of .txt reports to repeat")
    parser.add_argument("--memory", action="store_true", help="also peak RSS at 1,000 and 10,000 reports")
    parser.add_argument(
        "--memory-sizes",
        default="1000,10000",
        help="report counts for --memory, comma-separated (default 1000,10000)",
    )
    parser.add_argument("--probe", type=int, help=argparse.SUPPRESS)  # internal: one memory probe
    args = parser.parse_args()
    if args.probe:
        secs, _, _ = run_pipeline(dev_texts(args.docs), args.probe, args.jobs)
        own, workers = peak_rss_mb()
        print(json.dumps({"reports": args.probe, "seconds": secs, "main_mb": own, "worker_mb": workers}))
        return

    from diplograph.nlp import load_model, model_description
    from diplograph.pipeline import default_jobs

    texts = dev_texts(args.docs)
    jobs = args.jobs or default_jobs()
    chars = sum(len(t) for _, t in islice(cycle(texts), args.reports))
    print(
        f"{args.reports} reports ({len(texts)} distinct, {chars / 1e6:.1f} M characters), "
        f"model {model_description(load_model.__wrapped__())}, {jobs} job(s)"
    )

    secs, done, failed = run_pipeline(texts, args.reports, jobs)
    pipeline_rate = args.reports / secs
    print(
        f"diplograph pipeline ({jobs} jobs): {pipeline_rate:8.1f} reports/s  ({secs:.1f} s, "
        f"{done} extracted, {failed} failed)"
    )
    bare = run_bare_spacy(texts, args.reports)
    bare_rate = args.reports / bare
    print(f"bare spaCy nlp.pipe (1 process): {bare_rate:8.1f} reports/s  ({bare:.1f} s)")
    print(f"ratio pipeline / bare spaCy:     {pipeline_rate / bare_rate:8.2f}")

    if args.memory:
        for n in (int(size) for size in args.memory_sizes.split(",")):
            probe = memory_probe(n, jobs)
            print(
                f"peak RSS at {n:>6} reports: main {probe['main_mb']:.0f} MB, "
                f"largest worker {probe['worker_mb']:.0f} MB "
                f"({probe['reports'] / probe['seconds']:.1f} reports/s)"
            )


if __name__ == "__main__":
    main()
