"""A batch's inputs and each report's identity (its `id`, the `doc_id` of
`extract`, the key of the store).

Why a pass over the whole batch first: an id must never be shared by two
reports of one batch (the store would silently keep one of them), yet a
plain file's id stays its stem wherever that is unique, because that is what
people and the evaluation sets use. Only the batch as a whole tells whether
two inputs collide, so the inputs are listed (cheap: a directory walk, and
the `id` of each JSON Lines record) before any report is read.

The rule (docs/store.md says it too):

- a text or HTML file's key is its stem; a JSON Lines record's key is its
  `id`, else `<file stem>-<line number>`;
- a key that belongs to one input only is the report's id;
- a key that two or more inputs share is qualified for every one of them:
  a file becomes its *label* (its name with extension, or as many trailing
  folders of its path as tell it apart from the other inputs of the same
  name: `a/report.txt`, `x.html`), a JSON Lines record `<label>:<key>`;
- the same key twice in one JSON Lines file, the same file given twice, or
  an id met again despite all this, is a repeat: the later one is refused
  with a reason (never a silent replace);
- every real file is read once: a file reached again through a symbolic
  link is skipped, and a symbolic link to a directory is not walked (it
  would loop, or walk the disk).
"""

from __future__ import annotations

import json
import os
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from diplograph.read.directory import kind_of, walk
from diplograph.records import Failure


@dataclass
class Input:
    """One file of the batch (or standard input, `path` None)."""

    path: Path | None
    kind: str
    label: str = ""
    keys: list[str | None] = field(default_factory=list)  # JSON Lines: the key of each line


@dataclass
class Plan:
    """The batch's inputs in reading order, the failures met while listing
    them (in place), and which keys more than one input shares."""

    items: list[Input | Failure]
    shared: set[str]


def key_of(obj: object, stem: str, number: int) -> str | None:
    """The key a JSON Lines record asks for (None: the line is not a record)."""
    if not isinstance(obj, dict):
        return None
    given = obj.get("id")
    if isinstance(given, str | int) and not isinstance(given, bool) and str(given):
        return str(given)
    return f"{stem}-{number}"


def _jsonl_keys(path: Path) -> list[str | None]:
    """The key of each line of a JSON Lines file (None for blank or broken
    lines, which the reader reports). Read line by line, never whole, each
    line bounded as the reader bounds it (so the line numbers agree)."""
    from diplograph.read.jsonl import bounded_lines

    keys: list[str | None] = []
    try:
        with open(path, "rb") as handle:
            for number, raw in enumerate(bounded_lines(handle), start=1):
                try:
                    obj = json.loads(raw.decode("utf-8-sig")) if raw.strip() else None
                except (ValueError, UnicodeDecodeError):
                    obj = None
                keys.append(key_of(obj, path.stem, number))
    except OSError:
        pass  # the reader says why
    return keys


def _files(paths: Iterable[str | Path], input_format: str) -> Iterator[Input | Failure]:
    """Every input of the batch, each real file once."""
    seen: dict[str, str] = {}  # real path -> the path it was first read as
    for given in paths:
        if str(given) == "-":
            yield Input(None, input_format)
            continue
        path = Path(given)
        if path.is_dir():
            found = False
            for file in walk(path):
                found = True
                real = os.path.realpath(file)
                if real in seen:
                    continue  # the same file through a link: read once
                seen[real] = str(file)
                yield Input(file, kind_of(file) if input_format == "auto" else input_format)
            if not found:
                yield Failure(str(path), str(path), "directory holds no report files (.txt, .html, .jsonl)")
            continue
        real = os.path.realpath(path)
        if real in seen:
            yield Failure(
                str(path), str(path), f"repeated input: the same file as {seen[real]}, read already"
            )
            continue
        if path.exists():
            seen[real] = str(path)
        yield Input(path, kind_of(path) if input_format == "auto" else input_format)


def _labels(inputs: list[Input]) -> None:
    """Each file's label: its name, with as many trailing folders as tell it
    apart from the batch's other files of the same name."""
    by_name: dict[str, list[Input]] = defaultdict(list)
    for item in inputs:
        if item.path is not None:
            by_name[item.path.name].append(item)
    for group in by_name.values():
        parts = {id(i): Path(os.path.normpath(i.path)).parts for i in group}  # type: ignore[arg-type]
        for item in group:
            mine = parts[id(item)]
            for k in range(1, len(mine) + 1):
                tail = mine[-k:]
                if all(other is item or parts[id(other)][-k:] != tail for other in group):
                    break
            item.label = "/".join(p for p in tail if p != "/") or item.path.name  # type: ignore[union-attr]


def plan(paths: Iterable[str | Path], input_format: str = "auto") -> Plan:
    """List the batch and find the keys its inputs share."""
    items = list(_files(paths, input_format))
    inputs = [i for i in items if isinstance(i, Input)]
    _labels(inputs)
    owners: dict[str, set[int]] = defaultdict(set)
    for n, item in enumerate(inputs):
        if item.path is None:
            continue
        if item.kind == "jsonl":
            item.keys = _jsonl_keys(item.path)
            for key in item.keys:
                if key is not None:
                    owners[key].add(n)
        else:
            owners[item.path.stem].add(n)
    return Plan(items, {key for key, who in owners.items() if len(who) > 1})


class Identities:
    """Hands out the ids of one batch's reports and refuses repeats."""

    def __init__(self, shared: set[str]) -> None:
        self.shared = shared
        self.given: dict[str, str] = {}  # id -> the source that has it

    def file_id(self, item: Input) -> str:
        assert item.path is not None
        return item.label if item.path.stem in self.shared else item.path.stem

    def record_id(self, item: Input, key: str) -> str:
        return f"{item.label}:{key}" if key in self.shared and item.path is not None else key

    def repeat(self, report_id: str, source: str | None) -> Failure | None:
        """None the first time an id is met; a Failure naming the first holder after."""
        first = self.given.get(report_id)
        if first is None:
            self.given[report_id] = source or report_id
            return None
        return Failure(
            report_id,
            source or report_id,
            f"repeated report id {report_id!r} (already read from {first}); not read again",
        )
