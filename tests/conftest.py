"""Shared fixtures: the spaCy pipeline and the full dyadwatch Pipeline load once per test session."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def nlp():
    from dyadwatch.nlp import load_nlp

    return load_nlp()


@pytest.fixture(scope="session")
def resolver():
    """One actor resolver for the session (analyze keeps no state between documents)."""
    from dyadwatch.actors import ActorResolver

    return ActorResolver()


@pytest.fixture(scope="session")
def pipeline():
    from dyadwatch.pipeline import Pipeline

    return Pipeline()


@pytest.fixture(scope="session")
def code_events(nlp):
    """Events of one invented text, through the resolver, quotes and coder (no cleaning, no store)."""
    from dyadwatch.actors import ActorResolver
    from dyadwatch.events import EventCoder
    from dyadwatch.models import Article
    from dyadwatch.nlp import parse_texts
    from dyadwatch.quotes import extract_quotes

    coder, resolver = EventCoder(), ActorResolver()

    def run(text: str, date: str = "2024-05-14"):
        article = Article(id="t", text=text, date=date)
        doc = parse_texts(nlp, [text])[0]  # as the pipeline parses (Title Case headlines read in sentence case)
        actors = resolver.analyze(doc, article)
        return coder.code(doc, article, actors, extract_quotes(doc, article, actors))

    return run


# ---- web and report (issue 12): a real store from examples/ and a real server over it (tests/webtools.py) ----


@pytest.fixture(scope="session")
def web_store(examples_db, tmp_path_factory):
    """examples/ plus the synthetic hostile-markup articles of tests/data/web, the latter ingested by the real CLI."""
    import shutil

    from webtools import WEB_DATA, run_cli

    path = tmp_path_factory.mktemp("web") / "web.duckdb"
    shutil.copy(examples_db, path)
    done = run_cli("ingest", str(WEB_DATA), "--db", str(path), "--date", "2023-05-01")
    assert done.returncode == 0, done.stderr[-2000:]
    return path


@pytest.fixture(scope="session")
def web_server(web_store, tmp_path_factory):
    """Base URL of a real `dyadwatch serve` over ``web_store``."""
    from webtools import start_server, stop_server

    proc, base = start_server(web_store, tmp_path_factory.mktemp("serve"))
    yield base
    stop_server(proc)


@pytest.fixture(scope="session")
def examples_db(tmp_path_factory):
    """A store holding the bundled examples/, ingested once per test session (read it read-only)."""
    from pathlib import Path

    from typer.testing import CliRunner

    from dyadwatch.cli import app

    path = tmp_path_factory.mktemp("examples") / "examples.duckdb"
    examples = Path(__file__).resolve().parents[1] / "examples"
    result = CliRunner().invoke(app, ["ingest", str(examples), "--db", str(path)])
    assert result.exit_code == 0, result.output
    return path
