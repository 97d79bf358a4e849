"""Fixtures the package ships for its users' suites."""

import pytest

__all__ = ["client", "settings_fixture"]


@pytest.fixture(name="app_settings")
def settings_fixture() -> dict[str, str]:
    return {"env": "test"}


@pytest.fixture
def client(app_settings: dict[str, str]) -> str:
    return f"client:{app_settings['env']}"


@pytest.fixture
def unexported() -> str:
    return "not in __all__"
