"""The country network: who acts on whom, weighted by counted events."""

from __future__ import annotations

import duckdb
import networkx as nx

from dyadwatch.analysis.dyads import date_condition
from dyadwatch.analysis.source import counted_events


def country_network(
    con: duckdb.DuckDBPyConnection,
    since: str | None = None,
    until: str | None = None,
    directed: bool = True,
) -> nx.DiGraph:
    """A graph of countries; an edge actor -> recipient carries ``events``, ``goldstein_sum``,
    ``net_cooperation`` (quads 1+2 minus 3+4) and ``weight`` (= events). Undirected: an ``nx.Graph``
    whose edges sum both directions. Self-loops and unknown countries are left out."""
    dates, params = date_condition(since, until)
    where = " AND ".join(
        ["coalesce(e.actor_country, '') <> ''", "coalesce(e.recipient_country, '') <> ''",
         "e.actor_country <> e.recipient_country", *dates]
    )  # fmt: skip
    sql = f"""SELECT e.actor_country, e.recipient_country, count(*), coalesce(sum(e.goldstein), 0),
                     count(*) FILTER (e.quad_class IN (1, 2)) - count(*) FILTER (e.quad_class IN (3, 4))
              FROM {counted_events(con, cached=True)} e WHERE {where} GROUP BY 1, 2 ORDER BY 1, 2"""
    graph: nx.Graph = nx.DiGraph() if directed else nx.Graph()
    for src, dst, n, gsum, net in con.execute(sql, params).fetchall():
        if graph.has_edge(src, dst):
            edge = graph[src][dst]
            edge["events"] += n
            edge["goldstein_sum"] = round(edge["goldstein_sum"] + gsum, 4)
            edge["net_cooperation"] += net
            edge["weight"] = edge["events"]
        else:
            graph.add_edge(src, dst, events=n, goldstein_sum=round(gsum, 4), net_cooperation=net, weight=n)
    return graph
