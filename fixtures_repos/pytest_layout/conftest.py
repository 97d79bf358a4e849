import asyncio

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


@pytest.fixture(scope="session")
def event_loop_policy() -> asyncio.AbstractEventLoopPolicy:
    # overrides pytest-asyncio's autouse fixture: pytest sets it up for every test, unmarked
    return asyncio.get_event_loop_policy()
