"""`bench/throughput.py` keeps working: a small run with two interleaved
rounds prints each round and the ratios, against bare spaCy and against the
reference (bare spaCy with numpy's matrix products). No time is asserted (figures
depend on the machine); only that the benchmark runs end to end on real
reports and says what it measured."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

pytestmark = [pytest.mark.shared, pytest.mark.slow]


def test_throughput_bench_prints_rounds_and_ratios(shared: Path) -> None:
    # 40 reports are two worker chunks, so the worker pool is used
    command = [sys.executable, str(ROOT / "bench" / "throughput.py"), "--reports", "40", "--rounds", "2",
               "--jobs", "2", "--docs", str(shared / "eval" / "dev" / "docs")]  # fmt: skip
    result = subprocess.run(command, capture_output=True, text=True, timeout=600, check=True)
    out = result.stdout
    assert re.search(r"round 1: pipeline .* ratio \d", out)
    assert re.search(r"round 2: pipeline .* ratio \d", out)
    assert re.search(r"diplograph pipeline \(2 jobs\): .* for 80 reports", out)
    assert re.search(r"ratio pipeline / bare spaCy: +\d+\.\d\d", out)
    # the reference (bare spaCy with numpy's matrix products) is run and compared too
    assert re.search(r"round 2: .* reference \d+\.\d\dx bare", out)
    assert re.search(r"ratio pipeline / reference: +\d+\.\d\d", out)
    assert "reports failed" not in result.stderr
