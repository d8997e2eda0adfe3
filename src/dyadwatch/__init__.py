"""dyadwatch: offline, evidence-linked political event and quote data from news.

Python API (mirrors the CLI):

    import dyadwatch
    records = dyadwatch.extract("article.txt", date="2023-02-22")   # list of dicts
    store = dyadwatch.Store("dyadwatch.duckdb")
    store.events(actor="RUS", since="2023-01-01")                   # pandas DataFrame
"""

from __future__ import annotations

__version__ = "0.1.0"

from dyadwatch.api import Store, extract  # noqa: E402

__all__ = ["Store", "extract", "__version__"]
