import pytest

collect_ignore = ["tests/generated"]


@pytest.fixture
def db() -> str:
    return "root"
