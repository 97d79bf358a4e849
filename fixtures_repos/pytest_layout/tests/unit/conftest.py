import pytest


@pytest.fixture
def db(db: str) -> str:
    return db + "/unit"


@pytest.fixture
def audit(token: str) -> None:  # overrides the root's autouse fixture: it still runs, not marked
    return None
