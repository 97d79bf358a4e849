import pytest


@pytest.fixture
def db(db: str) -> str:
    return db + "/unit"
