import pytest


@pytest.fixture
def order(user: str) -> str:
    return f"order of {user}"
