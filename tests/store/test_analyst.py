"""The analyst's store on real reports (eval/real/dev/docs), on SQLite and on
a real PostgreSQL server: provenance on every list row and export row,
full-text search with accents folded and totals, facets, the dated filter;
and, on SQLite, the party join tables, label columns, views and internal
tables as Datasette (its own Python API) sees them.
"""

from __future__ import annotations

import asyncio
import csv
import io
import sqlite3
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

REAL = Path(__file__).resolve().parents[2] / "eval" / "real" / "dev" / "docs"
#: r414 writes "Sebastián Piñera", r006 "Việt Nam": the accent-folding cases.
ACCENTED = ["r006.txt", "r414.txt"]


@pytest.fixture(scope="session")
def real_extractions(nlp):
    from diplograph import pipeline
    from diplograph.read import read_paths

    files = sorted({*sorted(REAL.glob("*.txt"))[:30], *(REAL / n for n in ACCENTED)})
    assert len(files) >= 30 and all(f.exists() for f in files), "eval/real/dev/docs is missing"
    return list(pipeline.run(read_paths(files), nlp=nlp, jobs=1))


@pytest.fixture
def real(store_url, real_extractions):
    import diplograph

    store = diplograph.open(store_url)
    for extraction in real_extractions:
        store.add(extraction)
    yield store
    store.close()


def check_sources(store, record) -> None:
    assert record.sources, f"{record.id} has no sources"
    assert len({s.report_id for s in record.sources}) == record.source_count  # reports, not sentences
    for s in record.sources:
        text = store.report(s.report_id).text
        assert 0 <= s.start < s.end <= len(text)
        assert s.evidence.split() == text[s.start : s.end].split()


def test_every_list_row_carries_its_sources(real):
    events = real.events(limit=None)
    assert len(events) > 50
    for e in events:
        check_sources(real, e)
    for rows in (real.documents(), real.targets(), real.partnerships()):
        assert rows
        for row in rows:
            check_sources(real, row)


def test_exports_carry_report_ids_spans_and_evidence(real):
    from diplograph import export

    for kind in ("events", "documents", "targets", "partnerships"):
        out = io.StringIO()
        assert export.write(real, "csv", out, kind=kind) > 0
        rows = list(csv.DictReader(io.StringIO(out.getvalue())))
        assert all(r["report_ids"] and r["spans"] and r["source_evidence"] for r in rows), kind
        for r in rows[:20]:
            report, span = r["spans"].split("; ")[0].split(":")
            start, end = (int(x) for x in span.split("-"))
            assert report in r["report_ids"].split("; ")
            assert real.report(report).text[start:end].split()[:3] == r["source_evidence"].split()[:3]
    out = io.StringIO()
    export.write(real, "plover", out)
    assert '"story_id": "r0' in out.getvalue() and '"span": [' in out.getvalue()


def test_search_folds_accents_ranks_and_pages(real):
    for plain, accented in (("Sebastian Pinera", "Sebastián Piñera"), ("Viet Nam", "Việt Nam")):
        hits, total = real.search_page(plain, limit=100)
        again, total2 = real.search_page(accented, limit=100)
        assert total == total2 > 0
        assert [(h.kind, h.id, h.start) for h in hits] == [(h.kind, h.id, h.start) for h in again]
    hits, _ = real.search_page("Sebastian Pinera")
    assert any(h.report_id == "r414" and "Piñera" in h.evidence for h in hits)

    first, total = real.search_page("cooperation", limit=10)
    second, same = real.search_page("cooperation", limit=10, offset=10)
    assert total == same > 20
    assert not {(h.kind, h.id, h.report_id, h.start) for h in first} & {
        (h.kind, h.id, h.report_id, h.start) for h in second
    }
    everything, _ = real.search_page("cooperation", limit=total)
    assert len(everything) == total
    events = [h for h in everything if h.kind == "event"]
    assert events
    for h in events[:30]:  # each event hit says its record's type and date
        found = real.event(h.id)
        assert (h.type, h.date) == (found.type, found.date)
    # operators and quotes in user text are words, not FTS syntax
    assert real.search_page('"cooperation" OR NEAR(') is not None
    assert real.search_page("zzzz-no-such-word") == ([], 0)


def test_facets_and_the_dated_filter(real):
    facets = real.facets()
    events = real.events(limit=None)
    assert sum(n for _, n in facets["type"]) == len(events)
    assert dict(facets["dated"]).get("undated", 0) == sum(1 for e in events if e.date is None)
    undated = real.events(dated=False, limit=None)
    assert undated and all(e.date is None for e in undated)
    assert all(e.date for e in real.events(dated=True, limit=None))
    top, n = facets["country"][0]
    assert len(real.events(actor=top, limit=None)) == n


def test_datasette_sees_linked_parties_labels_views_and_search(real, store_url):
    if not store_url.startswith("sqlite"):
        pytest.skip("Datasette opens SQLite files")
    from datasette.app import Datasette

    path = store_url[len("sqlite:///") :]
    real.close()
    names = {r[0] for r in sqlite3.connect(path).execute("SELECT name FROM sqlite_master")}
    assert {"_meta", "_report_bands"} <= names and not {"meta", "report_bands"} & names

    async def ask():
        ds = Datasette([path])
        await ds.invoke_startup()
        db = ds.get_database("store")
        out = {}
        for table in ("document_parties", "target_parties", "partnership_parties", "event_parties"):
            out[table] = await db.foreign_keys_for_table(table)
        out["label"] = await db.label_column_for_table("events")
        out["fts"] = await db.fts_table("event_sources")
        out["hidden"] = await db.hidden_table_names()
        got = await ds.client.get("/store/document_parties.json?_shape=objects&_labels=on&_size=5")
        out["rows"] = got.json()["rows"]
        got = await ds.client.get("/store/event_sources.json?_shape=objects&_search=Sebastian+Pinera")
        out["search"] = got.json()["rows"]
        got = await ds.client.get("/store/meetings.json?_shape=objects&_size=3")
        out["meetings"] = got.json()["rows"]
        got = await ds.client.get("/store/targets_with_progress.json?_shape=objects")
        out["targets"] = got.json()["rows"]
        got = await ds.client.get("/store/event_parties.json?_facet=actor_id&_size=0")
        out["facet"] = got.json()["facet_results"]
        return out

    # In a thread of its own: a session's Playwright may hold this thread's event loop.
    with ThreadPoolExecutor(1) as pool:
        out = pool.submit(asyncio.run, ask()).result()
    for table in ("document_parties", "target_parties", "partnership_parties", "event_parties"):
        assert {fk["other_table"] for fk in out[table]} >= {"actors"}, table
    assert out["label"] == "title"
    assert out["fts"] == "event_sources_fts"
    assert "event_sources_fts_data" in out["hidden"]
    # a party links to its actor, shown by its name
    row = out["rows"][0]
    assert isinstance(row["actor_id"], dict) and row["actor_id"]["label"] != row["actor_id"]["value"]
    assert isinstance(row["document_id"], dict) and row["document_id"]["label"]
    assert out["search"] and all("Piñera" in r["evidence"] for r in out["search"])
    assert out["meetings"] and all(m["participants"] and m["report_ids"] for m in out["meetings"])
    assert out["targets"] and all(t["parties"] for t in out["targets"])
    assert out["facet"]["actor_id"]["results"]


def test_join_tables_follow_removals(real, store_url):
    if not store_url.startswith("sqlite"):
        pytest.skip("the join tables are SQLite's")
    path = store_url[len("sqlite:///") :]
    with sqlite3.connect(path) as conn:
        before = conn.execute("SELECT count(*) FROM document_parties").fetchone()[0]
        expected = conn.execute(
            "SELECT count(*) FROM documents d, json_each('[\"' || replace(trim(d.parties, ','), ',', '\",\"')"
            " || '\"]') j WHERE j.value IN (SELECT id FROM actors)"
        ).fetchone()[0]
    assert before == expected > 0
    for report in ("r001", "r002", "r003"):
        real.remove(report)
    assert real.check() == []
    with sqlite3.connect(path) as conn:
        after = conn.execute("SELECT count(*) FROM document_parties").fetchone()[0]
        orphans = conn.execute(
            "SELECT count(*) FROM document_parties WHERE document_id NOT IN (SELECT id FROM documents)"
        ).fetchone()[0]
        for table in ("event_sources_fts", "document_sources_fts", "actors_fts", "documents_fts"):
            conn.execute(f"INSERT INTO {table}({table}) VALUES ('integrity-check')")
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    assert after < before and orphans == 0
    hits, _ = real.search_page("cooperation", limit=500)
    assert all(h.report_id not in ("r001", "r002", "r003") for h in hits)
