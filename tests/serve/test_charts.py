"""The pages' figures are written as plotly JSON without plotly's graph
objects (`charts.Figure`, for speed on large stores): each is a figure
plotly itself accepts and writes back unchanged, so the pages draw what
they drew when plotly built them."""

from __future__ import annotations

import json

import plotly.graph_objects as go
import pytest

from diplograph.serve import charts

NODES = {
    "VNM": ("Vietnam", "state"),
    "JPN": ("Japan", "state"),
    "ASEAN": ("ASEAN", "body"),
    "LAO": ("Laos", "state"),
}
EDGES = [("JPN", "VNM", 12), ("ASEAN", "VNM", 3), ("ASEAN", "JPN", 1), ("LAO", "VNM", 1)]

FIGURES = {
    "timeline": lambda: charts.timeline(
        [
            ("2024-01", "CONSULT", 3),
            ("2024-01", "AGREE", 1),
            ("2024-05", "CONSULT", 2),
            ("1955-02", "AGREE", 1),
        ],
        "Events per month by type",
    ),
    "counts over time": lambda: charts.counts_over_time(
        [("2024-03", 2), ("2024-07", 1)], "meetings", "M", 280
    ),
    "counts over many months": lambda: charts.counts_over_time(
        [(f"20{y:02d}-{m:02d}", y * m) for y in range(16, 26) for m in range(1, 13)], "events", "E"
    ),
    "empty": lambda: charts.empty("No dated events yet."),
    "network": lambda: charts.network(NODES, EDGES, links={c: f"/actors/{c}" for c in NODES}),
    "world map": lambda: charts.world_map(
        [("Hanoi", 21.03, 105.85, 3, "/events?location=Hanoi"), ("Tokyo", 35.68, 139.69, 1, "/events")],
        [("Paris", 48.86, 2.35)],
    ),
}


@pytest.mark.parametrize("name", sorted(FIGURES))
def test_a_figure_is_what_plotly_writes_of_it(name):
    figure = json.loads(json.dumps(FIGURES[name]()))
    assert figure["layout"]["template"] == json.loads(go.Figure().to_json())["layout"]["template"]
    assert json.loads(go.Figure(figure).to_json()) == figure
