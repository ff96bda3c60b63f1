"""The extraction code stays readable (issue 13): no function in
`extract/` or `actors/` longer than 80 lines or of cyclomatic complexity
above 25 (radon's measure), and no private name (`_x`) of one diplograph
module imported or used by another. Why: a newcomer must be able to add a
pattern without reading a function of a hundred branches, and a module's
private helpers must be free to change."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

radon_complexity = pytest.importorskip("radon.complexity")

SRC = Path(__file__).resolve().parents[1] / "src" / "diplograph"
RULE_CODE = [p for d in ("extract", "actors") for p in sorted((SRC / d).rglob("*.py"))]
MAX_COMPLEXITY = 25
MAX_LINES = 80


def _functions(path: Path):
    """Every function, method and nested function of a file (radon's blocks)."""
    todo = list(radon_complexity.cc_visit(path.read_text(encoding="utf-8")))
    while todo:
        block = todo.pop()
        todo += [*getattr(block, "methods", []), *getattr(block, "closures", [])]
        if not hasattr(block, "methods"):  # a class's own figure is not a function's
            yield block


def test_no_rule_function_is_too_complex_or_too_long() -> None:
    found = []
    for path in RULE_CODE:
        for f in _functions(path):
            lines = f.endline - f.lineno + 1
            if f.complexity > MAX_COMPLEXITY or lines > MAX_LINES:
                where = f"{path.relative_to(SRC)}:{f.lineno} {f.name}"
                found.append(f"{where}: complexity {f.complexity}, {lines} lines")
    assert not found, "\n".join(found)


def _private_uses(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    modules: set[str] = set()
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and (node.level or (node.module or "").startswith("diplograph")):
            for alias in node.names:
                if alias.name.startswith("_") and not alias.name.startswith("__"):
                    out.append(f"{path.relative_to(SRC)}:{node.lineno} imports {node.module}.{alias.name}")
                modules.add(alias.asname or alias.name)
        elif isinstance(node, ast.Import):
            names = [a for a in node.names if a.name.startswith("diplograph")]
            modules |= {(a.asname or a.name).split(".")[0] for a in names}
    for node in ast.walk(tree):
        if (isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id in modules
                and node.attr.startswith("_") and not node.attr.startswith("__")):
            out.append(f"{path.relative_to(SRC)}:{node.lineno} uses {node.value.id}.{node.attr}")
    return out


def test_no_private_name_crosses_a_module() -> None:
    found = [use for path in sorted(SRC.rglob("*.py")) for use in _private_uses(path)]
    assert not found, "\n".join(found)
