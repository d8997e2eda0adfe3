"""Characters no parser should see: control codes, zero-width and bidirectional formatting marks.

A scraped page or a JSON dump can carry a stray NUL, a form feed, or right-to-left marks copied
from a bilingual site. spaCy then splits "Is\u200fra\u200fel" into pieces and "Israel struck Syria"
is lost, so cleaning removes them before anything else reads the text. Line separators become
newlines; tabs, newlines and carriage returns stay. What was removed shows up as article flags.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from dyadwatch.ingest.common import scrub_surrogates

# Vertical tab, form feed, file/group/record separators, NEL, LINE and PARAGRAPH SEPARATOR: line breaks.
_LINE_BREAKS_RE = re.compile("[\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")
# Other C0 and C1 controls (NUL included), DEL.
_CONTROLS_RE = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")
# Zero-width and bidirectional formatting (Unicode Cf used in running text), soft hyphen, BOM.
_INVISIBLE_RE = re.compile("[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")
REPLACEMENT_CHAR = "\ufffd"

FLAG_CONTROLS = "control_chars_removed"
FLAG_UNDECODABLE = "undecodable_bytes"


@dataclass
class Sanitized:
    text: str
    flags: list[str] = field(default_factory=list)


def sanitize(text: str) -> Sanitized:
    """``text`` without control and invisible formatting characters, with a flag for what it held."""
    flags = []
    text = _LINE_BREAKS_RE.sub("\n", scrub_surrogates(text))
    text, controls = _CONTROLS_RE.subn("", text)
    if controls:
        flags.append(FLAG_CONTROLS)
    text = _INVISIBLE_RE.sub("", text)
    if REPLACEMENT_CHAR in text:
        flags.append(FLAG_UNDECODABLE)
    return Sanitized(text=text, flags=flags)
