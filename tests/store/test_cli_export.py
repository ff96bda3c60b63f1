"""The store's CLI commands (in-process through click's runner, on a real
store file) and the export formats: table/json/csv output, PLOVER fields,
Parquet readable by pyarrow."""

from __future__ import annotations

import csv
import io
import json

import pytest
from click.testing import CliRunner

from diplograph.cli import main


@pytest.fixture
def filled(db, five_outlets, gold_extractions):
    for extraction in five_outlets:
        db.add(extraction)
    for extraction in gold_extractions:
        db.add(extraction)
    return db


def run(*args: str) -> str:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.stdout


def test_events_formats_and_filters(filled):
    url = filled.url
    rows = json.loads(
        run("events", "--db", url, "--actor", "VNM", "--with", "Japan", "--format", "json")
    )
    merged = next(r for r in rows if r["source_count"] >= 5)
    assert merged["date"] == "2025-10-26" and merged["type"] == "CONSULT"
    assert {p["country"] for p in merged["participants"]} == {"VNM", "JPN"}
    table = run("events", "--db", url, "--actor", "VNM", "--with", "Japan")
    assert merged["id"] in table
    parsed = list(
        csv.DictReader(
            io.StringIO(run("events", "--db", url, "--since", "2025-10-26", "--format", "csv"))
        )
    )
    assert parsed and all((r["date"] or "9999").lstrip("(") >= "2025-10-26" for r in parsed)
    limited = json.loads(run("events", "--db", url, "-n", "3", "--format", "json"))
    assert len(limited) == 3
    typed = json.loads(
        run("events", "--db", url, "--type", "consult", "--text", "Kuala Lumpur", "--format", "json")
    )
    assert typed and all(
        "kuala lumpur" in (e["evidence"] + (e["location"] or "")).lower() for e in typed
    )


def test_show_actors_timeline_relations_targets(filled):
    url = filled.url
    event_id = filled.events(actor="VNM", with_="JPN")[0].id
    shown = json.loads(run("show", event_id, "--db", url, "--format", "json"))
    assert len(shown["sources"]) == shown["source_count"]
    assert "Kuala Lumpur" in run("show", event_id, "--db", url)
    actors = json.loads(
        run("actors", "--db", url, "--kind", "person", "--country", "VNM", "--format", "json")
    )
    assert any(a["id"] == "VNM:pham-minh-chinh" for a in actors)
    months = list(csv.DictReader(io.StringIO(run("timeline", "VNM", "--db", url, "--format", "csv"))))
    assert sum(int(m["events"]) for m in months) >= 1 and months == sorted(
        months, key=lambda m: m["month"]
    )
    relations = json.loads(run("relations", "Vietnam", "--db", url, "--format", "json"))
    assert relations == sorted(
        relations, key=lambda r: (-r["meetings"], -r["events"], r["partner_name"])
    )
    assert any(r["partner_id"] == "JPN" for r in relations)
    targets = json.loads(run("targets", "--db", url, "--format", "json"))
    assert targets and all(t["status"] in ("target", "actual") for t in targets)
    assert "targets" in run("targets", "--db", url)


def test_targets_progress_uses_latest_actual(db, gold_extractions):
    import copy

    from diplograph.records import Span, Target

    base = copy.deepcopy(gold_extractions[0])
    text = base.report.text
    span = Span(0, min(len(text), 40))
    base.targets = [
        Target(["VNM", "MYS"], "two-way trade", 20e9, 2030, "target", span.of(text), span),
        Target(["MYS", "VNM"], "Two-way trade", 13e9, 2023, "actual", span.of(text), Span(1, 20)),
        Target(["VNM", "MYS"], "two-way trade", 15e9, 2024, "actual", span.of(text), Span(2, 20)),
    ]
    db.add(base)
    [target] = db.targets(status="target")
    assert (target.latest_actual_usd, target.latest_actual_year, target.progress) == (15e9, 2024, 0.75)


def test_missing_store_is_a_clear_error(tmp_path):
    result = CliRunner().invoke(main, ["events", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 1 and "no store" in result.output


def test_export_formats(filled, tmp_path):
    import pyarrow.parquet as pq

    url = filled.url
    n_events = filled.stats()["events"]
    lines = run("export", "--db", url, "--format", "jsonl").splitlines()
    assert len(lines) == n_events
    first = json.loads(lines[0])
    assert first["sources"] and {"participants", "type", "date"} <= set(first)

    plover = [json.loads(x) for x in run("export", "--db", url, "--format", "plover").splitlines()]
    assert len(plover) == n_events
    for record in plover:
        assert {"id", "date", "actor", "recipient", "event", "mode", "context", "event_text"} <= set(
            record
        )
    # context: the codebook's general contexts the event's sentences are in
    from diplograph.plover import codebook

    assert any(record["context"] for record in plover)
    assert all(set(record["context"]) <= set(codebook().contexts) for record in plover)
    trade = [r for r in plover if "trade" in " ".join(s["event_text"] for s in r["sources"]).lower()]
    assert trade and all("economic" in r["context"] for r in trade)
    merged = next(r for r in plover if r["source_count"] >= 5)
    assert merged["event"] == "CONSULT" and {merged["actor"], merged["recipient"]} == {"VNM", "JPN"}
    assert len(merged["sources"]) == merged["source_count"]

    rows = list(csv.DictReader(io.StringIO(run("export", "--db", url, "--format", "csv"))))
    assert len(rows) == n_events and "evidence" in rows[0]

    out = tmp_path / "events.parquet"
    run("export", "--db", url, "--format", "parquet", "-o", str(out))
    table = pq.read_table(out)
    assert table.num_rows == n_events
    assert {"id", "type", "date", "actors", "recipients", "source_count", "evidence"} <= set(
        table.column_names
    )
    for kind in ("documents", "targets", "partnerships", "actors", "reports"):
        out = tmp_path / f"{kind}.parquet"
        run("export", "--db", url, "--format", "parquet", "--kind", kind, "-o", str(out))
        assert pq.read_table(out).num_rows == len(getattr(filled, kind)())
