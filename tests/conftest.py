"""Shared fixtures: the demo corpus run once per session, and the real-data root."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings

from newsbrief.model import Result

# Speed is measured in bench/, never in unit tests: property tests have no per-example deadline
# (a loaded machine made hypothesis's 200 ms default fail a cleaning test that is correct).
settings.register_profile("newsbrief", deadline=None)
settings.load_profile("newsbrief")

REPO = Path(__file__).resolve().parents[1]
DEMO = REPO / "examples" / "demo"


def data_root() -> Path:
    """Where the public labelled data sets live (``../shared/data`` or $NEWSBRIEF_DATA)."""
    return Path(os.environ.get("NEWSBRIEF_DATA", REPO.parent / "shared" / "data"))


@pytest.fixture(scope="session")
def demo_result() -> Result:
    """The brief of the bundled demo corpus (computed once)."""
    from newsbrief.pipeline import brief

    return brief([DEMO])


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """The shared data folder; skips the test when it is absent (a user's machine)."""
    root = data_root()
    if not root.is_dir():
        pytest.skip(f"public data sets not found at {root} (set NEWSBRIEF_DATA)")
    return root
