"""Analytics above the store: dyad time series, overviews, shifts and the country network.

Everything here reads the store through a DuckDB connection and never writes. The set of
events that analytics count is defined in one place, ``source.events_relation``.
"""

from dyadwatch.analysis.cache import drop_cache, warm_cache
from dyadwatch.analysis.network import country_network
from dyadwatch.analysis.overview import DyadSummary, dyad_events, dyad_quotes, dyad_summary, events_by_ids, top_dyads
from dyadwatch.analysis.series import SeriesPoint, dyad_series
from dyadwatch.analysis.shifts import Shift, detect_shifts
from dyadwatch.analysis.source import events_relation, quotes_relation

__all__ = [
    "DyadSummary", "SeriesPoint", "Shift", "country_network", "detect_shifts", "dyad_events", "dyad_quotes",
    "drop_cache", "dyad_series", "dyad_summary", "events_by_ids", "events_relation", "quotes_relation", "top_dyads",
    "warm_cache",
]  # fmt: skip
