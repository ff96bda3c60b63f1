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


#: Months further than this from the rest, holding few events, are outliers.
GAP_MONTHS = 60
OUTLIER_SHARE = 0.05


def _index(month: str) -> int:
    return int(month[:4]) * 12 + int(month[5:7]) - 1


def bulk(counts: dict[str, int]) -> tuple[set[str], list[tuple[str, int]]]:
    """The months the chart plots and the outliers it lists instead.

    Why: one misdated event (1955) among reports of 2015-2025 stretches a
    date axis so far that every real bar is a sliver. Months are split where
    GAP_MONTHS pass without an event; a group holding under OUTLIER_SHARE of
    the events, beside a bigger one, is listed, not plotted to scale."""
    months = sorted(m for m in counts if is_month(m))
    if not months:
        return set(counts), []
    groups: list[list[str]] = [[months[0]]]
    for prev, cur in zip(months, months[1:], strict=False):
        if _index(cur) - _index(prev) > GAP_MONTHS:
            groups.append([])
        groups[-1].append(cur)
    total = sum(counts[m] for m in months) or 1
    biggest = max(groups, key=lambda g: sum(counts[m] for m in g))
    kept, out = set(biggest), []
    for group in groups:
        if group is biggest:
            continue
        if sum(counts[m] for m in group) / total < OUTLIER_SHARE:
            out.extend((m, counts[m]) for m in group)
        else:
            kept.update(group)
    return kept | {m for m in counts if not is_month(m)}, out


def _date_range(months: list[str]) -> dict[str, Any]:
    """Axis settings for a few months: a padded range and one tick a month, so
    a single month is a bar among empty neighbours, not a full-width block
    under nine identical ticks."""
    if not months or not all(is_month(m) for m in months):
        return {}
    first, last = _index(min(months)), _index(max(months))
    if last - first > 12:
        return {}

    def day(i: int) -> str:
        return f"{i // 12:04d}-{i % 12 + 1:02d}-01"

    return {"range": [day(first - 2), day(last + 3)], "dtick": "M1"}


def empty(message: str) -> dict[str, Any]:
    """A figure that says there is nothing to draw, instead of a bare axis."""
    fig = go.Figure()
    hidden = {"visible": False}
    fig.add_annotation(text=message, showarrow=False, x=0.5, y=0.5, xref="paper", yref="paper",
                       font={"size": 15, "color": "#5a6577"})  # fmt: skip
    fig.update_layout(xaxis=hidden, yaxis=hidden, height=200, **LAYOUT)
    out = _plain(fig)
    out["layout"]["meta"] = {"empty": message}
    return out


def outlier_note(outliers: list[tuple[str, int]]) -> str | None:
    if not outliers:
        return None
    listed = ", ".join(f"{m} ({n})" for m, n in outliers[:10])
    more = f" and {len(outliers) - 10} more" if len(outliers) > 10 else ""
    return f"Not plotted to scale, far from the rest: {listed}{more}"


def timeline(rows: Iterable[tuple[str, str, int]], title: str = "Events per month") -> dict[str, Any]:
    """Stacked bars: one trace per event type, x = month (YYYY-MM), y = count;
    months far from the data's bulk are listed in the figure's `meta.outliers`."""
    rows = list(rows)
    totals: dict[str, int] = defaultdict(int)
    for month, _, count in rows:
        totals[month] += int(count)
    kept, outliers = bulk(totals)
    if not kept:
        return empty("No dated events yet.")
    by_type: dict[str, dict[str, int]] = defaultdict(dict)
    months: set[str] = set()
    for month, kind, count in rows:
        if month not in kept:
            continue
        by_type[kind][month] = by_type[kind].get(month, 0) + int(count)
        months.add(month)
    ordered = sorted(months)
    x, axis = month_axis(ordered)
    width = MONTH_MS if axis["type"] == "date" else None
    fig = go.Figure()
    for kind in sorted(by_type):
        fig.add_bar(name=kind, x=x, y=[by_type[kind].get(m, 0) for m in ordered], width=width)
    if axis["type"] == "date":
        axis.update(_date_range(ordered))
    fig.update_layout(barmode="stack", title=title, xaxis=axis, **LAYOUT)
    out = _plain(fig)
    out["layout"]["meta"] = {"outliers": outliers}
    return out


#: Edge widths run from 1 to 1 + EDGE_WIDTHS pixels, in whole pixels (one trace each).
EDGE_WIDTHS = 7


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
    if not graph.number_of_nodes():
        return empty("No meetings between states or bodies.")
    pos = layout(graph)
    fig = go.Figure()
    top = max((d["weight"] for _, _, d in graph.edges(data=True)), default=1)
    # Edges drawn in a few traces, one per width class (None breaks the line
    # between edges): one trace per edge cost ~0.5 ms each, 0.3 s for the
    # ~560 pairs of a large store, and the browser draws few traces faster.
    widths: dict[int, tuple[list, list]] = {}
    for a, b, data in graph.edges(data=True):
        xs, ys = widths.setdefault(round(1 + EDGE_WIDTHS * data["weight"] / top), ([], []))
        xs += [pos[a][0], pos[b][0], None]
        ys += [pos[a][1], pos[b][1], None]
    for width, (xs, ys) in sorted(widths.items()):
        fig.add_scatter(
            x=xs,
            y=ys,
            mode="lines",
            line={"width": width, "color": "rgba(90,110,140,0.55)"},
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
    # Labels on the larger nodes only: forty overlapping codes are no label at all.
    ranked = sorted(graph.nodes, key=lambda c: (-graph.degree(c, weight="weight"), c))
    labelled = set(ranked[:LABELS])
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
            text=[c if c in labelled else "" for c in codes],
            textposition="top center",
            hovertext=[f"{nodes[c][0]} ({c}): {degree[c]} meeting(s)" for c in codes],
            hoverinfo="text",
            customdata=[links.get(c, "") for c in codes],
            marker={"size": [10 + 3 * min(degree[c], 10) for c in codes], "color": color},
        )
    hidden = {"visible": False}
    fig.update_layout(
        xaxis=hidden, yaxis={**hidden, "scaleanchor": "x"}, hovermode="closest", dragmode="pan", **LAYOUT
    )
    out = _plain(fig)
    out["layout"]["meta"] = {"labelled": sorted(labelled)}
    return out


#: How many of the most connected nodes carry a label.
LABELS = 20


def layout(graph: nx.Graph) -> dict[str, tuple[float, float]]:
    """A force layout within each connected component (a real layout, not a
    band), components laid side by side in a grid by size, so small
    separate groups neither overlap the big one nor squash it."""
    parts = sorted(nx.connected_components(graph), key=lambda c: (-len(c), sorted(c)))
    pos: dict[str, tuple[float, float]] = {}
    columns = max(1, int(len(parts) ** 0.5))
    x_at, y_at, row_height = 0.0, 0.0, 0.0
    for i, part in enumerate(parts):
        sub = graph.subgraph(part)
        scale = max(1.0, len(part) ** 0.5)
        if len(part) == 1:
            local = {next(iter(part)): (0.0, 0.0)}
        elif len(part) == 2:
            a, b = sorted(part)
            local = {a: (-0.5, 0.0), b: (0.5, 0.0)}
        else:
            # Fruchterman-Reingold with room per node (k), seeded: stable and fast
            local = nx.spring_layout(sub, seed=7, k=2.0 / len(part) ** 0.5, iterations=80, scale=scale)
        if i and i % columns == 0:
            x_at, y_at, row_height = 0.0, y_at - row_height - 1.0, 0.0
        xs = [float(p[0]) for p in local.values()]
        ys = [float(p[1]) for p in local.values()]
        width, height = max(xs) - min(xs), max(ys) - min(ys)
        for node, (x, y) in local.items():
            pos[node] = (x_at + float(x) - min(xs), y_at - (float(y) - min(ys)))
        x_at += width + 1.0
        row_height = max(row_height, height)
    return pos


def counts_over_time(
    rows: Iterable[tuple[str, int]], name: str, title: str, height: int | None = None
) -> dict[str, Any]:
    """One bar trace: x = period, y = count (outliers and padding as in `timeline`)."""
    counts = dict(rows)
    kept, outliers = bulk(counts)
    if not kept:
        return empty(f"No dated {name}.")
    periods = sorted(kept)
    x, axis = month_axis(periods)
    width = MONTH_MS if axis["type"] == "date" else None
    if axis["type"] == "date":
        axis.update(_date_range(periods))
    fig = go.Figure()
    fig.add_bar(name=name, x=x, y=[counts[p] for p in periods], width=width)
    top = max(counts[p] for p in periods)
    yaxis = {"dtick": 1} if top <= 8 else {}
    fig.update_layout(title=title, xaxis=axis, yaxis=yaxis, height=height, **LAYOUT)
    out = _plain(fig)
    out["layout"]["meta"] = {"outliers": outliers}
    return out


def world_map(
    points: list[tuple[str, float, float, int, str]], reference: list[tuple[str, float, float]]
) -> dict:
    """Meetings on a world map: (place, lat, lon, meetings, link) as sized
    points over the world's capitals as faint reference dots, on country
    outlines. The outlines are plotly.js's own topojson (Natural Earth
    1:110m), served by diplograph at /static/topojson/ (charts.js points
    plotly there), so the map needs no CDN and works offline."""
    if not points:
        return empty("No meeting has a place the gazetteer knows.")
    fig = go.Figure()
    fig.add_scattergeo(
        lon=[lon for _, _, lon in reference], lat=[lat for _, lat, _ in reference], mode="markers",
        marker={"size": 4, "color": "rgba(120,130,150,0.35)"}, hoverinfo="text",
        hovertext=[name for name, _, _ in reference], name="capitals",
    )  # fmt: skip
    top = max(n for *_, n, _ in points)
    fig.add_scattergeo(
        lon=[lon for _, _, lon, _, _ in points], lat=[lat for _, lat, _, _, _ in points],
        mode="markers+text", text=[p[0] for p in points], textposition="top center",
        marker={"size": [10 + 20 * n / top for *_, n, _ in points], "color": "#c05621",
                "line": {"width": 1, "color": "#fff"}},
        hovertext=[f"{p[0]}: {p[3]} meeting(s)" for p in points], hoverinfo="text",
        customdata=[p[4] for p in points], name="meetings",
    )  # fmt: skip
    fig.update_geos(
        scope="world", resolution=110, projection_type="natural earth", showcountries=True,
        countrycolor="rgba(90,100,120,0.45)", showland=True, landcolor="#f3f1ec", showocean=True,
        oceancolor="#eef4f8", showcoastlines=True, coastlinecolor="rgba(90,100,120,0.6)",
        lataxis_range=[-60, 85], showframe=False,
    )  # fmt: skip
    fig.update_layout(hovermode="closest", dragmode="pan", height=520, showlegend=False, **LAYOUT)
    return _plain(fig)
