"""A plain `pip install .` works: every package the code imports at run time
is a declared dependency (CI also builds the wheel and runs it in a fresh
venv: scripts/check_wheel.sh), and a command whose optional extra is missing
says what to install instead of printing a traceback."""

from __future__ import annotations

import re
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _declared() -> set[str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    names = set()
    for requirement in project["dependencies"]:
        names.add(re.split(r"[\[=<>!~; ]", requirement, maxsplit=1)[0].lower().replace("-", "_"))
    return names


def test_what_lxml_6_split_off_is_declared() -> None:
    """jusText (trafilatura's fallback) imports lxml.html.clean, a separate
    package since lxml 6; the dev extras used to hide its absence."""
    import justext  # noqa: F401 - the import that failed in a plain install
    import lxml.html.clean  # noqa: F401

    assert {"lxml_html_clean", "lxml", "htmldate", "charset_normalizer", "trafilatura"} <= _declared()


def test_ci_checks_the_wheel_in_a_plain_venv() -> None:
    assert "scripts/check_wheel.sh" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    script = (ROOT / "scripts" / "check_wheel.sh").read_text(encoding="utf-8")
    assert "pip\" wheel" in script and "diplograph\" extract" in script and "-e " not in script


def test_spark_extract_without_pyspark_says_what_to_install(tmp_path: Path) -> None:
    """PySpark made unimportable for this one process, as if never installed."""
    code = (
        "import sys; sys.modules['pyspark'] = None\n"
        "from diplograph.cli import main\n"
        f"sys.argv = ['diplograph', 'spark-extract', {str(ROOT / 'examples')!r}, {str(tmp_path / 'out')!r}]\n"
        "main()\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert "pip install 'diplograph[spark]'" in done.stderr
