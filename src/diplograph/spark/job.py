"""The Spark job (driver side): read the input, run the pipeline on every
partition, write one Parquet directory per table.

    binaryFile / Parquet -> items -> repartition(n) -> mapInArrow(extract_items)
      -> _staging (table, JSON row) -> one Parquet directory per table

Why a staging step: the extraction runs exactly once (a Python UDF is the
expensive part), and each table is then a cheap `from_json` over the staged
rows. The staging directory is removed at the end.

Why `repartition`: Spark packs many small files into one input split, which
would leave all the work to one core; spreading the items over
`partitions` tasks (default: 4 per core) is what makes local[2] use both.
"""

from __future__ import annotations

import json
import os
import sys
import time
import warnings
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from functools import partial, reduce
from pathlib import Path, PurePosixPath

from diplograph.read.directory import KINDS, kind_of
from diplograph.spark.items import ITEM_DDL, ROW_DDL, TASKS, extract_items, local_path, split_files
from diplograph.spark.tables import TABLES, spark_ddl

#: Settings for a small local session: no web UI, few shuffle partitions,
#: modest driver memory, Python workers reused (so the model is loaded once per
#: worker), and a JVM that compiles with C1 only (`TieredStopAtLevel=1`). The
#: JVM here only moves bytes between files and the Python workers, which do
#: the work; its C2 compiler spent about 7 s of CPU per 1,000-report job on
#: code that never became hot enough to repay it, and on a local master that
#: CPU is taken from the same cores as the workers (JVM CPU 15 -> 8 s per
#: 1,000 reports, measured; docs/deploy.md).
LOCAL_CONF = {
    "spark.driver.extraJavaOptions": "-XX:TieredStopAtLevel=1",
    "spark.ui.enabled": "false",
    "spark.ui.showConsoleProgress": "false",
    "spark.sql.shuffle.partitions": "4",
    "spark.driver.memory": "1g",
    "spark.python.worker.reuse": "true",
    "spark.sql.execution.arrow.maxRecordsPerBatch": "64",
    "spark.sql.sources.partitionColumnTypeInference.enabled": "false",
}

INPUT_FORMATS = ("auto", "files", "parquet")


class SparkUnavailable(RuntimeError):
    """PySpark or Java is missing: say which, and how to get it."""


@dataclass
class Summary:
    reports: int = 0
    failures: int = 0
    partitions: int = 0
    seconds: float = 0.0
    tables: dict[str, int] = field(default_factory=dict)
    tasks: list[dict] = field(default_factory=list)
    phases: dict[str, float] = field(default_factory=dict)  # seconds: extract (to staging), tables

    @property
    def model_loads(self) -> int:
        return sum(1 for t in self.tasks if t.get("model_loaded"))


def check_requirements() -> None:
    try:
        import pyspark  # noqa: F401
    except ImportError as error:
        raise SparkUnavailable(
            "PySpark is not installed: pip install 'diplograph[spark]' (pyspark 4, needs Java 17)"
        ) from error
    java = Path(os.environ["JAVA_HOME"]) / "bin" / "java" if os.environ.get("JAVA_HOME") else None
    if not (java and java.exists()) and not _which("java"):
        raise SparkUnavailable(
            "Java is not installed (Spark 4 needs Java 17): apt-get install openjdk-17-jre-headless, "
            "or set JAVA_HOME"
        )


def _which(name: str) -> str | None:
    import shutil

    return shutil.which(name)


def session(
    master: str | None = "local[2]", app_name: str = "diplograph", conf: dict[str, str] | None = None
):
    """A SparkSession. Local masters run the Python workers with this very
    interpreter (so they import diplograph); with `master=None` (under
    spark-submit) the master and the executors' Python come from
    spark-submit's configuration (`spark.pyspark.python`, `--archives`)."""
    check_requirements()
    local = master is not None and master.startswith("local")
    if local:
        os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
        os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
    warnings.filterwarnings("ignore", "PySpark does not yet fully support pandas", FutureWarning)
    from pyspark.sql import SparkSession

    builder = SparkSession.builder.appName(app_name)
    if master is not None:
        builder = builder.master(master)
    for key, value in {**(LOCAL_CONF if local else {}), **(conf or {})}.items():
        builder = builder.config(key, value)
    spark = builder.getOrCreate()
    spark.sparkContext.setLogLevel("ERROR")
    return spark


def _is_parquet(path: str) -> bool:
    if path.endswith(".parquet"):
        return True
    local = Path(path)
    if local.is_dir():
        names = [p for p in local.rglob("*") if p.is_file() and not p.name.startswith((".", "_"))]
        return bool(names) and all(p.suffix == ".parquet" for p in names)
    return False


def _glob(extension: str) -> str:
    """A Hadoop glob for an extension in any case (`txt` -> `[tT][xX][tT]`):
    the read stage takes `REPORT.TXT` too."""
    return "".join(f"[{c.lower()}{c.upper()}]" if c.isalpha() else c for c in extension)


def _is_local(input: str) -> bool:
    return "://" not in input or input.startswith("file:")


def read_items(
    spark, input: str, input_format: str = "auto", text_column: str = "text", published: str | None = None
):
    """The input as a DataFrame of items (kind, path, line, data[, id, refused]).

    A local input of files carries each item's report id, decided for the
    whole batch by `read.identity` on the driver (`spark.identity`), and its
    path as the batch gave it; an input Spark lists elsewhere (`hdfs://`,
    `s3a://`) keeps the stems as ids (docs/store.md)."""
    from pyspark.sql import DataFrame
    from pyspark.sql import functions as F

    if input_format == "auto":
        input_format = "parquet" if _is_parquet(input) else "files"
    if input_format == "parquet":
        frame = spark.read.parquet(input)
        if text_column != "text" and text_column in frame.columns:
            frame = frame.withColumnRenamed(text_column, "text")
        frame = frame.withColumn("_path", F.input_file_name())
        columns = [c for c in frame.columns if c != "_path"]

        def to_item(pair):
            row, index = pair
            obj = {c: row[c] for c in columns}
            return ("object", local_path(row["_path"]), index + 1, json.dumps(obj, default=str).encode())

        return frame.rdd.zipWithIndex().map(to_item).toDF(ITEM_DDL)
    pattern = "*.{" + ",".join(sorted(_glob(ext.lstrip(".")) for ext in KINDS)) + "}"
    files = (
        spark.read.format("binaryFile")
        .option("recursiveFileLookup", "true")
        .option("pathGlobFilter", pattern)
        .option("ignoredPathSegmentRegex", "^[.]")  # hidden files, as the read stage skips them
        .load(input)
        .select("path", "content")
    )
    unscheme = "^file:(//)?"  # local_path() in the JVM
    path = F.regexp_replace("path", unscheme, "").alias("path")
    line0 = F.lit(0).cast("bigint").alias("line")
    # Text and HTML files become items in the JVM; only JSON Lines files go
    # through Python (split_files) to be cut into numbered lines, and only
    # when there are any: a Python stage before the shuffle would otherwise
    # start workers (and import the pipeline) for nothing.
    jsonl = [ext.lstrip(".") for ext, kind in KINDS.items() if kind == "jsonl"]
    is_jsonl = F.lower(F.col("path")).rlike(r"\.(" + "|".join(jsonl) + ")$")
    kind_file = F.lit("file").alias("kind")
    parts = [files.where(~is_jsonl).select(kind_file, path, line0, F.col("content").alias("data"))]
    listing = files.inputFiles()
    if any(kind_of(PurePosixPath(local_path(p))) == "jsonl" for p in listing):
        parts.append(files.where(is_jsonl).mapInArrow(split_files, ITEM_DDL))
    # A file scan drops zero-length files; they must come out as failures
    # ("empty file"), so the listing is compared with what was scanned.
    listed = spark.createDataFrame([(p,) for p in listing], "path STRING").select(path)
    empty = listed.join(files.select(path), "path", "left_anti").select(
        kind_file, "path", line0, F.lit(b"").cast("binary").alias("data")
    )
    parts.append(empty)
    items = reduce(DataFrame.unionByName, parts)
    if not _is_local(input):
        return items
    from diplograph.spark.identity import ASSIGNED_DDL, assign

    # An inner join: what the read stage would not read (a file reached again
    # through a link, a linked folder) is not read here either.
    # Keyed by the path as Spark lists it (the input may be written `in/../in/`).
    spark_name = {os.path.normpath(local_path(p)): local_path(p) for p in listing}
    rows = [(spark_name.get(a.abs, a.abs), *a.row()[1:]) for a in assign(local_path(input), published)]
    assigned = spark.createDataFrame(rows, ASSIGNED_DDL)
    joined = items.join(F.broadcast(assigned), (items.path == assigned.abs) & (items.line == assigned.line))
    return joined.select(
        items.kind, assigned.source_path.alias("path"), items.line, items.data, assigned.id, assigned.refused
    )


def spark_extract(
    input: str,
    output: str,
    master: str | None = "local[2]",
    partitions: int | None = None,
    input_format: str = "auto",
    text_column: str = "text",
    published: str | None = None,
    spark=None,
) -> Summary:
    """Extract every report under `input` and write the tables under `output`.

    Pass `spark` to reuse a running session (tests, notebooks); otherwise one
    is started on `master` (None: the one spark-submit configured) and
    stopped at the end.
    """
    from pyspark.sql import functions as F

    if input_format not in INPUT_FORMATS:
        raise ValueError(f"input format must be one of {', '.join(INPUT_FORMATS)}")
    if "://" not in input and not Path(input).exists():
        raise FileNotFoundError(f"{input}: no such file or directory")
    own = spark is None
    spark = spark or session(master)
    started = time.perf_counter()
    try:
        items = read_items(spark, input, input_format, text_column, published)
        n = partitions or spark.sparkContext.defaultParallelism * 4
        staging = output.rstrip("/") + "/_staging"
        (
            items.repartition(n)
            .mapInArrow(partial(extract_items, published=published), ROW_DDL)
            .write.mode("overwrite")
            .parquet(staging)
        )
        summary_phases = {"extract": time.perf_counter() - started}
        staged = spark.read.parquet(staging)
        summary = Summary(partitions=n, phases=summary_phases)

        def write_table(table: str) -> None:
            rows = F.from_json("row", spark_ddl(table)).alias("r")
            frame = staged.where(F.col("table") == table).select(rows).select("r.*")
            frame.write.mode("overwrite").parquet(f"{output.rstrip('/')}/{table}")

        # Nine small jobs: submitted together (Spark schedules concurrent jobs
        # from driver threads), their fixed costs overlap instead of adding up.
        with ThreadPoolExecutor(max_workers=len(TABLES)) as pool:
            list(pool.map(write_table, TABLES))
        counts = {row["table"]: row["count"] for row in staged.groupBy("table").count().collect()}
        summary.tables = {table: counts.get(table, 0) for table in TABLES}
        summary.tasks = [json.loads(r["row"]) for r in staged.where(F.col("table") == TASKS).collect()]
        summary.reports = summary.tables["reports"]
        summary.failures = summary.tables["errors"]
        _remove(spark, staging)
        summary.seconds = time.perf_counter() - started
        summary.phases["tables"] = summary.seconds - summary.phases["extract"]
        return summary
    finally:
        if own:
            spark.stop()


def _remove(spark, path: str) -> None:
    """Delete a directory through Hadoop's FileSystem (works for file:, hdfs:, s3a:)."""
    jvm = spark.sparkContext._jvm
    hadoop_path = jvm.org.apache.hadoop.fs.Path(path)
    hadoop_path.getFileSystem(spark.sparkContext._jsc.hadoopConfiguration()).delete(hadoop_path, True)
