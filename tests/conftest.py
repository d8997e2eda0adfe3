"""Shared fixtures: the spaCy pipeline and the full dyadwatch Pipeline load once per test session."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def nlp():
    from dyadwatch.nlp import load_nlp

    return load_nlp()


@pytest.fixture(scope="session")
def pipeline():
    from dyadwatch.pipeline import Pipeline

    return Pipeline()
