"""`dyadwatch report`: one self-contained HTML file from the store (no CDN, nothing fetched at view time).

plotly.js is embedded once from the installed package; each chart's figure is JSON in a
non-executable script element, drawn by one small inline script. A Content-Security-Policy meta
tag allows exactly those two scripts (by hash), so markup inside article text could not run even
if it escaped the templates' autoescaping.
"""

from __future__ import annotations

import base64
import hashlib
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import duckdb
from jinja2 import Environment, PackageLoader
from markupsafe import Markup

from dyadwatch import __version__
from dyadwatch.report.charts import network_figure, series_totals, timeline_figure

DRAW_SCRIPT = """document.querySelectorAll(".plotly-chart[data-figure]").forEach(function (el) {
  var figure = JSON.parse(document.getElementById(el.getAttribute("data-figure")).textContent);
  Plotly.newPlot(el, figure.data, figure.layout, {displaylogo: false, responsive: true});
});"""
CODE = re.compile(r"^[A-Za-z]{2,12}$")
EVENTS_PER_DYAD = 60
QUOTES_PER_DYAD = 20


@dataclass
class DyadSection:
    a: str
    b: str
    totals: dict[str, Any]
    figure: dict[str, Any]
    events: list[dict[str, Any]] = field(default_factory=list)
    quotes: list[dict[str, Any]] = field(default_factory=list)
    shifts: list[Any] = field(default_factory=list)


def parse_dyads(values: list[str], extras: list[str] | None = None) -> list[tuple[str, str]]:
    """Dyads from ``--dyad CHN RUS`` (the second code arrives as an extra argument) or ``--dyad CHN-RUS``."""
    extras = list(extras or [])
    pairs = []
    for value in values:
        parts = [p for p in re.split(r"[-:,/ ]", value) if p]
        if len(parts) == 1 and extras:
            parts.append(extras.pop(0))
        if len(parts) != 2 or not all(CODE.match(p) for p in parts):
            raise ValueError(f"{value!r} is not a dyad of two country codes (e.g. --dyad CHN RUS)")
        pairs.append((parts[0].upper(), parts[1].upper()))
    if extras:
        raise ValueError(f"unexpected argument(s): {' '.join(extras)}")
    return pairs


def _script_hash(source: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(source.encode()).digest()).decode() + "'"


def _environment() -> Environment:
    env = Environment(loader=PackageLoader("dyadwatch.report", "templates"), autoescape=True, finalize=_blank_none)
    env.filters["anchor"] = lambda row_id: str(row_id).rsplit("-", 1)[-1]
    return env


def _section(con: duckdb.DuckDBPyConnection, a: str, b: str, by: str) -> DyadSection | None:
    from dyadwatch.analysis import dyad_events, dyad_quotes, dyad_series
    from dyadwatch.web.dyad_shifts import dyad_shifts

    points = dyad_series(con, a, b, by=by)
    if not any(p.events for p in points):
        return None
    return DyadSection(
        a=a, b=b, totals=series_totals(points), figure=timeline_figure(points, f"{a} – {b} by {by}"),
        events=dyad_events(con, a, b, limit=EVENTS_PER_DYAD), quotes=dyad_quotes(con, a, b, limit=QUOTES_PER_DYAD),
        shifts=dyad_shifts(dyad_series(con, a, b, by="week"), a, b, "week"),
    )  # fmt: skip


def gather(con: duckdb.DuckDBPyConnection, dyads: list[tuple[str, str]], top: int, by: str) -> dict[str, Any]:
    """Everything the report shows, read from the store."""
    from dyadwatch.analysis import country_network, top_dyads
    from dyadwatch.web.data import recent_shifts
    from dyadwatch.web.queries import store_counts

    ranked = top_dyads(con, limit=20)
    wanted = dyads or [(d.a, d.b) for d in ranked[:top]]
    sections = [s for s in (_section(con, a, b, by) for a, b in wanted) if s is not None]
    missing = [f"{a}–{b}" for a, b in wanted if not any({s.a, s.b} == {a, b} for s in sections)]
    counts = store_counts(con)
    return {
        "counts": counts, "shifts": recent_shifts(con, counts), "top_dyads": ranked, "sections": sections,
        "missing": missing, "network": network_figure(country_network(con), "Country network (events)"), "by": by,
    }  # fmt: skip


def render(content: dict[str, Any], db_name: str = "") -> str:
    """The HTML text of the report."""
    from plotly.offline import get_plotlyjs

    plotly_js = get_plotlyjs()
    csp = (
        f"default-src 'none'; script-src {_script_hash(plotly_js)} {_script_hash(DRAW_SCRIPT)}; "
        "style-src 'unsafe-inline'; img-src data:; font-src data:"
    )
    return _environment().get_template("report.html").render(
        **content, plotly_js=Markup(plotly_js), draw_script=Markup(DRAW_SCRIPT), csp=csp, db_name=db_name,
        version=__version__, generated=datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
    )  # fmt: skip


def write_report(
    con: duckdb.DuckDBPyConnection,
    out: str | Path,
    dyads: list[tuple[str, str]] | None = None,
    top: int = 8,
    by: str = "month",
    db_name: str = "",
) -> Path:
    """Write the report to ``out`` and return its path."""
    path = Path(out)
    path.write_text(render(gather(con, dyads or [], top, by), db_name), encoding="utf-8")
    return path


def _blank_none(value: object) -> object:
    """A missing value (None) prints as nothing, not as "None"."""
    return "" if value is None else value
