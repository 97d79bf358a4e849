import pytest


@pytest.fixture
def token() -> str:
    return "nested"
