import pytest


@pytest.fixture
def shape() -> str:
    return "square"
