import pytest


@pytest.fixture
def db() -> str:
    return "root"
