"""`diplograph extract` end to end: through click's CliRunner (in process,
the session's model) and as a real subprocess of the installed console
script. Inputs are the real seeds and real bad files made in tmp_path."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from diplograph.cli import main

ROOT = Path(__file__).resolve().parents[2]
DIPLOGRAPH = Path(sys.executable).parent / "diplograph"
CONTRACT_KEYS = {"doc_id", "published", "persons", "meetings", "documents", "targets", "partnerships"} | {
    "events"
}
GOOD = (
    "Vietnam and Malaysia deepen ties\n"
    "Prime Minister Pham Minh Chinh met Malaysian Prime Minister Anwar Ibrahim in Kuala Lumpur on Monday.\n"
    "The two leaders agreed to raise two-way trade to 20 billion USD by 2030.\n"
)


def run(*args: str, input: str | bytes | None = None):
    return CliRunner().invoke(main, ["extract", "--jobs", "1", *args], input=input)


@pytest.fixture()
def bad_batch(tmp_path: Path) -> tuple[Path, list[Path]]:
    """A folder with two good reports and one of every kind of bad input."""
    folder = tmp_path / "batch"
    folder.mkdir()
    (folder / "a_good.txt").write_text(GOOD, encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 20)
    (folder / "latin1.txt").write_bytes(GOOD.encode("utf-8").replace(b"Malaysian", b"Malaysi\xe1n"))
    with open(folder / "huge.txt", "wb") as handle:
        handle.truncate(50 * 1024 * 1024)  # 50 MB (sparse: refused before it is read)
    (folder / "mixed.jsonl").write_text(
        json.dumps({"id": "j_good", "text": GOOD}) + "\n{this is not json\n", encoding="utf-8"
    )
    (folder / "french.txt").write_text(
        "Le Premier ministre a rencontré son homologue malaisien à Kuala Lumpur. Les deux dirigeants "
        "ont convenu de porter le commerce bilatéral à 20 milliards de dollars.",
        encoding="utf-8",
    )
    missing = tmp_path / "missing.txt"
    return folder, [missing]


def test_seeds_print_one_contract_line_each(seeds: list[Path]) -> None:
    result = run(*map(str, seeds))
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == len(seeds) == 5
    records = [json.loads(line) for line in lines]
    assert [r["doc_id"] for r in records] == [p.stem for p in seeds]
    for record in records:
        assert set(record) >= CONTRACT_KEYS
    assert result.stderr == ""


def test_every_bad_input_is_one_stderr_line_and_one_error_record(bad_batch, tmp_path: Path) -> None:
    folder, extra = bad_batch
    errors = tmp_path / "errors.jsonl"
    result = run(str(folder), *map(str, extra), "--errors", str(errors))
    assert result.exit_code == 1
    good = [json.loads(line)["doc_id"] for line in result.stdout.splitlines()]
    assert good == ["a_good", "j_good"]
    stderr = result.stderr.splitlines()
    expected = {
        f"{folder / 'binary.txt'}": "binary file (not text)",
        f"{folder / 'empty.txt'}": "empty file",
        f"{folder / 'french.txt'}": "not English (looks like fr)",
        f"{folder / 'huge.txt'}": "too large (50.0 MB; the limit is 10 MB)",
        f"{folder / 'mixed.jsonl'}:2": "malformed JSON Lines record",
        f"{folder / 'latin1.txt'}": "invalid UTF-8 at byte",
        str(extra[0]): "cannot read: No such file or directory",
    }
    assert len(stderr) == len(expected)
    for line in stderr:
        where, reason = line.split(": ", 1)
        assert reason.startswith(expected[where]), line
    records = [json.loads(line) for line in errors.read_text().splitlines()]
    assert {r["source"] for r in records} == set(expected)
    assert all(set(r) == {"id", "source", "reason", "stage"} for r in records)


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    (tmp_path / "r.txt").write_text(GOOD)
    assert run().exit_code == 2  # no PATH
    assert run(str(tmp_path / "r.txt"), "--format", "xml").exit_code == 2
    assert run(str(tmp_path / "r.txt"), "--published", "not a date").exit_code == 2
    assert run(str(tmp_path / "r.txt"), "--jobs", "0").exit_code == 2


def test_a_missing_path_is_a_failure_not_a_crash(tmp_path: Path) -> None:
    result = run(str(tmp_path / "nope.txt"))
    assert result.exit_code == 1
    assert result.stderr == f"{tmp_path / 'nope.txt'}: cannot read: No such file or directory\n"
    assert result.stdout == ""


def test_json_table_output_file_published_and_stdin(tmp_path: Path) -> None:
    path = tmp_path / "talks.txt"
    path.write_text(GOOD, encoding="utf-8")
    result = run(str(path), "--format", "json", "--published", "2025-10-27")
    assert result.exit_code == 0
    array = json.loads(result.stdout)
    assert [r["doc_id"] for r in array] == ["talks"]
    assert array[0]["published"] == "2025-10-27" and array[0]["title"] == "Vietnam and Malaysia deepen ties"
    table = run(str(path), "--format", "table")
    assert table.exit_code == 0 and "talks" in table.stdout and "published" in table.stdout
    out = tmp_path / "out.jsonl"
    assert run(str(path), "-o", str(out)).exit_code == 0
    assert json.loads(out.read_text())["doc_id"] == "talks"
    piped = run("-", input=GOOD)
    assert piped.exit_code == 0 and json.loads(piped.stdout)["doc_id"] == "stdin"
    piped_jsonl = run("-", input=json.dumps({"id": "x1", "text": GOOD}) + "\n")
    assert json.loads(piped_jsonl.stdout)["doc_id"] == "x1"
    empty = run("--format", "json", str(tmp_path / "nope.txt"))
    assert json.loads(empty.stdout) == [] and empty.exit_code == 1


def test_quiet_leaves_only_failures_on_stderr_and_verbose_names_the_model(tmp_path: Path) -> None:
    path = tmp_path / "talks.txt"
    path.write_text(GOOD, encoding="utf-8")
    quiet = run(str(path), str(tmp_path / "nope.txt"), "--quiet")
    assert quiet.stderr.splitlines() == [f"{tmp_path / 'nope.txt'}: cannot read: No such file or directory"]
    verbose = run(str(path), "--verbose")
    assert "1 reports extracted, 0 failed" in verbose.stderr


def test_real_subprocess_exit_codes_and_stderr(tmp_path: Path, seeds: list[Path]) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x01\x02 binary")
    errors = tmp_path / "errors.jsonl"
    proc = subprocess.run(
        [str(DIPLOGRAPH), "extract", str(seeds[0]), str(bad), "--errors", str(errors), "--verbose"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 1
    assert json.loads(proc.stdout)["doc_id"] == seeds[0].stem
    assert f"{bad}: binary file (not text)" in proc.stderr.splitlines()
    assert "loaded spaCy model" in proc.stderr  # --verbose names the model
    assert json.loads(errors.read_text())["reason"] == "binary file (not text)"
    ok = subprocess.run([str(DIPLOGRAPH), "extract", str(seeds[0]), "-q"], capture_output=True, timeout=300)
    assert ok.returncode == 0 and ok.stderr == b""
    usage = subprocess.run([str(DIPLOGRAPH), "extract"], capture_output=True, timeout=300)
    assert usage.returncode == 2


def test_progress_bar_on_a_terminal_and_not_with_quiet(tmp_path: Path) -> None:
    import pty

    for i in range(7):
        (tmp_path / f"r{i}.txt").write_text(GOOD, encoding="utf-8")

    def stderr_on_a_tty(*extra: str) -> str:
        leader, follower = pty.openpty()
        proc = subprocess.Popen(
            [str(DIPLOGRAPH), "extract", str(tmp_path), "--jobs", "1", *extra],
            stdout=subprocess.DEVNULL,
            stderr=follower,
            env={**os.environ, "TERM": "xterm", "COLUMNS": "100"},
        )
        os.close(follower)
        chunks = []
        while True:
            try:
                chunk = os.read(leader, 4096)
            except OSError:
                break
            if not chunk:
                break
            chunks.append(chunk)
        proc.wait(timeout=300)
        os.close(leader)
        return b"".join(chunks).decode("utf-8", "replace")

    assert "extracting" in stderr_on_a_tty()
    assert stderr_on_a_tty("--quiet") == ""
