"""What each page shows, as JSON-able dicts: the API returns them as they are, the pages render them.

Dyad figures, top dyads, shifts and the network come from `dyadwatch.analysis`; the article,
search and actor queries from `web.queries`. Every list is paginated with a capped limit.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, is_dataclass
from datetime import date, timedelta
from typing import Any

import duckdb

from dyadwatch.report.charts import series_totals
from dyadwatch.web import queries

DEFAULT_LIMIT = 50
MAX_LIMIT = 200
CODE_RE = re.compile(r"^[A-Za-z]{2,12}$")


@dataclass(frozen=True)
class Page:
    """A window of rows: ``limit`` is capped at MAX_LIMIT, so no request can ask for the whole store."""

    limit: int = DEFAULT_LIMIT
    offset: int = 0

    @classmethod
    def of(cls, limit: int | None, offset: int | None) -> Page:
        wanted = DEFAULT_LIMIT if limit is None else limit
        return cls(max(1, min(wanted, MAX_LIMIT)), max(0, offset or 0))

    def wrap(self, rows: list[Any]) -> dict[str, Any]:
        """Rows plus the paging facts a client needs for the next request."""
        more = len(rows) == self.limit
        return {"limit": self.limit, "offset": self.offset, "next_offset": self.offset + self.limit if more else None,
                "items": rows}  # fmt: skip


def plain(value: Any) -> Any:
    """Dataclasses (SeriesPoint, DyadSummary, Shift) as dicts, recursively."""
    if is_dataclass(value) and not isinstance(value, type):
        return asdict(value)
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    return value


def valid_code(code: str) -> str | None:
    """A country or actor code (CHN, RUSGOV, NATO), upper-cased; None when it cannot be one."""
    return code.upper() if CODE_RE.match(code or "") else None


def overview(con: duckdb.DuckDBPyConnection, limit: int = 20, shifts_limit: int = 20) -> dict[str, Any]:
    """Headline counts, the most active dyads, the latest shifts."""
    from dyadwatch.analysis import overview as analysis_overview

    counts = queries.store_counts(con)
    top = analysis_overview.top_dyads(con, limit=min(limit, MAX_LIMIT))
    return {"counts": counts, "top_dyads": plain(top), "shifts": plain(recent_shifts(con, counts, shifts_limit))}


RECENT_DAYS = 90


def recent_shifts(con: duckdb.DuckDBPyConnection, counts: dict[str, Any], limit: int = 20) -> list[Any]:
    """Weekly shifts in the last RECENT_DAYS days of the store's dates, latest first.

    ``since`` keeps ``detect_shifts`` from attaching event ids to every shift of the store's whole
    history (5,640 weekly shifts, 11 s, on the 1,000,000-event benchmark store); the baseline still
    uses the earlier weeks.
    """
    from dyadwatch.analysis.shifts import detect_shifts

    last = counts.get("last_date") or ""
    since = ""
    if len(last) >= 10:
        since = (date.fromisoformat(last[:10]) - timedelta(days=RECENT_DAYS)).isoformat()
    found = detect_shifts(con, since=since or None)
    return sorted(found, key=lambda s: (str(s.period), abs(s.score)), reverse=True)[:limit]


def network(con: duckdb.DuckDBPyConnection) -> Any:
    """The country network (networkx) for the chart."""
    from dyadwatch.analysis.network import country_network

    return country_network(con, directed=True)


def network_json(graph: Any) -> dict[str, Any]:
    nodes = [{"id": str(n), **{k: plain(v) for k, v in d.items()}} for n, d in graph.nodes(data=True)]
    edges = [{"source": str(u), "target": str(v), **{k: plain(w) for k, w in d.items()}}
             for u, v, d in graph.edges(data=True)]  # fmt: skip
    return {"nodes": nodes, "edges": edges}


def dyad_summary(con: duckdb.DuckDBPyConnection, a: str, b: str, by: str, directed: bool) -> dict[str, Any] | None:
    """The dyad's series, totals and shifts; None when the two never meet in the store."""
    from dyadwatch.analysis.series import dyad_series
    from dyadwatch.web.dyad_shifts import dyad_shifts

    points = dyad_series(con, a, b, by=by, directed=directed)
    if not any(p.events or p.quotes for p in points):
        return None
    both_ways = dyad_series(con, a, b, by=by) if directed else points  # shifts are of undirected dyads
    return {"a": a, "b": b, "by": by, "directed": directed, "series": plain(points),
            "shifts": plain(dyad_shifts(both_ways, a, b, by)), "totals": series_totals(points)}  # fmt: skip


def dyad_events(con: duckdb.DuckDBPyConnection, a: str, b: str, directed: bool, page: Page) -> dict[str, Any]:
    from dyadwatch.analysis import overview as analysis_overview

    rows = analysis_overview.dyad_events(con, a, b, directed=directed, limit=page.limit, offset=page.offset)
    return page.wrap(rows)


def dyad_quotes(con: duckdb.DuckDBPyConnection, a: str, b: str, page: Page) -> dict[str, Any]:
    from dyadwatch.analysis import overview as analysis_overview

    return page.wrap(analysis_overview.dyad_quotes(con, a, b, limit=page.limit, offset=page.offset))


def actor(con: duckdb.DuckDBPyConnection, code: str, page: Page) -> dict[str, Any] | None:
    """An actor code or country: counts, partners, events and quotes; None when the store never saw it."""
    summary = queries.actor_summary(con, code)
    if not (summary["as_actor"] or summary["as_recipient"] or summary["quotes"] or summary["names"]):
        return None
    return {
        **summary,
        "partners": queries.actor_partners(con, code),
        "events": page.wrap(queries.actor_events(con, code, page.limit, page.offset)),
        "quotes_page": page.wrap(queries.actor_quotes(con, code, page.limit, page.offset)),
    }


def search(con: duckdb.DuckDBPyConnection, text: str, page: Page) -> dict[str, Any]:
    """Articles and quotes containing ``text``; an empty query finds nothing rather than everything."""
    if not text.strip():
        return {"q": text, "articles": page.wrap([]), "quotes": page.wrap([])}
    articles = queries.search_articles(con, text, page.limit, page.offset)
    return {
        "q": text,
        "articles": page.wrap(articles),
        "quotes": page.wrap(queries.search_quotes(con, text, page.limit, page.offset)),
    }
