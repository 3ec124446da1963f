"""Hypothesis profiles: quick locally, thorough in CI (selected by the CI variable)."""

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

settings.register_profile("dev", max_examples=60, deadline=None)
settings.register_profile(
    "ci",
    max_examples=200,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    print_blob=True,
)
settings.load_profile("ci" if os.environ.get("CI") else os.environ.get("HYPOTHESIS_PROFILE", "dev"))

ROOT = Path(__file__).resolve().parent.parent
SEED_PATH = ROOT / "examples" / "seed.txt"


@pytest.fixture(scope="session")
def seed_text() -> str:
    """The bundled seed capture, exactly as the user gave it."""
    return SEED_PATH.read_text(encoding="utf-8")
