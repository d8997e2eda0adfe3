"""The sources file (TOML): what to watch, and how politely.

```toml
[watch]                      # all optional
every = "15m"                # default polling interval of a source (and the round cadence)
allow_private = false        # fetch loopback/private/link-local hosts (tests, intranets)
timeout = "20s"              # connect/read timeout; a whole response gets 3x this
max_bytes = 5_000_000        # byte cap per response (streamed: reading stops past it)
host_delay = "2s"            # at least this long between two requests to one host
max_new_per_source = 30      # article pages fetched per source per round (the rest wait)
backoff_base = "5m"          # a failing source waits max(every, base) * 2^(failures-1) ...
backoff_max = "6h"           # ... but never longer than this
contact = ""                 # appended to the user agent (an e-mail or URL for site owners)
alerts_jsonl = ""            # append new alerts to this file
webhook = ""                 # POST new alerts as JSON to this URL
by = "week"                  # shift detection: period, window of past periods, z threshold, events
window = 8
threshold = 2.0
min_events = 3

[[source]]
name = "UN News"
url = "https://news.un.org/feed/subscribe/en/news/all/rss.xml"
kind = "feed"                # feed | sitemap | page
language = "en"              # recorded; the cleaner still detects the language it codes
every = "30m"
```
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

KINDS = ("feed", "sitemap", "page")
PERIODS = ("day", "week", "month")
_DURATION_RE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*$")
_UNIT_SECONDS = {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400}
DURATION_KEYS = ("every", "timeout", "host_delay", "backoff_base", "backoff_max")


class ConfigError(ValueError):
    """A sources file that cannot be used; the message names the file, the entry and the fix."""


def parse_duration(value: str | int | float, what: str = "duration") -> float:
    """Seconds in "90", "30s", "15m", "2h" or "1d" (a bare number is seconds)."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        seconds = float(value)
    else:
        match = _DURATION_RE.match(str(value))
        if not match:
            raise ConfigError(f"{what}: {value!r} is not a duration like 30s, 15m, 2h or 1d")
        seconds = float(match.group(1)) * _UNIT_SECONDS[match.group(2)]
    if seconds < 0:
        raise ConfigError(f"{what}: {value!r} is negative")
    return seconds


@dataclass(frozen=True)
class Source:
    """One watched URL: a feed or sitemap (its links are the articles) or a page (itself the article)."""

    name: str
    url: str
    kind: str = "feed"
    language: str = ""
    every: float | None = None  # seconds; None: the [watch] default


@dataclass(frozen=True)
class Settings:
    """The [watch] table; durations in seconds."""

    every: float = 900.0
    allow_private: bool = False
    timeout: float = 20.0
    max_bytes: int = 5_000_000
    host_delay: float = 2.0
    max_new_per_source: int = 30
    backoff_base: float = 300.0
    backoff_max: float = 6 * 3600.0
    contact: str = ""
    alerts_jsonl: str = ""
    webhook: str = ""
    by: str = "week"
    window: int = 8
    threshold: float = 2.0
    min_events: int = 3


@dataclass(frozen=True)
class WatchConfig:
    path: Path
    settings: Settings
    sources: list[Source] = field(default_factory=list)

    def every(self, source: Source) -> float:
        return self.settings.every if source.every is None else source.every


def load_config(path: Path, overrides: dict[str, Any] | None = None) -> WatchConfig:
    """Read and check a sources file; ``overrides`` (CLI options that were given) win over [watch]."""
    try:
        data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read the sources file: {exc.strerror or exc}") from exc
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from exc
    try:
        settings = _settings(data.get("watch", {}), overrides or {})
        sources = _sources(data.get("source", []))
    except ConfigError as exc:
        raise ConfigError(f"{path}: {exc}") from exc
    return WatchConfig(path=Path(path), settings=settings, sources=sources)


def _settings(table: dict[str, Any], overrides: dict[str, Any]) -> Settings:
    known = {f.name: f.type for f in fields(Settings)}
    unknown = sorted(set(table) - set(known))
    if unknown:
        raise ConfigError(f"[watch] has unknown keys {unknown}; known: {sorted(known)}")
    values = {**table, **{k: v for k, v in overrides.items() if v is not None}}
    for key in DURATION_KEYS:
        if key in values:
            values[key] = parse_duration(values[key], f"[watch] {key}")
    settings = replace(Settings(), **values)
    _check_settings(settings)
    return settings


def _check_settings(settings: Settings) -> None:
    if settings.by not in PERIODS:
        raise ConfigError(f"[watch] by = {settings.by!r}: use one of {', '.join(PERIODS)}")
    for name in ("max_bytes", "max_new_per_source", "window", "min_events"):
        value = getattr(settings, name)
        if not isinstance(value, int) or isinstance(value, bool) or value < 1:
            raise ConfigError(f"[watch] {name} = {value!r}: give a whole number of at least 1")
    if settings.timeout <= 0:
        raise ConfigError("[watch] timeout must be more than 0 seconds")


def _sources(tables: Any) -> list[Source]:
    if not isinstance(tables, list) or not tables:
        raise ConfigError("no [[source]] tables: list at least one source with name and url")
    sources = [_source(i, t) for i, t in enumerate(tables, 1)]
    names = [s.name for s in sources]
    duplicates = sorted({n for n in names if names.count(n) > 1})
    if duplicates:
        raise ConfigError(f"source names must be unique (they key the saved state): {duplicates}")
    return sources


def _source(number: int, table: dict[str, Any]) -> Source:
    where = f"[[source]] #{number}"
    unknown = sorted(set(table) - {"name", "url", "kind", "language", "every"})
    if unknown:
        raise ConfigError(f"{where} has unknown keys {unknown}")
    name, url = str(table.get("name", "")).strip(), str(table.get("url", "")).strip()
    if not name or not url:
        raise ConfigError(f"{where} needs both name and url")
    kind = str(table.get("kind", "feed"))
    if kind not in KINDS:
        raise ConfigError(f"{where} ({name}): kind = {kind!r}; use one of {', '.join(KINDS)}")
    every = parse_duration(table["every"], f"{where} ({name}) every") if "every" in table else None
    return Source(name=name, url=url, kind=kind, language=str(table.get("language", "")), every=every)
