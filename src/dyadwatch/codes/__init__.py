"""CAMEO and PLOVER code tables: names, Goldstein weights, QuadClass and CAMEO -> PLOVER.

The tables are data files in ``codes/data`` (sources in their header comments). Lookups fall
back from a 4-digit code to its 3-digit parent and its 2-digit root, so that every code the
lexicon uses gets a name, a weight, a quad class and a PLOVER type.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

DATA_DIR = Path(__file__).parent / "data"

PLOVER_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)


@dataclass(frozen=True)
class CameoCode:
    """Everything the project knows about one CAMEO code."""

    code: str
    name: str
    goldstein: float
    quad_class: int
    plover: str
    plover_mode: str
    plover_context: str


def _rows(name: str) -> list[list[str]]:
    """Tab-separated rows of a data file, skipping comments and the header line."""
    lines = [ln for ln in (DATA_DIR / name).read_text(encoding="utf-8").splitlines() if ln and not ln.startswith("#")]
    return [ln.split("\t") for ln in lines[1:]]


@lru_cache(maxsize=1)
def _tables() -> tuple[dict[str, tuple[str, float | None]], dict[str, tuple[str, str, str]]]:
    cameo: dict[str, tuple[str, float | None]] = {}
    for code, name, weight in _rows("cameo.tsv"):
        if len(code) >= 2:
            cameo[code] = (name, float(weight) if weight else None)
    plover: dict[str, tuple[str, str, str]] = {}
    for code, ptype, mode, context in _rows("cameo2plover.tsv"):
        plover.setdefault(code, (ptype, mode, context))  # first row wins: project additions come first
    return cameo, plover


def _prefixes(code: str) -> list[str]:
    """The code itself, then its parents: "0231" -> ["0231", "023", "02"]."""
    return [code[:n] for n in range(len(code), 1, -1)]


def quad_class(code: str) -> int:
    """GDELT QuadClass from the CAMEO root: 1 verbal coop (01-05), 2 material coop (06-09),
    3 verbal conflict (10-14), 4 material conflict (15-20); 0 for an unknown code."""
    try:
        root = int(code[:2])
    except ValueError:
        return 0
    if 1 <= root <= 5:
        return 1
    if 6 <= root <= 9:
        return 2
    if 10 <= root <= 14:
        return 3
    if 15 <= root <= 20:
        return 4
    return 0


def is_known(code: str) -> bool:
    """True when the CAMEO table lists this exact code."""
    return code in _tables()[0]


@lru_cache(maxsize=512)
def lookup(code: str) -> CameoCode:
    """Name, Goldstein weight, QuadClass and PLOVER mapping of a CAMEO code (parents as fallback)."""
    cameo, plover = _tables()
    name, weight = "", None
    for prefix in _prefixes(code):
        if prefix in cameo:
            pname, pweight = cameo[prefix]
            name = name or pname
            if weight is None:
                weight = pweight
            if name and weight is not None:
                break
    ptype, pmode, pcontext = next((plover[p] for p in _prefixes(code) if p in plover), ("", "", ""))
    return CameoCode(code, name, weight if weight is not None else 0.0, quad_class(code), ptype, pmode, pcontext)


def goldstein(code: str) -> float:
    return lookup(code).goldstein


def plover_type(code: str) -> str:
    """PLOVER event type of a CAMEO code ("" for codes PLOVER drops, such as 010 statements)."""
    return lookup(code).plover


def cameo_name(code: str) -> str:
    return lookup(code).name
