"""Event and quote filters users expect, as SQL conditions with bound parameters.

Shared by ``Store.events``/``Store.quotes`` (the ``events``/``quotes`` commands) and the analysis
package. Every value is a bound parameter, never pasted into SQL, so a filter value such as
``x' OR 1=1 --`` is only ever compared as data.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any


@dataclass
class EventFilters:
    """Optional filters; empty/None means "no filter". ``between`` is a dyad in both directions."""

    between: tuple[str, str] | None = None
    quad: int | None = None
    min_goldstein: float | None = None
    max_goldstein: float | None = None
    place: str = ""
    outlet: str = ""
    article: str = ""
    event_type: str = ""

    @classmethod
    def from_kwargs(cls, **kwargs: Any) -> EventFilters:
        """Build from keyword arguments, naming any unknown filter in the error."""
        known = {f.name for f in fields(cls)}
        unknown = sorted(set(kwargs) - known)
        if unknown:
            raise TypeError(f"unknown filter(s): {', '.join(unknown)}; known: {', '.join(sorted(known))}")
        return cls(**kwargs)

    def event_clauses(self, e: str = "e") -> tuple[list[str], list[Any]]:
        """Conditions on an events table aliased ``e`` (outlet and article through ``article_id``)."""
        where, params = self._between(e, "actor", "recipient")
        if self.quad is not None:
            where.append(f"{e}.quad_class = ?")
            params.append(int(self.quad))
        if self.min_goldstein is not None:
            where.append(f"{e}.goldstein >= ?")
            params.append(float(self.min_goldstein))
        if self.max_goldstein is not None:
            where.append(f"{e}.goldstein <= ?")
            params.append(float(self.max_goldstein))
        if self.place:
            where.append(f"({e}.location_name ILIKE ? OR upper({e}.location_country) = upper(?))")
            params += [f"%{self.place}%", self.place]
        if self.event_type:
            where.append(f"upper({e}.event_type) = upper(?)")
            params.append(self.event_type)
        self._article_and_outlet(where, params, e)
        return where, params

    def quote_clauses(self, q: str = "q") -> tuple[list[str], list[Any]]:
        """Conditions on quotes: ``between`` matches speaker and addressee; quad/Goldstein/place do not apply."""
        where, params = self._between(q, "speaker", "addressee")
        self._article_and_outlet(where, params, q)
        return where, params

    def _between(self, alias: str, src: str, dst: str) -> tuple[list[str], list[Any]]:
        if not self.between:
            return [], []
        a, b = (v.upper() for v in self.between)
        s, d = f"upper({alias}.{src}_country)", f"upper({alias}.{dst}_country)"
        return [f"(({s} = ? AND {d} = ?) OR ({s} = ? AND {d} = ?))"], [a, b, b, a]

    def _article_and_outlet(self, where: list[str], params: list[Any], alias: str) -> None:
        if self.outlet:  # a semi-join: no need to carry the article's columns through the query
            where.append(f"{alias}.article_id IN (SELECT id FROM articles WHERE source ILIKE ?)")
            params.append(f"%{self.outlet}%")
        if self.article:
            where.append(f"{alias}.article_id = ?")
            params.append(self.article)
