import pytest


@pytest.fixture
def stock() -> str:
    return "stock"
