"""``dyadwatch watch``: poll feeds, sitemaps and pages on a schedule, ingest what is new, raise alerts.

config (the sources file) -> fetcher (polite HTTP) -> links (feed/sitemap items) -> the normal
pipeline and store -> alerts (shifts of the touched dyads). ``state`` keeps what was fetched in
the store so a restart resumes; ``command`` is the CLI body and the long-running loop.
"""
