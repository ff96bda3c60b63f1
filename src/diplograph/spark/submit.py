"""The driver program for `spark-submit` on a cluster:

    spark-submit [spark options] "$(python -m diplograph.spark.submit --path)" INPUT OUTPUT [--partitions N]

spark-submit runs a Python file, and this module is that file. Unlike the
`diplograph spark-extract` command it sets no master and no Python for the
executors: both come from spark-submit (`--master`, `--archives` with a
packed environment, `spark.pyspark.python`). See docs/deploy.md.
"""

from __future__ import annotations

import argparse
import sys


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="diplograph.spark.submit", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)  # fmt: skip
    parser.add_argument("--path", action="store_true", help="print this file's path and exit")
    parser.add_argument("input", nargs="?")
    parser.add_argument("output", nargs="?")
    parser.add_argument("--partitions", type=int)
    parser.add_argument("--input-format", default="auto", choices=["auto", "files", "parquet"])
    parser.add_argument("--text-column", default="text")
    parser.add_argument("--published")
    args = parser.parse_args(argv)
    if args.path:
        print(__file__)
        return 0
    if not (args.input and args.output):
        parser.error("INPUT and OUTPUT are required")
    from diplograph.spark.job import spark_extract

    summary = spark_extract(args.input, args.output, master=None, partitions=args.partitions,
                            input_format=args.input_format, text_column=args.text_column,
                            published=args.published)  # fmt: skip
    print(f"{summary.reports} reports extracted, {summary.failures} failed, in {summary.seconds:.1f} s; "
          f"rows: {summary.tables}", file=sys.stderr)  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
