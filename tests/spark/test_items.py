"""Spark items read exactly like the read stage reads the same files: same
ids, sources, texts, publication dates and failure reasons."""

from __future__ import annotations

import json
from pathlib import Path

import pyarrow as pa

from diplograph.read import read_paths
from diplograph.records import Failure, Report
from diplograph.spark.items import ITEM_SCHEMA, local_path, report_of, split_files

REPORT = (
    "JAKARTA, May 3 (Reuters) - Indonesia's foreign minister met her Malaysian counterpart on Friday "
    "to discuss maritime boundaries and trade between the two neighbours.\n"
)
HTML = (
    "<html><head><title>Ministers meet</title></head><body><nav>Home | World</nav>"
    "<article><h1>Ministers meet</h1>"
    f"<p>{REPORT}</p><p>The two ministers agreed to meet again in Kuala Lumpur next year.</p></article>"
    "<footer>Copyright</footer></body></html>"
)


def make_inputs(root: Path) -> Path:
    root.mkdir()
    (root / "a.txt").write_text(REPORT, encoding="utf-8")
    (root / "b.html").write_text(HTML, encoding="utf-8")
    (root / "empty.txt").write_bytes(b"")
    (root / "latin1.txt").write_bytes("Caf\xe9 diplomacy in Paris today.".encode("latin-1"))
    (root / "binary.txt").write_bytes(b"\x00\x01\x02" * 100)
    lines = [
        json.dumps({"id": "j1", "text": REPORT, "url": "https://example.org/j1", "published": "2024-05-03"}),
        "",
        "{not json",
        json.dumps({"text": REPORT}),
        json.dumps({"title": "no text"}),
    ]
    (root / "batch.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return root


def items_of(root: Path) -> list[dict]:
    """What binaryFile + split_files make of the directory (paths as Spark names them)."""
    files = sorted(p for p in root.iterdir())
    batch = pa.RecordBatch.from_pydict(
        {"path": [f"file:{p}" for p in files], "content": [p.read_bytes() for p in files]}
    )
    out = []
    for result in split_files([batch]):
        assert result.schema == ITEM_SCHEMA
        out.extend(result.to_pylist())
    return out


def comparable(item: Report | Failure) -> tuple:
    if isinstance(item, Failure):
        return ("failure", item.id, item.source, item.reason, item.stage)
    r = item
    return ("report", r.id, r.source, r.text, r.url, r.title, r.published, r.published_how)


def test_items_read_like_the_read_stage(tmp_path):
    root = make_inputs(tmp_path / "in")
    expected = [comparable(r) for r in read_paths([root])]
    got = [comparable(report_of(i["kind"], i["path"], i["line"], i["data"])) for i in items_of(root)]
    assert sorted(got) == sorted(expected)
    kinds = {g[0] for g in got}
    assert kinds == {"report", "failure"}
    assert len(got) == 9  # 2 files + 4 JSON Lines records (blank line skipped) + 3 bad files


def test_jsonl_lines_keep_their_numbers(tmp_path):
    root = make_inputs(tmp_path / "in")
    jsonl = [i for i in items_of(root) if i["kind"] == "jsonl"]
    assert [i["line"] for i in jsonl] == [1, 3, 4, 5]
    fourth = report_of("jsonl", jsonl[2]["path"], 4, jsonl[2]["data"])
    assert isinstance(fourth, Report) and fourth.id == "batch-4"
    assert fourth.source == f"{root / 'batch.jsonl'}:4"


def test_parquet_rows_are_objects_with_a_default_id():
    row = json.dumps({"text": REPORT, "title": "T", "url": None}).encode()
    report = report_of("object", "/data/part-0.parquet", 7, row)
    assert isinstance(report, Report)
    assert (report.id, report.source, report.title) == ("part-0-7", "/data/part-0.parquet:7", "T")
    failure = report_of("object", "/data/part-0.parquet", 8, json.dumps({"text": ""}).encode())
    assert isinstance(failure, Failure) and failure.reason == "empty report (no text)"


def test_spark_uris_become_paths():
    assert local_path("file:/a/b.txt") == "/a/b.txt"
    assert local_path("file:///a/b.txt") == "/a/b.txt"
    assert local_path("s3a://bucket/x.txt") == "s3a://bucket/x.txt"
