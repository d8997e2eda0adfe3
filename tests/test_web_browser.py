"""A real browser (the system's headless Chromium via Playwright) on the real server: charts drawn, evidence listed."""

from __future__ import annotations

from pathlib import Path

import pytest
from webtools import REPO, run_cli

CHROMIUM = Path("/usr/bin/chromium")
LAUNCH_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
               "--disable-component-update", "--disable-sync", "--no-first-run"]  # fmt: skip

pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(), reason="needs the system Chromium at /usr/bin/chromium (CI installs it: .ci/run)"
)


@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS)
        yield browser
        browser.close()


def open_page(browser, url: str):
    """A page that records script errors, CSP violations and any request leaving 127.0.0.1."""
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.problems, page.remote = [], []
    page.on("pageerror", lambda exc: page.problems.append(str(exc)))
    page.on("console", lambda msg: msg.type == "error" and page.problems.append(msg.text))
    page.on("dialog", lambda dialog: (page.problems.append(f"dialog: {dialog.message}"), dialog.dismiss()))
    page.on("request", lambda req: None if req.url.startswith(("http://127.0.0.1", "data:", "file:"))
            else page.remote.append(req.url))  # fmt: skip
    page.goto(url, wait_until="load")
    return page


def drawn_points(page, chart: str) -> int:
    """Points and bars plotly drew inside one chart (SVG elements)."""
    page.wait_for_selector(f"{chart} .main-svg", timeout=30_000)
    return page.locator(f"{chart} .scatterlayer .point, {chart} .barlayer .point").count()


def test_overview_and_dyad_page_draw_charts_and_list_evidence(browser, web_server, tmp_path):
    page = open_page(browser, web_server + "/")
    assert drawn_points(page, '[data-figure="network-figure"]') >= 3  # countries as markers
    page.screenshot(path=str(tmp_path / "overview.png"), full_page=True)
    page.get_by_role("link", name="CHN – RUS").first.click()
    page.wait_for_load_state("load")
    assert page.url.endswith("/dyad/CHN/RUS")
    points = drawn_points(page, '[data-figure="timeline-figure"]')
    assert points >= 10  # line markers and stacked quad bars, one per week
    sentences = page.locator("table.events q.sentence")
    assert sentences.count() >= 5
    assert all(len(s) > 20 for s in sentences.all_inner_texts())
    page.screenshot(path=str(tmp_path / "dyad-CHN-RUS.png"), full_page=True)
    assert (tmp_path / "dyad-CHN-RUS.png").stat().st_size > 10_000
    assert page.problems == [] and page.remote == []


def test_markup_in_an_article_does_not_run_in_the_browser(browser, web_server):
    page = open_page(browser, web_server + "/search?q=xss")
    page.locator("ol.results a").first.click()
    page.wait_for_load_state("load")
    text = page.locator("article.text").inner_text()
    assert "<script>alert(" in text
    assert page.locator("article.text script, article.text img, article.text iframe").count() == 0
    assert page.problems == []  # no alert() dialog, no script error


def test_report_draws_offline(browser, web_store, tmp_path):
    out = tmp_path / "report.html"
    done = run_cli("report", "--db", str(web_store), "--out", str(out), "--dyad", "CHN", "RUS", "--dyad", "USA-CHN")
    assert done.returncode == 0, done.stderr
    page = open_page(browser, out.as_uri())
    assert drawn_points(page, '[data-figure="fig-1"]') >= 5
    assert drawn_points(page, '[data-figure="fig-network"]') >= 3
    assert page.locator("#dyad-CHN-RUS q.sentence").count() >= 5
    page.screenshot(path=str(tmp_path / "report.png"))
    assert page.problems == [] and page.remote == []
    assert REPO.exists()
