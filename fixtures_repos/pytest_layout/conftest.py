import pytest

pytest_plugins = ["tests.plugins.shared", "tests.plugins.overrides"]


@pytest.fixture(scope="session")
def db() -> str:
    return "root"


@pytest.fixture(autouse=True)
def audit() -> None:
    return None
