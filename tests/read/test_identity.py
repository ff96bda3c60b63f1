"""A report's identity within one batch: no two inputs share an id, a file
keeps its stem wherever that is unique, a real repeat is refused with a
reason, and every real file is read once (symbolic links never loop)."""

from __future__ import annotations

import json
import os
from pathlib import Path

from click.testing import CliRunner

from diplograph.read import read_paths
from diplograph.records import Failure, Report

STORY = (
    "HANOI — Vietnamese Prime Minister Pham Minh Chinh met Malaysian Prime Minister Anwar Ibrahim "
    "in Hanoi on Monday. The two leaders agreed to raise bilateral trade to 18 billion US dollars."
)
HTML = f"<html><head><title>T</title></head><body><article><p>{STORY}</p></article></body></html>"


def _ids(items) -> list[str]:
    return [i.id for i in items if isinstance(i, Report)]


def test_same_names_in_two_folders_and_two_kinds_stay_apart(tmp_path: Path) -> None:
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "report.txt").write_text(STORY + f" ({folder})", encoding="utf-8")
    (tmp_path / "x.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "x.html").write_text(HTML, encoding="utf-8")
    (tmp_path / "alone.txt").write_text(STORY, encoding="utf-8")
    items = list(read_paths([tmp_path]))
    assert not [i for i in items if isinstance(i, Failure)]
    assert sorted(_ids(items)) == ["a/report.txt", "alone", "b/report.txt", "x.html", "x.txt"]


def test_two_roots_with_the_same_relative_file(tmp_path: Path) -> None:
    for root in ("one", "two"):
        (tmp_path / root / "sub").mkdir(parents=True)
        (tmp_path / root / "sub" / "r.txt").write_text(STORY, encoding="utf-8")
    ids = _ids(read_paths([tmp_path / "one", tmp_path / "two"]))
    assert ids == ["one/sub/r.txt", "two/sub/r.txt"]


def test_jsonl_ids_repeated_in_one_file_are_refused_and_across_files_qualified(tmp_path: Path) -> None:
    def line(id_: str, tag: str) -> str:
        return json.dumps({"id": id_, "text": STORY + " " + tag})

    (tmp_path / "a.jsonl").write_text(
        "\n".join([line("r1", "a1"), line("r2", "a2"), line("r1", "a3")]) + "\n"
    )
    (tmp_path / "b.jsonl").write_text(line("r2", "b1") + "\n" + line("r3", "b2") + "\n")
    items = list(read_paths([tmp_path / "a.jsonl", tmp_path / "b.jsonl"]))
    assert _ids(items) == ["r1", "a.jsonl:r2", "b.jsonl:r2", "r3"]
    (repeat,) = [i for i in items if isinstance(i, Failure)]
    assert repeat.id == "r1" and repeat.source == f"{tmp_path / 'a.jsonl'}:3"
    assert "repeated report id 'r1'" in repeat.reason


def test_a_unique_stem_is_the_doc_id_exactly_as_before(tmp_path: Path) -> None:
    (tmp_path / "talks-2025.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "other.html").write_text(HTML, encoding="utf-8")
    assert _ids(read_paths([tmp_path])) == ["other", "talks-2025"]


def test_the_same_file_given_twice_is_a_reported_repeat(tmp_path: Path) -> None:
    path = tmp_path / "talks.txt"
    path.write_text(STORY, encoding="utf-8")
    items = list(read_paths([path, tmp_path]))
    assert _ids(items) == ["talks"]
    assert [i.id for i in items if isinstance(i, Failure)] == []  # the folder's copy is the same file
    again = list(read_paths([path, path]))
    assert _ids(again) == ["talks"]
    (failure,) = [i for i in again if isinstance(i, Failure)]
    assert "repeated input" in failure.reason


def test_symlink_loops_and_links_to_root_are_not_followed(tmp_path: Path) -> None:
    (tmp_path / "d").mkdir()
    (tmp_path / "d" / "one.txt").write_text(STORY, encoding="utf-8")
    os.symlink(tmp_path / "d", tmp_path / "d" / "loop")
    os.symlink("/", tmp_path / "d" / "root")
    os.symlink(tmp_path / "d" / "one.txt", tmp_path / "d" / "alias.txt")
    items = list(read_paths([tmp_path / "d"]))
    assert _ids(items) == ["alias"] or _ids(items) == ["one"]
    assert len(items) == 1


def test_extract_and_ingest_keep_all_six_reports(tmp_path: Path, nlp) -> None:  # noqa: ARG001 - model warm
    """The issue's case: six files that used to share three ids."""
    import diplograph
    from diplograph.cli import main

    docs = tmp_path / "docs"
    for folder in ("a", "b"):
        (docs / folder).mkdir(parents=True)
        (docs / folder / "report.txt").write_text(f"{STORY} ({folder})", encoding="utf-8")
    (docs / "x.txt").write_text(STORY + " Text.", encoding="utf-8")
    (docs / "x.html").write_text(HTML, encoding="utf-8")
    (docs / "batch.jsonl").write_text(
        json.dumps({"id": "j", "text": STORY + " J1."})
        + "\n"
        + json.dumps({"id": "j", "text": STORY + " J2."})
        + "\n"
    )
    result = CliRunner().invoke(main, ["extract", str(docs), "--jobs", "1"])
    ids = [json.loads(line)["doc_id"] for line in result.stdout.splitlines()]
    assert sorted(ids) == ["a/report.txt", "b/report.txt", "j", "x.html", "x.txt"]
    assert result.exit_code == 1 and "repeated report id 'j'" in result.stderr
    store = tmp_path / "s.db"
    ingest = CliRunner().invoke(main, ["ingest", str(docs), "--db", str(store), "--jobs", "1", "--quiet"])
    assert ingest.exit_code == 1 and "repeated report id 'j'" in ingest.stderr
    with diplograph.open(store) as db:
        assert sorted(r.id for r in db.reports(limit=None)) == sorted(ids)
