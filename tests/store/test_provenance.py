"""The rule behind each stored record: every source row (one report's
sentence behind a record) keeps the extraction rule that found it, and a
store written by the previous schema (2, without the column) opens and
upgrades in place, keeping every row."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import diplograph
from diplograph.store.schema import RECORD_TABLES, SCHEMA_VERSION

WIRE = Path(__file__).parent / "data" / "wire" / "original.txt"


def test_every_source_keeps_the_rule_that_found_its_record(db, nlp):
    db.ingest([WIRE], nlp=nlp)
    events = db.events(limit=None)
    assert events
    for e in events:
        rules = [s.rule for s in db.sources("event", e.id)]
        assert rules and all(r and r.startswith(("event.", "meeting.")) for r in rules), (e.type, rules)


def test_a_schema_2_store_upgrades_in_place_and_keeps_its_rows(tmp_path, nlp):
    path = tmp_path / "old.db"
    store = diplograph.open(f"sqlite:///{path}")
    store.ingest([WIRE], nlp=nlp)
    before = store.stats()
    store.close()
    con = sqlite3.connect(path)  # make it what schema 2 wrote: no rule column
    for _, sources in RECORD_TABLES.values():
        con.execute(f"ALTER TABLE {sources.name} DROP COLUMN rule")
    con.execute("UPDATE _meta SET value = '2' WHERE key = 'schema_version'")
    con.commit()
    con.close()

    store = diplograph.open(f"sqlite:///{path}")
    assert store.stats() == before
    events = store.events(limit=None)
    assert events and all(s.rule is None for e in events for s in store.sources("event", e.id))
    store.close()
    con = sqlite3.connect(path)
    version = con.execute("SELECT value FROM _meta WHERE key = 'schema_version'").fetchone()
    assert version == (str(SCHEMA_VERSION),)
    columns = {row[1] for row in con.execute("PRAGMA table_info(event_sources)")}
    con.close()
    assert "rule" in columns
