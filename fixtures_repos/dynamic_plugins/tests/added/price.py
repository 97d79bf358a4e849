import pytest


@pytest.fixture
def price() -> str:
    return "price"
