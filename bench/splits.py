"""Fixed tune / check halves of every development file (see docs/evaluation.md).

A row belongs to a half by a hash of its id, so the halves never change when rows are added or the
code changes. Misses are read only on the *tune* half; the *check* half is reported, never studied:
the gap between the two is what generalisation costs. For realnews the id is the article id (the
sentences of one article stay together, since a coreference fix for one sentence helps its neighbours).
"""

from __future__ import annotations

import hashlib

HALVES = ("tune", "check")


def half_of(row_id: str) -> str:
    """'tune' or 'check' for a row id: the parity of the first byte of its SHA-1."""
    return HALVES[hashlib.sha1(row_id.encode("utf-8")).digest()[0] % 2]


def select(rows: list[dict], half: str, key: str = "id") -> list[dict]:
    """The rows of one half ('tune', 'check'), or all of them for 'all'."""
    if half == "all":
        return rows
    if half not in HALVES:
        raise ValueError(f"unknown half {half!r}: expected one of {HALVES} or 'all'")
    return [r for r in rows if half_of(str(r[key])) == half]
