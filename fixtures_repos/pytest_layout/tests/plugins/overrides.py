"""Registered after `shared` and the plugin `shared` names itself: its fixtures win."""

import pytest


@pytest.fixture
def token() -> str:
    return "overrides"


@pytest.fixture(name="settings")
def later_settings() -> dict[str, str]:
    return {"env": "later"}
