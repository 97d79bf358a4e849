# `fixture` and `pytest` reach this conftest only through the star import (strana's
# `from .common.sync_fixtures import *`): its decorators are pytest's all the same.
from .base import *  # noqa: F403


@fixture(scope="session")  # noqa: F405
def cache() -> dict[str, str]:
    return {}


@pytest.fixture  # noqa: F405
def clock() -> int:
    return 0
