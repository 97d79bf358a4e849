"""Arguments pytest fills without fixtures (parametrize, mock's patch decorators) or never
asks for (defaults, ``*args``, ``**kwargs``), and a fixture named like a test."""

import pytest


@pytest.fixture
def test_settings() -> dict[str, str]:
    """A fixture named like a test: pytest never collects a fixture as a test."""
    return {"env": "test"}


def test_uses_settings(db: str, test_settings: dict[str, str]) -> None:
    assert test_settings["env"] == "test" and db
