"""Facet counts never make a page wait for a recount: after the store
changes, the previous counts are served at once while one background thread
recounts, and the next call gets the new counts. A real SQLite store, real
reports."""

from __future__ import annotations

import threading
from pathlib import Path

import diplograph
from diplograph.serve import views

WIRE = Path(__file__).resolve().parents[1] / "store" / "data" / "wire"


def _total(counts) -> int:
    return sum(n for _, n in counts["type"])


def test_a_changed_store_serves_the_previous_counts_while_recounting(tmp_path, nlp):
    store = diplograph.open(f"sqlite:///{tmp_path / 'facets.db'}")
    reports = sorted(WIRE.glob("*.txt"))
    store.ingest(reports[:1], nlp=nlp)
    first = views.facets(store)  # no counts yet: this one call counts
    assert _total(first) == len(store.events(limit=None))

    report = tmp_path / "more.txt"
    report.write_text(
        "Japan and Kenya hold talks\nJapanese Prime Minister Fumio Kishida met Kenyan President William "
        "Ruto in Nairobi on May 3, 2023. The two sides signed an agreement on geothermal energy.\n",
        encoding="utf-8",
    )
    store.ingest([report], nlp=nlp)
    served = views.facets(store)
    assert served is first  # the previous counts, at once
    for thread in [t for t in threading.enumerate() if t.name == "facets"]:
        thread.join(timeout=60)
    recounted = views.facets(store)
    assert recounted is not first
    assert _total(recounted) == len(store.events(limit=None)) > _total(first)
    store.close()
