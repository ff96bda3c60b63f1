"""Throughput of `diplograph extract` against bare spaCy, in one run.

    .venv/bin/python bench/throughput.py [--reports 1000] [--rounds 1] [--jobs N] [--memory]

1. The pipeline (read -> clean -> parse -> extract, `pipeline.run`'s worker
   pool with the CLI's default jobs = every core) over the dev reports
   repeated to `--reports` reports, streamed, output serialised as the CLI
   would. The workers are started and have loaded the model before the
   clock starts, as bare spaCy's model is loaded before its clock starts;
   the figure counting that start too is printed as well.
2. Bare spaCy: `nlp.pipe` over the same texts, one process, the installed
   `en_core_web_sm` as it ships (default components, nothing of ours added,
   `diplograph.nlp.load_stock_model`). This is the baseline of the target.
3. A reference, not the target's baseline: bare spaCy again, with the one
   change of ours that is not about what is parsed, its matrix products
   through numpy instead of BLIS (`diplograph.matmul`). The pipeline's ratio
   to it is what our own stages (cleaning, the screen, the components we
   drop or replace, extraction, the workers) are worth on their own.
   `--no-reference` skips it.

Prints reports/s for each and the ratios (pipeline / bare spaCy). Absolute
figures depend on the machine; the ratio is the figure to compare. On a
shared machine the wall-clock ratio also depends on how busy the other
processes keep the cores, so the CPU time each side used (this process and
its workers) is printed too: CPU ms per report, and the ratio of those,
which the machine's load does not change. With `--rounds N` both runs are
repeated N times, alternating which goes first, and the figures are taken
over all rounds (each round's ratio is printed too): on a machine whose speed
drifts, one pair of runs can differ by 15% from the next. With `--memory`, also runs the
pipeline over 1,000 and 10,000 reports in fresh processes and prints their
peak RSS (main process and largest worker), to show memory stays flat as
the input grows; each probe also prints, on stderr, the RSS of the main
process and of every worker after each further 1,000 reports.
"""

from __future__ import annotations

import argparse
import json
import os
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


def cpu_seconds() -> float:
    """CPU time (user + system) of this process and of its finished children."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def _rss_mb(pid: int) -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def rss_now() -> str:
    """Resident memory now: this process and each child (Linux /proc)."""
    pid = os.getpid()
    children_file = Path(f"/proc/{pid}/task/{pid}/children")
    children = children_file.read_text().split() if children_file.exists() else []
    workers = ", ".join(f"{_rss_mb(int(c)):.0f}" for c in children)
    return f"main {_rss_mb(pid):.0f} MB, workers [{workers}] MB"


def run_pipeline(
    texts: list[tuple[str, str]], n: int, jobs: int | None, progress: int = 0, warm=None
) -> tuple[float, int, int]:
    """The pipeline over n reports; seconds, extracted, failed. With `warm`
    (a ready `pipeline.WorkerPool`) the workers' start and model loading are
    not timed, as bare spaCy's model loading is not."""
    from diplograph import pipeline
    from diplograph.output import contract_json
    from diplograph.records import Extraction

    done = failed = 0
    start = time.perf_counter()
    results = warm.stream(reports(texts, n)) if warm else pipeline.run(reports(texts, n), jobs=jobs)
    for result in results:
        if isinstance(result, Extraction):
            contract_json(result)  # serialise, as the CLI does
            done += 1
        else:
            failed += 1
        if progress and (done + failed) % progress == 0:
            print(f"{done + failed:>6} reports: {rss_now()}", file=sys.stderr, flush=True)
    return time.perf_counter() - start, done, failed


def run_bare_spacy(texts: list[tuple[str, str]], n: int, numpy_matmul: bool = False) -> float:
    """Seconds for `nlp.pipe` over n texts: the model as it ships (default
    components, none of ours), or with numpy's matrix products (the reference)."""
    from contextlib import nullcontext

    from diplograph.matmul import one_thread, use_numpy_matmul
    from diplograph.nlp import load_stock_model

    nlp = load_stock_model()
    if numpy_matmul:
        use_numpy_matmul(nlp)
    start = time.perf_counter()
    with one_thread() if numpy_matmul else nullcontext():
        for _doc in nlp.pipe(text for _, text in islice(cycle(texts), n)):
            pass
    return time.perf_counter() - start


def stage_profile(texts: list[tuple[str, str]], n: int) -> None:
    """Where one process's time goes, in ms per report: our stages, then each
    spaCy component (ours as the pipeline runs them, in its batches of
    CHUNK_SIZE reports; the model as it ships over the raw texts, in its own
    batch size, with BLIS and with numpy's matmul), timed one after another
    over the same reports."""
    from diplograph import clean, parse
    from diplograph.extract import extract
    from diplograph.matmul import one_thread, use_numpy_matmul
    from diplograph.nlp import load_model, load_stock_model
    from diplograph.output import contract_json
    from diplograph.pipeline import CHUNK_SIZE

    items = list(reports(texts, n))
    nlp = parse.with_line_breaks(load_model())
    stock = load_stock_model()
    extract(clean.clean(items[0]), nlp(parse.parsed_text(clean.clean(items[0]))))  # one-off loading
    times: dict[str, float] = {}

    def timed(name: str, work):
        start = time.perf_counter()
        out = work()
        times[name] = times.get(name, 0.0) + time.perf_counter() - start
        return out

    cleaned = timed("clean", lambda: [clean.clean(r) for r in items])
    masked = timed("mask zones", lambda: [parse.masked_text(c) for c in cleaned])
    screened = timed("screen", lambda: [parse.screen.screen(m)[0] for m in masked])
    ours = screened if parse.SCREEN else masked
    with one_thread():  # as parse.parse runs it, in the workers' batches
        docs = timed("spaCy (ours)", lambda: list(nlp.pipe(ours, batch_size=CHUNK_SIZE)))
    results = timed("extract", lambda: [extract(c, d) for c, d in zip(cleaned, docs, strict=True)])
    timed("serialise", lambda: [contract_json(r) for r in results])
    print(f"one process, {n} reports, ms per report:")
    for name, secs in times.items():
        print(f"  {name:<22} {secs / n * 1000:7.1f}")
    stock_numpy = load_stock_model()
    use_numpy_matmul(stock_numpy)
    for label, model, inputs, batch_size in (
        ("ours", nlp, ours, CHUNK_SIZE),
        ("as shipped, raw text", stock, [r.text for r in items], stock.batch_size),
        ("as shipped with numpy matmul, raw text", stock_numpy, [r.text for r in items], stock.batch_size),
    ):
        start = time.perf_counter()
        docs = [model.make_doc(t) for t in inputs]
        parts = [f"tokenizer {(time.perf_counter() - start) / n * 1000:.1f}"]
        tokens = sum(len(d) for d in docs)
        with one_thread():
            for name, component in model.pipeline:
                start = time.perf_counter()
                if hasattr(component, "pipe"):
                    docs = list(component.pipe(docs, batch_size=batch_size))
                else:
                    docs = [component(doc) for doc in docs]
                parts.append(f"{name} {(time.perf_counter() - start) / n * 1000:.1f}")
        print(f"  spaCy {label} ({tokens / n:.0f} tokens/report): " + ", ".join(parts))


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
    out = subprocess.run(command, stdout=subprocess.PIPE, text=True, check=True)  # stderr: progress
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
    parser.add_argument(
        "--rounds",
        type=int,
        default=1,
        help="repeat both runs, alternating which goes first; figures are over all rounds (default 1)",
    )
    parser.add_argument(
        "--no-reference",
        action="store_true",
        help="skip the reference run (bare spaCy with numpy's matrix products)",
    )
    parser.add_argument("--stages", type=int, metavar="N", help="time stages and components over N reports")
    parser.add_argument(
        "--pipeline-only",
        action="store_true",
        help="run the pipeline only, on ready workers (to profile it: py-spy record --subprocesses)",
    )
    parser.add_argument("--probe", type=int, help=argparse.SUPPRESS)  # internal: one memory probe
    args = parser.parse_args()
    if args.probe:
        secs, _, _ = run_pipeline(dev_texts(args.docs), args.probe, args.jobs, progress=1000)
        own, workers = peak_rss_mb()
        print(json.dumps({"reports": args.probe, "seconds": secs, "main_mb": own, "worker_mb": workers}))
        return

    if args.stages:
        stage_profile(dev_texts(args.docs), args.stages)
        return
    if args.pipeline_only:
        from diplograph.pipeline import WorkerPool

        with WorkerPool(args.jobs) as workers:
            workers.ready()
            secs, done, failed = run_pipeline(dev_texts(args.docs), args.reports, args.jobs, warm=workers)
        print(f"pipeline ({workers.jobs} jobs): {args.reports / secs:.1f} reports/s, {failed} failed")
        return

    from diplograph.nlp import load_stock_model, model_description
    from diplograph.pipeline import WorkerPool, default_jobs

    texts = dev_texts(args.docs)
    jobs = args.jobs or default_jobs()
    chars = sum(len(t) for _, t in islice(cycle(texts), args.reports))
    print(
        f"{args.reports} reports ({len(texts)} distinct, {chars / 1e6:.1f} M characters), "
        f"model {model_description(load_stock_model())}, {jobs} job(s)"
    )

    print(f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    pipeline_runs: list[tuple[float, float]] = []  # (seconds, CPU ms per report) of each round
    bare_runs: list[tuple[float, float]] = []
    reference_runs: list[tuple[float, float]] = []
    startups: list[float] = []  # seconds to start the workers and load the model in each
    for round_number in range(args.rounds):
        # Alternate the order: a machine whose speed drifts (other tenants,
        # clock changes) then favours no side.
        sides = [("pipeline", pipeline_runs), ("bare", bare_runs)]
        if not args.no_reference:
            sides.append(("reference", reference_runs))
        for side, runs in sides if round_number % 2 == 0 else sides[::-1]:
            cpu = cpu_seconds()
            if side == "pipeline":
                started = time.perf_counter()
                with WorkerPool(jobs) as workers:
                    workers.ready()  # untimed, like bare spaCy's model loading
                    startup = time.perf_counter() - started
                    secs, done, failed = run_pipeline(texts, args.reports, jobs, warm=workers)
                startups.append(startup)
                if failed:
                    print(f"  round {round_number + 1}: {failed} reports failed", file=sys.stderr)
            else:
                secs = run_bare_spacy(texts, args.reports, numpy_matmul=side == "reference")
            runs.append((secs, (cpu_seconds() - cpu) / args.reports * 1000))
        if args.rounds > 1:
            (p_secs, p_cpu), (b_secs, b_cpu) = pipeline_runs[-1], bare_runs[-1]
            reference = ""
            if reference_runs:
                r_secs, r_cpu = reference_runs[-1]
                reference = f", reference {b_secs / r_secs:.2f}x bare ({r_cpu:.0f} CPU ms/report)"
            print(
                f"  round {round_number + 1}: pipeline {args.reports / p_secs:5.1f} reports/s "
                f"({p_cpu:.0f} CPU ms/report), bare spaCy {args.reports / b_secs:5.1f} reports/s "
                f"({b_cpu:.0f} CPU ms/report), ratio {b_secs / p_secs:.2f}{reference}"
            )
    n = args.reports * args.rounds
    secs = sum(r[0] for r in pipeline_runs)
    bare = sum(r[0] for r in bare_runs)
    pipeline_cpu = sum(r[1] for r in pipeline_runs) / args.rounds
    bare_cpu = sum(r[1] for r in bare_runs) / args.rounds
    pipeline_rate = n / secs
    bare_rate = n / bare
    print(
        f"diplograph pipeline ({jobs} jobs): {pipeline_rate:8.1f} reports/s  ({secs:.1f} s for {n} reports; "
        f"{pipeline_cpu:.0f} CPU ms/report)"
    )
    print(
        f"bare spaCy nlp.pipe (1 process): {bare_rate:8.1f} reports/s  ({bare:.1f} s; "
        f"{bare_cpu:.0f} CPU ms/report)"
    )
    print(f"ratio pipeline / bare spaCy:     {pipeline_rate / bare_rate:8.2f}  (wall clock)")
    cold = n / (secs + sum(startups))
    print(
        f"  counting the workers' start and model loading too ({sum(startups) / args.rounds:.1f} s a run): "
        f"{cold:.1f} reports/s, ratio {cold / bare_rate:.2f}"
    )
    print(
        f"ratio of CPU cost bare / pipeline: {bare_cpu / pipeline_cpu:6.2f}  "
        f"(x{jobs} cores = {jobs * bare_cpu / pipeline_cpu:.2f} on {jobs} idle cores)"
    )
    if reference_runs:
        reference_rate = n / sum(r[0] for r in reference_runs)
        reference_cpu = sum(r[1] for r in reference_runs) / args.rounds
        print(
            f"reference, bare spaCy with numpy matmul (1 process): {reference_rate:8.1f} reports/s  "
            f"({reference_cpu:.0f} CPU ms/report; {reference_rate / bare_rate:.2f}x bare spaCy)"
        )
        print(
            f"  ratio pipeline / reference: {pipeline_rate / reference_rate:8.2f}  (wall clock; "
            f"CPU cost reference / pipeline {reference_cpu / pipeline_cpu:.2f})"
        )
    print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")

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
