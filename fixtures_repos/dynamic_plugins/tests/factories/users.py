import pytest


@pytest.fixture
def user(db: str) -> str:
    return f"user of {db}"
