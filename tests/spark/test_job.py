"""The Spark job on a real local[2] session: the same extractor as the
in-process pipeline, every table written, failures kept, model loaded once
per Python worker; `load` puts the output into real SQLite and PostgreSQL
stores."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

from diplograph.cli import main
from diplograph.pipeline import process_batch
from diplograph.read import read_paths
from diplograph.records import Failure
from diplograph.spark.job import spark_extract
from diplograph.spark.load import read_output
from diplograph.spark.tables import SCHEMAS, TABLES

pytestmark = pytest.mark.spark


@pytest.fixture(scope="module")
def extracted(spark, mixed_inputs, tmp_path_factory):
    out = tmp_path_factory.mktemp("spark") / "out"
    summary = spark_extract(str(mixed_inputs), str(out), spark=spark, partitions=4)
    return summary, out


def _failure(f: Failure) -> tuple:
    return (f.id, f.source, f.reason, f.stage)


def test_same_records_as_the_in_process_pipeline(extracted, mixed_inputs, nlp):
    _, out = extracted
    expected = process_batch(list(read_paths([mixed_inputs])), nlp)
    got = list(read_output(out))
    assert [type(x) for x in got] == [type(x) for x in expected]
    for mine, theirs in zip(got, expected, strict=True):
        if isinstance(theirs, Failure):
            assert _failure(mine) == _failure(theirs)
        else:
            assert mine == theirs


def test_every_table_is_written_with_its_schema(extracted):
    summary, out = extracted
    for table in TABLES:
        data = pq.read_table(out / table)
        assert data.schema.names == SCHEMAS[table].names, table
        assert data.num_rows == summary.tables[table]
    assert not (out / "_staging").exists()
    assert summary.reports == 3
    assert summary.failures == 4  # empty, binary, malformed JSON line, record without text


def test_failures_say_why(extracted):
    _, out = extracted
    rows = pq.read_table(out / "errors").to_pylist()
    errors = {row["source"].rsplit("/", 1)[-1]: row["reason"] for row in rows}
    assert errors["empty.txt"] == "empty file"
    assert errors["binary.txt"] == "binary file (not text)"
    assert errors["batch.jsonl:2"].startswith("malformed JSON Lines record")
    assert "neither `text` nor `html`" in errors["batch.jsonl:3"]


def test_model_is_loaded_once_per_worker_not_per_report(extracted):
    summary, _ = extracted
    pids = {task["pid"] for task in summary.tasks}
    assert len(summary.tasks) == 4
    assert summary.model_loads <= len(pids) <= 2
    assert sum(task["reports"] + task["failures"] for task in summary.tasks) == 7


def test_a_local_session_runs_a_c1_only_jvm(spark):
    # the JVM only moves bytes to the Python workers; C2's compiling took CPU
    # from the same cores (LOCAL_CONF), so a local session starts it without
    bean = spark.sparkContext._jvm.java.lang.management.ManagementFactory.getRuntimeMXBean()
    assert "-XX:TieredStopAtLevel=1" in list(bean.getInputArguments())


def test_parquet_input_with_a_named_text_column(spark, tmp_path):
    text = "Vietnam and Japan upgraded their ties to a comprehensive strategic partnership on Monday."
    table = pa.table({"id": ["p1", "p2"], "body": [text, ""], "published": ["2023-11-27", None]})
    (tmp_path / "in").mkdir()
    pq.write_table(table, tmp_path / "in" / "part-0.parquet")
    summary = spark_extract(str(tmp_path / "in"), str(tmp_path / "out"), spark=spark, text_column="body")
    assert (summary.reports, summary.failures) == (1, 1)
    (report,) = pq.read_table(tmp_path / "out" / "reports").to_pylist()
    assert (report["id"], report["text"], report["published"]) == ("p1", text, "2023-11-27")
    (error,) = pq.read_table(tmp_path / "out" / "errors").to_pylist()
    assert (error["id"], error["reason"]) == ("p2", "empty report (no text)")


def _load(out: Path, url: str):
    return CliRunner().invoke(main, ["load", str(out), "--db", url])


def _report_ids(url: str) -> list[str]:
    import diplograph

    store = diplograph.open(url)
    try:
        return sorted(r.id for r in store.reports())
    finally:
        store.close()


def test_load_into_sqlite_is_idempotent(extracted, tmp_path):
    _, out = extracted
    url = f"sqlite:///{tmp_path / 'store.db'}"
    first = _load(out, url)
    assert first.exit_code == 1  # the four failures are listed
    assert "3 added" in first.output and "4 failed" in first.output
    assert "empty file" in first.output
    second = _load(out, url)
    assert "0 added" in second.output and "3 unchanged" in second.output
    assert _report_ids(url) == ["a", "b", "j1"]


@pytest.mark.postgres
def test_load_into_postgresql(extracted, postgres_url):
    _, out = extracted
    result = _load(out, postgres_url)
    assert "3 added" in result.output
    assert _report_ids(postgres_url) == ["a", "b", "j1"]


def test_load_refuses_a_folder_that_is_not_spark_output(tmp_path):
    result = _load(tmp_path, f"sqlite:///{tmp_path / 'x.db'}")
    assert result.exit_code == 2
    assert "not written by `diplograph spark-extract`" in result.output


def test_missing_java_is_one_clear_line(tmp_path, mixed_inputs):
    env = {**os.environ, "PATH": str(tmp_path), "JAVA_HOME": str(tmp_path / "nojava")}
    command = [str(Path(sys.executable).with_name("diplograph")), "spark-extract", str(mixed_inputs),
               str(tmp_path / "out")]  # fmt: skip
    result = subprocess.run(command, capture_output=True, text=True, env=env, timeout=120, check=False)
    assert result.returncode == 1
    assert "Java is not installed" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.slow
def test_cli_runs_a_job_end_to_end(spark_ready, mixed_inputs, tmp_path):
    """`diplograph spark-extract` in its own process, with its own local[1] session."""
    command = [str(Path(sys.executable).with_name("diplograph")), "spark-extract", str(mixed_inputs),
               str(tmp_path / "out"), "--master", "local[1]", "--partitions", "1"]  # fmt: skip
    result = subprocess.run(command, capture_output=True, text=True, timeout=600, check=False)
    assert result.returncode == 1, result.stderr  # 1: some reports failed
    assert "3 reports extracted, 4 failed" in result.stderr
    assert "empty file" in result.stderr
    assert pq.read_table(tmp_path / "out" / "reports").num_rows == 3


@pytest.mark.slow
def test_spark_submit_runs_the_driver_program(spark_ready, mixed_inputs, tmp_path):
    """The cluster path of docs/deploy.md: spark-submit with the executors'
    Python given by configuration, the driver program from `--path`."""
    bindir = Path(sys.executable).parent
    driver = subprocess.run([sys.executable, "-m", "diplograph.spark.submit", "--path"], capture_output=True,
                            text=True, check=True).stdout.strip()  # fmt: skip
    env = {**os.environ, "PATH": f"{bindir}{os.pathsep}{os.environ.get('PATH', '')}"}
    env.pop("PYSPARK_PYTHON", None)
    env.pop("PYSPARK_DRIVER_PYTHON", None)
    command = [
        str(bindir / "spark-submit"), "--master", "local[1]",
        "--conf", f"spark.pyspark.python={sys.executable}", "--conf", "spark.ui.enabled=false",
        driver, str(mixed_inputs), str(tmp_path / "out"), "--partitions", "1",
    ]  # fmt: skip
    result = subprocess.run(command, capture_output=True, text=True, env=env, timeout=600, check=False)
    assert result.returncode == 0, result.stderr[-3000:]
    # spark-submit passes the Python driver's stderr on through its stdout
    assert "3 reports extracted, 4 failed" in result.stdout + result.stderr
    assert pq.read_table(tmp_path / "out" / "errors").num_rows == 4


def test_a_missing_input_is_one_clear_line(tmp_path):
    result = CliRunner().invoke(main, ["spark-extract", str(tmp_path / "nowhere"), str(tmp_path / "out")])
    assert result.exit_code == 1
    assert "no such file or directory" in result.output
    assert not (tmp_path / "out").exists()


def test_a_folder_without_reports_gives_empty_tables(spark, tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "photo.png").write_bytes(b"\x89PNG")
    summary = spark_extract(str(tmp_path / "in"), str(tmp_path / "out"), spark=spark)
    assert (summary.reports, summary.failures) == (0, 0)
    for table in TABLES:
        assert pq.read_table(tmp_path / "out" / table).schema.names == SCHEMAS[table].names
