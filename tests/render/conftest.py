"""Fixtures for the renderer tests (the Result itself is built in ``render_fixture``)."""

from __future__ import annotations

import pytest
from render_fixture import build_result

from newsbrief.model import Result


@pytest.fixture
def result() -> Result:
    return build_result()


@pytest.fixture
def articles_only() -> Result:
    """The same articles, as after ``extract``: no stories, no errors."""
    full = build_result()
    return Result(articles=full.articles)


@pytest.fixture
def errors_only() -> Result:
    return Result(errors=build_result().errors)
