import pytest


@pytest.fixture
def token(user: str) -> str:
    return f"token of {user}"
