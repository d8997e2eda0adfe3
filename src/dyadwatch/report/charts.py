"""Plotly figures as plain dicts (data + layout), drawn by plotly.js from the installed package.

The report embeds them in one HTML file; the web UI puts them in a JSON script element that a
local script hands to plotly.js. Both get the same figures from here.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, is_dataclass
from typing import Any

QUADS = {
    1: ("verbal cooperation", "#4c9be8"),
    2: ("material cooperation", "#1f5fa8"),
    3: ("verbal conflict", "#f0a04b"),
    4: ("material conflict", "#c8372d"),
}
MAX_NETWORK_NODES = 40


def _plain(point: Any) -> dict[str, Any]:
    return asdict(point) if is_dataclass(point) else dict(point)


def _quad_count(by_quad: dict, quad: int) -> int:
    """``by_quad`` keys are ints from the analysis API, strings once they went through JSON."""
    return int(by_quad.get(quad, by_quad.get(str(quad), 0)) or 0)


def timeline_figure(series: Iterable[Any], title: str = "") -> dict[str, Any]:
    """Net cooperation and mean Goldstein (top), events stacked by QuadClass (bottom), per period."""
    points = [_plain(p) for p in series]
    periods = [str(p["period"]) for p in points]
    data: list[dict[str, Any]] = [
        {"type": "scatter", "mode": "lines+markers", "name": "net cooperation", "x": periods,
         "y": [p["net_cooperation"] for p in points], "xaxis": "x", "yaxis": "y", "line": {"color": "#2a7f62"}},
        {"type": "scatter", "mode": "lines+markers", "name": "mean Goldstein", "x": periods,
         "y": [p["goldstein_mean"] for p in points], "xaxis": "x", "yaxis": "y", "line": {"color": "#7a4fb5"}},
    ]  # fmt: skip
    for quad, (label, color) in QUADS.items():
        data.append(
            {"type": "bar", "name": label, "x": periods, "y": [_quad_count(p["by_quad"], quad) for p in points],
             "xaxis": "x", "yaxis": "y2", "marker": {"color": color}}
        )  # fmt: skip
    layout = {
        "title": {"text": title},
        "barmode": "stack",
        "height": 460,
        "margin": {"l": 50, "r": 20, "t": 40 if title else 10, "b": 40},
        "legend": {"orientation": "h"},
        "xaxis": {"anchor": "y2", "type": "category"},
        "yaxis": {"domain": [0.55, 1.0], "title": {"text": "score"}, "zeroline": True},
        "yaxis2": {"domain": [0.0, 0.45], "title": {"text": "events"}},
    }
    return {"data": data, "layout": layout}


def series_totals(series: Iterable[Any]) -> dict[str, Any]:
    """A dyad's totals over its series (events, quotes, mean Goldstein, net cooperation, first/last period)."""
    points = [_plain(p) for p in series]
    events = sum(p["events"] for p in points)
    goldstein = sum(p["goldstein_sum"] for p in points)
    active = [str(p["period"]) for p in points if p["events"]]
    return {
        "events": events, "quotes": sum(p["quotes"] for p in points),
        "goldstein_mean": round(goldstein / events, 2) if events else None,
        "net_cooperation": sum(p["net_cooperation"] for p in points),
        "first_period": active[0] if active else None, "last_period": active[-1] if active else None,
    }  # fmt: skip


def _edge_weight(data: dict[str, Any]) -> float:
    for key in ("events", "weight", "count"):
        if key in data:
            return float(data[key])
    return 1.0


def _top_nodes(graph: Any, limit: int) -> list[Any]:
    strength = {n: 0.0 for n in graph.nodes}
    for u, v, data in graph.edges(data=True):
        strength[u] += _edge_weight(data)
        strength[v] += _edge_weight(data)
    return sorted(strength, key=lambda n: (-strength[n], str(n)))[:limit]


def network_figure(graph: Any, title: str = "", limit: int = MAX_NETWORK_NODES) -> dict[str, Any]:
    """Countries as nodes (the most active ``limit``), events between them as lines (width ~ events)."""
    import networkx as nx

    keep = _top_nodes(graph, limit)
    sub = nx.Graph()
    sub.add_nodes_from(keep)
    for u, v, data in graph.edges(data=True):
        if u in sub and v in sub and u != v:
            previous = sub.get_edge_data(u, v, {"weight": 0.0})["weight"]
            sub.add_edge(u, v, weight=previous + _edge_weight(data))
    pos = nx.spring_layout(sub, seed=7, weight="weight") if len(sub) else {}
    data: list[dict[str, Any]] = []
    for u, v, attrs in sub.edges(data=True):
        data.append(
            {"type": "scatter", "mode": "lines", "hoverinfo": "text", "showlegend": False,
             "text": f"{u}–{v}: {attrs['weight']:g} events", "x": [pos[u][0], pos[v][0]],
             "y": [pos[u][1], pos[v][1]], "line": {"width": min(1 + attrs["weight"] / 2, 10), "color": "#9aa7b4"}}
        )  # fmt: skip
    degree = dict(sub.degree(weight="weight"))
    nodes = list(sub.nodes)
    data.append(
        {"type": "scatter", "mode": "markers+text", "name": "countries", "showlegend": False,
         "x": [pos[n][0] for n in nodes], "y": [pos[n][1] for n in nodes], "text": [str(n) for n in nodes],
         "textposition": "top center", "hovertext": [f"{n}: {degree[n]:g} events" for n in nodes],
         "hoverinfo": "text", "marker": {"size": [min(8 + degree[n], 40) for n in nodes], "color": "#1f5fa8"}}
    )  # fmt: skip
    layout = {
        "title": {"text": title}, "height": 480, "margin": {"l": 10, "r": 10, "t": 40 if title else 10, "b": 10},
        "xaxis": {"visible": False}, "yaxis": {"visible": False}, "hovermode": "closest",
    }  # fmt: skip
    return {"data": data, "layout": layout}
