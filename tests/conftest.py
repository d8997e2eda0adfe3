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
    from dyadwatch.quotes import extract_quotes

    coder, resolver = EventCoder(), ActorResolver()

    def run(text: str, date: str = "2024-05-14"):
        article = Article(id="t", text=text, date=date)
        doc = nlp(text)
        actors = resolver.analyze(doc, article)
        return coder.code(doc, article, actors, extract_quotes(doc, article, actors))

    return run


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
