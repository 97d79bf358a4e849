import pytest

pytest_plugins = ["tests.plugins.shared", "tests.plugins.overrides"]


@pytest.fixture(scope="session")
def db() -> str:
    return "root"


@pytest.fixture(autouse=True)
def audit() -> None:
    return None


@pytest.fixture
def clean_state(settings: dict[str, str]) -> None:  # the config's usefixtures: every test
    return None
