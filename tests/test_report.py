"""`dyadwatch report`: one offline HTML file with the dyads, their charts, evidence and quotes."""

from __future__ import annotations

import base64
import hashlib
import html
import re

import pytest
from webtools import PageParts, run_cli


@pytest.fixture(scope="module")
def report(web_store, tmp_path_factory):
    out = tmp_path_factory.mktemp("report") / "report.html"
    done = run_cli("report", "--db", str(web_store), "--out", str(out),
                   "--dyad", "CHN", "RUS", "--dyad", "USA", "CHN", "--dyad", "USA-RUS")  # fmt: skip
    assert done.returncode == 0, done.stderr
    return out.read_text(encoding="utf-8")


def test_report_has_the_dyads_with_charts_evidence_and_quotes(report):
    for a, b in (("CHN", "RUS"), ("USA", "CHN"), ("USA", "RUS")):
        section = report.split(f'id="dyad-{a}-{b}"', 1)[1].split("</section>", 1)[0]
        assert 'class="plotly-chart"' in section
        assert section.count('<q class="sentence">') >= 3
    assert 'data-figure="fig-network"' in report
    assert "Most active dyads" in report and "Recent shifts" in report
    assert report.count('<q class="quote">') >= 3


def test_report_is_self_contained(report):
    parts = PageParts(report)
    assert all("src" not in attrs for attrs, _ in parts.scripts)  # nothing loaded from anywhere
    plotly = max((body for _, body in parts.executable_scripts()), key=len)
    markup = report.replace(plotly, "")  # plotly.js's own strings name its website; the page itself links nowhere
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", markup)
    assert len(plotly) > 1_000_000 and "plotly" in plotly[:2000].lower()
    assert len(parts.executable_scripts()) == 2  # plotly.js once, and the drawing script


def test_report_csp_allows_exactly_its_two_scripts(report):
    csp = html.unescape(re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', report).group(1))
    allowed = set(re.findall(r"'sha256-([^']+)'", csp))
    hashes = {base64.b64encode(hashlib.sha256(body.encode()).digest()).decode()
              for _, body in PageParts(report).executable_scripts()}  # fmt: skip
    assert allowed == hashes and "unsafe-inline" not in csp.split("script-src")[1].split(";")[0]


def test_report_shows_markup_from_articles_as_text(report):
    parts = PageParts(report)
    assert parts.handlers == [] and not {"img", "iframe", "b"} & set(parts.tags)
    assert '<script>alert("xss-html")</script>' in parts.text or "<script>alert(" in parts.text
    assert "&lt;script&gt;alert(" in report


def test_report_rejects_a_bad_dyad(web_store, tmp_path):
    done = run_cli("report", "--db", str(web_store), "--out", str(tmp_path / "r.html"), "--dyad", "CHN")
    assert done.returncode == 2 and "two country codes" in done.stderr
    assert not (tmp_path / "r.html").exists()


def test_report_without_a_store_is_a_usage_error(tmp_path):
    done = run_cli("report", "--db", str(tmp_path / "none.duckdb"), "--out", str(tmp_path / "r.html"))
    assert done.returncode == 2 and "no store" in done.stderr


def test_default_report_covers_the_top_dyads(web_store, tmp_path):
    out = tmp_path / "default.html"
    done = run_cli("report", "--db", str(web_store), "--out", str(out))
    assert done.returncode == 0, done.stderr
    text = out.read_text(encoding="utf-8")
    for section in ("dyad-CHN-RUS", "dyad-CHN-USA", "dyad-RUS-USA"):  # the examples' China, US and Russia dyads
        assert f'id="{section}"' in text
