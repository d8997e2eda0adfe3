"""The read-only web UI: `dyadwatch serve` (FastAPI + Jinja2 over one store file)."""

from __future__ import annotations

from pathlib import Path

from dyadwatch.web.db import DEFAULT_CACHE_ENTRIES, DEFAULT_LINGER_S, DEFAULT_TIMEOUT_MS


def serve(db: str | Path, host: str = "127.0.0.1", port: int = 8000, timeout_ms: int = DEFAULT_TIMEOUT_MS,
          linger_s: float = DEFAULT_LINGER_S, cache_entries: int = DEFAULT_CACHE_ENTRIES,
          warm: bool = False) -> None:  # fmt: skip
    """Run the app with uvicorn until interrupted. The store is held read-only only while requests run."""
    import uvicorn

    from dyadwatch.web.app import create_app

    app = create_app(db, host=host, timeout_ms=timeout_ms, linger_s=linger_s, cache_entries=cache_entries,
                     warm=warm)
    uvicorn.run(app, host=host, port=port, log_level="info", server_header=False)
