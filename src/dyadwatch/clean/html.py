"""Main text and metadata of an HTML page with trafilatura (title, date, author, url, site)."""

from __future__ import annotations

from dataclasses import dataclass

FALLBACK_BELOW_CHARS = 300  # a shorter fast extraction is retried with trafilatura's fallback extractors


@dataclass
class PageText:
    text: str = ""
    title: str = ""
    date: str = ""
    author: str = ""
    url: str = ""
    sitename: str = ""


def extract_page(html: str, url: str = "") -> PageText:
    """The article body (paragraphs one per line) and metadata; empty text when none is found.

    The fast path skips trafilatura's fallback extractors; pages where it finds little are
    extracted again with them.
    """
    import trafilatura

    options = dict(url=url or None, with_metadata=True, include_comments=False, include_tables=False)
    doc = trafilatura.bare_extraction(html, fast=True, **options)  # ~1.6x faster, same text on news pages
    if doc is None or len(doc.text or "") < FALLBACK_BELOW_CHARS:
        doc = trafilatura.bare_extraction(html, **options) or doc
    if doc is None:
        return PageText()
    text = doc.text or ""
    title = (doc.title or "").strip()
    lines = text.split("\n")
    if title and lines and lines[0].strip() == title:
        text = "\n".join(lines[1:])
    return PageText(
        text=text,
        title=title,
        date=doc.date or "",
        author=doc.author or "",
        url=doc.url or url,
        sitename=doc.sitename or "",
    )
