"""A Spark run keeps apart what `ingest` keeps apart: the same file name in
two folders, `x.txt` beside `x.html`, a JSON Lines id in two files, and it
refuses a JSON Lines id repeated in one file with the reader's reason. The
ids are decided for the whole batch on the driver (`spark.identity`, the
`read.identity` plan), so `spark-extract` + `load` store exactly what
`ingest` stores for the same inputs."""

from __future__ import annotations

import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from diplograph.read import read_paths
from diplograph.records import Failure
from diplograph.spark.identity import assign
from diplograph.spark.job import spark_extract
from diplograph.spark.load import load

from .test_equivalence import snapshot

TEXTS = [
    "JAKARTA, May 3 - Indonesian Foreign Minister Retno Marsudi met Malaysian Foreign Minister Saifuddin "
    "Abdullah in Jakarta on Friday to discuss maritime boundaries.\n",
    "HANOI, June 12 - Vietnamese Prime Minister Pham Minh Chinh received Japanese Ambassador Ito Naoki on "
    "Wednesday. The two sides agreed to raise bilateral trade to US$50 billion by 2030.\n",
    "CANBERRA, Oct 7 - Australia and the Philippines signed a defence cooperation agreement on Monday, "
    "Australian Defence Minister Richard Marles said after talks with Gilberto Teodoro.\n",
    "MANILA, March 2 - Philippine President Ferdinand Marcos Jr. met Japanese Prime Minister Fumio Kishida "
    "in Manila on Thursday and the two leaders signed a reciprocal access agreement.\n",
    "BANGKOK, Aug 9 - Thai Prime Minister Srettha Thavisin held talks with Cambodian Prime Minister Hun "
    "Manet in Bangkok on Tuesday on border trade and energy cooperation.\n",
    "SEOUL, Nov 20 - South Korean President Yoon Suk Yeol met Vietnamese President Vo Van Thuong in Seoul "
    "on Monday and the two countries agreed to expand their defence industry cooperation.\n",
    "NEW DELHI, Jan 15 - Indian External Affairs Minister Subrahmanyam Jaishankar met Singapore Foreign "
    "Minister Vivian Balakrishnan in New Delhi on Monday to discuss trade and connectivity.\n",
    "TOKYO, Sept 4 - Japanese Foreign Minister Yoko Kamikawa received her Indonesian counterpart in Tokyo "
    "on Wednesday; they signed a memorandum of understanding on maritime security.\n",
    "WELLINGTON, Feb 8 - New Zealand Foreign Minister Winston Peters met Fijian Prime Minister Sitiveni "
    "Rabuka in Suva on Thursday and the two governments signed a statement of partnership.\n",
    "BEIJING, July 1 - Chinese Premier Li Qiang met New Zealand Prime Minister Christopher Luxon in "
    "Beijing on Friday, and the two sides signed arrangements on trade and science.\n",
]


@pytest.fixture(scope="module")
def same_stems(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("stems") / "in"
    for folder in ("a", "b", "c d %20"):
        (root / folder).mkdir(parents=True)
    (root / "a" / "report.txt").write_text(TEXTS[0], encoding="utf-8")
    (root / "b" / "report.txt").write_text(TEXTS[1], encoding="utf-8")
    (root / "c d %20" / "report.txt").write_text(TEXTS[9], encoding="utf-8")  # a name Spark would escape
    (root / "x.txt").write_text(TEXTS[2], encoding="utf-8")
    (root / "x.html").write_text(
        f"<html><head><title>Leaders meet</title></head><body><article><p>{TEXTS[3]}</p></article>"
        "</body></html>",
        encoding="utf-8",
    )
    one = [
        {"id": "r1", "text": TEXTS[4]},
        {"id": "r1", "text": TEXTS[5]},  # a repeat: refused
        {"id": "r2", "title": "no text"},  # fails at reading, so the next r2 keeps the id
        {"id": "r2", "text": TEXTS[6]},
        {"id": "r7", "text": TEXTS[7]},
    ]
    (root / "one.jsonl").write_text("".join(json.dumps(o) + "\n" for o in one), encoding="utf-8")
    (root / "two.jsonl").write_text(json.dumps({"id": "r7", "text": TEXTS[8]}) + "\n", encoding="utf-8")
    return root


def test_the_driver_gives_each_input_its_batch_id(same_stems):
    """No JVM: the assignment is the read stage's, repeats included."""
    assigned = {(Path(a.path).relative_to(same_stems).as_posix(), a.line): a for a in assign(same_stems)}
    ids = {key: a.id for key, a in assigned.items() if a.id}
    assert ids == {
        ("a/report.txt", 0): "a/report.txt",
        ("b/report.txt", 0): "b/report.txt",
        ("c d %20/report.txt", 0): "c d %20/report.txt",
        ("x.txt", 0): "x.txt",
        ("x.html", 0): "x.html",
        ("one.jsonl", 1): "r1",
        ("one.jsonl", 2): "r1",
        ("one.jsonl", 3): "r2",
        ("one.jsonl", 4): "r2",
        ("one.jsonl", 5): "one.jsonl:r7",
        ("two.jsonl", 1): "two.jsonl:r7",
    }
    refused = {key: a.refused for key, a in assigned.items() if a.refused}
    assert refused == {
        ("one.jsonl", 2): f"repeated report id 'r1' (already read from {same_stems / 'one.jsonl'}:1); "
        "not read again"
    }


@pytest.fixture(scope="module")
def spark_run(spark, same_stems, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("spark-stems") / "out"
    spark_extract(str(same_stems), str(out), spark=spark, partitions=2)
    return out


def _failures(items) -> list[tuple]:
    return sorted((f.id, f.source, f.reason) for f in items if isinstance(f, Failure))


@pytest.mark.spark
def test_spark_keeps_same_stems_apart_and_refuses_repeats(spark_run, same_stems):
    ids = sorted(r["id"] for r in pq.read_table(spark_run / "reports").to_pylist())
    assert ids == ["a/report.txt", "b/report.txt", "c d %20/report.txt", "one.jsonl:r7", "r1", "r2",
                   "two.jsonl:r7", "x.html", "x.txt"]  # fmt: skip
    rows = pq.read_table(spark_run / "errors").to_pylist()
    errors = sorted((e["id"], e["source"], e["reason"]) for e in rows)
    assert errors == _failures(read_paths([same_stems]))
    one = same_stems / "one.jsonl"
    repeat = f"repeated report id 'r1' (already read from {one}:1); not read again"
    assert ("r1", f"{one}:2", repeat) in errors
    # each report's records are its own: nothing of b/report.txt under a/report.txt
    by_report = {r["report_id"] for r in pq.read_table(spark_run / "persons").to_pylist()}
    assert {"a/report.txt", "b/report.txt"} <= by_report


@pytest.mark.spark
def test_spark_then_load_stores_what_ingest_stores(spark_run, same_stems, nlp, tmp_path):
    import diplograph

    ingested = f"sqlite:///{tmp_path / 'ingest.db'}"
    with diplograph.open(ingested) as store:
        summary = store.ingest([same_stems], nlp=nlp)
    assert (summary.added, summary.failed) == (9, 2)
    loaded = f"sqlite:///{tmp_path / 'loaded.db'}"
    result = load(spark_run, loaded)
    assert (result.added, result.replaced, result.failed) == (9, 0, 2)
    want, got = snapshot(ingested), snapshot(loaded)
    assert len(want["reports"]) == 9
    for table in want:
        assert got[table] == want[table], table
