"""`diplograph who NAME [--on DATE]` end to end: in process through click's
CliRunner and as a real subprocess of the installed console script, on the
real bundled table and a real user file."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from diplograph.cli import main

DIPLOGRAPH = Path(sys.executable).parent / "diplograph"


def who(*args: str, env: dict[str, str] | None = None):
    return CliRunner().invoke(main, ["who", *args], env=env)


def test_who_on_a_date_names_state_office_and_source() -> None:
    result = who("Phạm Minh Chính", "--on", "2023-05-01")
    assert result.exit_code == 0, result.output
    lines = result.output.strip().splitlines()
    assert len(lines) == 1
    name, state, office, span, source = lines[0].split("\t")
    assert (name, state, office) == ("Pham Minh Chinh", "VNM", "head_of_government (Prime Minister)")
    assert span == "2021-07-26 – now"
    assert source.startswith("bundle: factbook:2021")


def test_who_without_a_date_lists_every_tenure() -> None:
    result = who("ABE Shinzo")
    assert result.exit_code == 0
    spans = [line.split("\t")[3] for line in result.output.strip().splitlines()]
    assert spans[:2] == ["2006-09-26 – 2007-09-26", "2012-12-26 – 2021-10-04"]


def test_who_a_body_head_from_the_curated_file() -> None:
    result = who("Ban Ki-moon", "--on", "2010-06-01", "--json")
    assert result.exit_code == 0
    found = json.loads(result.output)
    assert [(t["state"], t["office"], t["origin"]) for t in found] == [("UN", "secretary_general", "curated")]
    assert found[0]["source"].startswith("https://en.wikipedia.org/")


def test_who_out_of_office_exits_1_and_shows_the_other_tenures() -> None:
    result = who("Nguyen Xuan Phuc", "--on", "2024-01-01")
    assert result.exit_code == 1
    assert result.stdout == ""  # the message and the other tenures go to stderr
    assert "no office known for 'Nguyen Xuan Phuc' on 2024-01-01" in result.stderr
    assert "other: Nguyen Xuan Phuc\tVNM\thead_of_state\t2021-07-26 – 2023-03-02" in result.stderr


def test_who_with_a_user_file_and_its_error(tmp_path: Path) -> None:
    mine = tmp_path / "mine.csv"
    mine.write_text(
        "name,state,office,title,start\nJane ENVOY,SGP,minister:trade,Minister for Trade,2024-02-01\n"
    )
    result = who("Jane Envoy", "--on", "2025-01-01", "--officials", str(mine))
    assert result.exit_code == 0
    assert result.output.split("\t")[1] == "SGP"
    assert f"user file {mine}:2" in result.output
    bad = tmp_path / "bad.csv"
    bad.write_text("name,state,office,start\nJane ENVOY,SGP,minister:trade,1 May 2024\n")
    result = who("Jane Envoy", "--officials", str(bad))
    assert result.exit_code == 1
    assert f"{bad}:2: start '1 May 2024' is not a date (YYYY-MM-DD)" in result.output


def test_who_as_a_real_process_reads_the_environment(tmp_path: Path) -> None:
    mine = tmp_path / "mine.tsv"
    mine.write_text("name\tstate\toffice\tstart\nAda ENVOY\tMYS\tforeign_minister\t2030-01-01\n")
    env = dict(os.environ, DIPLOGRAPH_OFFICIALS=str(mine))
    done = subprocess.run(
        [str(DIPLOGRAPH), "who", "Ada Envoy", "--on", "2031-01-01"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split("\t")[:3] == ["Ada Envoy", "MYS", "foreign_minister"]
    done = subprocess.run([str(DIPLOGRAPH), "who", "Nobody Here"], capture_output=True, text=True, timeout=60)
    assert done.returncode == 1 and "no office known for 'Nobody Here'" in done.stderr
