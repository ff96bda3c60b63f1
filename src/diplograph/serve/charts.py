"""Plotly figures for the pages, built on the server as plain JSON.

Why server-side figures: the pages stay server-rendered with one small static
script (`static/charts.js`) that hands each figure to the locally served
plotly.min.js. The figure JSON goes into an escaped data attribute, never into
an inline script, so the Content Security Policy can forbid inline scripts.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable
from typing import Any

import networkx as nx
import plotly.graph_objects as go

LAYOUT = {
    "margin": {"l": 40, "r": 10, "t": 30, "b": 40},
    "paper_bgcolor": "rgba(0,0,0,0)",
    "plot_bgcolor": "rgba(0,0,0,0)",
    "font": {"family": "system-ui, sans-serif", "size": 12},
}


def _plain(fig: go.Figure) -> dict[str, Any]:
    """The figure as JSON-ready dicts (plotly's encoder handles numpy values)."""
    return json.loads(fig.to_json())


#: A month-wide bar on a date axis, in milliseconds (plotly's unit for dates).
MONTH_MS = 26 * 24 * 3600 * 1000


def is_month(key: str) -> bool:
    return len(key) == 7 and key[4] == "-" and key.replace("-", "").isdigit()


def month_axis(keys: Iterable[str]) -> tuple[list[str], dict[str, Any]]:
    """x values and axis settings: months (YYYY-MM) go on a real date axis, so
    quiet months keep their width and ticks thin out by themselves; other keys
    stay categories."""
    keys = sorted(set(keys))
    if keys and all(is_month(k) for k in keys):
        return [f"{k}-15" for k in keys], {"type": "date", "tickformat": "%b %Y"}
    return keys, {"type": "category"}


def timeline(rows: Iterable[tuple[str, str, int]], title: str = "Events per month") -> dict[str, Any]:
    """Stacked bars: one trace per event type, x = month (YYYY-MM), y = count."""
    by_type: dict[str, dict[str, int]] = defaultdict(dict)
    months: set[str] = set()
    for month, kind, count in rows:
        by_type[kind][month] = by_type[kind].get(month, 0) + int(count)
        months.add(month)
    ordered = sorted(months)
    x, axis = month_axis(ordered)
    width = MONTH_MS if axis["type"] == "date" else None
    fig = go.Figure()
    for kind in sorted(by_type):
        fig.add_bar(name=kind, x=x, y=[by_type[kind].get(m, 0) for m in ordered], width=width)
    fig.update_layout(barmode="stack", title=title, xaxis=axis, **LAYOUT)
    return _plain(fig)


def network(
    nodes: dict[str, tuple[str, str]],
    edges: Iterable[tuple[str, str, int]],
    links: dict[str, str] | None = None,
) -> dict[str, Any]:
    """States and bodies as nodes (code -> (label, kind)), meetings as weighted edges.

    The layout is networkx's spring layout (seeded, so the picture is stable);
    edge width grows with the number of meetings, node size with its degree.
    Plotly gives hover, zoom and pan; `links` (code -> URL) travel in
    customdata so a click on a node opens its actor page.
    """
    graph = nx.Graph()
    for code in nodes:
        graph.add_node(code)
    for a, b, weight in edges:
        if a == b:
            continue
        graph.add_edge(a, b, weight=graph.get_edge_data(a, b, {"weight": 0})["weight"] + int(weight))
    pos = nx.spring_layout(graph, seed=7, weight="weight") if graph.number_of_nodes() else {}
    fig = go.Figure()
    top = max((d["weight"] for _, _, d in graph.edges(data=True)), default=1)
    for a, b, data in graph.edges(data=True):
        fig.add_scatter(
            x=[pos[a][0], pos[b][0]],
            y=[pos[a][1], pos[b][1]],
            mode="lines",
            line={"width": 1 + 7 * data["weight"] / top, "color": "rgba(90,110,140,0.55)"},
            hoverinfo="skip",  # the line ends sit on the nodes: hovering there must find the node
            showlegend=False,
        )
    if graph.number_of_edges():
        # An invisible marker at the middle of each edge carries its hover text.
        middles = [(a, b, d["weight"]) for a, b, d in graph.edges(data=True)]
        fig.add_scatter(
            x=[(pos[a][0] + pos[b][0]) / 2 for a, b, _ in middles],
            y=[(pos[a][1] + pos[b][1]) / 2 for a, b, _ in middles],
            mode="markers",
            marker={"size": 8, "opacity": 0},
            hoverinfo="text",
            hovertext=[f"{a}–{b}: {w} meeting(s)" for a, b, w in middles],
            showlegend=False,
        )
    links = links or {}
    for kind, color in (("state", "#2b6cb0"), ("body", "#c05621")):
        codes = [c for c in graph.nodes if nodes.get(c, (c, "state"))[1] == kind]
        if not codes:
            continue
        degree = dict(graph.degree(codes, weight="weight"))
        fig.add_scatter(
            x=[pos[c][0] for c in codes],
            y=[pos[c][1] for c in codes],
            mode="markers+text",
            name="states" if kind == "state" else "bodies",
            text=codes,
            textposition="top center",
            hovertext=[f"{nodes[c][0]} ({c}): {degree[c]} meeting(s)" for c in codes],
            hoverinfo="text",
            customdata=[links.get(c, "") for c in codes],
            marker={"size": [10 + 3 * min(degree[c], 10) for c in codes], "color": color},
        )
    hidden = {"visible": False}
    fig.update_layout(xaxis=hidden, yaxis=hidden, hovermode="closest", dragmode="pan", **LAYOUT)
    return _plain(fig)


def counts_over_time(
    rows: Iterable[tuple[str, int]], name: str, title: str, height: int | None = None
) -> dict[str, Any]:
    """One bar trace: x = period, y = count."""
    counts = dict(rows)
    periods = sorted(counts)
    x, axis = month_axis(periods)
    width = MONTH_MS if axis["type"] == "date" else None
    fig = go.Figure()
    fig.add_bar(name=name, x=x, y=[counts[p] for p in periods], width=width)
    fig.update_layout(title=title, xaxis=axis, height=height, **LAYOUT)
    return _plain(fig)
