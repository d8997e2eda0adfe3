"""What a fetched source points at: feed entries and sitemap URLs become items to fetch.

A feed entry with a link becomes an article page to download (its feed date and title travel
with it); an entry without a link is ingested from its own content. A sitemap's ``<url><loc>``
entries are pages (``lastmod`` or a news sitemap's publication date as their date); a sitemap
index is not followed (list its child sitemaps as sources instead).
"""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree
from dataclasses import dataclass
from urllib.parse import urldefrag, urljoin

import feedparser

from dyadwatch.ingest.feeds import _entry_date, _entry_html


class LinkError(Exception):
    """A source whose body holds no usable links (not a feed, not a sitemap)."""


@dataclass
class Item:
    """One article to ingest: a page URL to fetch, or (``html`` set) a feed entry read as it is."""

    key: str  # the URL, or feed URL + "#" + entry id for an entry without a link
    title: str = ""
    date: str = ""
    html: str = ""


def feed_items(data: bytes, base_url: str) -> list[Item]:
    parsed = feedparser.parse(data)
    if not parsed.entries:
        raise LinkError(f"not a feed or no entries ({parsed.get('bozo_exception', 'no entries')})")
    items = []
    for index, entry in enumerate(parsed.entries):
        link = str(entry.get("link", "")).strip()
        title, date = str(entry.get("title", "")), _entry_date(entry)
        if link:
            items.append(Item(key=_absolute(base_url, link), title=title, date=date))
            continue
        html = _entry_html(entry)
        if html:
            items.append(Item(key=f"{base_url}#{entry.get('id') or index}", title=title, date=date, html=html))
    return items


def sitemap_items(data: bytes, base_url: str) -> list[Item]:
    try:
        root = ElementTree.fromstring(data)
    except ElementTree.ParseError as exc:
        raise LinkError(f"not a sitemap (XML error: {exc})") from exc
    if _local(root.tag) == "sitemapindex":
        raise LinkError("a sitemap index: list its child sitemaps as sources of kind 'sitemap'")
    if _local(root.tag) != "urlset":
        raise LinkError(f"not a sitemap (root element <{_local(root.tag)}>)")
    items = []
    for url in root:
        values = {_local(child.tag): (child.text or "").strip() for child in url.iter()}
        if values.get("loc"):
            date = (values.get("publication_date") or values.get("lastmod") or "")[:10]
            items.append(Item(key=_absolute(base_url, values["loc"]), title=values.get("title", ""), date=date))
    return items


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _absolute(base_url: str, link: str) -> str:
    return urldefrag(urljoin(base_url, link))[0]
