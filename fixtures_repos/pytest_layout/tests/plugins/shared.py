import pytest


@pytest.fixture(name="settings")
def settings_fixture() -> dict[str, str]:
    return {"env": "test"}
