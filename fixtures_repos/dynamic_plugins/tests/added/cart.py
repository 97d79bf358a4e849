import pytest


@pytest.fixture
def cart() -> str:
    return "cart"
