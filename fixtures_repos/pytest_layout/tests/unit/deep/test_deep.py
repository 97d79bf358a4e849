import pytest


@pytest.fixture
def db() -> str:
    return "module"


def test_module_db_wins(db: str) -> None:
    assert db == "module"
