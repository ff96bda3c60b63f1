"""Facet counts are current at once after the store changes: they are read
from the counts the store keeps as it writes (no recount, nothing stale
served). A real SQLite store, real reports."""

from __future__ import annotations

from pathlib import Path

import diplograph
from diplograph.serve import views

WIRE = Path(__file__).resolve().parents[1] / "store" / "data" / "wire"


def _total(counts) -> int:
    return sum(n for _, n in counts["type"])


def test_a_changed_store_shows_its_new_counts_at_once(tmp_path, nlp):
    store = diplograph.open(f"sqlite:///{tmp_path / 'facets.db'}")
    reports = sorted(WIRE.glob("*.txt"))
    store.ingest(reports[:1], nlp=nlp)
    first = views.facets(store)
    assert _total(first) == len(store.events(limit=None))

    report = tmp_path / "more.txt"
    report.write_text(
        "Japan and Kenya hold talks\nJapanese Prime Minister Fumio Kishida met Kenyan President William "
        "Ruto in Nairobi on May 3, 2023. The two sides signed an agreement on geothermal energy.\n",
        encoding="utf-8",
    )
    store.ingest([report], nlp=nlp)
    now = views.facets(store)
    assert _total(now) == len(store.events(limit=None)) > _total(first)
    assert dict(now["type"]) == {
        t: sum(e.type == t for e in store.events(limit=None))
        for t in {e.type for e in store.events(limit=None)}
    }
    store.close()
