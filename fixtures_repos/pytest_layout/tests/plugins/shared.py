import pytest

pytest_plugins = ["tests.plugins.nested_tokens"]


@pytest.fixture(name="settings")
def settings_fixture() -> dict[str, str]:
    return {"env": "test"}
