"""Cleaning: RawDocument -> Article (body text, metadata, removed lines, flags).

Contract: ``clean_document(raw, default_date)`` returns an Article whose ``text`` is the
cleaned body that every later offset refers to.
"""

from __future__ import annotations

import hashlib
import re

from dyadwatch.models import Article, RawDocument


def article_id(body: str) -> str:
    """Stable id: a hash of the whitespace- and case-normalised body text."""
    normalised = re.sub(r"\s+", " ", body).strip().lower()
    return hashlib.sha1(normalised.encode("utf-8")).hexdigest()[:16]


def clean_document(raw: RawDocument, default_date: str = "") -> Article:
    """Walking skeleton: keep the text as given, take the first line of a .txt as title."""
    text = raw.text.replace("\r\n", "\n").strip()
    title = raw.title
    if raw.fmt == "txt" and not title and "\n" in text:
        title, text = text.split("\n", 1)
        text = text.strip()
    date = raw.date[:10] if raw.date else default_date
    return Article(
        id=article_id(text),
        text=text,
        url=raw.url,
        path=raw.source_path,
        source=raw.source,
        title=title.strip(),
        date=date,
        date_source="metadata" if raw.date else ("cli" if default_date else ""),
        language="en",
        source_id=raw.id,
    )
